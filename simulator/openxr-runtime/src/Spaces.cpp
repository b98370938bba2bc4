// Reference spaces (VIEW, LOCAL, STAGE), space location and the stereo views from the scripted
// head pose. The simulator's world is the STAGE frame.
#include <cmath>

#include "Entry.hpp"

namespace mxs {
namespace {

#define MXS_SESSION(var, handle)                                  \
  std::lock_guard<std::mutex> lock_(runtime().mutex);             \
  Session* var = findSession(handle);                             \
  if (var == nullptr) return XR_ERROR_HANDLE_INVALID;             \
  if (XrResult r_ = instanceStatus(*var->instance); XR_FAILED(r_)) return r_

std::vector<XrReferenceSpaceType> offered(const Instance& inst) {
  std::vector<XrReferenceSpaceType> out{XR_REFERENCE_SPACE_TYPE_VIEW, XR_REFERENCE_SPACE_TYPE_LOCAL};
  if (inst.config.offerStage) out.push_back(XR_REFERENCE_SPACE_TYPE_STAGE);
  return out;
}

// Field of view of each eye: asymmetric, wider toward the temple, like real lenses.
XrFovf eyeFov(int eye) {
  const float outer = 0.90f, inner = 0.75f;
  return eye == 0 ? XrFovf{-outer, inner, 0.80f, -0.85f} : XrFovf{-inner, outer, 0.80f, -0.85f};
}

}  // namespace

XrResult XRAPI_CALL EnumerateReferenceSpaces(XrSession handle, uint32_t capacity, uint32_t* count,
                                             XrReferenceSpaceType* spaces) {
  MXS_SESSION(s, handle);
  const auto types = offered(*s->instance);
  if (count == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  *count = static_cast<uint32_t>(types.size());
  if (capacity == 0) return XR_SUCCESS;
  if (spaces == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < types.size()) return XR_ERROR_SIZE_INSUFFICIENT;
  for (std::size_t i = 0; i < types.size(); ++i) spaces[i] = types[i];
  return XR_SUCCESS;
}

XrResult XRAPI_CALL CreateReferenceSpace(XrSession handle, const XrReferenceSpaceCreateInfo* info, XrSpace* out) {
  MXS_SESSION(s, handle);
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_REFERENCE_SPACE_CREATE_INFO)
    return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  bool ok = false;
  for (XrReferenceSpaceType t : offered(*s->instance)) ok = ok || t == info->referenceSpaceType;
  if (!ok) return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
  if (!isUnitQuaternion(info->poseInReferenceSpace.orientation)) return XR_ERROR_POSE_INVALID;
  auto sp = std::make_unique<Space>();
  sp->id = newId();
  sp->session = s;
  sp->type = info->referenceSpaceType;
  sp->poseInReference = fromXr(info->poseInReferenceSpace);
  *out = toHandle<XrSpace>(sp->id);
  s->spaces[sp->id] = std::move(sp);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL GetReferenceSpaceBoundsRect(XrSession handle, XrReferenceSpaceType type, XrExtent2Df* bounds) {
  MXS_SESSION(s, handle);
  if (bounds == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  bool ok = false;
  for (XrReferenceSpaceType t : offered(*s->instance)) ok = ok || t == type;
  if (!ok) return XR_ERROR_REFERENCE_SPACE_UNSUPPORTED;
  if (type != XR_REFERENCE_SPACE_TYPE_STAGE) {
    *bounds = XrExtent2Df{0.0f, 0.0f};
    return XR_SPACE_BOUNDS_UNAVAILABLE;
  }
  *bounds = XrExtent2Df{2.0f, 2.0f};
  return XR_SUCCESS;
}

XrResult XRAPI_CALL LocateSpace(XrSpace spaceHandle, XrSpace baseHandle, XrTime time, XrSpaceLocation* location) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Space* space = findSpace(spaceHandle);
  Space* base = findSpace(baseHandle);
  if (space == nullptr || base == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (XrResult r = instanceStatus(*space->session->instance); XR_FAILED(r)) return r;
  if (space->session != base->session) return XR_ERROR_VALIDATION_FAILURE;
  if (location == nullptr || location->type != XR_TYPE_SPACE_LOCATION) return XR_ERROR_VALIDATION_FAILURE;
  if (time <= 0) return XR_ERROR_TIME_INVALID;
  if (space->session->lossPending) return XR_ERROR_SESSION_LOST;
  const Pose T_base_space = compose(inverse(spaceInStage(*base, time)), spaceInStage(*space, time));
  location->pose = toXr(T_base_space);
  location->locationFlags = XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT |
                            XR_SPACE_LOCATION_POSITION_TRACKED_BIT | XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT;
  return XR_SUCCESS;
}

XrResult XRAPI_CALL DestroySpace(XrSpace handle) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Space* space = findSpace(handle);
  if (space == nullptr) return XR_ERROR_HANDLE_INVALID;
  space->session->spaces.erase(space->id);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL LocateViews(XrSession handle, const XrViewLocateInfo* info, XrViewState* state, uint32_t capacity,
                                uint32_t* count, XrView* views) {
  MXS_SESSION(s, handle);
  if (info == nullptr || info->type != XR_TYPE_VIEW_LOCATE_INFO || state == nullptr ||
      state->type != XR_TYPE_VIEW_STATE || count == nullptr)
    return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (info->viewConfigurationType != XR_VIEW_CONFIGURATION_TYPE_PRIMARY_STEREO)
    return XR_ERROR_VIEW_CONFIGURATION_TYPE_UNSUPPORTED;
  if (info->displayTime <= 0) return XR_ERROR_TIME_INVALID;
  const Space* base = findSpace(info->space);
  if (base == nullptr || base->session != s) return XR_ERROR_HANDLE_INVALID;
  *count = 2;
  if (capacity == 0) return XR_SUCCESS;
  if (views == nullptr) return XR_ERROR_VALIDATION_FAILURE;
  if (capacity < 2) return XR_ERROR_SIZE_INSUFFICIENT;
  const Pose T_base_stage = inverse(spaceInStage(*base, info->displayTime));
  const Pose T_stage_head = headPose(*s->instance, info->displayTime);
  const float half = 0.5f * s->instance->config.ipd;
  for (int eye = 0; eye < 2; ++eye) {
    if (views[eye].type != XR_TYPE_VIEW) return XR_ERROR_VALIDATION_FAILURE;
    const Pose T_head_eye{{0.0f, 0.0f, 0.0f, 1.0f}, {eye == 0 ? -half : half, 0.0f, 0.0f}};
    views[eye].pose = toXr(compose(T_base_stage, compose(T_stage_head, T_head_eye)));
    views[eye].fov = eyeFov(eye);
  }
  state->viewStateFlags = XR_VIEW_STATE_POSITION_VALID_BIT | XR_VIEW_STATE_ORIENTATION_VALID_BIT |
                          XR_VIEW_STATE_POSITION_TRACKED_BIT | XR_VIEW_STATE_ORIENTATION_TRACKED_BIT;
  return XR_SUCCESS;
}

}  // namespace mxs
