// Buffers and images with their own memory allocations (the renderer has few, long-lived ones).
#include "GpuResources.hpp"

#include "VkCheck.hpp"

namespace mimesis::vk {

Result<Buffer> Buffer::create(const VulkanContext& ctx, VkDeviceSize size, VkBufferUsageFlags usage,
                              VkMemoryPropertyFlags memory) {
  Buffer b;
  b.device_ = ctx.device();
  b.size_ = size;
  VkBufferCreateInfo info{};
  info.sType = VK_STRUCTURE_TYPE_BUFFER_CREATE_INFO;
  info.size = size;
  info.usage = usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  MIMESIS_VK_TRY(vkCreateBuffer(b.device_, &info, nullptr, &b.buffer_));
  VkMemoryRequirements req;
  vkGetBufferMemoryRequirements(b.device_, b.buffer_, &req);
  const int type = ctx.findMemoryType(req.memoryTypeBits, memory);
  if (type < 0) return makeError(ErrorCode::Device, "no memory type for a buffer", "vkGetBufferMemoryRequirements");
  VkMemoryAllocateInfo alloc{};
  alloc.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  alloc.allocationSize = req.size;
  alloc.memoryTypeIndex = static_cast<std::uint32_t>(type);
  MIMESIS_VK_TRY(vkAllocateMemory(b.device_, &alloc, nullptr, &b.memory_));
  MIMESIS_VK_TRY(vkBindBufferMemory(b.device_, b.buffer_, b.memory_, 0));
  if ((memory & VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT) != 0)
    MIMESIS_VK_TRY(vkMapMemory(b.device_, b.memory_, 0, VK_WHOLE_SIZE, 0, &b.mapped_));
  return b;
}

Buffer& Buffer::operator=(Buffer&& o) noexcept {
  if (this != &o) {
    reset();
    device_ = o.device_;
    buffer_ = std::exchange(o.buffer_, VK_NULL_HANDLE);
    memory_ = std::exchange(o.memory_, VK_NULL_HANDLE);
    size_ = std::exchange(o.size_, 0);
    mapped_ = std::exchange(o.mapped_, nullptr);
  }
  return *this;
}

void Buffer::reset() {
  if (buffer_ != VK_NULL_HANDLE) vkDestroyBuffer(device_, buffer_, nullptr);
  if (memory_ != VK_NULL_HANDLE) vkFreeMemory(device_, memory_, nullptr);  // also unmaps
  buffer_ = VK_NULL_HANDLE;
  memory_ = VK_NULL_HANDLE;
  mapped_ = nullptr;
  size_ = 0;
}

Result<Image> Image::create(const VulkanContext& ctx, VkExtent2D extent, VkFormat format, VkImageUsageFlags usage,
                            VkSampleCountFlagBits samples, VkImageAspectFlags aspect) {
  Image im;
  im.device_ = ctx.device();
  VkImageCreateInfo info{};
  info.sType = VK_STRUCTURE_TYPE_IMAGE_CREATE_INFO;
  info.imageType = VK_IMAGE_TYPE_2D;
  info.format = format;
  info.extent = {extent.width, extent.height, 1};
  info.mipLevels = 1;
  info.arrayLayers = 1;
  info.samples = samples;
  info.tiling = VK_IMAGE_TILING_OPTIMAL;
  info.usage = usage;
  info.sharingMode = VK_SHARING_MODE_EXCLUSIVE;
  info.initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  MIMESIS_VK_TRY(vkCreateImage(im.device_, &info, nullptr, &im.image_));
  VkMemoryRequirements req;
  vkGetImageMemoryRequirements(im.device_, im.image_, &req);
  int type = -1;
  // Multisampled attachments that never leave the tile can live in lazily allocated memory.
  if ((usage & VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT) != 0)
    type = ctx.findMemoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_LAZILY_ALLOCATED_BIT);
  if (type < 0) type = ctx.findMemoryType(req.memoryTypeBits, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  if (type < 0) type = ctx.findMemoryType(req.memoryTypeBits, 0);
  if (type < 0) return makeError(ErrorCode::Device, "no memory type for an image", "vkGetImageMemoryRequirements");
  VkMemoryAllocateInfo alloc{};
  alloc.sType = VK_STRUCTURE_TYPE_MEMORY_ALLOCATE_INFO;
  alloc.allocationSize = req.size;
  alloc.memoryTypeIndex = static_cast<std::uint32_t>(type);
  MIMESIS_VK_TRY(vkAllocateMemory(im.device_, &alloc, nullptr, &im.memory_));
  MIMESIS_VK_TRY(vkBindImageMemory(im.device_, im.image_, im.memory_, 0));
  VkImageViewCreateInfo view{};
  view.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO;
  view.image = im.image_;
  view.viewType = VK_IMAGE_VIEW_TYPE_2D;
  view.format = format;
  view.subresourceRange = {aspect, 0, 1, 0, 1};
  MIMESIS_VK_TRY(vkCreateImageView(im.device_, &view, nullptr, &im.view_));
  return im;
}

Image& Image::operator=(Image&& o) noexcept {
  if (this != &o) {
    reset();
    device_ = o.device_;
    image_ = std::exchange(o.image_, VK_NULL_HANDLE);
    memory_ = std::exchange(o.memory_, VK_NULL_HANDLE);
    view_ = std::exchange(o.view_, VK_NULL_HANDLE);
  }
  return *this;
}

void Image::reset() {
  if (view_ != VK_NULL_HANDLE) vkDestroyImageView(device_, view_, nullptr);
  if (image_ != VK_NULL_HANDLE) vkDestroyImage(device_, image_, nullptr);
  if (memory_ != VK_NULL_HANDLE) vkFreeMemory(device_, memory_, nullptr);
  view_ = VK_NULL_HANDLE;
  image_ = VK_NULL_HANDLE;
  memory_ = VK_NULL_HANDLE;
}

Status submitOnce(const VulkanContext& ctx, VkCommandPool pool, void (*record)(VkCommandBuffer, void*), void* user) {
  VkCommandBufferAllocateInfo alloc{};
  alloc.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
  alloc.commandPool = pool;
  alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
  alloc.commandBufferCount = 1;
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  MIMESIS_VK_TRY(vkAllocateCommandBuffers(ctx.device(), &alloc, &cmd));
  VkCommandBufferBeginInfo begin{};
  begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  VkResult r = vkBeginCommandBuffer(cmd, &begin);
  if (r == VK_SUCCESS) {
    record(cmd, user);
    r = vkEndCommandBuffer(cmd);
  }
  if (r == VK_SUCCESS) {
    VkSubmitInfo submit{};
    submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
    submit.commandBufferCount = 1;
    submit.pCommandBuffers = &cmd;
    r = vkQueueSubmit(ctx.queue(), 1, &submit, VK_NULL_HANDLE);
    if (r == VK_SUCCESS) r = vkQueueWaitIdle(ctx.queue());
  }
  vkFreeCommandBuffers(ctx.device(), pool, 1, &cmd);
  MIMESIS_VK_TRY(r);
  return okStatus();
}

}  // namespace mimesis::vk
