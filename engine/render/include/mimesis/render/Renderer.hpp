// Renderer: draws a FrameDescription from one or more eye views into render targets with one
// drawing path for every kind of target. Instanced tapered capsules for hands and skeletons,
// GPU-skinned meshes, a floor grid, a stencil-masked planar mirror, translucent ghosts, 4x MSAA,
// and a Dear ImGui overlay for labels and panels. Frames in flight are ring-buffered: after the
// first few frames nothing is allocated and no descriptor is written per frame.
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <span>
#include <vector>

#include <vulkan/vulkan.h>

#include "mimesis/core/Error.hpp"
#include "mimesis/frame/EyeView.hpp"
#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/motion/SkinnedMesh.hpp"
#include "mimesis/render/RenderTarget.hpp"
#include "mimesis/render/RgbaImage.hpp"
#include "mimesis/render/VulkanContext.hpp"

namespace mimesis {

struct RendererOptions {
  int framesInFlight = 2;  // at least 2
  int samples = 4;         // MSAA; lowered to the device's best supported count when needed
  bool overlay = true;     // Dear ImGui overlay for labels, panels and the desktop UI
  bool timestamps = true;  // GPU timestamp queries around each frame
  // Depth-stencil format; UNDEFINED picks the first supported of D24S8, D32S8, D16S8.
  VkFormat depthFormat = VK_FORMAT_UNDEFINED;
};

// Where one view of a frame goes. The targets of one frame share a format.
struct ViewTarget {
  EyeView view;
  RenderTarget* target = nullptr;  // borrowed for the call
};

// Optional synchronisation with a window system or compositor for one frame's submission.
struct SubmitSync {
  VkSemaphore wait = VK_NULL_HANDLE;  // e.g. the swapchain image acquired
  VkPipelineStageFlags waitStage = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  VkSemaphore signal = VK_NULL_HANDLE;  // e.g. ready to present
};

// Timings of one frame. CPU: recording and submitting (wall clock, milliseconds). GPU: from
// timestamps written at the start and end of the frame's command buffer, read once its fence
// has signalled (so they describe an earlier frame than the last one submitted).
struct FrameTimings {
  std::uint64_t frame = 0;   // frame number the figures belong to
  double cpuMs = 0.0;
  double gpuMs = -1.0;       // -1: not available (no timestamps, or not yet completed)
};

class Renderer {
 public:
  // `context` is borrowed and must outlive the renderer.
  static Result<std::unique_ptr<Renderer>> create(VulkanContext& context, const RendererOptions& options = {});
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Uploads a skinned mesh (positions, normals, joints, weights); returns its handle for
  // DrawnMesh::mesh. Errors: empty mesh, joint indices out of range, a failed upload.
  Result<int> addMesh(const SkinnedMesh& mesh);
  int meshJointCount(int mesh) const;

  Result<std::unique_ptr<RenderTarget>> createTarget(const TargetDesc& desc);

  // Records and submits one frame: every view of `views` drawn into its target. Waits only for
  // the frame slot being reused (framesInFlight frames ago). Errors name the failing call;
  // DrawnMesh handles out of range or with the wrong number of skin matrices are BadInput.
  Status draw(const FrameDescription& frame, std::span<const ViewTarget> views, const SubmitSync& sync = {});

  // Waits for all submitted frames and reads `target` back (it must be one the renderer
  // created, or an external image with TRANSFER_SRC usage left in TRANSFER_SRC_OPTIMAL).
  Result<RgbaImage> readback(const RenderTarget& target);

  // Waits for the device and collects the timings of every completed frame.
  Status finish();
  // Timings of the most recent frame whose GPU work has completed (and its CPU time).
  const FrameTimings& lastTimings() const;
  int samples() const;  // MSAA sample count in use
  std::uint64_t framesSubmitted() const;

  // Desktop UI: called between ImGui::NewFrame and ImGui::Render for the first view of each
  // frame, so panels share the overlay (the caller owns the ImGui context and its input).
  void setUiBuilder(std::function<void()> builder);

  struct Impl;

 private:
  explicit Renderer(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

// The projection OpenXR views need in Vulkan clip space (y down, depth 0..1) from an
// asymmetric field of view; and the view matrix from T_world_eye.
glm::mat4 projectionFromFov(const FieldOfView& fov, float nearZ, float farZ);
glm::mat4 viewFromEye(const Pose& T_world_eye);

}  // namespace mimesis
