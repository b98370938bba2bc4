// Left↔right mirroring: reflect across the world's X = 0 plane (the sagittal plane of a
// learner facing -Z) and swap the hands, so a right-handed action becomes a left-handed one.
#pragma once

#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// Reflection of a pose across X = 0. Joint frames stay proper rotations: the reflected +Y and
// +Z axes are kept and +X is recomputed, which is exactly OpenXR's convention for the other hand.
Pose reflectX(const Pose& p);

// Reflects both hands, swaps left and right, reflects the head. Body joints are reflected and,
// when `body` names joints "left_*"/"right_*" (or "Left*"/"Right*"), swapped with their partner.
void mirrorFrame(const Frame& in, const Skeleton& body, Frame& out);

// The whole clip mirrored; segments and annotations are kept, info.name gains "(mirrored)".
Clip mirrorClip(const Clip& clip);

}  // namespace mimesis
