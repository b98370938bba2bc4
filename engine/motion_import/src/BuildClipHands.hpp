// Private to motion_import: fitting an OpenXR hand to a rig's mapped joints and filling the
// joints the rig lacks (see buildClipFromRaw in RigMap.hpp for the contract).
#pragma once

#include <array>
#include <span>
#include <string>
#include <vector>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/HandPose.hpp"

namespace mimesis {

// What stays the same over a clip for one hand: which raw joint supplies each OpenXR joint,
// the default hand shape for this side, and the scale measured on the first frame.
struct HandFit {
  Hand hand = Hand::Right;
  std::array<int, kHandJointCount> raw{};        // raw joint index, or -1 (filled)
  std::array<glm::vec3, kHandJointCount> rest{};  // default hand in its wrist frame, metres
  float scale = 1.0f;
  bool present = false;                           // the wrist is mapped
};

// `frame0` holds T_world_joint (Mimesis axes, metres) of every raw joint at the first frame.
HandFit prepareHandFit(Hand hand, const std::array<int, kHandJointCount>& mapped,
                       std::span<const Pose> frame0);

// One frame: `joints` as for prepareHandFit. An absent hand comes out inactive.
void fillHand(const HandFit& fit, std::span<const Pose> joints, HandPose& out);

// "left/index_metacarpal", ... for every joint a present hand fills.
void listFilledJoints(const HandFit& fit, std::vector<std::string>& out);

}  // namespace mimesis
