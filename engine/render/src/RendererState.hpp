// The Renderer's state, shared by the files that implement it: targets, uploaded meshes, the
// frames in flight and Renderer::Impl. Which file does what: creation and buffer helpers
// (Renderer.cpp), targets and per-format pipelines (RenderTargets.cpp), meshes and textures
// (RendererMeshes.cpp), recording one view (RecordView.cpp), building and submitting a frame
// (FrameSubmission.cpp), readback and timings (Readback.cpp).
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "Overlay.hpp"
#include "RendererImpl.hpp"

namespace mimesis {
namespace render {

class Target final : public RenderTarget {
 public:
  const TargetDesc& desc() const override { return desc_; }
  VkImage image() const override { return own_.handle() != VK_NULL_HANDLE ? own_.handle() : desc_.image; }

  TargetDesc desc_;
  vk::Image own_;                 // offscreen: the resolve image
  vk::ImageView externalView_;    // external: our view of the borrowed image
  vk::Image msaa_, depth_;
  vk::RenderPass pass_;           // compatible with the format's pipeline set; own final layout
  vk::Framebuffer framebuffer_;
  bool owned_ = false;
};

struct GpuMesh {
  vk::Buffer positions, normals, joints, weights, uvs, indices;
  std::uint32_t indexCount = 0;
  int jointCount = 0;
  // Its base-colour texture (a white texel when the mesh has none), sampled in set 1.
  vk::Image texture;
  vk::DescriptorPool texturePool;
  VkDescriptorSet textureSet = VK_NULL_HANDLE;
};

struct FrameSlot {
  VkCommandBuffer cmd = VK_NULL_HANDLE;
  vk::Fence fence;
  vk::Buffer instances, views, skin, skinColours;
  VkDescriptorSet set = VK_NULL_HANDLE;
  bool pending = false;
  std::uint64_t frame = 0;
  double cpuMs = 0.0;
};

// At most this many views per frame (the view uniform buffer holds one block per view).
constexpr int kMaxViews = 4;

}  // namespace render

struct Renderer::Impl {
  VulkanContext* ctx = nullptr;
  RendererOptions options;
  render::PipelineContext pc;
  vk::CommandPool pool;
  vk::DescriptorSetLayout setLayout;
  vk::DescriptorSetLayout textureLayout;  // set 1: one mesh's base-colour texture
  vk::Sampler sampler;
  vk::PipelineLayout layout;
  vk::DescriptorPool descriptorPool;
  vk::QueryPool queries;
  vk::Buffer capsuleVertices, capsuleIndices;
  std::uint32_t capsuleIndexCount = 0;
  std::map<VkFormat, render::PipelineSet> pipelines;
  std::vector<render::GpuMesh> meshes;
  std::vector<int> meshJointCounts;
  std::vector<render::FrameSlot> slots;
  std::uint64_t submitted = 0;
  VkDeviceSize viewStride = sizeof(render::ViewUniform);
  render::FrameInstances instances;
  FrameTimings last;
  std::unique_ptr<render::Overlay> overlay;
  VkFormat overlayFormat = VK_FORMAT_UNDEFINED;
  std::function<void()> uiBuilder;

  Result<vk::Buffer> upload(const void* data, VkDeviceSize size, VkBufferUsageFlags usage);
  Result<vk::Image> uploadTexture(const MeshTexture& texture);
  Status ensure(vk::Buffer& buffer, VkDeviceSize size, VkBufferUsageFlags usage, bool& grown);
  Status collect(render::FrameSlot& slot);
  Result<render::PipelineSet*> pipelinesFor(VkFormat format);
  void recordView(VkCommandBuffer cmd, render::FrameSlot& slot, const FrameDescription& frame, const ViewTarget& vt,
                  std::uint32_t viewIndex, const render::PipelineSet& ps, bool ui);
};

}  // namespace mimesis
