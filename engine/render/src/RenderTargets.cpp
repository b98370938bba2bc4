// Render targets (offscreen image, window or XR swapchain image) and the pipeline set of each
// colour format, made on first use.
#include "mimesis/render/Renderer.hpp"

#include <string>

#include "RendererState.hpp"
#include "VkCheck.hpp"

namespace mimesis {

using render::PipelineSet;
using render::Target;

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

}  // namespace mimesis
