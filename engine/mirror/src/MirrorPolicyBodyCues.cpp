// Body lessons' cues on end-effectors (head, hands, feet): the offsets the session measures
// each frame (LiveEffectorErrors) are smoothed, and when no hand cell needs a cue the
// end-effector furthest outside the segment's tolerance band gets one, worded from the
// direction of its offset.
#include <algorithm>
#include <cmath>
#include <string>

#include <glm/geometric.hpp>

#include "PolicyWords.hpp"
#include "mimesis/mirror/MirrorPolicy.hpp"

namespace mimesis {
namespace {

using policy::because;

bool isHand(EndEffector e) { return e == EndEffector::LeftHand || e == EndEffector::RightHand; }

// -1 for the body's left side (its -X), +1 for its right, 0 for the head.
float sideSign(EndEffector e) {
  if (e == EndEffector::LeftHand || e == EndEffector::LeftFoot) return -1.0f;
  if (e == EndEffector::RightHand || e == EndEffector::RightFoot) return 1.0f;
  return 0.0f;
}

// The correction along the offset's largest component; `o` = learner minus expert, metres,
// +X the body's right, +Y up, -Z its front.
std::string effectorAdvice(EndEffector e, const glm::vec3& o) {
  const std::string part(endEffectorName(e));
  const float ax = std::abs(o.x), ay = std::abs(o.y), az = std::abs(o.z);
  auto cm = [](float metres) { return std::to_string(std::max(1, static_cast<int>(std::lround(metres * 100.0f)))) + " cm"; };
  if (ay >= ax && ay >= az)
    return (o.y < 0.0f ? "Raise your " : "Lower your ") + part + " about " + cm(ay);
  if (az >= ax)
    return "Bring your " + part + " about " + cm(az) + (o.z > 0.0f ? " further forward" : " further back");
  if (e == EndEffector::Head) return "Move your head about " + cm(ax) + (o.x > 0.0f ? " to the left" : " to the right");
  return "Bring your " + part + " about " + cm(ax) + (sideSign(e) * o.x > 0.0f ? " further in" : " further out");
}

}  // namespace

void MirrorPolicy::trackEffectors(const ObservedFrame& frame) {
  const double dt = frame.time - lastEffectorTime_;
  lastEffectorTime_ = frame.time;
  const LiveEffectorErrors* live = frame.effectorErrors;
  const double tau = config_.cues.effectorSmoothingSeconds;
  // A gap (between trials, a stall) starts the smoothing afresh.
  const bool fresh = !(dt > 0.0) || dt > 1.0;
  const float alpha = tau > 0.0 && !fresh ? static_cast<float>(1.0 - std::exp(-dt / tau)) : 1.0f;
  for (int e = 0; e < kEndEffectorCount; ++e) {
    const std::size_t i = static_cast<std::size_t>(e);
    const bool valid = live != nullptr && live->valid[i] && std::isfinite(live->offset[i].x) &&
                       std::isfinite(live->offset[i].y) && std::isfinite(live->offset[i].z);
    if (!valid) {
      effectorTracked_[i] = 0.0;
      continue;
    }
    const bool restart = fresh || effectorTracked_[i] <= 0.0;
    effectorOffset_[i] = restart ? live->offset[i] : glm::mix(effectorOffset_[i], live->offset[i], alpha);
    effectorTracked_[i] = restart ? 1e-9 : effectorTracked_[i] + dt;
  }
}

void MirrorPolicy::issueEffectorCue(double time, int segment, double tol, const ObserverEstimates& est,
                                    DecisionTrace& trace) {
  const CueConfig& q = config_.cues;
  int best = -1;
  double bestRel = 0.0;
  for (int e = 0; e < kEndEffectorCount; ++e) {
    const std::size_t i = static_cast<std::size_t>(e);
    const auto effector = static_cast<EndEffector>(e);
    // Smoothed over at least its time constant before it may be cued.
    if (effectorTracked_[i] < q.effectorSmoothingSeconds || effectorTracked_[i] <= 0.0) continue;
    // A hand the hand cells measure is cued by them.
    if (isHand(effector)) {
      const Hand h = effector == EndEffector::LeftHand ? Hand::Left : Hand::Right;
      if (est.liveValid[static_cast<std::size_t>(cellIndex(h, HandGroup::WristPalm))]) continue;
    }
    bool shown = false;
    for (int c = 0; c < state_.cueCount; ++c)
      shown |= state_.cues[static_cast<std::size_t>(c)].onBody && state_.cues[static_cast<std::size_t>(c)].effector == effector;
    if (shown) continue;
    const double rel = glm::length(effectorOffset_[i]) * 1000.0 / q.effectorReferenceMm;
    if (!(rel > tol) || rel <= bestRel) continue;  // silence inside the band
    best = e;
    bestRel = rel;
  }
  if (best < 0) return;
  const auto effector = static_cast<EndEffector>(best);
  const std::string part(endEffectorName(effector));
  const std::string message = effectorAdvice(effector, effectorOffset_[static_cast<std::size_t>(best)]);
  Cue& cue = state_.cues[static_cast<std::size_t>(state_.cueCount++)];
  cue.onBody = true;
  cue.effector = effector;
  cue.message = message;
  cue.issuedAt = time;
  cue.expiresAt = time + q.holdSeconds;
  noteCueIssued(time);
  record(time, DecisionKind::Cue, part, "none", message,
         because("live offset / cues.effectorReferenceMm of the " + part + " in " + segmentLabel(segment), bestRel, ">",
                 tol, std::string(policy::kToleranceKeys) + ",cues.effectorReferenceMm", 0, policy::kUnbounded),
         trace);
}

}  // namespace mimesis
