// Loader negotiation, xrGetInstanceProcAddr, and the instance and system level entry points:
// extensions, instance lifecycle, events, strings, the system and its view configuration.
#include <cstring>
#include <iostream>

#include <openxr/openxr_reflection.h>

#include "Entry.hpp"
#include "mimesis/motion/MrecReader.hpp"

// The loader–runtime negotiation structures (OpenXR loader specification, "Runtime
// negotiation"). Debian's libopenxr-dev 1.0.20 does not install loader_interfaces.h, so they
// are declared here exactly as the specification gives them.
extern "C" {
enum XrLoaderInterfaceStructs {
  XR_LOADER_INTERFACE_STRUCT_UNINTIALIZED = 0,
  XR_LOADER_INTERFACE_STRUCT_LOADER_INFO,
  XR_LOADER_INTERFACE_STRUCT_API_LAYER_REQUEST,
  XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST,
  XR_LOADER_INTERFACE_STRUCT_API_LAYER_CREATE_INFO,
  XR_LOADER_INTERFACE_STRUCT_API_LAYER_NEXT_INFO,
};
struct XrNegotiateLoaderInfo {
  XrLoaderInterfaceStructs structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t minInterfaceVersion;
  uint32_t maxInterfaceVersion;
  XrVersion minApiVersion;
  XrVersion maxApiVersion;
};
struct XrNegotiateRuntimeRequest {
  XrLoaderInterfaceStructs structType;
  uint32_t structVersion;
  size_t structSize;
  uint32_t runtimeInterfaceVersion;
  XrVersion runtimeApiVersion;
  PFN_xrGetInstanceProcAddr getInstanceProcAddr;
};
}

