// Swapchains backed by real VkImages on the application's device: formats, creation (images
// handed over in the attachment layout), acquire/wait/release order, and the PNG dump of
// submitted eye images.
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "Entry.hpp"

#define STB_IMAGE_WRITE_IMPLEMENTATION
#define STBI_WRITE_NO_STDIO_FAILURES
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wcast-align"
#include <stb_image_write.h>
#pragma GCC diagnostic pop

namespace mxs {
namespace {

constexpr std::uint32_t kImageCount = 3;

#define MXS_SWAPCHAIN(var, handle)                                \
  std::lock_guard<std::mutex> lock_(runtime().mutex);             \
  Swapchain* var = findSwapchain(handle);                         \
  if (var == nullptr) return XR_ERROR_HANDLE_INVALID;             \
  if (XrResult r_ = instanceStatus(*var->session->instance); XR_FAILED(r_)) return r_

bool isDepthFormat(std::int64_t f) {
  return f == VK_FORMAT_D32_SFLOAT || f == VK_FORMAT_D16_UNORM || f == VK_FORMAT_D24_UNORM_S8_UINT;
}

int memoryType(const Session& s, std::uint32_t bits, VkMemoryPropertyFlags want) {
  VkPhysicalDeviceMemoryProperties props;
  vkGetPhysicalDeviceMemoryProperties(s.vkPhysical, &props);
  for (std::uint32_t i = 0; i < props.memoryTypeCount; ++i)
    if ((bits & (1u << i)) != 0 && (props.memoryTypes[i].propertyFlags & want) == want) return static_cast<int>(i);
  return -1;
}

// Records `record` into a one-time command buffer, submits it on the session's queue and waits.
template <typename F>
bool submitAndWait(Session& s, F record) {
  VkCommandBufferAllocateInfo alloc{};
  alloc.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
  alloc.commandPool = s.commandPool;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VkCommandBuffer cb = VK_NULL_HANDLE;
  if (vkAllocateCommandBuffers(s.vkDevice, &alloc, &cb) != VK_SUCCESS) return false;
  VkCommandBufferBeginInfo begin{};
  begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  vkBeginCommandBuffer(cb, &begin);
  record(cb);
  vkEndCommandBuffer(cb);
  VkFenceCreateInfo fi{};
  fi.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
  VkFence fence = VK_NULL_HANDLE;
  bool ok = vkCreateFence(s.vkDevice, &fi, nullptr, &fence) == VK_SUCCESS;
  VkSubmitInfo submit{};
  submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
  submit.commandBufferCount = 1;
  submit.pCommandBuffers = &cb;
  ok = ok && vkQueueSubmit(s.vkQueue, 1, &submit, fence) == VK_SUCCESS;
  ok = ok && vkWaitForFences(s.vkDevice, 1, &fence, VK_TRUE, 10'000'000'000ULL) == VK_SUCCESS;
  if (fence != VK_NULL_HANDLE) vkDestroyFence(s.vkDevice, fence, nullptr);
  vkFreeCommandBuffers(s.vkDevice, s.commandPool, 1, &cb);
  return ok;
}

VkImageLayout attachmentLayout(const Swapchain& sc) {
  return sc.depth ? VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL : VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
}

}  // namespace

const std::vector<std::int64_t>& swapchainFormats() {
  static const std::vector<std::int64_t> formats{VK_FORMAT_R8G8B8A8_SRGB, VK_FORMAT_B8G8R8A8_SRGB,
                                                 VK_FORMAT_R8G8B8A8_UNORM, VK_FORMAT_D32_SFLOAT, VK_FORMAT_D16_UNORM};
  return formats;
}

XrResult createSwapchainImages(Swapchain& sc) {
  Session& s = *sc.session;
  const XrSwapchainCreateInfo& info = sc.info;
  VkImageUsageFlags usage = VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT;  // what a compositor needs
  if (info.usageFlags & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT) usage |= VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
  if (info.usageFlags & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT) usage |= VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT;
  if (info.usageFlags & XR_SWAPCHAIN_USAGE_TRANSFER_DST_BIT) usage |= VK_IMAGE_USAGE_TRANSFER_DST_BIT;
  if (info.usageFlags & XR_SWAPCHAIN_USAGE_UNORDERED_ACCESS_BIT) usage |= VK_IMAGE_USAGE_STORAGE_BIT;
  for (std::uint32_t i = 0; i < kImageCount; ++i) {
    VkImageCreateInfo ci{};
    ci.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO;
    ci.imageType = VK_IMAGE_TYPE_2D;
    ci.format = static_cast<VkFormat>(info.format);
    ci.extent = {info.width, info.height, 1};
    ci.mipLevels = info.mipCount;
    ci.arrayLayers = info.arraySize;
    ci.samples = VK_SAMPLE_COUNT_1_BIT;
    ci.tiling = VK_IMAGE_TILING_OPTIMAL;
    ci.usage = usage;
    ci.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
    ci.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    VkImage image = VK_NULL_HANDLE;
    if (vkCreateImage(s.vkDevice, &ci, nullptr, &image) != VK_SUCCESS) return XR_ERROR_RUNTIME_FAILURE;
    sc.images.push_back(image);
    VkMemoryRequirements req;
    vkGetImageMemoryRequirements(s.vkDevice, image, &req);
    VkMemoryAllocateInfo ai{};
    ai.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
    ai.allocationSize = req.size;
    const int type = memoryType(s, req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
    if (type < 0) return XR_ERROR_RUNTIME_FAILURE;
    ai.memoryTypeIndex = static_cast<std::uint32_t>(type);
    VkDeviceMemory memory = VK_NULL_HANDLE;
    if (vkAllocateMemory(s.vkDevice, &ai, nullptr, &memory) != VK_SUCCESS) return XR_ERROR_RUNTIME_FAILURE;
    sc.memory.push_back(memory);
    if (vkBindImageMemory(s.vkDevice, image, memory, 0) != VK_SUCCESS) return XR_ERROR_RUNTIME_FAILURE;
  }
  // XR_KHR_vulkan_enable: an acquired image is in the attachment layout; hand them over so.
  const bool ok = submitAndWait(s, [&](VkCommandBuffer cb) {
    for (VkImage image : sc.images) {
      VkImageMemoryBarrier b{};
      b.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
      b.srcAccessMask = 0;
      b.dstAccessMask = sc.depth ? VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT : VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
      b.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
      b.newLayout = attachmentLayout(sc);
      b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
      b.image = image;
      b.subresourceRange = {static_cast<VkImageAspectFlags>(sc.depth ? VK_IMAGE_ASPECT_DEPTH_BIT : VK_IMAGE_ASPECT_COLOR_BIT),
                            0, info.mipCount, 0, info.arraySize};
      vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_ALL_COMMANDS_BIT, 0, 0, nullptr, 0,
                           nullptr, 1, &b);
    }
  });
  return ok ? XR_SUCCESS : XR_ERROR_RUNTIME_FAILURE;
}

void destroySwapchainImages(Swapchain& sc) {
  Session& s = *sc.session;
  if (s.vkDevice == VK_NULL_HANDLE) return;
  vkQueueWaitIdle(s.vkQueue);  // the application's last frames may still read them
  for (VkImage image : sc.images) vkDestroyImage(s.vkDevice, image, nullptr);
  for (VkDeviceMemory m : sc.memory) vkFreeMemory(s.vkDevice, m, nullptr);
  sc.images.clear();
  sc.memory.clear();
}

void destroySessionVulkan(Session& s) {
  if (s.vkDevice != VK_NULL_HANDLE && s.commandPool != VK_NULL_HANDLE) {
    vkQueueWaitIdle(s.vkQueue);
    vkDestroyCommandPool(s.vkDevice, s.commandPool, nullptr);
  }
  s.commandPool = VK_NULL_HANDLE;
}

void dumpEyeImage(Session& s, const Swapchain& sc, std::uint32_t index, const XrRect2Di& rect, std::int64_t frame,
                  int eye) {
  const auto w = static_cast<std::uint32_t>(rect.extent.width), h = static_cast<std::uint32_t>(rect.extent.height);
  const VkDeviceSize size = static_cast<VkDeviceSize>(w) * h * 4;
  VkBufferCreateInfo bi{};
  bi.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
  bi.size = size;
  bi.usage = VK_BUFFER_USAGE_TRANSFER_DST_BIT;
  VkBuffer buffer = VK_NULL_HANDLE;
  if (vkCreateBuffer(s.vkDevice, &bi, nullptr, &buffer) != VK_SUCCESS) return;
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(s.vkDevice, buffer, &req);
  const int type = memoryType(s, req.memoryTypeBits, VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  VkDeviceMemory memory = VK_NULL_HANDLE;
  VkMemoryAllocateInfo ai{};
  ai.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  ai.allocationSize = req.size;
  ai.memoryTypeIndex = static_cast<std::uint32_t>(type < 0 ? 0 : type);
  if (type < 0 || vkAllocateMemory(s.vkDevice, &ai, nullptr, &memory) != VK_SUCCESS ||
      vkBindBufferMemory(s.vkDevice, buffer, memory, 0) != VK_SUCCESS) {
    vkDestroyBuffer(s.vkDevice, buffer, nullptr);
    if (memory != VK_NULL_HANDLE) vkFreeMemory(s.vkDevice, memory, nullptr);
    return;
  }
  const VkImage image = sc.images[index];
  const bool ok = submitAndWait(s, [&](VkCommandBuffer cb) {
    VkImageMemoryBarrier b{};
    b.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
    b.srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    b.dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
    b.oldLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    b.newLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    b.srcQueueFamilyIndex = b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = image;
    b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr,
                         0, nullptr, 1, &b);
    VkBufferImageCopy copy{};
    copy.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    copy.imageOffset = {rect.offset.x, rect.offset.y, 0};
    copy.imageExtent = {w, h, 1};
    vkCmdCopyImageToBuffer(cb, image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, buffer, 1, &copy);
    b.srcAccessMask = VK_ACCESS_TRANSFER_READ_BIT;
    b.dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
    b.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
    b.newLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT, 0, 0, nullptr,
                         0, nullptr, 1, &b);
    VkBufferMemoryBarrier hb{};
    hb.sType = VK_STRUCTURE_TYPE_BUFFER_MEMORY_BARRIER;
    hb.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    hb.dstAccessMask = VK_ACCESS_HOST_READ_BIT;
    hb.srcQueueFamilyIndex = hb.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    hb.buffer = buffer;
    hb.size = VK_WHOLE_SIZE;
    vkCmdPipelineBarrier(cb, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_HOST_BIT, 0, 0, nullptr, 1, &hb, 0, nullptr);
  });
  void* mapped = nullptr;
  if (ok && vkMapMemory(s.vkDevice, memory, 0, size, 0, &mapped) == VK_SUCCESS) {
    std::vector<unsigned char> rgba(static_cast<std::size_t>(size));
    std::memcpy(rgba.data(), mapped, rgba.size());
    vkUnmapMemory(s.vkDevice, memory);
    if (sc.info.format == VK_FORMAT_B8G8R8A8_SRGB)
      for (std::size_t i = 0; i + 3 < rgba.size(); i += 4) std::swap(rgba[i], rgba[i + 2]);
    std::error_code ec;
    std::filesystem::create_directories(s.instance->config.dumpDir, ec);
    char name[64];
    std::snprintf(name, sizeof name, "frame-%06lld-eye%d.png", static_cast<long long>(frame), eye);
    const std::string path = (std::filesystem::path(s.instance->config.dumpDir) / name).string();
    if (stbi_write_png(path.c_str(), static_cast<int>(w), static_cast<int>(h), 4, rgba.data(), static_cast<int>(w * 4)) == 0)
      logLine(nullptr, "cannot write " + path);
  }
  vkDestroyBuffer(s.vkDevice, buffer, nullptr);
  vkFreeMemory(s.vkDevice, memory, nullptr);
}

XrResult XRAPI_CALL EnumerateSwapchainFormats(XrSession handle, uint32_t capacity, uint32_t* count, int64_t* formats) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Session* s = findSession(handle);
  if (s == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (XrResult r = instanceStatus(*s->instance); XR_FAILED(r)) return r;
  const auto& list = swapchainFormats();
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = static_cast<uint32_t>(list.size());
  if (capacity == 0) return XR_SUCCESS;
  if (formats == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < list.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  for (std::size_t i = 0; i < list.size(); ++i) formats[i] = list[i];
  return XR_SUCCESS;
}

XrResult XRAPI_CALL CreateSwapchain(XrSession handle, const XrSwapchainCreateInfo* info, XrSwapchain* out) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Session* s = findSession(handle);
  if (s == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (XrResult r = instanceStatus(*s->instance); XR_FAILED(r)) return r;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_SWAPCHAIN_CREATE_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  bool known = false;
  for (std::int64_t f : swapchainFormats()) known = known || f == info->format;
  if (!known) return XR_ERROR_SWAPCHAIN_FORMAT_UNSUPPORTED;
  if (info->sampleCount != 1 || info->faceCount != 1 || info->mipCount != 1 || info->arraySize != 1)
    return XR_ERROR_FEATURE_UNSUPPORTED;
  if (info->width == 0 || info->height == 0 || info->width > 4096 || info->height > 4096)
    return XR_ERROR_VALIDATION_FAILURE;
  const bool depth = isDepthFormat(info->format);
  if (depth && (info->usageFlags & XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT)) return XR_ERROR_FEATURE_UNSUPPORTED;
  if (!depth && (info->usageFlags & XR_SWAPCHAIN_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT)) return XR_ERROR_FEATURE_UNSUPPORTED;
  auto sc = std::make_unique<Swapchain>();
  sc->id = newId();
  sc->session = s;
  sc->info = *info;
  sc->info.next = nullptr;
  sc->depth = depth;
  if (XrResult r = createSwapchainImages(*sc); XR_FAILED(r)) {
    destroySwapchainImages(*sc);
    return r;
  }
  *out = toHandle<XrSwapchain>(sc->id);
  s->swapchains[sc->id] = std::move(sc);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL DestroySwapchain(XrSwapchain handle) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Swapchain* sc = findSwapchain(handle);
  if (sc == nullptr) return XR_ERROR_HANDLE_INVALID;
  destroySwapchainImages(*sc);
  sc->session->swapchains.erase(sc->id);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL EnumerateSwapchainImages(XrSwapchain handle, uint32_t capacity, uint32_t* count,
                                             XrSwapchainImageBaseHeader* images) {
  MXS_SWAPCHAIN(sc, handle);
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = static_cast<uint32_t>(sc->images.size());
  if (capacity == 0) return XR_SUCCESS;
  if (images == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < sc->images.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  auto* vk = reinterpret_cast<XrSwapchainImageVulkan2KHR*>(images);
  for (std::size_t i = 0; i < sc->images.size(); ++i) {
    if (vk[i].type != XR_TYPE_SWAPCHAIN_IMAGE_VULKAN2_KHR) return XR_ERROR_VALIDATION_FAILURE;
    vk[i].image = sc->images[i];
  }
  return XR_SUCCESS;
}

XrResult XRAPI_CALL AcquireSwapchainImage(XrSwapchain handle, const XrSwapchainImageAcquireInfo* info, uint32_t* index) {
  MXS_SWAPCHAIN(sc, handle);
  if (index == nullptr || (info != nullptr && info->type != XR_TYPE_SWAPCHAIN_IMAGE_ACQUIRE_INFO))
    return XR_ERROR_VALIDATION_FAILURE;
  if (sc->session->lossPending) return XR_ERROR_SESSION_LOST;
  if (sc->acquired.size() >= sc->images.size()) return XR_ERROR_CALL_ORDER_INVALID;
  *index = sc->nextAcquire;
  sc->acquired.push_back(sc->nextAcquire);
  sc->nextAcquire = (sc->nextAcquire + 1) % static_cast<std::uint32_t>(sc->images.size());
  return XR_SUCCESS;
}

XrResult XRAPI_CALL WaitSwapchainImage(XrSwapchain handle, const XrSwapchainImageWaitInfo* info) {
  MXS_SWAPCHAIN(sc, handle);
  if (info == nullptr || info->type != XR_TYPE_SWAPCHAIN_IMAGE_WAIT_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (sc->session->lossPending) return XR_ERROR_SESSION_LOST;
  if (sc->acquired.empty() || sc->waited) return XR_ERROR_CALL_ORDER_INVALID;
  sc->waited = true;  // the compositor is never reading: ready at once
  return XR_SUCCESS;
}

XrResult XRAPI_CALL ReleaseSwapchainImage(XrSwapchain handle, const XrSwapchainImageReleaseInfo* info) {
  MXS_SWAPCHAIN(sc, handle);
  if (info != nullptr && info->type != XR_TYPE_SWAPCHAIN_IMAGE_RELEASE_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (sc->session->lossPending) return XR_ERROR_SESSION_LOST;
  if (sc->acquired.empty() || !sc->waited) return XR_ERROR_CALL_ORDER_INVALID;
  sc->lastReleased = static_cast<int>(sc->acquired.front());
  sc->acquired.pop_front();
  sc->waited = false;
  return XR_SUCCESS;
}

}  // namespace mxs
