// Waiting for every frame in flight, reading a target back into an image, and the accessors.
#include "mimesis/render/Renderer.hpp"

#include <cstring>
#include <utility>

#include "RendererState.hpp"
#include "VkCheck.hpp"

namespace mimesis {

using render::FrameSlot;

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
