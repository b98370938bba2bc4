// A span's summary: the group metrics' means, the metric scores they give and the combined
// score, for the whole trial and each segment alike (Scorer.cpp).
#pragma once

#include <vector>

#include "mimesis/scoring/Metrics.hpp"
#include "mimesis/scoring/MotionStream.hpp"
#include "mimesis/scoring/ScoreReport.hpp"

#include "PoseMatch.hpp"

namespace mimesis::detail {

// Means of the group metrics and the resulting metric scores and combined score.
struct Summary {
  double shapeMm = 0, postureDeg = 0, placementMm = 0, tremorMm = 0, smoothnessLoss = 0, validity = 0;
  bool hasPosture = false, hasPlacement = false, hasSmoothness = false, hasGain = false;
  double gain = 1.0;
  MetricScores scores;
  double score = 0.0;
};

// Weight of each reported group in the shape mean: 1, except a body's root group (the trunk),
// which takes ScoringConfig::bodyTrunkShapeShare of the body's total.
std::vector<double> shapeWeights(const StreamLayout& layout, const std::vector<int>& groups, const ScoringConfig& cfg);

// `match`: the span's body pose match, when measured (PoseMatch.hpp).
Summary summarise(const std::vector<GroupReport>& groups, const std::vector<double>& shapeWeight,
                  const TimingMetrics& timing, const detail::PoseMatch& match, const ScoringConfig& cfg);

}  // namespace mimesis::detail
