// Learner-versus-expert end-effector offsets about each body's root, in each body's own facing.
#include "mimesis/session/EffectorErrors.hpp"

namespace mimesis {
namespace {

// The expert's effector that the learner's `e` copies: the other side under the Mirror mapping.
EndEffector answered(EndEffector e, ImitationMapping mapping) {
  if (mapping != ImitationMapping::Mirror) return e;
  switch (e) {
    case EndEffector::LeftHand: return EndEffector::RightHand;
    case EndEffector::RightHand: return EndEffector::LeftHand;
    case EndEffector::LeftFoot: return EndEffector::RightFoot;
    case EndEffector::RightFoot: return EndEffector::LeftFoot;
    default: return e;
  }
}

bool relative(const BodyView& b, int joint, glm::vec3& out) {
  const std::vector<JointPose>& body = b.frame->body;
  if (joint < 0 || b.root < 0 || static_cast<std::size_t>(joint) >= body.size() ||
      static_cast<std::size_t>(b.root) >= body.size())
    return false;
  const JointPose& j = body[static_cast<std::size_t>(joint)];
  const JointPose& r = body[static_cast<std::size_t>(b.root)];
  if (!j.positionValid() || !r.positionValid()) return false;
  out = b.turn * (j.pose.position - r.pose.position);
  return isFinite(out);
}

}  // namespace

void liveEffectorErrors(const BodyView& learner, const BodyView& expert, const BodyEndEffectors& effectors,
                        ImitationMapping mapping, LiveEffectorErrors& out) {
  for (int e = 0; e < kEndEffectorCount; ++e) {
    const std::size_t i = static_cast<std::size_t>(e);
    out.valid[i] = false;
    out.offset[i] = glm::vec3(0.0f);
    if (learner.frame == nullptr || expert.frame == nullptr) continue;
    glm::vec3 l, x;
    if (!relative(learner, effectors.of(static_cast<EndEffector>(e)), l) ||
        !relative(expert, effectors.of(answered(static_cast<EndEffector>(e), mapping)), x))
      continue;
    if (mapping == ImitationMapping::Mirror) x.x = -x.x;
    out.offset[i] = l - x;
    out.valid[i] = true;
  }
}

}  // namespace mimesis
