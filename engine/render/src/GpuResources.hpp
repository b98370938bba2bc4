// Owning wrappers for buffers, images and small Vulkan objects: one non-copyable owner per
// handle, destroyed in reverse order of creation (members are declared in creation order).
#pragma once

#include <cstddef>
#include <utility>

#include <vulkan/vulkan.h>

#include "mimesis/render/VulkanContext.hpp"

namespace mimesis::vk {

// A buffer with its own memory; host-visible ones stay mapped for their lifetime.
class Buffer {
 public:
  Buffer() = default;
  static Result<Buffer> create(const VulkanContext& ctx, VkDeviceSize size, VkBufferUsageFlags usage,
                               VkMemoryPropertyFlags memory);
  Buffer(Buffer&& o) noexcept { *this = std::move(o); }
  Buffer& operator=(Buffer&& o) noexcept;
  ~Buffer() { reset(); }
  void reset();

  VkBuffer handle() const { return buffer_; }
  VkDeviceSize size() const { return size_; }
  void* mapped() const { return mapped_; }  // null unless host-visible

 private:
  VkDevice device_ = VK_NULL_HANDLE;
  VkBuffer buffer_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
  VkDeviceSize size_ = 0;
  void* mapped_ = nullptr;
};

// A 2D image with its own device-local memory and one view.
class Image {
 public:
  Image() = default;
  static Result<Image> create(const VulkanContext& ctx, VkExtent2D extent, VkFormat format,
                              VkImageUsageFlags usage, VkSampleCountFlagBits samples,
                              VkImageAspectFlags aspect);
  Image(Image&& o) noexcept { *this = std::move(o); }
  Image& operator=(Image&& o) noexcept;
  ~Image() { reset(); }
  void reset();

  VkImage handle() const { return image_; }
  VkImageView view() const { return view_; }

 private:
  VkDevice device_ = VK_NULL_HANDLE;
  VkImage image_ = VK_NULL_HANDLE;
  VkDeviceMemory memory_ = VK_NULL_HANDLE;
  VkImageView view_ = VK_NULL_HANDLE;
};

// Generic owner for handles destroyed by vkDestroyX(device, handle, nullptr).
template <typename Handle, void (*Destroy)(VkDevice, Handle, const VkAllocationCallbacks*)>
class Owned {
 public:
  Owned() = default;
  Owned(VkDevice device, Handle h) : device_(device), handle_(h) {}
  Owned(Owned&& o) noexcept : device_(o.device_), handle_(std::exchange(o.handle_, Handle{})) {}
  Owned& operator=(Owned&& o) noexcept {
    if (this != &o) {
      reset();
      device_ = o.device_;
      handle_ = std::exchange(o.handle_, Handle{});
    }
    return *this;
  }
  Owned(const Owned&) = delete;
  Owned& operator=(const Owned&) = delete;
  ~Owned() { reset(); }
  void reset() {
    if (handle_ != Handle{}) Destroy(device_, handle_, nullptr);
    handle_ = Handle{};
  }
  Handle get() const { return handle_; }
  Handle* out(VkDevice device) {
    reset();
    device_ = device;
    return &handle_;
  }

 private:
  VkDevice device_ = VK_NULL_HANDLE;
  Handle handle_{};
};

using RenderPass = Owned<VkRenderPass, vkDestroyRenderPass>;
using Framebuffer = Owned<VkFramebuffer, vkDestroyFramebuffer>;
using Pipeline = Owned<VkPipeline, vkDestroyPipeline>;
using PipelineLayout = Owned<VkPipelineLayout, vkDestroyPipelineLayout>;
using DescriptorSetLayout = Owned<VkDescriptorSetLayout, vkDestroyDescriptorSetLayout>;
using DescriptorPool = Owned<VkDescriptorPool, vkDestroyDescriptorPool>;
using CommandPool = Owned<VkCommandPool, vkDestroyCommandPool>;
using Fence = Owned<VkFence, vkDestroyFence>;
using Semaphore = Owned<VkSemaphore, vkDestroySemaphore>;
using QueryPool = Owned<VkQueryPool, vkDestroyQueryPool>;
using ShaderModule = Owned<VkShaderModule, vkDestroyShaderModule>;
using ImageView = Owned<VkImageView, vkDestroyImageView>;
using Sampler = Owned<VkSampler, vkDestroySampler>;

// Records and submits a one-off command buffer and waits for it (uploads, readback).
Status submitOnce(const VulkanContext& ctx, VkCommandPool pool, void (*record)(VkCommandBuffer, void*), void* user);

}  // namespace mimesis::vk
