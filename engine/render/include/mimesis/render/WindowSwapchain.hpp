// WindowSwapchain: presents renderer frames to a window surface. Acquire gives the target to draw
// into and the semaphores the renderer's submission must wait on and signal; present hands the
// image to the window system. A resized window, an out-of-date or suboptimal swapchain and a
// minimised window (zero size) are handled here as states, not errors: the swapchain is rebuilt
// and the caller simply skips frames that have no target.
#pragma once

#include <functional>
#include <memory>

#include <vulkan/vulkan.h>

#include "mimesis/core/Error.hpp"
#include "mimesis/render/Renderer.hpp"

namespace mimesis {

struct WindowSwapchainOptions {
  bool vsync = true;  // FIFO; false prefers MAILBOX, then IMMEDIATE
  VkFormat preferredFormat = VK_FORMAT_B8G8R8A8_SRGB;
};

class WindowSwapchain {
 public:
  // One acquired image: draw into `target` with `sync`, then present(frame).
  struct Frame {
    RenderTarget* target = nullptr;  // null: nothing to draw this time (minimised window)
    SubmitSync sync;
    std::uint32_t image = 0;
  };

  // `surface` is borrowed (the window system created it; destroy it after this object).
  // `framebufferSize` returns the window's current size in pixels. The context must have been
  // created with VulkanContextOptions::swapchain and the window system's instance extensions.
  static Result<std::unique_ptr<WindowSwapchain>> create(VulkanContext& context, Renderer& renderer, VkSurfaceKHR surface,
                                                         std::function<VkExtent2D()> framebufferSize,
                                                         const WindowSwapchainOptions& options = {});
  ~WindowSwapchain();
  WindowSwapchain(const WindowSwapchain&) = delete;
  WindowSwapchain& operator=(const WindowSwapchain&) = delete;

  Result<Frame> acquire();
  Status present(const Frame& frame);
  // The window reported a new size: rebuild before the next acquire.
  void markResized() { resized_ = true; }

  VkExtent2D extent() const { return extent_; }
  VkFormat format() const { return format_; }
  int rebuilds() const { return rebuilds_; }  // how many times the swapchain was recreated

 private:
  WindowSwapchain() = default;
  Status rebuild();
  void destroyImages();

  VulkanContext* context_ = nullptr;
  Renderer* renderer_ = nullptr;
  VkSurfaceKHR surface_ = VK_NULL_HANDLE;
  std::function<VkExtent2D()> framebufferSize_;
  WindowSwapchainOptions options_;
  VkSwapchainKHR swapchain_ = VK_NULL_HANDLE;
  VkFormat format_ = VK_FORMAT_UNDEFINED;
  VkExtent2D extent_{0, 0};
  std::vector<std::unique_ptr<RenderTarget>> targets_;   // one per swapchain image
  std::vector<VkSemaphore> renderDone_;                  // one per swapchain image
  std::vector<VkSemaphore> imageAcquired_;               // the semaphore each image was acquired with
  std::vector<VkSemaphore> freeSemaphores_;              // acquire semaphores not in use
  bool resized_ = false;
  int rebuilds_ = 0;
};

}  // namespace mimesis
