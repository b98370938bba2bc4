// Window presentation: swapchain (re)creation, acquire with recycled semaphores, present.
#include "mimesis/render/WindowSwapchain.hpp"

#include <algorithm>

#include "VkCheck.hpp"

namespace mimesis {

Result<std::unique_ptr<WindowSwapchain>> WindowSwapchain::create(VulkanContext& context, Renderer& renderer,
                                                                  VkSurfaceKHR surface,
                                                                  std::function<VkExtent2D()> framebufferSize,
                                                                  const WindowSwapchainOptions& options) {
  std::unique_ptr<WindowSwapchain> w(new WindowSwapchain());
  w->context_ = &context;
  w->renderer_ = &renderer;
  w->surface_ = surface;
  w->framebufferSize_ = std::move(framebufferSize);
  w->options_ = options;
  VkBool32 supported = VK_FALSE;
  MIMESIS_VK_TRY(vkGetPhysicalDeviceSurfaceSupportKHR(context.physicalDevice(), context.queueFamily(), surface, &supported));
  if (supported != VK_TRUE)
    return makeError(ErrorCode::Device, "the graphics queue cannot present to this window", "vkGetPhysicalDeviceSurfaceSupportKHR");
  MIMESIS_TRY_STATUS(w->rebuild());
  return w;
}

WindowSwapchain::~WindowSwapchain() {
  const VkDevice device = context_->device();
  vkDeviceWaitIdle(device);
  destroyImages();
  for (VkSemaphore s : freeSemaphores_) vkDestroySemaphore(device, s, nullptr);
  if (swapchain_ != VK_NULL_HANDLE) vkDestroySwapchainKHR(device, swapchain_, nullptr);
}

void WindowSwapchain::destroyImages() {
  const VkDevice device = context_->device();
  targets_.clear();
  for (VkSemaphore s : renderDone_) vkDestroySemaphore(device, s, nullptr);
  renderDone_.clear();
  // Semaphores still attached to images return to the free list: after a device wait nothing uses them.
  for (VkSemaphore s : imageAcquired_)
    if (s != VK_NULL_HANDLE) freeSemaphores_.push_back(s);
  imageAcquired_.clear();
}

Status WindowSwapchain::rebuild() {
  const VkDevice device = context_->device();
  const VkPhysicalDevice physical = context_->physicalDevice();
  MIMESIS_TRY_STATUS(context_->waitIdle());
  MIMESIS_TRY_STATUS(renderer_->finish());
  VkSurfaceCapabilitiesKHR caps;
  MIMESIS_VK_TRY(vkGetPhysicalDeviceSurfaceCapabilitiesKHR(physical, surface_, &caps));
  VkExtent2D size = caps.currentExtent;
  if (size.width == 0xFFFFFFFFu) size = framebufferSize_();  // the window lets us choose
  size.width = std::clamp(size.width, caps.minImageExtent.width, caps.maxImageExtent.width);
  size.height = std::clamp(size.height, caps.minImageExtent.height, caps.maxImageExtent.height);
  destroyImages();
  resized_ = false;
  extent_ = size;
  if (size.width == 0 || size.height == 0) return okStatus();  // minimised: rebuild on the next acquire

  std::uint32_t n = 0;
  MIMESIS_VK_TRY(vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface_, &n, nullptr));
  std::vector<VkSurfaceFormatKHR> formats(n);
  MIMESIS_VK_TRY(vkGetPhysicalDeviceSurfaceFormatsKHR(physical, surface_, &n, formats.data()));
  if (formats.empty()) return makeError(ErrorCode::Device, "the window offers no surface formats", "vkGetPhysicalDeviceSurfaceFormatsKHR");
  VkSurfaceFormatKHR chosen = formats[0];
  for (const VkSurfaceFormatKHR& f : formats)
    if (f.format == options_.preferredFormat && f.colorSpace == VK_COLOR_SPACE_SRGB_NONLINEAR_KHR) chosen = f;
  format_ = chosen.format;

