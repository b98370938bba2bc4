// Wrist-and-palm hands (and a head) from a body skeleton's end-effectors.
#include "mimesis/motion/EndEffectorHands.hpp"

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

namespace mimesis {
namespace {

constexpr float kPalmOffset = 0.04f;   // wrist to palm centre, metres (an adult hand)
constexpr float kJointRadius = 0.02f;

// The wrist frame: +Z toward the forearm, +X across it, +Y completing a right-handed frame.
glm::quat wristOrientation(const glm::vec3& hand, const glm::vec3& parent) {
  glm::vec3 z = parent - hand;
  if (!(glm::length(z) > 1e-6f)) return glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
  z = glm::normalize(z);
  glm::vec3 x = glm::cross(glm::vec3(0.0f, 1.0f, 0.0f), z);
  if (!(glm::length(x) > 1e-4f)) x = glm::cross(glm::vec3(0.0f, 0.0f, 1.0f), z);
  x = glm::normalize(x);
  const glm::vec3 y = glm::cross(z, x);
  return glm::normalize(glm::quat_cast(glm::mat3(x, y, z)));
}

}  // namespace

bool attachEndEffectorHands(Clip& clip, const BodyEndEffectors& effectors) {
  const ClipContents had = describeContents(clip);
  bool added = false;
  const int n = clip.body.jointCount();
  for (const Hand h : {Hand::Left, Hand::Right}) {
    if (h == Hand::Left ? had.left : had.right) continue;
    const int j = effectors.of(h == Hand::Left ? EndEffector::LeftHand : EndEffector::RightHand);
    if (j < 0 || j >= n) continue;
    const int parent = clip.body.parents[static_cast<std::size_t>(j)];
    for (Frame& f : clip.frames) {
      if (f.body.size() != static_cast<std::size_t>(n)) continue;
      const JointPose& jp = f.body[static_cast<std::size_t>(j)];
      if (!jp.positionValid()) continue;
      HandPose& hand = f.hand(h);
      hand = HandPose{};
      const bool parentOk = parent >= 0 && f.body[static_cast<std::size_t>(parent)].positionValid();
      const glm::quat q = parentOk ? wristOrientation(jp.pose.position, f.body[static_cast<std::size_t>(parent)].pose.position)
                                   : glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
      JointPose& wrist = hand[HandJoint::Wrist];
      wrist.pose = Pose{jp.pose.position, q};
      wrist.radius = kJointRadius;
      wrist.flags = kJointFullyTracked;
      JointPose& palm = hand[HandJoint::Palm];
      palm.pose = Pose{jp.pose.position + q * glm::vec3(0.0f, 0.0f, -kPalmOffset), q};
      palm.radius = kJointRadius;
      palm.flags = kJointFullyTracked;
      hand.active = true;
      added = true;
    }
  }
  return added;
}

}  // namespace mimesis
