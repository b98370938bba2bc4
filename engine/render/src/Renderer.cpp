// Renderer: creation (layouts, pools, the capsule mesh, the frames in flight) and the buffer
// helpers every other part uses. The rest of the renderer is indexed in RendererState.hpp.
#include "mimesis/render/Renderer.hpp"

#include <algorithm>
#include <cstring>

#include "CapsuleMesh.hpp"
#include "RendererState.hpp"
#include "VkCheck.hpp"

namespace mimesis {

using render::FrameSlot;
using render::kMaxViews;
using render::PushConstants;
using render::ViewUniform;

namespace {

constexpr VkFormat kDepthFormats[] = {VK_FORMAT_D24_UNORM_S8_UINT, VK_FORMAT_D32_SFLOAT_S8_UINT,
                                      VK_FORMAT_D16_UNORM_S8_UINT};

}  // namespace

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

}  // namespace mimesis
