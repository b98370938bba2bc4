// RAII owners for OpenXR handles: exactly one owner per handle, destroyed once, in reverse
// creation order by the members' declaration order in their owner. Destroy functions always
// "succeed" from the owner's point of view (a lost instance still releases its handles).
#pragma once

#include <utility>

#include "mimesis/xr/XrCheck.hpp"

namespace mimesis {

template <typename Handle>
class XrOwned {
 public:
  using DestroyFn = XrResult(XRAPI_PTR*)(Handle);

  XrOwned() = default;
  XrOwned(Handle handle, DestroyFn destroy) : handle_(handle), destroy_(destroy) {}
  XrOwned(XrOwned&& o) noexcept : handle_(std::exchange(o.handle_, XR_NULL_HANDLE)), destroy_(o.destroy_) {}
  XrOwned& operator=(XrOwned&& o) noexcept {
    if (this != &o) {
      reset();
      handle_ = std::exchange(o.handle_, XR_NULL_HANDLE);
      destroy_ = o.destroy_;
    }
    return *this;
  }
  XrOwned(const XrOwned&) = delete;
  XrOwned& operator=(const XrOwned&) = delete;
  ~XrOwned() { reset(); }

  Handle get() const { return handle_; }
  explicit operator bool() const { return handle_ != XR_NULL_HANDLE; }
  void reset() {
    if (handle_ != XR_NULL_HANDLE && destroy_ != nullptr) (void)destroy_(handle_);
    handle_ = XR_NULL_HANDLE;
  }

 private:
  Handle handle_ = XR_NULL_HANDLE;
  DestroyFn destroy_ = nullptr;
};

using XrInstanceOwner = XrOwned<XrInstance>;
using XrSessionOwner = XrOwned<XrSession>;
using XrSpaceOwner = XrOwned<XrSpace>;
using XrSwapchainOwner = XrOwned<XrSwapchain>;
using XrHandTrackerOwner = XrOwned<XrHandTrackerEXT>;  // destroy: xrDestroyHandTrackerEXT from xrGetInstanceProcAddr

}  // namespace mimesis
