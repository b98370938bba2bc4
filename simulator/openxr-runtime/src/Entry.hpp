// The OpenXR functions the simulator implements, by file; xrGetInstanceProcAddr hands them out.
#pragma once

#include "Runtime.hpp"

namespace mxs {

// Instance.cpp
XrResult XRAPI_CALL EnumerateInstanceExtensionProperties(const char* layer, uint32_t capacity, uint32_t* count,
                                                          XrExtensionProperties* props);
XrResult XRAPI_CALL EnumerateApiLayerProperties(uint32_t capacity, uint32_t* count, XrApiLayerProperties* props);
XrResult XRAPI_CALL CreateInstance(const XrInstanceCreateInfo* info, XrInstance* instance);
XrResult XRAPI_CALL DestroyInstance(XrInstance instance);
XrResult XRAPI_CALL GetInstanceProperties(XrInstance instance, XrInstanceProperties* props);
XrResult XRAPI_CALL PollEvent(XrInstance instance, XrEventDataBuffer* event);
XrResult XRAPI_CALL ResultToString(XrInstance instance, XrResult value, char buffer[XR_MAX_RESULT_STRING_SIZE]);
XrResult XRAPI_CALL StructureTypeToString(XrInstance instance, XrStructureType value,
                                          char buffer[XR_MAX_STRUCTURE_NAME_SIZE]);
XrResult XRAPI_CALL GetSystem(XrInstance instance, const XrSystemGetInfo* info, XrSystemId* system);
XrResult XRAPI_CALL GetSystemProperties(XrInstance instance, XrSystemId system, XrSystemProperties* props);
XrResult XRAPI_CALL EnumerateEnvironmentBlendModes(XrInstance instance, XrSystemId system,
                                                   XrViewConfigurationType type, uint32_t capacity, uint32_t* count,
                                                   XrEnvironmentBlendMode* modes);
XrResult XRAPI_CALL EnumerateViewConfigurations(XrInstance instance, XrSystemId system, uint32_t capacity,
                                                uint32_t* count, XrViewConfigurationType* types);
XrResult XRAPI_CALL GetViewConfigurationProperties(XrInstance instance, XrSystemId system,
                                                   XrViewConfigurationType type, XrViewConfigurationProperties* props);
XrResult XRAPI_CALL EnumerateViewConfigurationViews(XrInstance instance, XrSystemId system,
                                                    XrViewConfigurationType type, uint32_t capacity, uint32_t* count,
                                                    XrViewConfigurationView* views);
XrResult XRAPI_CALL StringToPath(XrInstance instance, const char* text, XrPath* path);
XrResult XRAPI_CALL PathToString(XrInstance instance, XrPath path, uint32_t capacity, uint32_t* count, char* buffer);

// Session.cpp
XrResult XRAPI_CALL CreateSession(XrInstance instance, const XrSessionCreateInfo* info, XrSession* session);
XrResult XRAPI_CALL DestroySession(XrSession session);
XrResult XRAPI_CALL BeginSession(XrSession session, const XrSessionBeginInfo* info);
XrResult XRAPI_CALL EndSession(XrSession session);
XrResult XRAPI_CALL RequestExitSession(XrSession session);
XrResult XRAPI_CALL WaitFrame(XrSession session, const XrFrameWaitInfo* info, XrFrameState* state);
XrResult XRAPI_CALL BeginFrame(XrSession session, const XrFrameBeginInfo* info);
XrResult XRAPI_CALL EndFrame(XrSession session, const XrFrameEndInfo* info);

// Spaces.cpp
XrResult XRAPI_CALL EnumerateReferenceSpaces(XrSession session, uint32_t capacity, uint32_t* count,
                                             XrReferenceSpaceType* spaces);
XrResult XRAPI_CALL CreateReferenceSpace(XrSession session, const XrReferenceSpaceCreateInfo* info, XrSpace* space);
XrResult XRAPI_CALL GetReferenceSpaceBoundsRect(XrSession session, XrReferenceSpaceType type, XrExtent2Df* bounds);
XrResult XRAPI_CALL LocateSpace(XrSpace space, XrSpace base, XrTime time, XrSpaceLocation* location);
XrResult XRAPI_CALL DestroySpace(XrSpace space);
XrResult XRAPI_CALL LocateViews(XrSession session, const XrViewLocateInfo* info, XrViewState* state,
                                uint32_t capacity, uint32_t* count, XrView* views);

// Swapchain.cpp
XrResult XRAPI_CALL EnumerateSwapchainFormats(XrSession session, uint32_t capacity, uint32_t* count, int64_t* formats);
XrResult XRAPI_CALL CreateSwapchain(XrSession session, const XrSwapchainCreateInfo* info, XrSwapchain* swapchain);
XrResult XRAPI_CALL DestroySwapchain(XrSwapchain swapchain);
XrResult XRAPI_CALL EnumerateSwapchainImages(XrSwapchain swapchain, uint32_t capacity, uint32_t* count,
                                             XrSwapchainImageBaseHeader* images);
XrResult XRAPI_CALL AcquireSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageAcquireInfo* info,
                                          uint32_t* index);
XrResult XRAPI_CALL WaitSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageWaitInfo* info);
XrResult XRAPI_CALL ReleaseSwapchainImage(XrSwapchain swapchain, const XrSwapchainImageReleaseInfo* info);

// VulkanEnable2.cpp
XrResult XRAPI_CALL GetVulkanGraphicsRequirements2KHR(XrInstance instance, XrSystemId system,
                                                      XrGraphicsRequirementsVulkanKHR* requirements);
XrResult XRAPI_CALL CreateVulkanInstanceKHR(XrInstance instance, const XrVulkanInstanceCreateInfoKHR* info,
                                            VkInstance* vkInstance, VkResult* vkResult);
XrResult XRAPI_CALL GetVulkanGraphicsDevice2KHR(XrInstance instance, const XrVulkanGraphicsDeviceGetInfoKHR* info,
                                                VkPhysicalDevice* device);
XrResult XRAPI_CALL CreateVulkanDeviceKHR(XrInstance instance, const XrVulkanDeviceCreateInfoKHR* info,
                                          VkDevice* vkDevice, VkResult* vkResult);

// HandTracking.cpp
XrResult XRAPI_CALL CreateHandTrackerEXT(XrSession session, const XrHandTrackerCreateInfoEXT* info,
                                         XrHandTrackerEXT* tracker);
XrResult XRAPI_CALL DestroyHandTrackerEXT(XrHandTrackerEXT tracker);
XrResult XRAPI_CALL LocateHandJointsEXT(XrHandTrackerEXT tracker, const XrHandJointsLocateInfoEXT* info,
                                        XrHandJointLocationsEXT* locations);

}  // namespace mxs
