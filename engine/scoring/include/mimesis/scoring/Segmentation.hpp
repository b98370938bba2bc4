// Segments of the expert clip to score separately: the clip's named motion primitives, or
// automatic ones cut at minima of the expert's speed when it names none.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/scoring/Features.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis {

struct FrameSpan {
  std::string name;
  int begin = 0, end = 0;   // expert frames [begin, end)
  bool automatic = false;
};

// Named segments mapped to frames (empty ones dropped); otherwise automatic segmentation of
// `features` (the expert's alignment features): the feature speed is smoothed over ~0.2 s and
// cut at local minima below 30% of its 90th percentile, at least minSegmentSeconds apart,
// deepest minima first, at most maxSegments segments ("auto_01", ...). Always covers at least
// one span; deterministic.
std::vector<FrameSpan> segmentExpert(const Clip& expert, const FeatureMatrix& features,
                                     const ScoringConfig& config);

// The same for an expert whose frames are not held (a recording scored as a stream): `times` are
// its frames' times; of `expert` only the segments and the rate are read.
std::vector<FrameSpan> segmentExpert(const Clip& expert, std::span<const double> times, const FeatureMatrix& features,
                                     const ScoringConfig& config);

}  // namespace mimesis
