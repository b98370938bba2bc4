// HandPose helpers: usability checks and building joint frames from positions.
#include "mimesis/motion/HandPose.hpp"

#include <glm/geometric.hpp>

namespace mimesis {

bool HandPose::usable() const {
  if (!active) return false;
  if (!joints[index(HandJoint::Wrist)].positionValid()) return false;
  for (const JointPose& j : joints)
    if (j.positionValid() && !isFinite(j.pose)) return false;
  return true;
}

float HandPose::validFraction() const {
  if (!active) return 0.0f;
  int n = 0;
  for (const JointPose& j : joints) n += j.positionValid() ? 1 : 0;
  return static_cast<float>(n) / kHandJointCount;
}

float defaultJointRadius(int joint) {
  if (joint <= 1) return 0.020f;
  if (isFingertip(joint)) return 0.0075f;
  const HandGroup g = handJointGroup(joint);
  const float base = g == HandGroup::Thumb ? 0.011f : (g == HandGroup::Little ? 0.0085f : 0.0100f);
  // Metacarpals sit inside the palm and are wider.
  const int firstOfFinger = g == HandGroup::Thumb ? 2 : 6 + 5 * (static_cast<int>(g) - 2);
  return joint == firstOfFinger ? base * 1.5f : base;
}

void handFromPositions(const std::array<glm::vec3, kHandJointCount>& p,
                       const Pose& T_world_wrist, Hand /*hand*/, HandPose& out) {
  const glm::vec3 dorsal = T_world_wrist.rotate(glm::vec3(0, 1, 0));
  for (int j = 0; j < kHandJointCount; ++j) {
    JointPose& jp = out.joints[j];
    jp.pose.position = p[j];
    jp.radius = defaultJointRadius(j);
    jp.flags = kJointFullyTracked;
    if (j == index(HandJoint::Wrist) || j == index(HandJoint::Palm)) {
      jp.pose.orientation = T_world_wrist.orientation;
      continue;
    }
    // OpenXR aligns a joint's frame with the bone that starts at it (+Z pointing back from
    // the next joint toward this one); a tip has no such bone and takes its distal bone's.
    const bool tip = isFingertip(j);
    const int from = tip ? j : j + 1;
    const int to = tip ? handJointParent(j) : j;
    jp.pose.orientation = lookRotation(p[to] - p[from], dorsal);
  }
  out.active = true;
}

}  // namespace mimesis
