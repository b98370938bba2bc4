// One frame: wait for its slot, build and write its instances, skin and views, record every
// view and submit; collecting a slot reads its GPU timestamps.
#include "mimesis/render/Renderer.hpp"

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>

#include "RendererState.hpp"
#include "VkCheck.hpp"

namespace mimesis {

using render::FrameSlot;
using render::kMaxViews;
using render::ViewUniform;

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

}  // namespace mimesis
