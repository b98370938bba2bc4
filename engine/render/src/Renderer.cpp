// Renderer: frame slots, targets, meshes, and the recording of one frame's views.
// Section index: targets; creation; meshes; per-frame resources; recording a view; draw;
// readback and timings.
#include "mimesis/render/Renderer.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>

#include "CapsuleMesh.hpp"
#include "Overlay.hpp"
#include "RendererImpl.hpp"
#include "VkCheck.hpp"

namespace mimesis {
namespace {

using render::FrameInstances;
using render::PipelineSet;
using render::PushConstants;
using render::ViewUniform;

// ---- targets -------------------------------------------------------------------------------

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

constexpr int kMaxViews = 4;
constexpr VkFormat kDepthFormats[] = {VK_FORMAT_D24_UNORM_S8_UINT, VK_FORMAT_D32_SFLOAT_S8_UINT,
                                      VK_FORMAT_D16_UNORM_S8_UINT};

glm::mat4 poseMatrix(const Pose& p) {
  glm::mat4 m = glm::mat4_cast(p.orientation);
  m[3] = glm::vec4(p.position, 1.0f);
  return m;
}

}  // namespace

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
  std::map<VkFormat, PipelineSet> pipelines;
  std::vector<GpuMesh> meshes;
  std::vector<int> meshJointCounts;
  std::vector<FrameSlot> slots;
  std::uint64_t submitted = 0;
  VkDeviceSize viewStride = sizeof(ViewUniform);
  FrameInstances instances;
  FrameTimings last;
  std::unique_ptr<render::Overlay> overlay;
  VkFormat overlayFormat = VK_FORMAT_UNDEFINED;
  std::function<void()> uiBuilder;

  Result<vk::Buffer> upload(const void* data, VkDeviceSize size, VkBufferUsageFlags usage);
  Result<vk::Image> uploadTexture(const MeshTexture& texture);
  Status ensure(vk::Buffer& buffer, VkDeviceSize size, VkBufferUsageFlags usage, bool& grown);
  Status collect(FrameSlot& slot);
  Result<PipelineSet*> pipelinesFor(VkFormat format);
  void recordView(VkCommandBuffer cmd, FrameSlot& slot, const FrameDescription& frame, const ViewTarget& vt,
                  std::uint32_t viewIndex, const PipelineSet& ps, bool ui);
};

// ---- creation ------------------------------------------------------------------------------

Renderer::Renderer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Renderer::~Renderer() {
  if (impl_ && impl_->ctx != nullptr) vkDeviceWaitIdle(impl_->ctx->device());
  if (impl_) {
    impl_->overlay.reset();
    for (FrameSlot& s : impl_->slots)
      if (s.cmd != VK_NULL_HANDLE) vkFreeCommandBuffers(impl_->ctx->device(), impl_->pool.get(), 1, &s.cmd);
  }
}

