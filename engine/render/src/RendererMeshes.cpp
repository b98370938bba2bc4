// Skinned meshes: vertex streams and the base-colour texture uploaded once, with the texture's
// own descriptor set.
#include "mimesis/render/Renderer.hpp"

#include <cstring>

#include "RendererState.hpp"
#include "VkCheck.hpp"

namespace mimesis {

using render::GpuMesh;

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

}  // namespace mimesis
