// Turns a failed Vulkan call into an Error naming the call, the VkResult and where it was made.
#pragma once

#include <string>

#include <vulkan/vulkan.h>

#include "mimesis/core/Error.hpp"

namespace mimesis::vk {

const char* resultName(VkResult r);

inline Error callError(const char* call, VkResult r, const char* file, int line) {
  std::string f = file;
  const std::size_t slash = f.find_last_of('/');
  if (slash != std::string::npos) f = f.substr(slash + 1);
  return makeError(ErrorCode::Device, std::string(call) + " failed: " + resultName(r),
                   f + ":" + std::to_string(line));
}

}  // namespace mimesis::vk

// Evaluates a Vulkan call; on failure returns an Error (works in functions returning Status or
// any Result<T>). The call's text is the message, so no failure is anonymous.
#define MIMESIS_VK_TRY(call)                                                        \
  do {                                                                              \
    const VkResult mimesisVkResult_ = (call);                                       \
    if (mimesisVkResult_ != VK_SUCCESS)                                             \
      return ::mimesis::vk::callError(#call, mimesisVkResult_, __FILE__, __LINE__); \
  } while (false)

// Propagates the error of a Result/Status expression.
#define MIMESIS_TRY_STATUS(expr)            \
  do {                                      \
    auto mimesisStatus_ = (expr);           \
    if (!mimesisStatus_) return mimesisStatus_.error(); \
  } while (false)
