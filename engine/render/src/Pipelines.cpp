// Render passes and the graphics pipelines of one colour format. Every pass is one subpass:
// multisampled colour + depth-stencil, resolved into the target image.
#include <array>
#include <cstdint>

#include "CapsuleMesh.hpp"
#include "RendererImpl.hpp"
#include "VkCheck.hpp"

namespace mimesis::render {
namespace {

const std::uint32_t kCapsuleVert[] = {
#include "capsule.vert.inc"
};
const std::uint32_t kSkinnedVert[] = {
#include "skinned.vert.inc"
};
const std::uint32_t kQuadVert[] = {
#include "quad.vert.inc"
};
const std::uint32_t kTexturedFrag[] = {
#include "textured.frag.inc"
};
const std::uint32_t kLitFrag[] = {
#include "lit.frag.inc"
};
const std::uint32_t kGridFrag[] = {
#include "grid.frag.inc"
};
const std::uint32_t kFlatFrag[] = {
#include "flat.frag.inc"
};

template <std::size_t N>
Result<vk::ShaderModule> shader(VkDevice device, const std::uint32_t (&code)[N]) {
  VkShaderModuleCreateInfo info{};
  info.sType = VK_STRUCTURE_TYPE_SHADER_MODULE_CREATE_INFO;
  info.codeSize = N * sizeof(std::uint32_t);
  info.pCode = code;
  vk::ShaderModule m;
  MIMESIS_VK_TRY(vkCreateShaderModule(device, &info, nullptr, m.out(device)));
  return m;
}

enum class Geometry { Capsule, Skinned, Quad };
enum class Blend { Opaque, Alpha, NoColour };

struct PipelineDesc {
  Geometry geometry = Geometry::Capsule;
  Blend blend = Blend::Opaque;
  bool depthWrite = true;
  bool depthTest = true;
  bool cull = true;
  bool mirrored = false;      // drawn through a reflection: winding flips, stencil must equal 1
  bool writeStencil = false;  // the mirror mask
  bool depthEqual = false;    // ghost colour pass after its depth pre-pass: front surface only
  VkShaderModule vert = VK_NULL_HANDLE;
  VkShaderModule frag = VK_NULL_HANDLE;
};

Result<vk::Pipeline> makePipeline(const PipelineContext& pc, VkRenderPass pass, const PipelineDesc& d) {
  std::array<VkPipelineShaderStageCreateInfo, 2> stages{};
  stages[0].sType = VK_STRUCTURE_TYPE_PIPELINE_SHADER_STAGE_CREATE_INFO;
  stages[0].stage = VK_SHADER_STAGE_VERTEX_BIT;
  stages[0].module = d.vert;
  stages[0].pName = "main";
  stages[1] = stages[0];
  stages[1].stage = VK_SHADER_STAGE_FRAGMENT_BIT;
  stages[1].module = d.frag;

  std::vector<VkVertexInputBindingDescription> bindings;
  std::vector<VkVertexInputAttributeDescription> attributes;
  if (d.geometry == Geometry::Capsule) {
    bindings.push_back({0, sizeof(CapsuleVertex), VK_VERTEX_INPUT_RATE_VERTEX});
    bindings.push_back({1, sizeof(PrimitiveInstance), VK_VERTEX_INPUT_RATE_INSTANCE});
    attributes.push_back({0, 0, VK_FORMAT_R32G32B32_SFLOAT, offsetof(CapsuleVertex, direction)});
    attributes.push_back({1, 0, VK_FORMAT_R32_SFLOAT, offsetof(CapsuleVertex, end)});
    attributes.push_back({2, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(PrimitiveInstance, a)});
    attributes.push_back({3, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(PrimitiveInstance, b)});
    attributes.push_back({4, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(PrimitiveInstance, colourA)});
    attributes.push_back({5, 1, VK_FORMAT_R32G32B32A32_SFLOAT, offsetof(PrimitiveInstance, colourB)});
  } else if (d.geometry == Geometry::Skinned) {
    // Separate streams: positions, normals, joints (4 x u16), weights (4 x f32), uvs (2 x f32).
    bindings.push_back({0, 12, VK_VERTEX_INPUT_RATE_VERTEX});
    bindings.push_back({1, 12, VK_VERTEX_INPUT_RATE_VERTEX});
    bindings.push_back({2, 8, VK_VERTEX_INPUT_RATE_VERTEX});
    bindings.push_back({3, 16, VK_VERTEX_INPUT_RATE_VERTEX});
    bindings.push_back({4, 8, VK_VERTEX_INPUT_RATE_VERTEX});
    attributes.push_back({0, 0, VK_FORMAT_R32G32B32_SFLOAT, 0});
    attributes.push_back({1, 1, VK_FORMAT_R32G32B32_SFLOAT, 0});
    attributes.push_back({2, 2, VK_FORMAT_R16G16B16A16_UINT, 0});
    attributes.push_back({3, 3, VK_FORMAT_R32G32B32A32_SFLOAT, 0});
    attributes.push_back({4, 4, VK_FORMAT_R32G32_SFLOAT, 0});
  }
  VkPipelineVertexInputStateCreateInfo vertexInput{};
  vertexInput.sType = VK_STRUCTURE_TYPE_PIPELINE_VERTEX_INPUT_STATE_CREATE_INFO;
  vertexInput.vertexBindingDescriptionCount = static_cast<std::uint32_t>(bindings.size());
  vertexInput.pVertexBindingDescriptions = bindings.data();
  vertexInput.vertexAttributeDescriptionCount = static_cast<std::uint32_t>(attributes.size());
  vertexInput.pVertexAttributeDescriptions = attributes.data();

  VkPipelineInputAssemblyStateCreateInfo assembly{};
  assembly.sType = VK_STRUCTURE_TYPE_PIPELINE_INPUT_ASSEMBLY_STATE_CREATE_INFO;
  assembly.topology = d.geometry == Geometry::Quad ? VK_PRIMITIVE_TOPOLOGY_TRIANGLE_STRIP
                                                   : VK_PRIMITIVE_TOPOLOGY_TRIANGLE_LIST;

  VkPipelineViewportStateCreateInfo viewport{};
  viewport.sType = VK_STRUCTURE_TYPE_PIPELINE_VIEWPORT_STATE_CREATE_INFO;
  viewport.viewportCount = 1;
  viewport.scissorCount = 1;

  VkPipelineRasterizationStateCreateInfo raster{};
  raster.sType = VK_STRUCTURE_TYPE_PIPELINE_RASTERIZATION_STATE_CREATE_INFO;
  raster.polygonMode = VK_POLYGON_MODE_FILL;
  raster.cullMode = d.cull ? VK_CULL_MODE_BACK_BIT : VK_CULL_MODE_NONE;
  // The projection flips Y for Vulkan, which keeps counter-clockwise world winding
  // counter-clockwise on screen; a reflection reverses it.
  raster.frontFace = d.mirrored ? VK_FRONT_FACE_CLOCKWISE : VK_FRONT_FACE_COUNTER_CLOCKWISE;
  raster.lineWidth = 1.0f;

  VkPipelineMultisampleStateCreateInfo multisample{};
  multisample.sType = VK_STRUCTURE_TYPE_PIPELINE_MULTISAMPLE_STATE_CREATE_INFO;
  multisample.rasterizationSamples = pc.samples;

  VkPipelineDepthStencilStateCreateInfo depth{};
  depth.sType = VK_STRUCTURE_TYPE_PIPELINE_DEPTH_STENCIL_STATE_CREATE_INFO;
  depth.depthTestEnable = d.depthTest ? VK_TRUE : VK_FALSE;
  depth.depthWriteEnable = d.depthWrite ? VK_TRUE : VK_FALSE;
  depth.depthCompareOp = d.depthEqual ? VK_COMPARE_OP_EQUAL : VK_COMPARE_OP_LESS_OR_EQUAL;
  if (d.writeStencil || d.mirrored) {
    depth.stencilTestEnable = VK_TRUE;
    VkStencilOpState s{};
    s.compareMask = 0xff;
    s.writeMask = d.writeStencil ? 0xff : 0x00;
    s.reference = 1;
    s.compareOp = d.writeStencil ? VK_COMPARE_OP_ALWAYS : VK_COMPARE_OP_EQUAL;
    s.passOp = d.writeStencil ? VK_STENCIL_OP_REPLACE : VK_STENCIL_OP_KEEP;
    s.failOp = VK_STENCIL_OP_KEEP;
    s.depthFailOp = VK_STENCIL_OP_KEEP;
    depth.front = s;
    depth.back = s;
  }

  VkPipelineColorBlendAttachmentState attachment{};
  attachment.colorWriteMask = d.blend == Blend::NoColour
                                  ? 0
                                  : VK_COLOR_COMPONENT_R_BIT | VK_COLOR_COMPONENT_G_BIT |
                                        VK_COLOR_COMPONENT_B_BIT | VK_COLOR_COMPONENT_A_BIT;
  if (d.blend == Blend::Alpha) {
    attachment.blendEnable = VK_TRUE;
    attachment.srcColorBlendFactor = VK_BLEND_FACTOR_SRC_ALPHA;
    attachment.dstColorBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    attachment.colorBlendOp = VK_BLEND_OP_ADD;
    attachment.srcAlphaBlendFactor = VK_BLEND_FACTOR_ONE;
    attachment.dstAlphaBlendFactor = VK_BLEND_FACTOR_ONE_MINUS_SRC_ALPHA;
    attachment.alphaBlendOp = VK_BLEND_OP_ADD;
  }
  VkPipelineColorBlendStateCreateInfo blend{};
  blend.sType = VK_STRUCTURE_TYPE_PIPELINE_COLOR_BLEND_STATE_CREATE_INFO;
  blend.attachmentCount = 1;
  blend.pAttachments = &attachment;

  const std::array<VkDynamicState, 2> dynamic{VK_DYNAMIC_STATE_VIEWPORT, VK_DYNAMIC_STATE_SCISSOR};
  VkPipelineDynamicStateCreateInfo dynamicState{};
  dynamicState.sType = VK_STRUCTURE_TYPE_PIPELINE_DYNAMIC_STATE_CREATE_INFO;
  dynamicState.dynamicStateCount = static_cast<std::uint32_t>(dynamic.size());
  dynamicState.pDynamicStates = dynamic.data();

  VkGraphicsPipelineCreateInfo info{};
  info.sType = VK_STRUCTURE_TYPE_GRAPHICS_PIPELINE_CREATE_INFO;
  info.stageCount = 2;
  info.pStages = stages.data();
  info.pVertexInputState = &vertexInput;
  info.pInputAssemblyState = &assembly;
  info.pViewportState = &viewport;
  info.pRasterizationState = &raster;
  info.pMultisampleState = &multisample;
  info.pDepthStencilState = &depth;
  info.pColorBlendState = &blend;
  info.pDynamicState = &dynamicState;
  info.layout = pc.layout;
  info.renderPass = pass;
  info.subpass = 0;
  vk::Pipeline p;
  MIMESIS_VK_TRY(vkCreateGraphicsPipelines(pc.device, VK_NULL_HANDLE, 1, &info, nullptr, p.out(pc.device)));
  return p;
}

}  // namespace

Result<vk::RenderPass> createRenderPass(const PipelineContext& pc, VkFormat colour, VkImageLayout finalLayout) {
  std::array<VkAttachmentDescription, 3> attachments{};
  // 0: multisampled colour, 1: depth-stencil, 2: the target (resolve).
  attachments[0].format = colour;
  attachments[0].samples = pc.samples;
  attachments[0].loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  attachments[0].storeOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  attachments[0].stencilLoadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  attachments[0].stencilStoreOp = VK_ATTACHMENT_STORE_OP_DONT_CARE;
  attachments[0].initialLayout = VK_IMAGE_LAYOUT_UNDEFINED;
  attachments[0].finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;
  attachments[1] = attachments[0];
  attachments[1].format = pc.depthFormat;
  attachments[1].stencilLoadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;
  attachments[1].finalLayout = VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL;
  attachments[2] = attachments[0];
  attachments[2].samples = VK_SAMPLE_COUNT_1_BIT;
  attachments[2].loadOp = VK_ATTACHMENT_LOAD_OP_DONT_CARE;
  attachments[2].storeOp = VK_ATTACHMENT_STORE_OP_STORE;
  attachments[2].finalLayout = finalLayout;
  const bool resolve = pc.samples != VK_SAMPLE_COUNT_1_BIT;

  VkAttachmentReference colourRef{resolve ? 0u : 2u, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkAttachmentReference depthRef{1, VK_IMAGE_LAYOUT_DEPTH_STENCIL_ATTACHMENT_OPTIMAL};
  VkAttachmentReference resolveRef{2, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL};
  VkSubpassDescription subpass{};
  subpass.pipelineBindPoint = VK_PIPELINE_BIND_POINT_GRAPHICS;
  subpass.colorAttachmentCount = 1;
  subpass.pColorAttachments = &colourRef;
  subpass.pResolveAttachments = resolve ? &resolveRef : nullptr;
  subpass.pDepthStencilAttachment = &depthRef;
  if (!resolve) attachments[2].loadOp = VK_ATTACHMENT_LOAD_OP_CLEAR;

  // Waits for earlier use of the attachments (previous frame in flight, window acquisition) and
  // makes the resolved image visible to the copy or presentation that follows.
  std::array<VkSubpassDependency, 2> deps{};
  deps[0].srcSubpass = VK_SUBPASS_EXTERNAL;
  deps[0].dstSubpass = 0;
  deps[0].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_LATE_FRAGMENT_TESTS_BIT |
                         VK_PIPELINE_STAGE_TRANSFER_BIT;
  deps[0].dstStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT | VK_PIPELINE_STAGE_EARLY_FRAGMENT_TESTS_BIT;
  deps[0].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT |
                          VK_ACCESS_TRANSFER_READ_BIT;
  deps[0].dstAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT | VK_ACCESS_COLOR_ATTACHMENT_READ_BIT |
                          VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_WRITE_BIT | VK_ACCESS_DEPTH_STENCIL_ATTACHMENT_READ_BIT;
  deps[1].srcSubpass = 0;
  deps[1].dstSubpass = VK_SUBPASS_EXTERNAL;
  deps[1].srcStageMask = VK_PIPELINE_STAGE_COLOR_ATTACHMENT_OUTPUT_BIT;
  deps[1].dstStageMask = VK_PIPELINE_STAGE_TRANSFER_BIT | VK_PIPELINE_STAGE_BOTTOM_OF_PIPE_BIT;
  deps[1].srcAccessMask = VK_ACCESS_COLOR_ATTACHMENT_WRITE_BIT;
  deps[1].dstAccessMask = VK_ACCESS_TRANSFER_READ_BIT;

  VkRenderPassCreateInfo info{};
  info.sType = VK_STRUCTURE_TYPE_RENDER_PASS_CREATE_INFO;
  info.attachmentCount = 3;
  info.pAttachments = attachments.data();
  info.subpassCount = 1;
  info.pSubpasses = &subpass;
  info.dependencyCount = static_cast<std::uint32_t>(deps.size());
  info.pDependencies = deps.data();
  vk::RenderPass pass;
  MIMESIS_VK_TRY(vkCreateRenderPass(pc.device, &info, nullptr, pass.out(pc.device)));
  return pass;
}

Result<PipelineSet> createPipelineSet(const PipelineContext& pc, VkFormat colour) {
  PipelineSet set;
  Result<vk::RenderPass> pass = createRenderPass(pc, colour, VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL);
  if (!pass) return pass.error();
  set.renderPass = std::move(*pass);
  auto capsuleVert = shader(pc.device, kCapsuleVert);
  auto skinnedVert = shader(pc.device, kSkinnedVert);
  auto quadVert = shader(pc.device, kQuadVert);
  auto litFrag = shader(pc.device, kLitFrag);
  auto gridFrag = shader(pc.device, kGridFrag);
  auto flatFrag = shader(pc.device, kFlatFrag);
  auto texturedFrag = shader(pc.device, kTexturedFrag);
  for (auto* m : {&capsuleVert, &skinnedVert, &quadVert, &litFrag, &gridFrag, &flatFrag, &texturedFrag})
    if (!*m) return m->error();

  struct Entry {
    vk::Pipeline* out;
    PipelineDesc desc;
  };
  // A ghost is drawn twice: depth only, then colour where its depth is the nearest, so only
  // its front surface blends (no inner bones showing through) and it still hides nothing solid.
  auto lit = [&](Geometry g, bool ghost, bool mirrored, bool depthOnly = false) {
    PipelineDesc d;
    d.geometry = g;
    d.blend = depthOnly ? Blend::NoColour : ghost ? Blend::Alpha : Blend::Opaque;
    d.depthWrite = !ghost || depthOnly;
    d.depthEqual = ghost && !depthOnly && !mirrored;
    d.mirrored = mirrored;
    d.vert = g == Geometry::Capsule ? capsuleVert->get() : skinnedVert->get();
    // Skinned meshes multiply their colour by their base-colour texture (white when none); their
    // depth pre-pass uses the same shader so the vertex stage's UV output is consumed.
    d.frag = g == Geometry::Skinned ? texturedFrag->get() : litFrag->get();
    return d;
  };
  PipelineDesc grid;
  grid.geometry = Geometry::Quad;
  grid.blend = Blend::Opaque;  // the shader mixes with the clear colour (nothing is below the floor)
  grid.depthWrite = false;
  grid.cull = false;
  grid.vert = quadVert->get();
  grid.frag = gridFrag->get();
  PipelineDesc mask = grid;
  mask.blend = Blend::NoColour;
  mask.writeStencil = true;
  mask.frag = flatFrag->get();
  PipelineDesc surface = grid;
  surface.blend = Blend::Alpha;
  surface.frag = flatFrag->get();
  surface.depthWrite = true;  // nothing behind the glass shows through except by reflection

  PipelineDesc halo = lit(Geometry::Capsule, true, false);
  halo.depthEqual = false;  // halos blend over whatever is in front of or behind them
  const std::array<Entry, 14> entries{{
      {&set.capsuleGhostHalo, halo},
      {&set.capsuleGhostDepth, lit(Geometry::Capsule, true, false, true)},
      {&set.skinnedGhostDepth, lit(Geometry::Skinned, true, false, true)},
      {&set.capsuleSolid, lit(Geometry::Capsule, false, false)},
      {&set.capsuleGhost, lit(Geometry::Capsule, true, false)},
      {&set.capsuleSolidMirrored, lit(Geometry::Capsule, false, true)},
      {&set.capsuleGhostMirrored, lit(Geometry::Capsule, true, true)},
      {&set.skinnedSolid, lit(Geometry::Skinned, false, false)},
      {&set.skinnedGhost, lit(Geometry::Skinned, true, false)},
      {&set.skinnedSolidMirrored, lit(Geometry::Skinned, false, true)},
      {&set.skinnedGhostMirrored, lit(Geometry::Skinned, true, true)},
      {&set.grid, grid},
      {&set.mirrorMask, mask},
      {&set.mirrorSurface, surface},
  }};
  for (const Entry& e : entries) {
    Result<vk::Pipeline> p = makePipeline(pc, set.renderPass.get(), e.desc);
    if (!p) return p.error();
    *e.out = std::move(*p);
  }
  return set;
}

}  // namespace mimesis::render
