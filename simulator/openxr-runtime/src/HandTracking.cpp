// XR_EXT_hand_tracking: hand trackers whose joints are replayed from an .mrec recording at the
// time asked for (interpolated between recorded frames). The recording's first frame is shown at the predicted display time of the
// first frame waited while the session is FOCUSED (README.md, "Hands").
#include <algorithm>
#include <cmath>

#include "Entry.hpp"
#include "mimesis/motion/ClipSampler.hpp"

namespace mxs {
namespace {

// Mimesis JointFlag bits (HandPose.hpp) → XrSpaceLocationFlags.
XrSpaceLocationFlags toXrFlags(std::uint8_t f) {
  XrSpaceLocationFlags out = 0;
  if (f & mimesis::kPositionValid) out |= XR_SPACE_LOCATION_POSITION_VALID_BIT;
  if (f & mimesis::kOrientationValid) out |= XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
  if (f & mimesis::kPositionTracked) out |= XR_SPACE_LOCATION_POSITION_TRACKED_BIT;
  if (f & mimesis::kOrientationTracked) out |= XR_SPACE_LOCATION_ORIENTATION_TRACKED_BIT;
  return out;
}

bool finitePose(const mimesis::Pose& p) {
  return std::isfinite(p.position.x) && std::isfinite(p.position.y) && std::isfinite(p.position.z) &&
         std::isfinite(p.orientation.x) && std::isfinite(p.orientation.y) && std::isfinite(p.orientation.z) &&
         std::isfinite(p.orientation.w);
}

// The recorded hands at `time`, written to `out`: a recorded frame within a microsecond is
// returned bit for bit; between two frames at most 1.5 recording frames apart the hands are
// interpolated (a tracked hand moves continuously, so a display rate other than the recording's
// sees it where it is then); otherwise the nearest frame within half a frame, else none.
bool framesAt(const Session& s, XrTime time, mimesis::Frame& out) {
  const Instance& inst = *s.instance;
  if (!inst.hands || inst.hands->frames.empty() || s.focusedFrameIndex < 0 || time < s.handsEpoch) return false;
  const mimesis::Clip& clip = *inst.hands;
  const auto& frames = clip.frames;
  const double t = frames.front().time + static_cast<double>(time - s.handsEpoch) * 1e-9;
  const double rate = clip.rate > 0.0 ? clip.rate : inst.config.rate;
  const std::size_t i = mimesis::frameIndexAt(clip, t);
  const mimesis::Frame& a = frames[i];
  const mimesis::Frame* b = i + 1 < frames.size() ? &frames[i + 1] : nullptr;
  constexpr double kExact = 1e-6;
  if (std::fabs(a.time - t) <= kExact) {
    out = a;
    return true;
  }
  if (b != nullptr && std::fabs(b->time - t) <= kExact) {
    out = *b;
    return true;
  }
  if (b != nullptr && t > a.time && b->time - a.time <= 1.5 / rate) {
    mimesis::sampleClip(clip, t, out);
    return true;
  }
  const mimesis::Frame* best = &a;
  if (b != nullptr && std::fabs(b->time - t) < std::fabs(a.time - t)) best = b;
  if (std::fabs(best->time - t) > 0.5 / rate + 1e-6) return false;
  out = *best;
  return true;
}

}  // namespace

XrResult XRAPI_CALL CreateHandTrackerEXT(XrSession handle, const XrHandTrackerCreateInfoEXT* info,
                                         XrHandTrackerEXT* out) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  Session* s = findSession(handle);
  if (s == nullptr) return XR_ERROR_HANDLE_INVALID;
  if (XrResult r = instanceStatus(*s->instance); XR_FAILED(r)) return r;
  if (info == nullptr || out == nullptr || info->type != XR_TYPE_HAND_TRACKER_CREATE_INFO_EXT)
    return XR_ERROR_VALIDATION_FAILURE;
  if (s->lossPending) return XR_ERROR_SESSION_LOST;
  if (!s->instance->config.handTracking) return XR_ERROR_FEATURE_UNSUPPORTED;
  if (info->hand != XR_HAND_LEFT_EXT && info->hand != XR_HAND_RIGHT_EXT) return XR_ERROR_VALIDATION_FAILURE;
  if (info->handJointSet != XR_HAND_JOINT_SET_DEFAULT_EXT) return XR_ERROR_VALIDATION_FAILURE;
  auto t = std::make_unique<HandTracker>();
  t->id = newId();
  t->session = s;
  t->hand = info->hand;
  *out = toHandle<XrHandTrackerEXT>(t->id);
  s->handTrackers[t->id] = std::move(t);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL DestroyHandTrackerEXT(XrHandTrackerEXT handle) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  HandTracker* t = findHandTracker(handle);
  if (t == nullptr) return XR_ERROR_HANDLE_INVALID;
  t->session->handTrackers.erase(t->id);
  return XR_SUCCESS;
}

