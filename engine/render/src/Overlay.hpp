// Overlay: the Dear ImGui layer drawn last in every view — world-anchored labels, the panel
// lines of the frame description, and (desktop) the caller's panels.
#pragma once

#include <functional>
#include <memory>

#include <vulkan/vulkan.h>

struct ImGuiContext;

#include "mimesis/core/Error.hpp"
#include "mimesis/frame/EyeView.hpp"
#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/render/VulkanContext.hpp"

namespace mimesis::render {

// ImGui keeps a renderer backend's state in its context (io.BackendRendererUserData), one
// backend per context. So each Overlay is bound to one context for its whole life: the caller's
// current context when it has no renderer backend yet (the desktop, whose context also gets the
// window's input), else a context of its own (a second renderer in the same process, e.g. the
// report's still pictures drawn while the desktop window is open). Every call below makes that
// context current for its duration and restores the caller's, so overlays never share or free
// each other's backend state.
class Overlay {
 public:
  // Initialises ImGui's Vulkan backend for `renderPass` (compatible passes share it) on the
  // context chosen as above. `buffersInFlight` must cover every RenderDrawData call whose
  // buffers may still be in use (frames in flight x views per frame).
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
  ImGuiContext* context_ = nullptr;
  VkDevice device_ = VK_NULL_HANDLE;
  VkDescriptorPool pool_ = VK_NULL_HANDLE;
  bool ownsContext_ = false;
  bool backendReady_ = false;
};

}  // namespace mimesis::render
