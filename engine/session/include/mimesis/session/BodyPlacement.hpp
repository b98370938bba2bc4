// BodyPlacement: where a body clip stands in the learner's world. A capture's floor origin and
// heading are the studio's, not the learner's (CMU 01_01 starts about 0.9 m behind its origin),
// so a body ghost drawn as recorded stands beside or behind the learner instead of around them.
#pragma once

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/Frame.hpp"
#include "mimesis/motion/Skeleton.hpp"

namespace mimesis {

// T_world_clip for a body clip whose first frame is `start`: a turn about +Y that makes the
// body face -Z as the learner does (its right, from the left hip to the right hip — else the
// shoulders — along +X; no turn when neither pair is named and valid), then a shift along the
// floor that puts the root joint (the skeleton's first root; joint 0 without a skeleton) over
// the learner's standing spot, the origin (ViewCameras.hpp). Heights are kept. Identity when
// `start` has no valid root. Later frames move with the clip: only the start is anchored, so a
// clip that walks still walks.
Pose bodyPlacement(const Frame& start, const Skeleton* skeleton);

// The root joint of a body frame: the skeleton's first root when it fits the frame, else 0.
int bodyRootJoint(const Frame& frame, const Skeleton* skeleton);

// Applies `T_world_clip` to every joint of `frame`: body, hands and head.
void placeFrame(const Pose& T_world_clip, Frame& frame);

// What the cameras (eyeViewsFor) should look at for a frame drawn with FrameInputs::bodyStart:
// `frame` placed into `scratch` when it has a body and `start` is given, else `frame` itself.
const Frame* placedForView(const Frame* frame, const Frame* start, const Skeleton* skeleton, Frame& scratch);

// The body joint of `skeleton` with the normalised name `key` (lower case, letters and digits
// only, a "prefix:" dropped: "mixamorig:LeftHand" → "lefthand"); -1 when none.
int findBodyJoint(const Skeleton& skeleton, const char* key);

}  // namespace mimesis
