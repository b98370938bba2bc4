// VulkanContext: the Vulkan instance, the physical and logical device and the graphics queue,
// created by the renderer itself (desktop, headless) or through hooks (OpenXR's
// XR_KHR_vulkan_enable2 creates the instance and device for us). Owns what it creates; released
// in reverse creation order. Not thread-safe: one thread records and submits.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <vector>

#include <vulkan/vulkan.h>

#include "mimesis/core/Error.hpp"

namespace mimesis {

struct VulkanContextOptions {
  std::string applicationName = "Mimesis";
  // VK_LAYER_KHRONOS_validation plus a debug messenger that records every message (tests fail
  // on any). An error when the layer is not installed.
  bool validation = false;
  std::vector<std::string> instanceExtensions;  // e.g. the window system's surface extensions
  bool swapchain = false;                       // the device needs VK_KHR_swapchain
  // Picks among suitable devices by index in enumeration order (-1: prefer a discrete GPU,
  // then integrated, then any — lavapipe last). MIMESIS_VK_DEVICE overrides this.
  int deviceIndex = -1;
  // Hooks for XR_KHR_vulkan_enable2: when set they replace vkCreateInstance, the physical
  // device choice and vkCreateDevice; the context still owns and destroys the handles.
  std::function<VkResult(const VkInstanceCreateInfo&, VkInstance*)> createInstance;
  std::function<Result<VkPhysicalDevice>(VkInstance)> pickPhysicalDevice;
  std::function<VkResult(VkPhysicalDevice, const VkDeviceCreateInfo&, VkDevice*)> createDevice;
};

class VulkanContext {
 public:
  static Result<std::unique_ptr<VulkanContext>> create(const VulkanContextOptions& options);
  ~VulkanContext();
  VulkanContext(const VulkanContext&) = delete;
  VulkanContext& operator=(const VulkanContext&) = delete;

  VkInstance instance() const { return instance_; }
  VkPhysicalDevice physicalDevice() const { return physical_; }
  VkDevice device() const { return device_; }
  VkQueue queue() const { return queue_; }
  std::uint32_t queueFamily() const { return queueFamily_; }
  const VkPhysicalDeviceProperties& properties() const { return properties_; }
  std::string deviceName() const { return properties_.deviceName; }
  // Nanoseconds per timestamp tick, 0 when the queue has no timestamps.
  double timestampPeriodNs() const { return timestampPeriod_; }

  // Validation messages so far (warnings and errors, one line each); empty without validation.
  const std::vector<std::string>& validationMessages() const { return messages_; }
  void clearValidationMessages() { messages_.clear(); }

  // Memory type index with `required` properties among `typeBits`, or -1.
  int findMemoryType(std::uint32_t typeBits, VkMemoryPropertyFlags required) const;
  // Waits for the queue to go idle; errors name the call.
  Status waitIdle() const;

 private:
  VulkanContext() = default;
  static VKAPI_ATTR VkBool32 VKAPI_CALL onMessage(VkDebugUtilsMessageSeverityFlagBitsEXT severity,
                                                  VkDebugUtilsMessageTypeFlagsEXT type,
                                                  const VkDebugUtilsMessengerCallbackDataEXT* data,
                                                  void* self);
  Status createInstance(const VulkanContextOptions& options);
  Status pickDevice(const VulkanContextOptions& options);
  Status createDevice(const VulkanContextOptions& options);

  VkInstance instance_ = VK_NULL_HANDLE;
  VkDebugUtilsMessengerEXT messenger_ = VK_NULL_HANDLE;
  VkPhysicalDevice physical_ = VK_NULL_HANDLE;
  VkDevice device_ = VK_NULL_HANDLE;
  VkQueue queue_ = VK_NULL_HANDLE;
  std::uint32_t queueFamily_ = 0;
  VkPhysicalDeviceProperties properties_{};
  VkPhysicalDeviceMemoryProperties memory_{};
  double timestampPeriod_ = 0.0;
  std::vector<std::string> messages_;
};

}  // namespace mimesis