XrResult XRAPI_CALL LocateHandJointsEXT(XrHandTrackerEXT handle, const XrHandJointsLocateInfoEXT* info,
                                        XrHandJointLocationsEXT* locations) {
  std::lock_guard<std::mutex> lock(runtime().mutex);
  HandTracker* t = findHandTracker(handle);
  if (t == nullptr) return XR_ERROR_HANDLE_INVALID;
  Session& s = *t->session;
  if (XrResult r = instanceStatus(*s.instance); XR_FAILED(r)) return r;
  if (info == nullptr || locations == nullptr || info->type != XR_TYPE_HAND_JOINTS_LOCATE_INFO_EXT ||
      locations->type != XR_TYPE_HAND_JOINT_LOCATIONS_EXT || locations->jointLocations == nullptr ||
      locations->jointCount != XR_HAND_JOINT_COUNT_EXT)
    return XR_ERROR_VALIDATION_FAILURE;
  if (s.lossPending) return XR_ERROR_SESSION_LOST;
  if (info->time <= 0) return XR_ERROR_TIME_INVALID;
  const Space* base = findSpace(info->baseSpace);
  if (base == nullptr || base->session != &s) return XR_ERROR_HANDLE_INVALID;
  XrHandJointVelocitiesEXT* velocities = nullptr;
  for (auto* next = static_cast<XrBaseOutStructure*>(locations->next); next != nullptr; next = next->next)
    if (next->type == XR_TYPE_HAND_JOINT_VELOCITIES_EXT) velocities = reinterpret_cast<XrHandJointVelocitiesEXT*>(next);
  if (velocities != nullptr) {
    if (velocities->jointCount != XR_HAND_JOINT_COUNT_EXT || velocities->jointVelocities == nullptr)
      return XR_ERROR_VALIDATION_FAILURE;
    for (uint32_t j = 0; j < XR_HAND_JOINT_COUNT_EXT; ++j) velocities->jointVelocities[j] = XrHandJointVelocityEXT{};
  }

  mimesis::Frame f;
  const bool have = framesAt(s, info->time, f);
  const mimesis::HandPose hand = have ? f.hands[t->hand == XR_HAND_LEFT_EXT ? 0 : 1] : mimesis::HandPose{};
  bool active = have && hand.active;
  for (const mimesis::JointPose& j : hand.joints) active = active && finitePose(j.pose) && std::isfinite(j.radius);
  locations->isActive = active ? XR_TRUE : XR_FALSE;
  const Pose T_stage_base = spaceInStage(*base, info->time);
  const bool identity = isIdentity(T_stage_base);
  const Pose T_base_stage = inverse(T_stage_base);
  for (uint32_t j = 0; j < XR_HAND_JOINT_COUNT_EXT; ++j) {
    XrHandJointLocationEXT& out = locations->jointLocations[j];
    if (!active) {
      out = XrHandJointLocationEXT{0, XrPosef{{0, 0, 0, 1}, {0, 0, 0}}, 0.0f};
      continue;
    }
    const mimesis::JointPose& jp = hand.joints[j];
    const Pose T_stage_joint{{jp.pose.orientation.x, jp.pose.orientation.y, jp.pose.orientation.z, jp.pose.orientation.w},
                             {jp.pose.position.x, jp.pose.position.y, jp.pose.position.z}};
    // The stage is the recording's world: with an identity base the values pass bit for bit.
    out.pose = toXr(identity ? T_stage_joint : compose(T_base_stage, T_stage_joint));
    out.radius = jp.radius;
    // An active hand has every joint valid (specification); untracked joints say so.
    out.locationFlags = toXrFlags(jp.flags) | XR_SPACE_LOCATION_POSITION_VALID_BIT | XR_SPACE_LOCATION_ORIENTATION_VALID_BIT;
  }
  return XR_SUCCESS;
}

}  // namespace mxs