  MIMESIS_VK_TRY(vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface_, &n, nullptr));
  std::vector<VkPresentModeKHR> modes(n);
  MIMESIS_VK_TRY(vkGetPhysicalDeviceSurfacePresentModesKHR(physical, surface_, &n, modes.data()));
  VkPresentModeKHR mode = VK_PRESENT_MODE_FIFO_KHR;  // always available
  if (!options_.vsync)
    for (VkPresentModeKHR want : {VK_PRESENT_MODE_MAILBOX_KHR, VK_PRESENT_MODE_IMMEDIATE_KHR})
      if (std::find(modes.begin(), modes.end(), want) != modes.end()) {
        mode = want;
        break;
      }

  std::uint32_t images = std::max(caps.minImageCount + 1, 3u);
  if (caps.maxImageCount > 0) images = std::min(images, caps.maxImageCount);
  VkSwapchainCreateInfoKHR info{};
  info.sType = VK_STRUCTURE_TYPE_SWAPCHAIN_CREATE_INFO_KHR;
  info.surface = surface_;
  info.minImageCount = images;
  info.imageFormat = chosen.format;
  info.imageColorSpace = chosen.colorSpace;
  info.imageExtent = size;
  info.imageArrayLayers = 1;
  info.imageUsage = VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT;
  info.imageSharingMode = VK_SHARING_MODE_EXCLUSIVE;
  info.preTransform = caps.currentTransform;
  info.compositeAlpha = VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR;
  if ((caps.supportedCompositeAlpha & VK_COMPOSITE_ALPHA_OPAQUE_BIT_KHR) == 0)
    info.compositeAlpha = VK_COMPOSITE_ALPHA_INHERIT_BIT_KHR;
  info.presentMode = mode;
  info.clipped = VK_TRUE;
  info.oldSwapchain = swapchain_;
  VkSwapchainKHR next = VK_NULL_HANDLE;
  MIMESIS_VK_TRY(vkCreateSwapchainKHR(device, &info, nullptr, &next));
  if (swapchain_ != VK_NULL_HANDLE) {
    vkDestroySwapchainKHR(device, swapchain_, nullptr);
    ++rebuilds_;
  }
  swapchain_ = next;

  MIMESIS_VK_TRY(vkGetSwapchainImagesKHR(device, swapchain_, &n, nullptr));
  std::vector<VkImage> swapImages(n);
  MIMESIS_VK_TRY(vkGetSwapchainImagesKHR(device, swapchain_, &n, swapImages.data()));
  for (VkImage image : swapImages) {
    TargetDesc d;
    d.image = image;
    d.format = format_;
    d.extent = size;
    d.finalLayout = VK_IMAGE_LAYOUT_PRESENT_SRC_KHR;
    auto t = renderer_->createTarget(d);
    if (!t) return t.error();
    targets_.push_back(std::move(*t));
    VkSemaphoreCreateInfo s{};
    s.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO;
    VkSemaphore sem = VK_NULL_HANDLE;
    MIMESIS_VK_TRY(vkCreateSemaphore(device, &s, nullptr, &sem));
    renderDone_.push_back(sem);
  }
  imageAcquired_.assign(swapImages.size(), VK_NULL_HANDLE);
  return okStatus();
}

Result<WindowSwapchain::Frame> WindowSwapchain::acquire() {
  if (resized_ || extent_.width == 0 || extent_.height == 0) {
    const VkExtent2D want = framebufferSize_();
    if (want.width == 0 || want.height == 0) return Frame{};  // minimised: nothing to draw
    MIMESIS_TRY_STATUS(rebuild());
    if (extent_.width == 0 || extent_.height == 0) return Frame{};
  }
  for (int attempt = 0; attempt < 2; ++attempt) {
    // An acquire semaphore may be reused only once the image it was attached to comes back.
    VkSemaphore acquired = VK_NULL_HANDLE;
    if (!freeSemaphores_.empty()) {
      acquired = freeSemaphores_.back();
      freeSemaphores_.pop_back();
    } else {
      VkSemaphoreCreateInfo s{};
      s.sType = VK_STRUCTURE_TYPE_SEMAPHORE_CREATE_INFO;
      MIMESIS_VK_TRY(vkCreateSemaphore(context_->device(), &s, nullptr, &acquired));
    }
    std::uint32_t image = 0;
    const VkResult r = vkAcquireNextImageKHR(context_->device(), swapchain_, UINT64_MAX, acquired, VK_NULL_HANDLE, &image);
    if (r == VK_ERROR_OUT_OF_DATE_KHR) {
      freeSemaphores_.push_back(acquired);  // not signalled: the acquire did not happen
      MIMESIS_TRY_STATUS(rebuild());
      if (extent_.width == 0 || extent_.height == 0) return Frame{};
      continue;
    }
    if (r != VK_SUCCESS && r != VK_SUBOPTIMAL_KHR) {
      freeSemaphores_.push_back(acquired);
      return vk::callError("vkAcquireNextImageKHR", r, __FILE__, __LINE__);
    }
    if (r == VK_SUBOPTIMAL_KHR) resized_ = true;  // draw this one, rebuild before the next
    if (imageAcquired_[image] != VK_NULL_HANDLE) freeSemaphores_.push_back(imageAcquired_[image]);
    imageAcquired_[image] = acquired;
    Frame f;
    f.target = targets_[image].get();
    f.image = image;
    f.sync.wait = acquired;
    f.sync.waitStage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
    f.sync.signal = renderDone_[image];
    return f;
  }
  return makeError(ErrorCode::Device, "the swapchain stayed out of date after a rebuild", "vkAcquireNextImageKHR");
}

Status WindowSwapchain::present(const Frame& frame) {
  if (frame.target == nullptr) return okStatus();
  VkPresentInfoKHR info{};
  info.sType = VK_STRUCTURE_TYPE_PRESENT_INFO_KHR;
  info.waitSemaphoreCount = 1;
  info.pWaitSemaphores = &renderDone_[frame.image];
  info.swapchainCount = 1;
  info.pSwapchains = &swapchain_;
  info.pImageIndices = &frame.image;
  const VkResult r = vkQueuePresentKHR(context_->queue(), &info);
  if (r == VK_ERROR_OUT_OF_DATE_KHR || r == VK_SUBOPTIMAL_KHR) {
    resized_ = true;
    return okStatus();
  }
  MIMESIS_VK_TRY(r);
  return okStatus();
}

}  // namespace mimesis
