// The Renderer's building blocks without Vulkan objects of its own: instances of a frame
// (FrameInstances.cpp), per-format pipelines (Pipelines.cpp), push constants and the view block.
// The renderer's state (targets, meshes, frames in flight, Impl) is in RendererState.hpp.
#pragma once

#include <array>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include <glm/mat4x4.hpp>
#include <glm/vec4.hpp>

#include "GpuResources.hpp"
#include "mimesis/render/Renderer.hpp"

namespace mimesis::render {

// One primitive instance: a tapered capsule from A to B (a sphere when A == B).
struct PrimitiveInstance {
  glm::vec4 a;        // xyz centre (world), w radius
  glm::vec4 b;
  glm::vec4 colourA;  // linear RGB, alpha = opacity
  glm::vec4 colourB;
};

// Instances of one frame in draw order; each range is [first, first + count).
struct InstanceRange {
  std::uint32_t first = 0;
  std::uint32_t count = 0;
};
struct FrameInstances {
  std::vector<PrimitiveInstance> all;
  InstanceRange solidReflected, solid, ghostReflected, ghost, halos;
  // Skinned meshes, split like the primitives.
  struct MeshDraw {
    int mesh = -1;
    std::uint32_t skinBase = 0;
    glm::vec4 colour{1.0f};
    bool reflect = false;
  };
  std::vector<MeshDraw> solidMeshes, ghostMeshes;
  std::vector<glm::mat4> skin;
  std::vector<glm::vec4> skinColour;  // parallel to skin: the joint's colour, alpha = opacity
};

// Fills `out` from `frame` (reusing capacity). BadInput for bad mesh handles or skin sizes.
Status buildFrameInstances(const FrameDescription& frame, const std::vector<int>& meshJointCounts,
                           FrameInstances& out);

// Pipelines for one colour format (all render passes of that format are compatible).
struct PipelineSet {
  vk::RenderPass renderPass;  // final layout COLOR_ATTACHMENT_OPTIMAL; the canonical pass
  vk::Pipeline capsuleSolid, capsuleGhost, capsuleSolidMirrored, capsuleGhostMirrored;
  vk::Pipeline skinnedSolid, skinnedGhost, skinnedSolidMirrored, skinnedGhostMirrored;
  vk::Pipeline capsuleGhostDepth, skinnedGhostDepth;  // depth pre-pass of ghosts
  vk::Pipeline capsuleGhostHalo;                     // highlight halos: blended, no pre-pass
  vk::Pipeline grid, mirrorMask, mirrorSurface;
};

struct PipelineContext {
  VkDevice device = VK_NULL_HANDLE;
  VkPipelineLayout layout = VK_NULL_HANDLE;
  VkSampleCountFlagBits samples = VK_SAMPLE_COUNT_1_BIT;
  VkFormat depthFormat = VK_FORMAT_D24_UNORM_S8_UINT;
};

Result<vk::RenderPass> createRenderPass(const PipelineContext& pc, VkFormat colour, VkImageLayout finalLayout);
Result<PipelineSet> createPipelineSet(const PipelineContext& pc, VkFormat colour);

// Push constants shared by every pipeline (<= 128 bytes, the guaranteed minimum).
struct PushConstants {
  glm::mat4 model{1.0f};
  glm::vec4 colour{1.0f};
  glm::vec4 params{0.0f};  // grid: cell, line width, fade radius; skinned: x = skin base (as uint bits)
  glm::vec4 background{0.0f};  // grid: the clear colour it fades into
};
static_assert(sizeof(PushConstants) <= 128);

// The uniform block of common.glsl.
struct ViewUniform {
  glm::mat4 viewProj;
  glm::vec4 eyePosition;
  glm::vec4 lightDir;
};

}  // namespace mimesis::render
