// Frame: everything tracked at one instant — both hands, optional head, optional body joints.
#pragma once

#include <array>
#include <vector>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/HandPose.hpp"

namespace mimesis {

struct Frame {
  double time = 0.0;                // seconds since the start of the clip or recording
  std::array<HandPose, 2> hands{};  // indexed by index(Hand)
  bool hasHead = false;
  Pose head;                        // T_world_head, valid when hasHead
  // Body joints of the clip's Skeleton (empty for hand-only clips), world space.
  std::vector<JointPose> body;

  HandPose& hand(Hand h) { return hands[index(h)]; }
  const HandPose& hand(Hand h) const { return hands[index(h)]; }
  bool operator==(const Frame&) const = default;
};

}  // namespace mimesis
