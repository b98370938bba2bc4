// Recording one view of a frame into its target's render pass, in the order RENDERER.md gives:
// solid, floor grid, mirror, ghosts and halos, overlay.
#include "mimesis/render/Renderer.hpp"

#include <cstring>

#include <glm/gtc/quaternion.hpp>

#include "RendererState.hpp"

namespace mimesis {

using render::FrameInstances;
using render::FrameSlot;
using render::GpuMesh;
using render::PipelineSet;
using render::PushConstants;
using render::Target;
using render::ViewUniform;

namespace {

glm::mat4 poseMatrix(const Pose& p) {
  glm::mat4 m = glm::mat4_cast(p.orientation);
  m[3] = glm::vec4(p.position, 1.0f);
  return m;
}

}  // namespace

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

}  // namespace mimesis
