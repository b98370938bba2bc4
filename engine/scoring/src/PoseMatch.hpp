// Body pose match: how close the learner's body movement comes to the expert's at the best
// timing — the RMS joint distance about the root along the time warp that minimises it.
#pragma once

#include "mimesis/scoring/Dtw.hpp"
#include "mimesis/scoring/MotionStream.hpp"

namespace mimesis::detail {

// A span's match: measured or not (a plain pair rather than std::optional, whose storage GCC's
// -Wmaybe-uninitialized misreads once the scorer is inlined).
struct PoseMatch {
  bool measured = false;
  double mm = 0.0;
};

// One row per frame: the body's non-root joints about the root (the stream's `local`), a joint
// holding its last tracked value (0 before the first); no placement, no hands. Empty (frames 0)
// when the stream has no body of at least two joints.
FeatureMatrix bodyPoseFeatures(const MotionStream& stream);

// The match over expert frames [e0, e1) and learner frames [l0, l1) of two bodyPoseFeatures:
// DTW with squared joint distances, closed at both ends, no band (`base` gives the tempo slope
// and the coarse-to-fine settings that keep long clips linear), then sqrt(cost per step / joints),
// in mm. Not measured for an empty range or a body without joints.
PoseMatch bodyPoseMatch(const FeatureMatrix& expert, const FeatureMatrix& learner, int joints, int e0,
                                      int e1, int l0, int l1, const DtwOptions& base);

}  // namespace mimesis::detail
