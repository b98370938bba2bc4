// HandPose: one hand's 26 joints at one instant, with OpenXR-style validity per joint.
#pragma once

#include <array>
#include <cstdint>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/HandSkeleton.hpp"

namespace mimesis {

// Validity bits, as XrSpaceLocationFlags: "valid" means the value may be used, "tracked"
// means it was measured now rather than inferred.
enum JointFlag : std::uint8_t {
  kPositionValid = 1u << 0,
  kOrientationValid = 1u << 1,
  kPositionTracked = 1u << 2,
  kOrientationTracked = 1u << 3,
};
inline constexpr std::uint8_t kJointFullyTracked =
    kPositionValid | kOrientationValid | kPositionTracked | kOrientationTracked;

// One joint: T_world_joint (OpenXR joint frame: +Y dorsal, +Z toward the wrist), its radius
// in metres, and validity flags.
struct JointPose {
  Pose pose;
  float radius = 0.0f;
  std::uint8_t flags = 0;

  bool positionValid() const { return (flags & kPositionValid) != 0; }
  bool orientationValid() const { return (flags & kOrientationValid) != 0; }
  bool operator==(const JointPose&) const = default;
};

// One hand. `active` mirrors XrHandJointLocationsEXT::isActive: false means no joint is usable.
struct HandPose {
  std::array<JointPose, kHandJointCount> joints{};
  bool active = false;

  const JointPose& operator[](HandJoint j) const { return joints[index(j)]; }
  JointPose& operator[](HandJoint j) { return joints[index(j)]; }
  const Pose& wrist() const { return joints[index(HandJoint::Wrist)].pose; }

  // Active, wrist position valid, and every position finite: usable for scoring.
  bool usable() const;
  // Fraction of joints whose position is valid (0 when inactive).
  float validFraction() const;
  bool operator==(const HandPose&) const = default;
};

// Default joint radii (metres) for a hand of default size: thicker at the palm, thin at tips.
float defaultJointRadius(int joint);

// A fully tracked hand from joint positions in world space: each joint's orientation follows
// the bone that starts at it (OpenXR: +Z from the next joint back toward this one; tips take
// their distal bone), +Y dorsal from `T_world_wrist`; radii default.
// Used by importers and authoring, which only know positions.
void handFromPositions(const std::array<glm::vec3, kHandJointCount>& p_world,
                       const Pose& T_world_wrist, Hand hand, HandPose& out);

}  // namespace mimesis
