// Overlay: the Dear ImGui layer drawn last in every view — world-anchored labels, the panel
// lines of the frame description, and (desktop) the caller's panels.
#pragma once

#include <functional>
#include <memory>

#include <vulkan/vulkan.h>

#include "mimesis/core/Error.hpp"
#include "mimesis/frame/EyeView.hpp"
#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/render/VulkanContext.hpp"

namespace mimesis::render {

class Overlay {
 public:
  // Initialises ImGui's Vulkan backend for `renderPass` (compatible passes share it); creates an
  // ImGui context when the caller has none. `buffersInFlight` must cover every RenderDrawData
  // call whose buffers may still be in use (frames in flight x views per frame).
  static Result<std::unique_ptr<Overlay>> create(VulkanContext& ctx, VkRenderPass renderPass,
                                                 VkSampleCountFlagBits samples, int buffersInFlight,
                                                 VkCommandPool uploadPool);
  ~Overlay();
  Overlay(const Overlay&) = delete;
  Overlay& operator=(const Overlay&) = delete;

  // Builds and records one ImGui frame inside the current render pass. `ui` (may be null) adds
  // the caller's windows. A fixed time step keeps output deterministic.
  void record(VkCommandBuffer cmd, const FrameDescription& frame, const glm::mat4& viewProj, VkExtent2D extent,
              const std::function<void()>* ui);

 private:
  Overlay() = default;
  VkDevice device_ = VK_NULL_HANDLE;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  bool ownsContext_ = false;
  bool backendReady_ = false;
};

}  // namespace mimesis::render
