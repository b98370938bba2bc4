// XrCheck: every OpenXR call checked, a failure turned into an Error that names the call's
// text, its file:line and the XrResult's name (xrResultToString).
#pragma once

#define XR_USE_GRAPHICS_API_VULKAN
#include <vulkan/vulkan.h>
#include <openxr/openxr.h>
#include <openxr/openxr_platform.h>

#include <string>

#include "mimesis/core/Error.hpp"

namespace mimesis {

// The XrResult's name: xrResultToString on `instance` when it is live, else the name from the
// OpenXR headers' reflection list, else the number.
std::string xrResultName(XrInstance instance, XrResult result);

// An ErrorCode::Device error: "<call> failed: <XR_ERROR_NAME>", where = "file:line".
Error xrFailure(XrInstance instance, XrResult result, const char* call, const char* file, int line);

// An OpenXR structure with its type set and every other member zero.
template <typename T>
T xrStruct(XrStructureType type, const void* next = nullptr) {
  T value{};
  value.type = type;
  value.next = const_cast<void*>(next);
  return value;
}

// True for the results that mean the session or instance is gone (handled as states, not errors).
inline bool xrIsLoss(XrResult r) { return r == XR_ERROR_SESSION_LOST || r == XR_ERROR_INSTANCE_LOST; }

}  // namespace mimesis

// Evaluates `call`; on failure returns the Error from the enclosing function (which returns
// Status or Result<T>).
#define MIMESIS_XR_CHECK(instance, call)                                                   \
  do {                                                                                     \
    const XrResult mimesis_xr_result_ = (call);                                            \
    if (XR_FAILED(mimesis_xr_result_))                                                     \
      return ::mimesis::xrFailure((instance), mimesis_xr_result_, #call, __FILE__, __LINE__); \
  } while (0)
