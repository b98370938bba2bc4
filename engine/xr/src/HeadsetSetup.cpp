// Headset::create: the OpenXR instance and system checks, the Vulkan context through
// XR_KHR_vulkan_enable2, the session, the reference space, swapchains and hand trackers.
#include <algorithm>
#include <cstring>

#include "HeadsetImpl.hpp"
#include "mimesis/core/LoadedModules.hpp"

namespace mimesis {
namespace {

template <typename Fn>
Status loadFunction(XrInstance instance, const char* name, Fn& out) {
  PFN_xrVoidFunction f = nullptr;
  MIMESIS_XR_CHECK(instance, xrGetInstanceProcAddr(instance, name, &f));
  out = reinterpret_cast<Fn>(f);
  return okStatus();
}

Result<std::vector<std::string>> instanceExtensions() {
  uint32_t n = 0;
  MIMESIS_XR_CHECK(XR_NULL_HANDLE, xrEnumerateInstanceExtensionProperties(nullptr, 0, &n, nullptr));
  std::vector<XrExtensionProperties> props(n, xrStruct<XrExtensionProperties>(XR_TYPE_EXTENSION_PROPERTIES));
  MIMESIS_XR_CHECK(XR_NULL_HANDLE, xrEnumerateInstanceExtensionProperties(nullptr, n, &n, props.data()));
  std::vector<std::string> out;
  for (const auto& p : props) out.emplace_back(p.extensionName);
  return out;
}

Status checkLayers(const std::vector<std::string>& wanted) {
  if (wanted.empty()) return okStatus();
  uint32_t n = 0;
  MIMESIS_XR_CHECK(XR_NULL_HANDLE, xrEnumerateApiLayerProperties(0, &n, nullptr));
  std::vector<XrApiLayerProperties> props(n, xrStruct<XrApiLayerProperties>(XR_TYPE_API_LAYER_PROPERTIES));
  MIMESIS_XR_CHECK(XR_NULL_HANDLE, xrEnumerateApiLayerProperties(n, &n, props.data()));
  for (const std::string& w : wanted) {
    bool found = false;
    for (const auto& p : props) found = found || w == p.layerName;
    if (!found) return makeError(ErrorCode::Unsupported, "the OpenXR API layer " + w + " is not installed");
  }
  return okStatus();
}

bool isSrgbColour(std::int64_t f) { return f == VK_FORMAT_R8G8B8A8_SRGB || f == VK_FORMAT_B8G8R8A8_SRGB; }

}  // namespace

Result<std::unique_ptr<Headset>> Headset::create(const HeadsetOptions& options) {
  auto impl = std::make_unique<Impl>();
  // The runtime and API layers the loader brings in stay loaded (LoadedModules.hpp says why).
  // Declared after `impl`, so on an error return it pins them before the instance is destroyed.
  const PinModulesLoadedInScope keepRuntimeLoaded;
  Impl& h = *impl;
  h.options = options;

  // Extensions: enable2 and hand tracking are required, depth is taken when offered.
  Result<std::vector<std::string>> exts = instanceExtensions();
  if (!exts) return exts.error();
  auto offered = [&](const char* name) { return std::find(exts->begin(), exts->end(), name) != exts->end(); };
  if (!offered(XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME))
    return makeError(ErrorCode::Unsupported, "the OpenXR runtime does not offer XR_KHR_vulkan_enable2 (Vulkan rendering)");
  if (!offered(XR_EXT_HAND_TRACKING_EXTENSION_NAME))
    return makeError(ErrorCode::Unsupported,
                     "the OpenXR runtime does not offer hand tracking (XR_EXT_hand_tracking); Mimesis needs the "
                     "learner's hands: enable hand tracking in the headset's settings or use another runtime");
  h.depthOffered = offered(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME);
  std::vector<const char*> enabled{XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_EXT_HAND_TRACKING_EXTENSION_NAME};
  if (h.depthOffered) enabled.push_back(XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME);
  if (Status st = checkLayers(options.apiLayers); !st) return st.error();
  std::vector<const char*> layers;
  for (const std::string& l : options.apiLayers) layers.push_back(l.c_str());

  auto ci = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
  std::snprintf(ci.applicationInfo.applicationName, XR_MAX_APPLICATION_NAME_SIZE, "%s", options.applicationName.c_str());
  ci.applicationInfo.applicationVersion = 1;
  std::snprintf(ci.applicationInfo.engineName, XR_MAX_ENGINE_NAME_SIZE, "%s", "Mimesis");
  ci.applicationInfo.engineVersion = 1;
  ci.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
  ci.enabledExtensionCount = static_cast<uint32_t>(enabled.size());
  ci.enabledExtensionNames = enabled.data();
  ci.enabledApiLayerCount = static_cast<uint32_t>(layers.size());
  ci.enabledApiLayerNames = layers.data();
  XrInstance instance = XR_NULL_HANDLE;
  MIMESIS_XR_CHECK(XR_NULL_HANDLE, xrCreateInstance(&ci, &instance));
  h.instance = XrInstanceOwner(instance, &xrDestroyInstance);

  auto ip = xrStruct<XrInstanceProperties>(XR_TYPE_INSTANCE_PROPERTIES);
  MIMESIS_XR_CHECK(instance, xrGetInstanceProperties(instance, &ip));
  h.runtimeName = ip.runtimeName;

  auto sgi = xrStruct<XrSystemGetInfo>(XR_TYPE_SYSTEM_GET_INFO);
  sgi.formFactor = XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY;
  if (XrResult r = xrGetSystem(instance, &sgi, &h.system); r == XR_ERROR_FORM_FACTOR_UNAVAILABLE)
    return makeError(ErrorCode::Device, "no headset is connected to the OpenXR runtime (" + h.runtimeName + ")");
  else if (XR_FAILED(r))
    return xrFailure(instance, r, "xrGetSystem(instance, &sgi, &h.system)", __FILE__, __LINE__);
  auto handProps = xrStruct<XrSystemHandTrackingPropertiesEXT>(XR_TYPE_SYSTEM_HAND_TRACKING_PROPERTIES_EXT);
  auto sp = xrStruct<XrSystemProperties>(XR_TYPE_SYSTEM_PROPERTIES, &handProps);
  MIMESIS_XR_CHECK(instance, xrGetSystemProperties(instance, h.system, &sp));
  if (handProps.supportsHandTracking != XR_TRUE)
    return makeError(ErrorCode::Unsupported, std::string("the headset (") + sp.systemName +
                                                 ") does not support hand tracking; Mimesis needs the learner's hands");

  uint32_t nViews = 0;
  MIMESIS_XR_CHECK(instance, xrEnumerateViewConfigurationViews(instance, h.system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                                               0, &nViews, nullptr));
  if (nViews != 2) return makeError(ErrorCode::Unsupported, "the stereo view configuration does not have two views");
  h.viewConfig.fill(xrStruct<XrViewConfigurationView>(XR_TYPE_VIEW_CONFIGURATION_VIEW));
  MIMESIS_XR_CHECK(instance, xrEnumerateViewConfigurationViews(instance, h.system, XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO,
                                                               2, &nViews, h.viewConfig.data()));

  if (Status st = loadFunction(instance, "xrGetVulkanGraphicsRequirements2KHR", h.getRequirements); !st) return st.error();
  if (Status st = loadFunction(instance, "xrCreateVulkanInstanceKHR", h.createVkInstance); !st) return st.error();
  if (Status st = loadFunction(instance, "xrGetVulkanGraphicsDevice2KHR", h.getVkDevice); !st) return st.error();
  if (Status st = loadFunction(instance, "xrCreateVulkanDeviceKHR", h.createVkDevice); !st) return st.error();
  if (Status st = loadFunction(instance, "xrCreateHandTrackerEXT", h.createHandTracker); !st) return st.error();
  if (Status st = loadFunction(instance, "xrDestroyHandTrackerEXT", h.destroyHandTracker); !st) return st.error();
  if (Status st = loadFunction(instance, "xrLocateHandJointsEXT", h.locateHandJoints); !st) return st.error();

  auto req = xrStruct<XrGraphicsRequirementsVulkan2KHR>(XR_TYPE_GRAPHICS_REQUIREMENTS_VULKAN2_KHR);
  MIMESIS_XR_CHECK(instance, h.getRequirements(instance, h.system, &req));
  if (req.minApiVersionSupported > XR_MAKE_VERSION(1, 1, 0))
    return makeError(ErrorCode::Unsupported, "the OpenXR runtime needs a newer Vulkan than 1.1");

  // The Vulkan instance and device are made by the runtime, which may add what it needs.
  VulkanContextOptions vo;
  vo.applicationName = options.applicationName;
  vo.validation = options.vulkanValidation;
  Impl* self = &h;
  vo.createInstance = [self](const VkInstanceCreateInfo& info, VkInstance* out) {
    auto x = xrStruct<XrVulkanInstanceCreateInfoKHR>(XR_TYPE_VULKAN_INSTANCE_CREATE_INFO_KHR);
    x.systemId = self->system;
    x.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
    x.vulkanCreateInfo = &info;
    VkResult vr = VK_SUCCESS;
    const XrResult r = self->createVkInstance(self->instance.get(), &x, out, &vr);
    return XR_FAILED(r) ? VK_ERROR_INITIALIZATION_FAILED : vr;
  };
  vo.pickPhysicalDevice = [self](VkInstance vkInstance) -> Result<VkPhysicalDevice> {
    auto gi = xrStruct<XrVulkanGraphicsDeviceGetInfoKHR>(XR_TYPE_VULKAN_GRAPHICS_DEVICE_GET_INFO_KHR);
    gi.systemId = self->system;
    gi.vulkanInstance = vkInstance;
    VkPhysicalDevice device = VK_NULL_HANDLE;
    MIMESIS_XR_CHECK(self->instance.get(), self->getVkDevice(self->instance.get(), &gi, &device));
    return device;
  };
  vo.createDevice = [self](VkPhysicalDevice physical, const VkDeviceCreateInfo& info, VkDevice* out) {
    auto x = xrStruct<XrVulkanDeviceCreateInfoKHR>(XR_TYPE_VULKAN_DEVICE_CREATE_INFO_KHR);
    x.systemId = self->system;
    x.pfnGetInstanceProcAddr = &vkGetInstanceProcAddr;
    x.vulkanPhysicalDevice = physical;
    x.vulkanCreateInfo = &info;
    VkResult vr = VK_SUCCESS;
    const XrResult r = self->createVkDevice(self->instance.get(), &x, out, &vr);
    return XR_FAILED(r) ? VK_ERROR_INITIALIZATION_FAILED : vr;
  };
  Result<std::unique_ptr<VulkanContext>> vk = VulkanContext::create(vo);
  if (!vk) return vk.error();
  h.vulkan = std::move(*vk);

  auto binding = xrStruct<XrGraphicsBindingVulkan2KHR>(XR_TYPE_GRAPHICS_BINDING_VULKAN2_KHR);
  binding.instance = h.vulkan->instance();
  binding.physicalDevice = h.vulkan->physicalDevice();
  binding.device = h.vulkan->device();
  binding.queueFamilyIndex = h.vulkan->queueFamily();
  binding.queueIndex = 0;
  auto sci = xrStruct<XrSessionCreateInfo>(XR_TYPE_SESSION_CREATE_INFO, &binding);
  sci.systemId = h.system;
  XrSession session = XR_NULL_HANDLE;
  MIMESIS_XR_CHECK(instance, xrCreateSession(instance, &sci, &session));
  h.session = XrSessionOwner(session, &xrDestroySession);

  // STAGE (floor level, the world of Mimesis's scenes) when offered, else LOCAL.
  uint32_t nSpaces = 0;
  MIMESIS_XR_CHECK(instance, xrEnumerateReferenceSpaces(session, 0, &nSpaces, nullptr));
  std::vector<XrReferenceSpaceType> spaces(nSpaces);
  MIMESIS_XR_CHECK(instance, xrEnumerateReferenceSpaces(session, nSpaces, &nSpaces, spaces.data()));
  h.stage = std::find(spaces.begin(), spaces.end(), XR_REFERENCE_SPACE_TYPE_STAGE) != spaces.end();
  auto rsi = xrStruct<XrReferenceSpaceCreateInfo>(XR_TYPE_REFERENCE_SPACE_CREATE_INFO);
  rsi.referenceSpaceType = h.stage ? XR_REFERENCE_SPACE_TYPE_STAGE : XR_REFERENCE_SPACE_TYPE_LOCAL;
  rsi.poseInReferenceSpace.orientation.w = 1.0f;
  XrSpace space = XR_NULL_HANDLE;
  MIMESIS_XR_CHECK(instance, xrCreateReferenceSpace(session, &rsi, &space));
  h.space = XrSpaceOwner(space, &xrDestroySpace);

  // Colour format: the runtime's first sRGB choice (its order is its preference).
  uint32_t nFormats = 0;
  MIMESIS_XR_CHECK(instance, xrEnumerateSwapchainFormats(session, 0, &nFormats, nullptr));
  std::vector<int64_t> formats(nFormats);
  MIMESIS_XR_CHECK(instance, xrEnumerateSwapchainFormats(session, nFormats, &nFormats, formats.data()));
  const auto colour = std::find_if(formats.begin(), formats.end(), isSrgbColour);
  if (colour == formats.end()) return makeError(ErrorCode::Unsupported, "the OpenXR runtime offers no sRGB colour swapchain");
  h.colourFormat = *colour;

  Result<std::unique_ptr<Renderer>> renderer = Renderer::create(*h.vulkan);
  if (!renderer) return renderer.error();
  h.renderer = std::move(*renderer);

  for (int eye = 0; eye < 2; ++eye) {
    const XrViewConfigurationView& vc = h.viewConfig[static_cast<std::size_t>(eye)];
    auto sc = xrStruct<XrSwapchainCreateInfo>(XR_TYPE_SWAPCHAIN_CREATE_INFO);
    sc.usageFlags = XR_SWAPCHAIN_USAGE_COLOR_ATTACHMENT_BIT | XR_SWAPCHAIN_USAGE_SAMPLED_BIT;
    sc.format = h.colourFormat;
    sc.sampleCount = 1;
    sc.width = vc.recommendedImageRectWidth;
    sc.height = vc.recommendedImageRectHeight;
    sc.faceCount = 1;
    sc.arraySize = 1;
    sc.mipCount = 1;
    XrSwapchain swapchain = XR_NULL_HANDLE;
    MIMESIS_XR_CHECK(instance, xrCreateSwapchain(session, &sc, &swapchain));
    EyeSwapchain& e = h.eyes[static_cast<std::size_t>(eye)];
    e.swapchain = XrSwapchainOwner(swapchain, &xrDestroySwapchain);
    uint32_t nImages = 0;
    MIMESIS_XR_CHECK(instance, xrEnumerateSwapchainImages(swapchain, 0, &nImages, nullptr));
    std::vector<XrSwapchainImageVulkan2KHR> images(nImages, xrStruct<XrSwapchainImageVulkan2KHR>(XR_TYPE_SWAPCHAIN_IMAGE_VULKAN2_KHR));
    MIMESIS_XR_CHECK(instance, xrEnumerateSwapchainImages(swapchain, nImages, &nImages,
                                                          reinterpret_cast<XrSwapchainImageBaseHeader*>(images.data())));
    for (const auto& img : images) {
      e.images.push_back(img.image);
      TargetDesc td;
      td.image = img.image;
      td.format = static_cast<VkFormat>(h.colourFormat);
      td.extent = VkExtent2D{sc.width, sc.height};
      td.finalLayout = VK_IMAGE_LAYOUT_COLOR_ATTACHMENT_OPTIMAL;  // what the runtime expects back
      Result<std::unique_ptr<RenderTarget>> t = h.renderer->createTarget(td);
      if (!t) return t.error();
      e.targets.push_back(std::move(*t));
    }
  }

  for (int hand = 0; hand < 2; ++hand) {
    auto hi = xrStruct<XrHandTrackerCreateInfoEXT>(XR_TYPE_HAND_TRACKER_CREATE_INFO_EXT);
    hi.hand = hand == 0 ? XR_HAND_LEFT_EXT : XR_HAND_RIGHT_EXT;
    hi.handJointSet = XR_HAND_JOINT_SET_DEFAULT_EXT;
    XrHandTrackerEXT tracker = XR_NULL_HANDLE;
    MIMESIS_XR_CHECK(instance, h.createHandTracker(session, &hi, &tracker));
    h.trackers[static_cast<std::size_t>(hand)] = XrHandTrackerOwner(tracker, h.destroyHandTracker);
  }
  return std::unique_ptr<Headset>(new Headset(std::move(impl)));
}

Headset::Headset(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}

Headset::~Headset() {
  // The GPU is idle and the renderer's targets gone before the runtime's images go.
  if (impl_->vulkan) (void)impl_->vulkan->waitIdle();
  for (EyeSwapchain& e : impl_->eyes) e.targets.clear();
  impl_->renderer.reset();
}

}  // namespace mimesis
