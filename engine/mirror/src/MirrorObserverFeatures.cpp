// MirrorObserver: feature extraction — each hand's wrist placement and fingertip shapes in
// canonical right-hand millimetres, the features the lag fits and live errors compare.
#include <cmath>

#include "MirrorObserverFrames.hpp"
#include "mimesis/mirror/MirrorObserver.hpp"

namespace mimesis {
namespace {

using observer_detail::kGroupTip;

bool handUsable(const HandPose& h) {
  return h.active && h.joints[index(HandJoint::Wrist)].positionValid() &&
         h.joints[index(HandJoint::Wrist)].orientationValid() && isFinite(h.wrist());
}

}  // namespace

void MirrorObserver::extract(const Frame* frame, bool learner, float confidence) {
  auto& feat = learner ? lFeat_ : eFeat_;
  auto& valid = learner ? lValid_ : eValid_;
  auto& anchor = learner ? lAnchor_ : eAnchor_;
  auto& anchored = learner ? lAnchored_ : eAnchored_;
  for (Hand h : {Hand::Left, Hand::Right}) {
    const int hi = index(h);
    const HandPose* hp = frame ? &frame->hand(h) : nullptr;
    const bool usable = hp && confidence >= 0.5f && handUsable(*hp);
    if (!learner && usable) expertHandPresent_[static_cast<std::size_t>(hi)] = true;
    // Canonical right-hand coordinates: a left hand is reflected in X (its own and the world's),
    // so anatomical and mirror pairings compare like with like; millimetres.
    const double flip = h == Hand::Left ? -1.0 : 1.0;
    // Unit quaternion: the conjugate is the inverse (computed once per hand).
    const glm::quat R_wrist_world = usable ? glm::conjugate(hp->wrist().orientation) : glm::quat(1, 0, 0, 0);
    for (int g = 0; g < kHandGroupCount; ++g) {
      const std::size_t s = static_cast<std::size_t>(cellIndex(h, static_cast<HandGroup>(g)));
      valid[s] = false;
      if (!usable) continue;  // hold the last value
      const Pose& T_world_wrist = hp->wrist();
      glm::dvec3 v;
      if (g == 0) {
        const glm::dvec3 p(T_world_wrist.position);
        if (!anchored[static_cast<std::size_t>(hi)]) {
          anchor[static_cast<std::size_t>(hi)] = p;
          anchored[static_cast<std::size_t>(hi)] = true;
        }
        v = (p - anchor[static_cast<std::size_t>(hi)]) * 1000.0;
      } else {
        const JointPose& tip = hp->joints[index(kGroupTip[g])];
        if (!tip.positionValid()) continue;
        const glm::vec3 p_wrist = R_wrist_world * (tip.pose.position - T_world_wrist.position);
        v = glm::dvec3(p_wrist) * 1000.0;
      }
      v.x *= flip;
      if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z)) continue;
      feat[s] = v;
      valid[s] = true;
    }
  }
}

}  // namespace mimesis