namespace mxs {
namespace {

constexpr uint32_t kLoaderInfoStructVersion = 1;
constexpr uint32_t kRuntimeInfoStructVersion = 1;
constexpr uint32_t kLoaderRuntimeInterfaceVersion = 1;
constexpr XrSystemId kSystemId = 1;

struct ExtensionOffer {
  const char* name;
  uint32_t version;
};

std::vector<ExtensionOffer> offeredExtensions(const Config& c) {
  std::vector<ExtensionOffer> out{{XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME, XR_KHR_vulkan_enable2_SPEC_VERSION}};
  if (c.offerHandTracking) out.push_back({XR_EXT_HAND_TRACKING_EXTENSION_NAME, XR_EXT_hand_tracking_SPEC_VERSION});
  if (c.offerDepth)
    out.push_back({XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME, XR_KHR_composition_layer_depth_SPEC_VERSION});
  return out;
}

template <typename T>
XrResult twoCall(uint32_t capacity, uint32_t* count, T* out, const std::vector<T>& values) {
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = static_cast<uint32_t>(values.size());
  if (capacity == 0) return XR_SUCCESS;
  if (out == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < values.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  for (std::size_t i = 0; i < values.size(); ++i) out[i] = values[i];
  return XR_SUCCESS;
}

// Instance lookup plus the checks every instance-level call makes.
#define MXS_INSTANCE(var, handle)                              \
  std::lock_guard<std::mutex> lock_(runtime().mutex);          \
  Instance* var = findInstance(handle);                        \
  if (var == nullptr) return XR_ERROR_HANDLE_INVALID;          \
  if (XrResult r_ = instanceStatus(*var); XR_FAILED(r_)) return r_

XrResult checkSystem(const Instance& inst, XrSystemId system) {
  if (system != kSystemId || !inst.systemFetched) return XR_ERROR_SYSTEM_INVALID;
  return XR_SUCCESS;
}

}  // namespace

XrResult XRAPI_CALL EnumerateInstanceExtensionProperties(const char* layer, uint32_t capacity, uint32_t* count,
                                                          XrExtensionProperties* props) {
  if (layer != nullptr && *layer != '\0') return XR_ERROR_API_LAYER_NOT_PRESENT;
  Config c;
  std::string error;
  (void)loadConfig(c, error);  // a bad configuration is reported by xrCreateInstance
  const auto offers = offeredExtensions(c);
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = static_cast<uint32_t>(offers.size());
  if (capacity == 0) return XR_SUCCESS;
  if (props == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < offers.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  for (std::size_t i = 0; i < offers.size(); ++i) {
    if (props[i].type != XR_TYPE_EXTENSION_PROPERTIES) return XR_ERROR_VALIDATION_FAILURE;
    std::snprintf(props[i].extensionName, XR_MAX_EXTENSION_NAME_SIZE, "%s", offers[i].name);
    props[i].extensionVersion = offers[i].version;
  }
  return XR_SUCCESS;
}

XrResult XRAPI_CALL EnumerateApiLayerProperties(uint32_t, uint32_t* count, XrApiLayerProperties*) {
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = 0;  // a runtime has no layers; the loader lists them
  return XR_SUCCESS;
}

XrResult XRAPI_CALL CreateInstance(const XrInstanceCreateInfo* info, XrInstance* out) {
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_INSTANCE_CREATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  if (XR_VERSION_MAJOR(info->applicationInfo.apiVersion) != 1) return XR_ERROR_API_VERSION_UNSUPPORTED;
  if (info->applicationInfo.applicationName[0] == '\0') return XR_ERROR_NAME_INVALID;
  auto inst = std::make_unique<Instance>();
  if (!loadConfig(inst->config, inst->configError)) {
    logLine(nullptr, inst->configError);
    return XR_ERROR_INITIALIZATION_FAILED;
  }
  const auto offers = offeredExtensions(inst->config);
  for (uint32_t i = 0; i < info->enabledExtensionCount; ++i) {
    const char* name = info->enabledExtensionNames[i];
    bool known = false;
    for (const ExtensionOffer& o : offers) known = known || std::strcmp(o.name, name) == 0;
    if (!known) return XR_ERROR_EXTENSION_NOT_PRESENT;
    if (std::strcmp(name, XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME) == 0) inst->vulkanEnable2 = true;
    if (std::strcmp(name, XR_EXT_HAND_TRACKING_EXTENSION_NAME) == 0) inst->handTracking = true;
    if (std::strcmp(name, XR_KHR_COMPOSITION_LAYER_DEPTH_EXTENSION_NAME) == 0) inst->depthLayer = true;
  }
  // API layers are the loader's business: it passes the application's list through unchanged.
  if (!inst->config.recording.empty()) {
    mimesis::Result<mimesis::MrecFile> rec = mimesis::readMrec(inst->config.recording);
    if (!rec) {
      logLine(nullptr, "cannot replay hands: " + rec.error().describe());
      return XR_ERROR_INITIALIZATION_FAILED;
    }
    inst->hands = std::move(rec->clip);
    if (inst->config.rate <= 0.0) inst->config.rate = inst->hands->rate;
  }
  if (!(inst->config.rate >= 1.0 && inst->config.rate <= 1000.0)) inst->config.rate = 90.0;
  std::lock_guard<std::mutex> lock(runtime().mutex);
  inst->id = newId();
  *out = toHandle<XrInstance>(inst->id);
  logLine(inst.get(), "instance created, " + std::to_string(inst->config.rate) + " Hz");
  runtime().instances[inst->id] = std::move(inst);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL DestroyInstance(XrInstance handle) {
  std::unique_ptr<Instance> doomed;
  {
    std::lock_guard<std::mutex> lock(runtime().mutex);
    auto it = runtime().instances.find(fromHandle(handle));
    if (it == runtime().instances.end()) return XR_ERROR_HANDLE_INVALID;
    doomed = std::move(it->second);
    runtime().instances.erase(it);
    // Child handles go with their parent (the specification destroys them implicitly).
    if (doomed->session) {
      for (auto& [id, sc] : doomed->session->swapchains) destroySwapchainImages(*sc);
      destroySessionVulkan(*doomed->session);
    }
  }
  return XR_SUCCESS;
}

XrResult XRAPI_CALL GetInstanceProperties(XrInstance handle, XrInstanceProperties* props) {
  MXS_INSTANCE(inst, handle);
  if (props == nullptr || props->type != XR_TYPE_INSTANCE_PROPERTIES) return XR_ERROR_VALIDATION_FAILURE;
  props->runtimeVersion = XR_MAKE_VERSION(0, 1, 0);
  std::snprintf(props->runtimeName, XR_MAX_RUNTIME_NAME_SIZE, "%s", "Mimesis XR simulator");
  return XR_SUCCESS;
}

XrResult XRAPI_CALL PollEvent(XrInstance handle, XrEventDataBuffer* event) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Instance* inst = findInstance(handle);
  if (inst == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (event == nullptr || event->type != XR_TYPE_EVENT_DATA_BUFFER) return XR_ERROR_VALIDATION_FAILURE;
  if (inst->lost) return XR_ERROR_INSTANCE_LOST;
  if (inst->events.empty()) {
    // After the loss-pending event has been read the instance is gone for good.
    if (inst->lossPendingDelivered) inst->lost = true;
    return XR_EVENT_UNAVAILABLE;
  }
  const Event e = inst->events.front();
  inst->events.pop_front();
  std::memset(event, 0, sizeof(XrEventDataBuffer));
  if (e.type == XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED) {
    auto* s = reinterpret_cast<XrEventDataSessionStateChanged*>(event);
    s->type = XR_TYPE_EVENT_DATA_SESSION_STATE_CHANGED;
    s->session = toHandle<XrSession>(e.session);
    s->state = e.state;
    s->time = e.time;
  } else {
    auto* l = reinterpret_cast<XrEventDataInstanceLossPending*>(event);
    l->type = XR_TYPE_EVENT_DATA_INSTANCE_LOSS_PENDING;
    l->lossTime = e.time;
    inst->lossPendingDelivered = true;
  }
  return XR_SUCCESS;
}

XrResult XRAPI_CALL ResultToString(XrInstance handle, XrResult value, char buffer[XR_MAX_RESULT_STRING_SIZE]) {
  MXS_INSTANCE(inst, handle);
  (void)inst;
  const char* name = nullptr;
#define MXS_RESULT_CASE(n, v) \
  case v:                     \
    name = #n;                \
    break;
  switch (static_cast<int>(value)) {
    XR_LIST_ENUM_XrResult(MXS_RESULT_CASE)
    default:
      break;
  }
#undef MXS_RESULT_CASE
  if (name != nullptr) std::snprintf(buffer, XR_MAX_RESULT_STRING_SIZE, "%s", name);
  else if (XR_SUCCEEDED(value)) std::snprintf(buffer, XR_MAX_RESULT_STRING_SIZE, "XR_UNKNOWN_SUCCESS_%d", value);
  else std::snprintf(buffer, XR_MAX_RESULT_STRING_SIZE, "XR_UNKNOWN_FAILURE_%d", -static_cast<int>(value));
  return XR_SUCCESS;
}

XrResult XRAPI_CALL StructureTypeToString(XrInstance handle, XrStructureType value,
                                          char buffer[XR_MAX_STRUCTURE_NAME_SIZE]) {
  MXS_INSTANCE(inst, handle);
  (void)inst;
  const char* name = nullptr;
#define MXS_TYPE_CASE(n, v) \
  case v:                   \
    name = #n;              \
    break;
  switch (static_cast<int>(value)) {
    XR_LIST_ENUM_XrStructureType(MXS_TYPE_CASE)
    default:
      break;
  }
#undef MXS_TYPE_CASE
  std::snprintf(buffer, XR_MAX_STRUCTURE_NAME_SIZE, "%s", name != nullptr ? name : "XR_UNKNOWN_STRUCTURE_TYPE");
  return XR_SUCCESS;
}

XrResult XRAPI_CALL GetSystem(XrInstance handle, const XrSystemGetInfo* info, XrSystemId* system) {
  MXS_INSTANCE(inst, handle);
  if (info == nullptr || system == nullptr || info->type != XR_TYPE_SYSTEM_GET_INFO) return XR_ERROR_VALIDATION_FAILURE;
  if (info->formFactor != XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY && info->formFactor != XR_FORM_FACTOR_HANDHELD_DISPLAY)
    return XR_ERROR_FORM_FACTOR_UNSUPPORTED;
  if (info->formFactor != XR_FORM_FACTOR_HEAD_MOUNTED_DISPLAY) return XR_ERROR_FORM_FACTOR_UNAVAILABLE;
  inst->systemFetched = true;
  *system = kSystemId;
  return XR_SUCCESS;
}

XrResult XRAPI_CALL GetSystemProperties(XrInstance handle, XrSystemId system, XrSystemProperties* props) {
  MXS_INSTANCE(inst, handle);
  if (XrResult r = checkSystem(*inst, system); XR_FAILED(r)) return r;
  if (props == nullptr || props->type != XR_TYPE_SYSTEM_PROPERTIES) return XR_ERROR_VALIDATION_FAILURE;
  props->systemId = system;
  props->vendorId = 0x4D49;  // "MI"
  std::snprintf(props->systemName, XR_MAX_SYSTEM_NAME_SIZE, "%s", "Mimesis simulated headset");
  props->graphicsProperties.maxSwapchainImageWidth = 4096;
  props->graphicsProperties.maxSwapchainImageHeight = 4096;
  props->graphicsProperties.maxLayerCount = XR_MIN_COMPOSITION_LAYERS_SUPPORTED;
  props->trackingProperties.orientationTracking = XR_TRUE;
  props->trackingProperties.positionTracking = XR_TRUE;
  for (auto* next = static_cast<XrBaseOutStructure*>(props->next); next != nullptr; next = next->next) {
    if (next->type == XR_TYPE_SYSTEM_HAND_TRACKING_PROPERTIES_EXT && inst->handTracking)
      reinterpret_cast<XrSystemHandTrackingPropertiesEXT*>(next)->supportsHandTracking =
          inst->config.handTracking ? XR_TRUE : XR_FALSE;
  }
  return XR_SUCCESS;
}

XrResult XRAPI_CALL EnumerateEnvironmentBlendModes(XrInstance handle, XrSystemId system, XrViewConfigurationType type,
                                                   uint32_t capacity, uint32_t* count, XrEnvironmentBlendMode* modes) {
  MXS_INSTANCE(inst, handle);
  if (XrResult r = checkSystem(*inst, system); XR_FAILED(r)) return r;
  if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  return twoCall(capacity, count, modes, std::vector<XrEnvironmentBlendMode>{XR_ENVIRONMENT_BLEND_MODE_OPAQUE});
}

XrResult XRAPI_CALL EnumerateViewConfigurations(XrInstance handle, XrSystemId system, uint32_t capacity,
                                                uint32_t* count, XrViewConfigurationType* types) {
  MXS_INSTANCE(inst, handle);
  if (XrResult r = checkSystem(*inst, system); XR_FAILED(r)) return r;
  return twoCall(capacity, count, types, std::vector<XrViewConfigurationType>{XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO});
}

XrResult XRAPI_CALL GetViewConfigurationProperties(XrInstance handle, XrSystemId system, XrViewConfigurationType type,
                                                   XrViewConfigurationProperties* props) {
  MXS_INSTANCE(inst, handle);
  if (XrResult r = checkSystem(*inst, system); XR_FAILED(r)) return r;
  if (props == nullptr || props->type != XR_TYPE_VIEW_CONFIGURATION_PROPERTIES) return XR_ERROR_VALIDATION_FAILURE;
  if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  props->viewConfigurationType = type;
  props->fovMutable = XR_FALSE;
  return XR_SUCCESS;
}

XrResult XRAPI_CALL EnumerateViewConfigurationViews(XrInstance handle, XrSystemId system, XrViewConfigurationType type,
                                                    uint32_t capacity, uint32_t* count, XrViewConfigurationView* views) {
  MXS_INSTANCE(inst, handle);
  if (XrResult r = checkSystem(*inst, system); XR_FAILED(r)) return r;
  if (type != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO) return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = 2;
  if (capacity == 0) return XR_SUCCESS;
  if (views == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < 2) return XR_ERROR_SIZE_INSUFFICIENT;
  for (uint32_t i = 0; i < 2; ++i) {
    if (views[i].type != XR_TYPE_VIEW_CONFIGURATION_VIEW) return XR_ERROR_VALIDATION_FAILURE;
    views[i].recommendedImageRectWidth = inst->config.width;
    views[i].recommendedImageRectHeight = inst->config.height;
    views[i].maxImageRectWidth = 4096;
    views[i].maxImageRectHeight = 4096;
    views[i].recommendedSwapchainSampleCount = 1;
    views[i].maxSwapchainSampleCount = 1;
  }
  return XR_SUCCESS;
}

// Paths: the simulator has no input, but the calls are core; paths are kept per instance-free
// global table (a path names the same string everywhere in this process).
namespace {
std::vector<std::string>& pathTable() {
  static std::vector<std::string> table;
  return table;
}
}  // namespace

XrResult XRAPI_CALL StringToPath(XrInstance handle, const char* text, XrPath* path) {
  MXS_INSTANCE(inst, handle);
  (void)inst;
  if (text == nullptr || path == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  const std::string s(text);
  if (s.empty() || s[0] != '/' || s.size() >= XR_MAX_PATH_LENGTH || s.back() == '/') return XR_ERROR_PATH_FORMAT_INVALID;
  auto& table = pathTable();
  for (std::size_t i = 0; i < table.size(); ++i)
    if (table[i] == s) {
      *path = static_cast<XrPath>(i + 1);
      return XR_SUCCESS;
    }
  if (table.size() >= 100000) return XR_ERROR_PATH_COUNT_EXCEEDED;
  table.push_back(s);
  *path = static_cast<XrPath>(table.size());
  return XR_SUCCESS;
}

XrResult XRAPI_CALL PathToString(XrInstance handle, XrPath path, uint32_t capacity, uint32_t* count, char* buffer) {
  MXS_INSTANCE(inst, handle);
  (void)inst;
  auto& table = pathTable();
  if (path == XR_NULL_PATH || path > table.size()) return XR_ERROR_PATH_INVALID;
  const std::string& s = table[static_cast<std::size_t>(path - 1)];
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = static_cast<uint32_t>(s.size() + 1);
  if (capacity == 0) return XR_SUCCESS;
  if (buffer == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < s.size() + 1) return XR_ERROR_SIZE_INSUFFICIENT;
  std::memcpy(buffer, s.c_str(), s.size() + 1);
  return XR_SUCCESS;
}

namespace {

XrResult XRAPI_CALL GetInstanceProcAddr(XrInstance handle, const char* name, PFN_xrVoidFunction* function) {
  if (name == nullptr || function == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *function = nullptr;
  struct Entry {
    const char* name;
    PFN_xrVoidFunction fn;
    int ext;  // 0 core, 1 vulkan_enable2, 2 hand tracking
  };
#define MXS_FN(n, f, e) Entry{n, reinterpret_cast<PFN_xrVoidFunction>(&f), e}
  static const Entry kGlobal[] = {
      MXS_FN("xrEnumerateInstanceExtensionProperties", EnumerateInstanceExtensionProperties, 0),
      MXS_FN("xrEnumerateApiLayerProperties", EnumerateApiLayerProperties, 0),
      MXS_FN("xrCreateInstance", CreateInstance, 0),
  };
  static const Entry kInstance[] = {
      MXS_FN("xrGetInstanceProcAddr", GetInstanceProcAddr, 0),
      MXS_FN("xrDestroyInstance", DestroyInstance, 0),
      MXS_FN("xrGetInstanceProperties", GetInstanceProperties, 0),
      MXS_FN("xrPollEvent", PollEvent, 0),
      MXS_FN("xrResultToString", ResultToString, 0),
      MXS_FN("xrStructureTypeToString", StructureTypeToString, 0),
      MXS_FN("xrGetSystem", GetSystem, 0),
      MXS_FN("xrGetSystemProperties", GetSystemProperties, 0),
      MXS_FN("xrEnumerateEnvironmentBlendModes", EnumerateEnvironmentBlendModes, 0),
      MXS_FN("xrEnumerateViewConfigurations", EnumerateViewConfigurations, 0),
      MXS_FN("xrGetViewConfigurationProperties", GetViewConfigurationProperties, 0),
      MXS_FN("xrEnumerateViewConfigurationViews", EnumerateViewConfigurationViews, 0),
      MXS_FN("xrStringToPath", StringToPath, 0),
      MXS_FN("xrPathToString", PathToString, 0),
      MXS_FN("xrCreateSession", CreateSession, 0),
      MXS_FN("xrDestroySession", DestroySession, 0),
      MXS_FN("xrBeginSession", BeginSession, 0),
      MXS_FN("xrEndSession", EndSession, 0),
      MXS_FN("xrRequestExitSession", RequestExitSession, 0),
      MXS_FN("xrWaitFrame", WaitFrame, 0),
      MXS_FN("xrBeginFrame", BeginFrame, 0),
      MXS_FN("xrEndFrame", EndFrame, 0),
      MXS_FN("xrEnumerateReferenceSpaces", EnumerateReferenceSpaces, 0),
      MXS_FN("xrCreateReferenceSpace", CreateReferenceSpace, 0),
      MXS_FN("xrGetReferenceSpaceBoundsRect", GetReferenceSpaceBoundsRect, 0),
      MXS_FN("xrLocateSpace", LocateSpace, 0),
      MXS_FN("xrDestroySpace", DestroySpace, 0),
      MXS_FN("xrLocateViews", LocateViews, 0),
      MXS_FN("xrEnumerateSwapchainFormats", EnumerateSwapchainFormats, 0),
      MXS_FN("xrCreateSwapchain", CreateSwapchain, 0),
      MXS_FN("xrDestroySwapchain", DestroySwapchain, 0),
      MXS_FN("xrEnumerateSwapchainImages", EnumerateSwapchainImages, 0),
      MXS_FN("xrAcquireSwapchainImage", AcquireSwapchainImage, 0),
      MXS_FN("xrWaitSwapchainImage", WaitSwapchainImage, 0),
      MXS_FN("xrReleaseSwapchainImage", ReleaseSwapchainImage, 0),
      MXS_FN("xrGetVulkanGraphicsRequirements2KHR", GetVulkanGraphicsRequirements2KHR, 1),
      MXS_FN("xrCreateVulkanInstanceKHR", CreateVulkanInstanceKHR, 1),
      MXS_FN("xrGetVulkanGraphicsDevice2KHR", GetVulkanGraphicsDevice2KHR, 1),
      MXS_FN("xrCreateVulkanDeviceKHR", CreateVulkanDeviceKHR, 1),
      MXS_FN("xrCreateHandTrackerEXT", CreateHandTrackerEXT, 2),
      MXS_FN("xrDestroyHandTrackerEXT", DestroyHandTrackerEXT, 2),
      MXS_FN("xrLocateHandJointsEXT", LocateHandJointsEXT, 2),
  };
#undef MXS_FN
  if (handle == XR_NULL_HANDLE) {
    for (const Entry& e : kGlobal)
      if (std::strcmp(e.name, name) == 0) {
        *function = e.fn;
        return XR_SUCCESS;
      }
    return XR_ERROR_HANDLE_INVALID;
  }
  std::lock_guard<std::mutex> lock(runtime().mutex);
  const Instance* inst = findInstance(handle);
  if (inst == nullptr) return XR_ERROR_HANDLE_INVALID;
  for (const Entry* table : {static_cast<const Entry*>(kGlobal), static_cast<const Entry*>(kInstance)}) {
    const std::size_t n = table == kGlobal ? std::size(kGlobal) : std::size(kInstance);
    for (std::size_t i = 0; i < n; ++i) {
      const Entry& e = table[i];
      if (std::strcmp(e.name, name) != 0) continue;
      // Extension functions exist only when their extension was enabled.
      if ((e.ext == 1 && !inst->vulkanEnable2) || (e.ext == 2 && !inst->handTracking)) return XR_ERROR_FUNCTION_UNSUPPORTED;
      *function = e.fn;
      return XR_SUCCESS;
    }
  }
  return XR_ERROR_FUNCTION_UNSUPPORTED;
}

}  // namespace

void logLine(const Instance* instance, const std::string& message) {
  if (instance != nullptr && !instance->config.verbose) return;
  std::cerr << "mimesis-xr-simulator: " << message << "\n";
}

}  // namespace mxs

extern "C" __attribute__((visibility("default"))) XrResult XRAPI_CALL
xrNegotiateLoaderRuntimeInterface(const XrNegotiateLoaderInfo* loaderInfo, XrNegotiateRuntimeRequest* request) {
  if (loaderInfo == nullptr || request == nullptr ||
      loaderInfo->structType != XR_LOADER_INTERFACE_STRUCT_LOADER_INFO ||
      loaderInfo->structVersion != mxs::kLoaderInfoStructVersion || loaderInfo->structSize != sizeof(XrNegotiateLoaderInfo) ||
      request->structType != XR_LOADER_INTERFACE_STRUCT_RUNTIME_REQUEST ||
      request->structVersion != mxs::kRuntimeInfoStructVersion || request->structSize != sizeof(XrNegotiateRuntimeRequest))
    return XR_ERROR_INITIALIZATION_FAILED;
  if (loaderInfo->minInterfaceVersion > mxs::kLoaderRuntimeInterfaceVersion ||
      loaderInfo->maxInterfaceVersion < mxs::kLoaderRuntimeInterfaceVersion)
    return XR_ERROR_INITIALIZATION_FAILED;
  if (loaderInfo->maxApiVersion < XR_MAKE_VERSION(1, 0, 0) || loaderInfo->minApiVersion > XR_CURRENT_API_VERSION)
    return XR_ERROR_INITIALIZATION_FAILED;
  request->runtimeInterfaceVersion = mxs::kLoaderRuntimeInterfaceVersion;
  request->runtimeApiVersion = XR_CURRENT_API_VERSION;
  request->getInstanceProcAddr = &mxs::GetInstanceProcAddr;
  return XR_SUCCESS;
}