Result<std::unique_ptr<Renderer>> Renderer::create(VulkanContext& context, const RendererOptions& options) {
  auto impl = std::make_unique<Impl>();
  Impl& r = *impl;
  r.ctx = &context;
  r.options = options;
  const VkDevice device = context.device();
  const int frames = std::max(2, options.framesInFlight);

  // MSAA: the requested count if colour and depth both support it, else the best below it.
  const VkPhysicalDeviceLimits& limits = context.properties().limits;
  const VkSampleCountFlags supported = limits.framebufferColorSampleCounts & limits.framebufferDepthSampleCounts;
  int samples = std::clamp(options.samples, 1, 64);
  while (samples > 1 && (supported & static_cast<VkSampleCountFlags>(samples)) == 0) samples /= 2;
  r.pc.samples = static_cast<VkSampleCountFlagBits>(samples);
  r.pc.device = device;
  r.pc.depthFormat = VK_FORMAT_UNDEFINED;
  for (VkFormat f : kDepthFormats) {
    if (options.depthFormat != VK_FORMAT_UNDEFINED) f = options.depthFormat;
    VkFormatProperties props;
    vkGetPhysicalDeviceFormatProperties(context.physicalDevice(), f, &props);
    if ((props.optimalTilingFeatures & VK_FORMAT_FEATURE_DEPTH_STENCIL_ATTACHMENT_BIT) != 0) {
      r.pc.depthFormat = f;
      break;
    }
    if (options.depthFormat != VK_FORMAT_UNDEFINED) break;
  }
  if (r.pc.depthFormat == VK_FORMAT_UNDEFINED)
    return makeError(ErrorCode::Device, "no depth-stencil format with a stencil aspect", "vkGetPhysicalDeviceFormatProperties");

  VkCommandPoolCreateInfo poolInfo{};
  poolInfo.sType = VK_STRUCTURE_TYPE_COMMAND_POOL_CREATE_INFO;
  poolInfo.flags = VK_COMMAND_POOL_CREATE_RESET_COMMAND_BUFFER_BIT;
  poolInfo.queueFamilyIndex = context.queueFamily();
  MIMESIS_VK_TRY(vkCreateCommandPool(device, &poolInfo, nullptr, r.pool.out(device)));

  // Set 0: the view block (dynamic offset per view) and the frame's skin matrices.
  const VkDescriptorSetLayoutBinding bindings[3] = {
      {0, VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC, 1, VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, nullptr},
      {1, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr},
      {2, VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, 1, VK_SHADER_STAGE_VERTEX_BIT, nullptr}};
  VkDescriptorSetLayoutCreateInfo setInfo{};
  setInfo.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
  setInfo.bindingCount = 3;
  setInfo.pBindings = bindings;
  MIMESIS_VK_TRY(vkCreateDescriptorSetLayout(device, &setInfo, nullptr, r.setLayout.out(device)));
  // Set 1: a skinned mesh's base-colour texture, bound per mesh draw.
  const VkDescriptorSetLayoutBinding textureBinding{0, VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1,
                                                    VK_SHADER_STAGE_FRAGMENT_BIT, nullptr};
  VkDescriptorSetLayoutCreateInfo textureSetInfo{};
  textureSetInfo.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_LAYOUT_CREATE_INFO;
  textureSetInfo.bindingCount = 1;
  textureSetInfo.pBindings = &textureBinding;
  MIMESIS_VK_TRY(vkCreateDescriptorSetLayout(device, &textureSetInfo, nullptr, r.textureLayout.out(device)));
  // Bilinear, repeating (glTF's default wrap); one mip level, so no mipmap filtering.
  VkSamplerCreateInfo samplerInfo{};
  samplerInfo.sType = VK_STRUCTURE_TYPE_SAMPLER_CREATE_INFO;
  samplerInfo.magFilter = VK_FILTER_LINEAR;
  samplerInfo.minFilter = VK_FILTER_LINEAR;
  samplerInfo.mipmapMode = VK_SAMPLER_MIPMAP_MODE_NEAREST;
  samplerInfo.addressModeU = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  samplerInfo.addressModeV = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  samplerInfo.addressModeW = VK_SAMPLER_ADDRESS_MODE_REPEAT;
  samplerInfo.maxLod = 0.0f;
  MIMESIS_VK_TRY(vkCreateSampler(device, &samplerInfo, nullptr, r.sampler.out(device)));
  VkPushConstantRange push{VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(PushConstants)};
  VkDescriptorSetLayout setLayout = r.setLayout.get();
  const VkDescriptorSetLayout setLayouts[2] = {setLayout, r.textureLayout.get()};
  VkPipelineLayoutCreateInfo layoutInfo{};
  layoutInfo.sType = VK_STRUCTURE_TYPE_PIPELINE_LAYOUT_CREATE_INFO;
  layoutInfo.setLayoutCount = 2;
  layoutInfo.pSetLayouts = setLayouts;
  layoutInfo.pushConstantRangeCount = 1;
  layoutInfo.pPushConstantRanges = &push;
  MIMESIS_VK_TRY(vkCreatePipelineLayout(device, &layoutInfo, nullptr, r.layout.out(device)));
  r.pc.layout = r.layout.get();

  const VkDescriptorPoolSize sizes[2] = {{VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC, static_cast<std::uint32_t>(frames)},
                                         {VK_DESCRIPTOR_TYPE_STORAGE_BUFFER, static_cast<std::uint32_t>(2 * frames)}};
  VkDescriptorPoolCreateInfo dpInfo{};
  dpInfo.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
  dpInfo.maxSets = static_cast<std::uint32_t>(frames);
  dpInfo.poolSizeCount = 2;
  dpInfo.pPoolSizes = sizes;
  MIMESIS_VK_TRY(vkCreateDescriptorPool(device, &dpInfo, nullptr, r.descriptorPool.out(device)));

  if (options.timestamps && context.timestampPeriodNs() > 0.0) {
    VkQueryPoolCreateInfo q{};
    q.sType = VK_STRUCTURE_TYPE_QUERY_POOL_CREATE_INFO;
    q.queryType = VK_QUERY_TYPE_TIMESTAMP;
    q.queryCount = static_cast<std::uint32_t>(2 * frames);
    MIMESIS_VK_TRY(vkCreateQueryPool(device, &q, nullptr, r.queries.out(device)));
  }

  const render::CapsuleMesh capsule = render::makeCapsuleMesh(16, 6);
  auto vertices = r.upload(capsule.vertices.data(), capsule.vertices.size() * sizeof(render::CapsuleVertex),
                           VK_BUFFER_USAGE_VERTEX_BUFFER_BIT);
  if (!vertices) return vertices.error();
  r.capsuleVertices = std::move(*vertices);
  auto indices = r.upload(capsule.indices.data(), capsule.indices.size() * sizeof(std::uint16_t),
                          VK_BUFFER_USAGE_INDEX_BUFFER_BIT);
  if (!indices) return indices.error();
  r.capsuleIndices = std::move(*indices);
  r.capsuleIndexCount = static_cast<std::uint32_t>(capsule.indices.size());

  const VkDeviceSize align = std::max<VkDeviceSize>(1, limits.minUniformBufferOffsetAlignment);
  r.viewStride = (sizeof(ViewUniform) + align - 1) / align * align;
  r.slots.resize(static_cast<std::size_t>(frames));
  for (FrameSlot& s : r.slots) {
    VkCommandBufferAllocateInfo alloc{};
    alloc.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_ALLOCATE_INFO;
    alloc.commandPool = r.pool.get();
    alloc.level = VK_COMMAND_BUFFER_LEVEL_PRIMARY;
    alloc.commandBufferCount = 1;
    MIMESIS_VK_TRY(vkAllocateCommandBuffers(device, &alloc, &s.cmd));
    VkFenceCreateInfo fence{};
    fence.sType = VK_STRUCTURE_TYPE_FENCE_CREATE_INFO;
    MIMESIS_VK_TRY(vkCreateFence(device, &fence, nullptr, s.fence.out(device)));
    VkDescriptorSetAllocateInfo setAlloc{};
    setAlloc.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
    setAlloc.descriptorPool = r.descriptorPool.get();
    setAlloc.descriptorSetCount = 1;
    setAlloc.pSetLayouts = &setLayout;
    MIMESIS_VK_TRY(vkAllocateDescriptorSets(device, &setAlloc, &s.set));
    bool grown = false;
    MIMESIS_TRY_STATUS(r.ensure(s.views, r.viewStride * kMaxViews, VK_BUFFER_USAGE_UNIFORM_BUFFER_BIT, grown));
    MIMESIS_TRY_STATUS(r.ensure(s.instances, 256 * sizeof(render::PrimitiveInstance), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, grown));
    MIMESIS_TRY_STATUS(r.ensure(s.skin, 256 * sizeof(glm::mat4), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, grown));
    MIMESIS_TRY_STATUS(r.ensure(s.skinColours, 256 * sizeof(glm::vec4), VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, grown));
    const VkDescriptorBufferInfo viewInfo{s.views.handle(), 0, sizeof(ViewUniform)};
    const VkDescriptorBufferInfo skinInfo{s.skin.handle(), 0, VK_WHOLE_SIZE};
    const VkDescriptorBufferInfo colourInfo{s.skinColours.handle(), 0, VK_WHOLE_SIZE};
    VkWriteDescriptorSet writes[3]{};
    for (int i = 0; i < 3; ++i) {
      writes[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
      writes[i].dstSet = s.set;
      writes[i].dstBinding = static_cast<std::uint32_t>(i);
      writes[i].descriptorCount = 1;
    }
    writes[0].descriptorType = VK_DESCRIPTOR_TYPE_UNIFORM_BUFFER_DYNAMIC;
    writes[0].pBufferInfo = &viewInfo;
    writes[1].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    writes[1].pBufferInfo = &skinInfo;
    writes[2].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
    writes[2].pBufferInfo = &colourInfo;
    vkUpdateDescriptorSets(device, 3, writes, 0, nullptr);
  }
  return std::unique_ptr<Renderer>(new Renderer(std::move(impl)));
}

Result<vk::Buffer> Renderer::Impl::upload(const void* data, VkDeviceSize size, VkBufferUsageFlags usage) {
  auto staging = vk::Buffer::create(*ctx, size, VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                    VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  if (!staging) return staging.error();
  std::memcpy(staging->mapped(), data, static_cast<std::size_t>(size));
  auto buffer = vk::Buffer::create(*ctx, size, usage | VK_BUFFER_USAGE_TRANSFER_DST_BIT, VK_MEMORY_PROPERTY_DEVICE_LOCAL_BIT);
  if (!buffer) return buffer.error();
  struct Copy {
    VkBuffer src, dst;
    VkDeviceSize size;
  } copy{staging->handle(), buffer->handle(), size};
  Status s = vk::submitOnce(*ctx, pool.get(), [](VkCommandBuffer cmd, void* user) {
    const auto* c = static_cast<const Copy*>(user);
    const VkBufferCopy region{0, 0, c->size};
    vkCmdCopyBuffer(cmd, c->src, c->dst, 1, &region);
  }, &copy);
  if (!s) return s.error();
  return std::move(*buffer);
}

// A sampled sRGB image holding `texture` (a single white texel when it is empty), left in
// SHADER_READ_ONLY_OPTIMAL.
Result<vk::Image> Renderer::Impl::uploadTexture(const MeshTexture& texture) {
  static const std::uint8_t kWhite[4] = {255, 255, 255, 255};
  const bool none = texture.empty() ||
                    texture.rgba.size() != static_cast<std::size_t>(texture.width) * static_cast<std::size_t>(texture.height) * 4;
  const VkExtent2D extent = none ? VkExtent2D{1, 1}
                                 : VkExtent2D{static_cast<std::uint32_t>(texture.width), static_cast<std::uint32_t>(texture.height)};
  const VkDeviceSize bytes = static_cast<VkDeviceSize>(extent.width) * extent.height * 4;
  auto staging = vk::Buffer::create(*ctx, bytes, VK_BUFFER_USAGE_TRANSFER_SRC_BIT,
                                    VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  if (!staging) return staging.error();
  std::memcpy(staging->mapped(), none ? kWhite : texture.rgba.data(), static_cast<std::size_t>(bytes));
  auto image = vk::Image::create(*ctx, extent, VK_FORMAT_R8G8B8A8_SRGB,
                                 VK_IMAGE_USAGE_SAMPLED_BIT | VK_IMAGE_USAGE_TRANSFER_DST_BIT, VK_SAMPLE_COUNT_1_BIT,
                                 VK_IMAGE_ASPECT_COLOR_BIT);
  if (!image) return image.error();
  struct Copy {
    VkBuffer src;
    VkImage dst;
    VkExtent2D extent;
  } copy{staging->handle(), image->handle(), extent};
  Status s = vk::submitOnce(*ctx, pool.get(), [](VkCommandBuffer cmd, void* user) {
    const auto* c = static_cast<const Copy*>(user);
    VkImageMemoryBarrier b{};
    b.sType = VK_STRUCTURE_TYPE_IMAGE_MEMORY_BARRIER;
    b.srcQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.dstQueueFamilyIndex = VK_QUEUE_FAMILY_IGNORED;
    b.image = c->dst;
    b.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    b.oldLayout = VK_IMAGE_LAYOUT_UNDEFINED;
    b.newLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    b.dstAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, VK_PIPELINE_STAGE_TRANSFER_BIT, 0, 0, nullptr, 0,
                         nullptr, 1, &b);
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {c->extent.width, c->extent.height, 1};
    vkCmdCopyBufferToImage(cmd, c->src, c->dst, VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL, 1, &region);
    b.oldLayout = VK_IMAGE_LAYOUT_TRANSFER_DST_OPTIMAL;
    b.newLayout = VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL;
    b.srcAccessMask = VK_ACCESS_TRANSFER_WRITE_BIT;
    b.dstAccessMask = VK_ACCESS_SHADER_READ_BIT;
    vkCmdPipelineBarrier(cmd, VK_PIPELINE_STAGE_TRANSFER_BIT, VK_PIPELINE_STAGE_FRAGMENT_SHADER_BIT, 0, 0, nullptr, 0,
                         nullptr, 1, &b);
  }, &copy);
  if (!s) return s.error();
  return std::move(*image);
}

// Host-visible, coherent, persistently mapped; grows by doubling (never shrinks).
Status Renderer::Impl::ensure(vk::Buffer& buffer, VkDeviceSize size, VkBufferUsageFlags usage, bool& grown) {
  if (buffer.handle() != VK_NULL_HANDLE && buffer.size() >= size) return okStatus();
  VkDeviceSize capacity = std::max<VkDeviceSize>(buffer.size(), 1024);
  while (capacity < size) capacity *= 2;
  auto b = vk::Buffer::create(*ctx, capacity, usage,
                              VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  if (!b) return b.error();
  buffer = std::move(*b);
  grown = true;
  return okStatus();
}

Result<PipelineSet*> Renderer::Impl::pipelinesFor(VkFormat format) {
  auto it = pipelines.find(format);
  if (it == pipelines.end()) {
    Result<PipelineSet> set = render::createPipelineSet(pc, format);
    if (!set) return set.error();
    it = pipelines.emplace(format, std::move(*set)).first;
  }
  if (options.overlay && !overlay) {
    const int buffers = static_cast<int>(slots.size()) * 2;  // two views (stereo) per frame
    auto o = render::Overlay::create(*ctx, it->second.renderPass.get(), pc.samples, buffers, pool.get());
    if (!o) return o.error();
    overlay = std::move(*o);
    overlayFormat = format;
  }
  return &it->second;
}

Result<std::unique_ptr<RenderTarget>> Renderer::createTarget(const TargetDesc& desc) {
  Impl& r = *impl_;
  if (desc.extent.width == 0 || desc.extent.height == 0 || desc.extent.width > 16384 || desc.extent.height > 16384)
    return makeError(ErrorCode::BadInput,
                     "target size " + std::to_string(desc.extent.width) + "x" + std::to_string(desc.extent.height) +
                         " is outside 1..16384",
                     "createTarget");
  auto ps = r.pipelinesFor(desc.format);
  if (!ps) return ps.error();
  auto t = std::make_unique<Target>();
  t->desc_ = desc;
  const VkDevice device = r.ctx->device();
  VkImageView resolveView = VK_NULL_HANDLE;
  if (desc.image == VK_NULL_HANDLE) {
    auto im = vk::Image::create(*r.ctx, desc.extent, desc.format,
                                VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSFER_SRC_BIT,
                                VK_SAMPLE_COUNT_1_BIT, VK_IMAGE_ASPECT_COLOR_BIT);
    if (!im) return im.error();
    t->own_ = std::move(*im);
    t->owned_ = true;
    resolveView = t->own_.view();
  } else {
    VkImageViewCreateInfo view{};
    view.sType = VK_STRUCTURE_TYPE_IMAGE_VIEW_CREATE_INFO;
    view.image = desc.image;
    view.viewType = VK_IMAGE_VIEW_TYPE_2D;
    view.format = desc.format;
    view.subresourceRange = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 1, 0, 1};
    MIMESIS_VK_TRY(vkCreateImageView(device, &view, nullptr, t->externalView_.out(device)));
    resolveView = t->externalView_.get();
  }
  auto msaa = vk::Image::create(*r.ctx, desc.extent, desc.format,
                                VK_IMAGE_USAGE_COLOR_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                                r.pc.samples, VK_IMAGE_ASPECT_COLOR_BIT);
  if (!msaa) return msaa.error();
  t->msaa_ = std::move(*msaa);
  auto depth = vk::Image::create(*r.ctx, desc.extent, r.pc.depthFormat,
                                 VK_IMAGE_USAGE_DEPTH_STENCIL_ATTACHMENT_BIT | VK_IMAGE_USAGE_TRANSIENT_ATTACHMENT_BIT,
                                 r.pc.samples, VK_IMAGE_ASPECT_DEPTH_BIT | VK_IMAGE_ASPECT_STENCIL_BIT);
  if (!depth) return depth.error();
  t->depth_ = std::move(*depth);
  auto pass = render::createRenderPass(r.pc, desc.format, desc.finalLayout);
  if (!pass) return pass.error();
  t->pass_ = std::move(*pass);
  const VkImageView views[3] = {t->msaa_.view(), t->depth_.view(), resolveView};
  VkFramebufferCreateInfo fb{};
  fb.sType = VK_STRUCTURE_TYPE_FRAMEBUFFER_CREATE_INFO;
  fb.renderPass = t->pass_.get();
  fb.attachmentCount = 3;
  fb.pAttachments = views;
  fb.width = desc.extent.width;
  fb.height = desc.extent.height;
  fb.layers = 1;
  MIMESIS_VK_TRY(vkCreateFramebuffer(device, &fb, nullptr, t->framebuffer_.out(device)));
  return std::unique_ptr<RenderTarget>(std::move(t));
}

// ---- meshes --------------------------------------------------------------------------------

Result<int> Renderer::addMesh(const SkinnedMesh& mesh) {
  Impl& r = *impl_;
  const std::size_t n = mesh.positions.size();
  if (n == 0 || mesh.indices.empty() || mesh.indices.size() % 3 != 0)
    return makeError(ErrorCode::BadInput, "mesh has no triangles", mesh.source);
  if (mesh.normals.size() != n || mesh.joints.size() != n || mesh.weights.size() != n)
    return makeError(ErrorCode::BadInput, "mesh vertex streams differ in length", mesh.source);
  const int joints = mesh.jointCount();
  for (const auto& j : mesh.joints)
    for (std::uint16_t k : j)
      if (k >= joints) return makeError(ErrorCode::BadInput, "vertex joint index out of range", mesh.source);
  for (std::uint32_t i : mesh.indices)
    if (i >= n) return makeError(ErrorCode::BadInput, "triangle index out of range", mesh.source);
  GpuMesh g;
  auto put = [&](vk::Buffer& out, const void* data, std::size_t bytes, VkBufferUsageFlags usage) -> Status {
    auto b = r.upload(data, bytes, usage);
    if (!b) return b.error();
    out = std::move(*b);
    return okStatus();
  };
  MIMESIS_TRY_STATUS(put(g.positions, mesh.positions.data(), n * sizeof(glm::vec3), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
  MIMESIS_TRY_STATUS(put(g.normals, mesh.normals.data(), n * sizeof(glm::vec3), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
  MIMESIS_TRY_STATUS(put(g.joints, mesh.joints.data(), n * 4 * sizeof(std::uint16_t), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
  MIMESIS_TRY_STATUS(put(g.weights, mesh.weights.data(), n * sizeof(glm::vec4), VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
  // A mesh without UVs samples its (white, or first) texel everywhere.
  const std::vector<glm::vec2> noUvs(mesh.uvs.size() == n ? 0 : n, glm::vec2(0.0f));
  MIMESIS_TRY_STATUS(put(g.uvs, mesh.uvs.size() == n ? mesh.uvs.data() : noUvs.data(), n * sizeof(glm::vec2),
                         VK_BUFFER_USAGE_VERTEX_BUFFER_BIT));
  MIMESIS_TRY_STATUS(put(g.indices, mesh.indices.data(), mesh.indices.size() * sizeof(std::uint32_t), VK_BUFFER_USAGE_INDEX_BUFFER_BIT));
  g.indexCount = static_cast<std::uint32_t>(mesh.indices.size());
  g.jointCount = joints;
  auto texture = r.uploadTexture(mesh.baseColour);
  if (!texture) return texture.error();
  g.texture = std::move(*texture);
  const VkDevice device = r.ctx->device();
  const VkDescriptorPoolSize size{VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER, 1};
  VkDescriptorPoolCreateInfo poolInfo{};
  poolInfo.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_POOL_CREATE_INFO;
  poolInfo.maxSets = 1;
  poolInfo.poolSizeCount = 1;
  poolInfo.pPoolSizes = &size;
  MIMESIS_VK_TRY(vkCreateDescriptorPool(device, &poolInfo, nullptr, g.texturePool.out(device)));
  const VkDescriptorSetLayout textureLayout = r.textureLayout.get();
  VkDescriptorSetAllocateInfo setAlloc{};
  setAlloc.sType = VK_STRUCTURE_TYPE_DESCRIPTOR_SET_ALLOCATE_INFO;
  setAlloc.descriptorPool = g.texturePool.get();
  setAlloc.descriptorSetCount = 1;
  setAlloc.pSetLayouts = &textureLayout;
  MIMESIS_VK_TRY(vkAllocateDescriptorSets(device, &setAlloc, &g.textureSet));
  const VkDescriptorImageInfo imageInfo{r.sampler.get(), g.texture.view(), VK_IMAGE_LAYOUT_SHADER_READ_ONLY_OPTIMAL};
  VkWriteDescriptorSet write{};
  write.sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
  write.dstSet = g.textureSet;
  write.dstBinding = 0;
  write.descriptorCount = 1;
  write.descriptorType = VK_DESCRIPTOR_TYPE_COMBINED_IMAGE_SAMPLER;
  write.pImageInfo = &imageInfo;
  vkUpdateDescriptorSets(device, 1, &write, 0, nullptr);
  r.meshes.push_back(std::move(g));
  r.meshJointCounts.push_back(joints);
  return static_cast<int>(r.meshes.size() - 1);
}

int Renderer::meshJointCount(int mesh) const {
  return mesh >= 0 && static_cast<std::size_t>(mesh) < impl_->meshJointCounts.size()
             ? impl_->meshJointCounts[static_cast<std::size_t>(mesh)]
             : 0;
}

// ---- recording a view ----------------------------------------------------------------------

void Renderer::Impl::recordView(VkCommandBuffer cmd, FrameSlot& slot, const FrameDescription& frame,
                                const ViewTarget& vt, std::uint32_t viewIndex, const PipelineSet& ps, bool ui) {
  auto& target = static_cast<Target&>(*vt.target);
  const VkExtent2D extent = target.desc_.extent;
  VkClearValue clears[3]{};
  clears[0].color = {{frame.clearColour.x, frame.clearColour.y, frame.clearColour.z, frame.clearColour.w}};
  clears[1].depthStencil = {1.0f, 0};
  clears[2] = clears[0];
  VkRenderPassBeginInfo begin{};
  begin.sType = VK_STRUCTURE_TYPE_RENDER_PASS_BEGIN_INFO;
  begin.renderPass = target.pass_.get();
  begin.framebuffer = target.framebuffer_.get();
  begin.renderArea = {{0, 0}, extent};
  begin.clearValueCount = 3;
  begin.pClearValues = clears;
  vkCmdBeginRenderPass(cmd, &begin, VK_SUBPASS_CONTENTS_INLINE);
  const VkViewport viewport{0.0f, 0.0f, static_cast<float>(extent.width), static_cast<float>(extent.height), 0.0f, 1.0f};
  const VkRect2D scissor{{0, 0}, extent};
  vkCmdSetViewport(cmd, 0, 1, &viewport);
  vkCmdSetScissor(cmd, 0, 1, &scissor);
  const std::uint32_t dynamicOffset = static_cast<std::uint32_t>(viewStride * viewIndex);
  vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout.get(), 0, 1, &slot.set, 1, &dynamicOffset);

  const FrameInstances& in = instances;
  auto push = [&](const PushConstants& p) {
    vkCmdPushConstants(cmd, layout.get(), VK_SHADER_STAGE_VERTEX_BIT | VK_SHADER_STAGE_FRAGMENT_BIT, 0, sizeof(p), &p);
  };
  auto capsules = [&](VkPipeline pipeline, std::uint32_t first, std::uint32_t count, const glm::mat4& model) {
    if (count == 0) return;
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
    const VkBuffer buffers[2] = {capsuleVertices.handle(), slot.instances.handle()};
    const VkDeviceSize offsets[2] = {0, 0};
    vkCmdBindVertexBuffers(cmd, 0, 2, buffers, offsets);
    vkCmdBindIndexBuffer(cmd, capsuleIndices.handle(), 0, VK_INDEX_TYPE_UINT16);
    PushConstants p;
    p.model = model;
    push(p);
    vkCmdDrawIndexed(cmd, capsuleIndexCount, count, 0, 0, first);
  };
  auto meshDraws = [&](VkPipeline pipeline, const std::vector<FrameInstances::MeshDraw>& draws, bool mirroredOnly,
                       const glm::mat4& model) {
    bool bound = false;
    for (const FrameInstances::MeshDraw& d : draws) {
      if (mirroredOnly && !d.reflect) continue;
      if (!bound) vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
      bound = true;
      const GpuMesh& m = meshes[static_cast<std::size_t>(d.mesh)];
      const VkBuffer buffers[5] = {m.positions.handle(), m.normals.handle(), m.joints.handle(), m.weights.handle(),
                                   m.uvs.handle()};
      const VkDeviceSize offsets[5] = {0, 0, 0, 0, 0};
      vkCmdBindVertexBuffers(cmd, 0, 5, buffers, offsets);
      vkCmdBindDescriptorSets(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, layout.get(), 1, 1, &m.textureSet, 0, nullptr);
      vkCmdBindIndexBuffer(cmd, m.indices.handle(), 0, VK_INDEX_TYPE_UINT32);
      PushConstants p;
      p.model = model;
      p.colour = d.colour;
      std::memcpy(&p.params.x, &d.skinBase, sizeof(std::uint32_t));
      push(p);
      vkCmdDrawIndexed(cmd, m.indexCount, 1, 0, 0, 0);
    }
  };
  auto quad = [&](VkPipeline pipeline, const glm::mat4& model, const glm::vec4& colour, const glm::vec4& params,
                  const glm::vec4& background = glm::vec4(0.0f)) {
    vkCmdBindPipeline(cmd, VK_PIPELINE_BIND_POINT_GRAPHICS, pipeline);
    PushConstants p;
    p.model = model;
    p.colour = colour;
    p.params = params;
    p.background = background;
    push(p);
    vkCmdDraw(cmd, 4, 1, 0, 0);
  };
  const glm::mat4 identity(1.0f);

  // 1. Everything solid: hands and skeletons, then meshes.
  capsules(ps.capsuleSolid.get(), in.solidReflected.first, in.solidReflected.count + in.solid.count, identity);
  meshDraws(ps.skinnedSolid.get(), in.solidMeshes, false, identity);
  // 2. The floor grid, centred under the eye, not writing depth. Opaque: nothing lies below the
  //    floor, so the shader mixes with the clear colour itself and no sample is read back
  //    (blending cost a third of the frame on fill-limited GPUs).
  if (frame.floorGrid) {
    const glm::vec3 eye = vt.view.T_world_eye.position;
    glm::mat4 floor(1.0f);
    floor[0] = glm::vec4(8.0f, 0.0f, 0.0f, 0.0f);
    floor[1] = glm::vec4(0.0f, 0.0f, -8.0f, 0.0f);  // quad +Y → world -Z: the quad faces up
    floor[2] = glm::vec4(0.0f, 1.0f, 0.0f, 0.0f);
    floor[3] = glm::vec4(eye.x, frame.floorHeight, eye.z, 1.0f);
    quad(ps.grid.get(), floor, glm::vec4(0.55f, 0.6f, 0.68f, 0.55f), glm::vec4(0.25f, 0.006f, 8.0f, 0.0f),
         frame.clearColour);
  }
  // 3. The mirror: mark its visible pixels in the stencil, draw the reflected world there, then
  //    the glass (tinted, writing depth so nothing behind it shows).
  if (frame.mirror.enabled) {
    const glm::mat4 T_world_mirror = poseMatrix(frame.mirror.T_world_mirror);
    glm::mat4 surface = T_world_mirror;
    surface[0] *= frame.mirror.halfSize.x;
    surface[1] *= frame.mirror.halfSize.y;
    quad(ps.mirrorMask.get(), surface, glm::vec4(0.0f), glm::vec4(0.0f));
    glm::mat4 flipZ(1.0f);
    flipZ[2][2] = -1.0f;
    const glm::mat4 reflection = T_world_mirror * flipZ * glm::inverse(T_world_mirror);
    capsules(ps.capsuleSolidMirrored.get(), in.solidReflected.first, in.solidReflected.count, reflection);
    meshDraws(ps.skinnedSolidMirrored.get(), in.solidMeshes, true, reflection);
    capsules(ps.capsuleGhostMirrored.get(), in.ghostReflected.first, in.ghostReflected.count, reflection);
    meshDraws(ps.skinnedGhostMirrored.get(), in.ghostMeshes, true, reflection);
    quad(ps.mirrorSurface.get(), surface, frame.mirror.tint, glm::vec4(0.0f));
  }
  // 4. Ghosts and highlight halos, blended over everything solid.
  capsules(ps.capsuleGhostDepth.get(), in.ghostReflected.first, in.ghostReflected.count + in.ghost.count, identity);
  capsules(ps.capsuleGhost.get(), in.ghostReflected.first, in.ghostReflected.count + in.ghost.count, identity);
  meshDraws(ps.skinnedGhostDepth.get(), in.ghostMeshes, false, identity);
  meshDraws(ps.skinnedGhost.get(), in.ghostMeshes, false, identity);
  capsules(ps.capsuleGhostHalo.get(), in.halos.first, in.halos.count, identity);
  // 5. Labels, panel, desktop UI.
  if (overlay && target.desc_.format == overlayFormat && viewIndex < 2) {
    const auto* u = static_cast<const ViewUniform*>(static_cast<const void*>(
        static_cast<const char*>(slot.views.mapped()) + viewStride * viewIndex));
    overlay->record(cmd, frame, u->viewProj, extent, ui ? &uiBuilder : nullptr);
  }
  vkCmdEndRenderPass(cmd);
}

// ---- draw ----------------------------------------------------------------------------------

Status Renderer::Impl::collect(FrameSlot& slot) {
  if (!slot.pending) return okStatus();
  const VkFence fence = slot.fence.get();
  MIMESIS_VK_TRY(vkWaitForFences(ctx->device(), 1, &fence, VK_TRUE, UINT64_MAX));
  slot.pending = false;
  last.frame = slot.frame;
  last.cpuMs = slot.cpuMs;
  last.gpuMs = -1.0;
  if (queries.get() != VK_NULL_HANDLE) {
    std::uint64_t ticks[2] = {0, 0};
    const std::uint32_t first = static_cast<std::uint32_t>(2 * (&slot - slots.data()));
    const VkResult q = vkGetQueryPoolResults(ctx->device(), queries.get(), first, 2, sizeof(ticks), ticks,
                                             sizeof(std::uint64_t), VK_QUERY_RESULT_64_BIT);
    if (q == VK_SUCCESS && ticks[1] >= ticks[0])
      last.gpuMs = static_cast<double>(ticks[1] - ticks[0]) * ctx->timestampPeriodNs() * 1e-6;
  }
  return okStatus();
}

Status Renderer::draw(const FrameDescription& frame, std::span<const ViewTarget> views, const SubmitSync& sync) {
  Impl& r = *impl_;
  if (views.empty()) return makeError(ErrorCode::BadInput, "no views to draw", "Renderer::draw");
  if (views.size() > static_cast<std::size_t>(kMaxViews))
    return makeError(ErrorCode::BadInput, "more than " + std::to_string(kMaxViews) + " views", "Renderer::draw");
  const VkFormat format = views[0].target != nullptr ? views[0].target->desc().format : VK_FORMAT_UNDEFINED;
  for (const ViewTarget& v : views)
    if (v.target == nullptr || v.target->desc().format != format)
      return makeError(ErrorCode::BadInput, "every view needs a target, all of one format", "Renderer::draw");
  auto ps = r.pipelinesFor(format);
  if (!ps) return ps.error();

  FrameSlot& slot = r.slots[r.submitted % r.slots.size()];
  MIMESIS_TRY_STATUS(r.collect(slot));
  // CPU time counts from here: building, writing, recording and submitting; not the wait for
  // the slot's previous frame, which measures the GPU rather than us.
  const auto start = std::chrono::steady_clock::now();
  const VkFence fence = slot.fence.get();
  MIMESIS_VK_TRY(vkResetFences(r.ctx->device(), 1, &fence));
  MIMESIS_TRY_STATUS(render::buildFrameInstances(frame, r.meshJointCounts, r.instances));

  bool grown = false;
  MIMESIS_TRY_STATUS(r.ensure(slot.instances, std::max<std::size_t>(1, r.instances.all.size()) * sizeof(render::PrimitiveInstance),
                              VK_BUFFER_USAGE_VERTEX_BUFFER_BIT, grown));
  bool skinGrown = false;
  MIMESIS_TRY_STATUS(r.ensure(slot.skin, std::max<std::size_t>(1, r.instances.skin.size()) * sizeof(glm::mat4),
                              VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, skinGrown));
  MIMESIS_TRY_STATUS(r.ensure(slot.skinColours, std::max<std::size_t>(1, r.instances.skinColour.size()) * sizeof(glm::vec4),
                              VK_BUFFER_USAGE_STORAGE_BUFFER_BIT, skinGrown));
  if (skinGrown) {  // the only descriptor writes after creation, and only while growing
    const VkDescriptorBufferInfo infos[2] = {{slot.skin.handle(), 0, VK_WHOLE_SIZE},
                                             {slot.skinColours.handle(), 0, VK_WHOLE_SIZE}};
    VkWriteDescriptorSet w[2]{};
    for (int i = 0; i < 2; ++i) {
      w[i].sType = VK_STRUCTURE_TYPE_WRITE_DESCRIPTOR_SET;
      w[i].dstSet = slot.set;
      w[i].dstBinding = static_cast<std::uint32_t>(1 + i);
      w[i].descriptorCount = 1;
      w[i].descriptorType = VK_DESCRIPTOR_TYPE_STORAGE_BUFFER;
      w[i].pBufferInfo = &infos[i];
    }
    vkUpdateDescriptorSets(r.ctx->device(), 2, w, 0, nullptr);
  }
  if (!r.instances.all.empty())
    std::memcpy(slot.instances.mapped(), r.instances.all.data(), r.instances.all.size() * sizeof(render::PrimitiveInstance));
  if (!r.instances.skin.empty()) {
    std::memcpy(slot.skin.mapped(), r.instances.skin.data(), r.instances.skin.size() * sizeof(glm::mat4));
    std::memcpy(slot.skinColours.mapped(), r.instances.skinColour.data(), r.instances.skinColour.size() * sizeof(glm::vec4));
  }
  for (std::size_t i = 0; i < views.size(); ++i) {
    const EyeView& e = views[i].view;
    ViewUniform u;
    u.viewProj = projectionFromFov(e.fov, e.nearZ, e.farZ) * viewFromEye(e.T_world_eye);
    u.eyePosition = glm::vec4(e.T_world_eye.position, 1.0f);
    u.lightDir = glm::vec4(glm::normalize(glm::vec3(0.35f, 0.85f, 0.4f)), 0.0f);
    std::memcpy(static_cast<char*>(slot.views.mapped()) + r.viewStride * i, &u, sizeof(u));
  }

  VkCommandBuffer cmd = slot.cmd;
  MIMESIS_VK_TRY(vkResetCommandBuffer(cmd, 0));
  VkCommandBufferBeginInfo begin{};
  begin.sType = VK_STRUCTURE_TYPE_COMMAND_BUFFER_BEGIN_INFO;
  begin.flags = VK_COMMAND_BUFFER_USAGE_ONE_TIME_SUBMIT_BIT;
  MIMESIS_VK_TRY(vkBeginCommandBuffer(cmd, &begin));
  const std::uint32_t query = static_cast<std::uint32_t>(2 * (&slot - r.slots.data()));
  if (r.queries.get() != VK_NULL_HANDLE) {
    vkCmdResetQueryPool(cmd, r.queries.get(), query, 2);
    vkCmdWriteTimestamp(cmd, VK_PIPELINE_STAGE_TOP_OF_PIPE_BIT, r.queries.get(), query);
  }
  for (std::size_t i = 0; i < views.size(); ++i)
    r.recordView(cmd, slot, frame, views[i], static_cast<std::uint32_t>(i), **ps, i == 0);
  if (r.queries.get() != VK_NULL_HANDLE)
    vkCmdWriteTimestamp(cmd, VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT, r.queries.get(), query + 1);
  MIMESIS_VK_TRY(vkEndCommandBuffer(cmd));

  VkSubmitInfo submit{};
  submit.sType = VK_STRUCTURE_TYPE_SUBMIT_INFO;
  if (sync.wait != VK_NULL_HANDLE) {
    submit.waitSemaphoreCount = 1;
    submit.pWaitSemaphores = &sync.wait;
    submit.pWaitDstStageMask = &sync.waitStage;
  }
  if (sync.signal != VK_NULL_HANDLE) {
    submit.signalSemaphoreCount = 1;
    submit.pSignalSemaphores = &sync.signal;
  }
  submit.commandBufferCount = 1;
  submit.pCommandBuffers = &cmd;
  MIMESIS_VK_TRY(vkQueueSubmit(r.ctx->queue(), 1, &submit, slot.fence.get()));
  slot.pending = true;
  slot.frame = r.submitted++;
  slot.cpuMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  return okStatus();
}

// ---- readback and timings ------------------------------------------------------------------

Status Renderer::finish() {
  Impl& r = *impl_;
  // Collect in submission order so lastTimings() ends on the newest frame.
  for (std::uint64_t k = 0; k < r.slots.size(); ++k) {
    FrameSlot& s = r.slots[(r.submitted + k) % r.slots.size()];
    MIMESIS_TRY_STATUS(r.collect(s));
  }
  return r.ctx->waitIdle();
}

Result<RgbaImage> Renderer::readback(const RenderTarget& target) {
  Impl& r = *impl_;
  MIMESIS_TRY_STATUS(finish());
  const TargetDesc& d = target.desc();
  const bool bgra = d.format == VK_FORMAT_B8G8R8A8_SRGB || d.format == VK_FORMAT_B8G8R8A8_UNORM;
  const bool rgba = d.format == VK_FORMAT_R8G8B8A8_SRGB || d.format == VK_FORMAT_R8G8B8A8_UNORM;
  if (!bgra && !rgba) return makeError(ErrorCode::Unsupported, "readback supports 8-bit RGBA/BGRA targets only", "readback");
  const VkDeviceSize bytes = static_cast<VkDeviceSize>(d.extent.width) * d.extent.height * 4;
  auto buffer = vk::Buffer::create(*r.ctx, bytes, VK_BUFFER_USAGE_TRANSFER_DST_BIT,
                                   VK_MEMORY_PROPERTY_HOST_VISIBLE_BIT | VK_MEMORY_PROPERTY_HOST_COHERENT_BIT);
  if (!buffer) return buffer.error();
  struct Copy {
    VkImage image;
    VkBuffer buffer;
    VkExtent2D extent;
  } copy{target.image(), buffer->handle(), d.extent};
  MIMESIS_TRY_STATUS(vk::submitOnce(*r.ctx, r.pool.get(), [](VkCommandBuffer cmd, void* user) {
    const auto* c = static_cast<const Copy*>(user);
    VkBufferImageCopy region{};
    region.imageSubresource = {VK_IMAGE_ASPECT_COLOR_BIT, 0, 0, 1};
    region.imageExtent = {c->extent.width, c->extent.height, 1};
    vkCmdCopyImageToBuffer(cmd, c->image, VK_IMAGE_LAYOUT_TRANSFER_SRC_OPTIMAL, c->buffer, 1, &region);
  }, &copy));
  RgbaImage image;
  image.width = static_cast<int>(d.extent.width);
  image.height = static_cast<int>(d.extent.height);
  image.pixels.resize(static_cast<std::size_t>(bytes));
  std::memcpy(image.pixels.data(), buffer->mapped(), static_cast<std::size_t>(bytes));
  if (bgra)
    for (std::size_t i = 0; i < image.pixels.size(); i += 4) std::swap(image.pixels[i], image.pixels[i + 2]);
  return image;
}

const FrameTimings& Renderer::lastTimings() const { return impl_->last; }
int Renderer::samples() const { return static_cast<int>(impl_->pc.samples); }
std::uint64_t Renderer::framesSubmitted() const { return impl_->submitted; }
void Renderer::setUiBuilder(std::function<void()> builder) { impl_->uiBuilder = std::move(builder); }

}  // namespace mimesis
