// Compact per-frame feature vectors for alignment: fingertips in the wrist frame, wrist
// placement and wrist axes per hand; body joints about the root plus root placement.
#pragma once

#include <array>
#include <vector>

#include "mimesis/scoring/MotionStream.hpp"

namespace mimesis {

// Row-major float matrix, `dim` a multiple of 8 (zero padded) so distance loops vectorise.
struct FeatureMatrix {
  int frames = 0;
  int dim = 0;
  std::vector<float> data;  // frames * dim

  const float* row(int i) const { return data.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(dim); }
  float* row(int i) { return data.data() + static_cast<std::size_t>(i) * static_cast<std::size_t>(dim); }
};

// Which units contribute features (normally: present in both expert and learner).
using UnitMask = std::array<bool, kUnitCount>;

// What a body unit contributes: its non-root joints about the root and its placement (the
// learner's warp), or the joints alone (the body pose match, PoseMatch.hpp).
enum class BodyFeatures { PoseAndPlacement, PoseOnly };

// Feature dimension for a layout and unit selection, before padding.
int featureDim(const StreamLayout& layout, const UnitMask& units, BodyFeatures body = BodyFeatures::PoseAndPlacement);

// Gaps: a missing value holds the last valid one (zero before the first), for alignment only —
// metrics never see these values. The same causal rule serves the live aligner.
struct FeatureHold {
  std::vector<float> last;  // one per unpadded dimension
};

// Writes stream frame `f` into `out` (dim floats, padded with zeros); updates `hold`.
void featureRow(const MotionStream& s, int f, const UnitMask& units, FeatureHold& hold, float* out,
                int dim, BodyFeatures body = BodyFeatures::PoseAndPlacement);

FeatureMatrix buildFeatures(const MotionStream& s, const UnitMask& units,
                            BodyFeatures body = BodyFeatures::PoseAndPlacement);

// Averages consecutive groups of `factor` rows (the last group may be shorter).
FeatureMatrix downsampleFeatures(const FeatureMatrix& in, int factor);

}  // namespace mimesis
