// XR_KHR_vulkan_enable2: graphics requirements, and the Vulkan instance and device created by
// the runtime through the application's vkGetInstanceProcAddr.
#include <cstdlib>

#include "Entry.hpp"

namespace mxs {
namespace {

#define MXS_INSTANCE(var, handle)                              \
  std::lock_guard<std::mutex> lock_(runtime().mutex);          \
  Instance* var = findInstance(handle);                        \
  if (var == nullptr) return XR_ERROR_HANDLE_INVALID;          \
  if (XrResult r_ = instanceStatus(*var); XR_FAILED(r_)) return r_

}  // namespace

XrResult XRAPI_CALL GetVulkanGraphicsRequirements2KHR(XrInstance handle, XrSystemId system,
                                                      XrGraphicsRequirementsVulkanKHR* requirements) {
  MXS_INSTANCE(inst, handle);
  if (system != 1 || !inst->systemFetched) return XR_ERROR_SYSTEM_INVALID;
  if (requirements == nullptr || requirements->type != XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR)
    return XR_ERROR_VALIDATION_FAILURE;
  requirements->minApiVersionSupported = XR_MAKE_VERSION(1, 0, 0);
  requirements->maxApiVersionSupported = XR_MAKE_VERSION(1, 3, 0);
  inst->requirementsQueried = true;
  return XR_SUCCESS;
}

XrResult XRAPI_CALL CreateVulkanInstanceKHR(XrInstance handle, const XrVulkanInstanceCreateInfoKHR* info,
                                            VkInstance* vkInstance, VkResult* vkResult) {
  MXS_INSTANCE(inst, handle);
  if (info == nullptr || vkInstance == nullptr || vkResult == nullptr || info->type != XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR ||
      info->createFlags != 0 || info->pfnGetInstanceProcAddr == nullptr || info->vulkanCreateInfo == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != 1 || !inst->systemFetched) return XR_ERROR_SYSTEM_INVALID;
  if (!inst->requirementsQueried) return XR_ERROR_GRAPHICS_REQUIREMENTS_CALL_MISSING;
  auto create = reinterpret_cast<PFN_vkCreateInstance>(info->pfnGetInstanceProcAddr(VK_NULL_HANDLE, "vkCreateInstance"));
  if (create == nullptr) return XR_ERROR_RUNTIME_FAILURE;
  // The simulator's compositor needs nothing beyond core Vulkan 1.0, so it adds no extensions.
  *vkResult = create(info->vulkanCreateInfo, info->vulkanAllocator, vkInstance);
  if (*vkResult == VK_SUCCESS) inst->appVkInstance = *vkInstance;
  logLine(inst, "vkCreateInstance through the runtime: " + std::to_string(static_cast<int>(*vkResult)));
  return XR_SUCCESS;
}

XrResult XRAPI_CALL GetVulkanGraphicsDevice2KHR(XrInstance handle, const XrVulkanGraphicsDeviceGetInfoKHR* info,
                                                VkPhysicalDevice* device) {
  MXS_INSTANCE(inst, handle);
  if (info == nullptr || device == nullptr || info->type != XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR ||
      info->vulkanInstance == VK_NULL_HANDLE)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != 1 || !inst->systemFetched) return XR_ERROR_SYSTEM_INVALID;
  uint32_t n = 0;
  if (vkEnumeratePhysicalDevices(info->vulkanInstance, &n, nullptr) != VK_SUCCESS || n == 0)
    return XR_ERROR_RUNTIME_FAILURE;
  std::vector<VkPhysicalDevice> devices(n);
  if (vkEnumeratePhysicalDevices(info->vulkanInstance, &n, devices.data()) != VK_SUCCESS) return XR_ERROR_RUNTIME_FAILURE;
  // The headset's GPU: the one named by MIMESIS_VK_DEVICE (an index), else the first listed.
  std::size_t pick = 0;
  if (const char* env = std::getenv("MIMESIS_VK_DEVICE"); env != nullptr) {
    const long v = std::strtol(env, nullptr, 10);
    if (v >= 0 && static_cast<std::size_t>(v) < devices.size()) pick = static_cast<std::size_t>(v);
  }
  inst->chosenPhysical = devices[pick];
  *device = devices[pick];
  return XR_SUCCESS;
}

XrResult XRAPI_CALL CreateVulkanDeviceKHR(XrInstance handle, const XrVulkanDeviceCreateInfoKHR* info, VkDevice* vkDevice,
                                          VkResult* vkResult) {
  MXS_INSTANCE(inst, handle);
  if (info == nullptr || vkDevice == nullptr || vkResult == nullptr || info->type != XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR ||
      info->createFlags != 0 || info->pfnGetInstanceProcAddr == nullptr || info->vulkanCreateInfo == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (info->systemId != 1 || !inst->systemFetched) return XR_ERROR_SYSTEM_INVALID;
  if (info->vulkanPhysicalDevice != inst->chosenPhysical) return XR_ERROR_GRAPHICS_DEVICE_INVALID;
  // Through the application's vkGetInstanceProcAddr, on the instance created above (or any
  // instance the application made, when it created its own).
  PFN_vkCreateDevice create = nullptr;
  if (inst->appVkInstance != VK_NULL_HANDLE)
    create = reinterpret_cast<PFN_vkCreateDevice>(info->pfnGetInstanceProcAddr(inst->appVkInstance, "vkCreateDevice"));
  if (create == nullptr) create = &vkCreateDevice;
  *vkResult = create(info->vulkanPhysicalDevice, info->vulkanCreateInfo, info->vulkanAllocator, vkDevice);
  return XR_SUCCESS;
}

}  // namespace mxs
