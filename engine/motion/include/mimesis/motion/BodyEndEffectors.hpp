// The end-effectors of a body skeleton (head, hands, feet): the joints a body lesson is taught
// and cued by, found by name inside the skeleton's joint groups. A skeleton where one cannot
// be found cannot be mapped onto a lesson, and the error names the joints it lacks.
#pragma once

#include <array>
#include <string_view>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Skeleton.hpp"

namespace mimesis {

enum class EndEffector : std::uint8_t { Head = 0, LeftHand, RightHand, LeftFoot, RightFoot };
inline constexpr int kEndEffectorCount = 5;
std::string_view endEffectorName(EndEffector e);  // "head", "left hand", ...

struct BodyEndEffectors {
  std::array<int, kEndEffectorCount> joint{};  // index into Skeleton::joints, per EndEffector
  int of(EndEffector e) const { return joint[static_cast<std::size_t>(e)]; }
};

// Each end-effector is the first joint, in the skeleton's (topological) order, of its group
// whose name (lower case, separators removed) contains its word: the head in "trunk" contains
// "head"; a hand in "left_arm" / "right_arm" contains "hand" or "wrist"; a foot in "left_leg" /
// "right_leg" contains "foot" or "ankle". So "LeftHand" wins over "LeftHandIndex1" and
// "head" over "head_tip". Groups are the skeleton's own (a loader derives them from joint
// names when the file has none). BadInput naming the skeleton and every end-effector it lacks
// (e.g. "lacks the joints for left foot, right foot"), where = `where`.
Result<BodyEndEffectors> findBodyEndEffectors(const Skeleton& skeleton, const std::string& where);

}  // namespace mimesis
