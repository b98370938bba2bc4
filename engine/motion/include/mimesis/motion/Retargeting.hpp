// Retargeting a hand to other bone lengths, and measuring a performer's bone lengths.
#pragma once

#include <array>

#include "mimesis/motion/Clip.hpp"

namespace mimesis {

using BoneLengths = std::array<float, kHandJointCount>;  // metres, see defaultBoneLengths()

// Keeps the wrist pose, every joint orientation and every bone direction; sets each bone to
// the target length, walking the chain from the wrist outward. Joints whose parent position is
// invalid are left as they are.
void retargetHand(const HandPose& in, const BoneLengths& target, HandPose& out);

// Bone lengths of one hand pose (0 where either end is invalid).
BoneLengths measureBoneLengths(const HandPose& hand);

// Median bone lengths of `hand` over the frames in [0, window) seconds of valid tracking
// (scoring.md: the learner's size is measured from the first seconds). Bones never seen fall
// back to the default scaled by the median ratio of the bones that were seen.
BoneLengths estimateBoneLengths(const Clip& clip, Hand hand, double window = 2.0);

// Retargets both hands of every frame to the given lengths.
void retargetClip(Clip& clip, const BoneLengths& left, const BoneLengths& right);

}  // namespace mimesis
