// RenderTarget: one image the renderer draws into — its own offscreen image (headless), a
// window swapchain image (desktop) or an OpenXR swapchain image (headset, one per eye) — with
// the multisampled colour and depth-stencil attachments the renderer resolves from.
#pragma once

#include <memory>

#include <vulkan/vulkan.h>

namespace mimesis {

struct TargetDesc {
  // The image to resolve into; VK_NULL_HANDLE: the renderer creates its own (offscreen, with
  // transfer-source usage so it can be read back). External images are borrowed: they must
  // outlive the target and have COLOR_ATTACHMENT usage.
  VkImage image = VK_NULL_HANDLE;
  VkFormat format = VK_FORMAT_R8G8B8A8_SRGB;
  VkExtent2D extent{1280, 720};
  // Layout the image is left in after drawing: TRANSFER_SRC_OPTIMAL (offscreen, for readback),
  // PRESENT_SRC_KHR (window) or COLOR_ATTACHMENT_OPTIMAL (OpenXR swapchain images).
  VkImageLayout finalLayout = VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL;
};

class RenderTarget {
 public:
  virtual ~RenderTarget() = default;
  virtual const TargetDesc& desc() const = 0;
  virtual VkImage image() const = 0;  // the resolved image (own or borrowed)
};

}  // namespace mimesis
