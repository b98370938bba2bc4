// XrResult names and the Error an OpenXR failure becomes.
#include "mimesis/xr/XrCheck.hpp"

#include <filesystem>

#include <openxr/openxr_reflection.h>

namespace mimesis {

std::string xrResultName(XrInstance instance, XrResult result) {
  if (instance != XR_NULL_HANDLE) {
    char buffer[XR_MAX_RESULT_STRING_SIZE] = {};
    if (XR_SUCCEEDED(xrResultToString(instance, result, buffer)) && buffer[0] != '\0') return buffer;
  }
#define MIMESIS_XR_RESULT_NAME(name, value) \
  if (static_cast<int>(result) == (value)) return #name;
  XR_LIST_ENUM_XrResult(MIMESIS_XR_RESULT_NAME)
#undef MIMESIS_XR_RESULT_NAME
  return "XrResult " + std::to_string(static_cast<int>(result));
}

Error xrFailure(XrInstance instance, XrResult result, const char* call, const char* file, int line) {
  return makeError(ErrorCode::Device, std::string(call) + " failed: " + xrResultName(instance, result),
                   std::filesystem::path(file).filename().string() + ":" + std::to_string(line));
}

}  // namespace mimesis
