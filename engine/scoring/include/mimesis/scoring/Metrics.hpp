// Metrics over a span of the warp: per joint group (shape, posture, placement, lag, gain,
// tremor, smoothness, validity) and timing (lag, tempo, warp irregularity, coverage).
#pragma once

#include <cstddef>

#include "mimesis/scoring/Dtw.hpp"
#include "mimesis/scoring/MotionStream.hpp"
#include "mimesis/scoring/ScoreReport.hpp"

namespace mimesis {

// Pairs [begin, end) of a WarpPath.
struct PairSpan {
  std::size_t begin = 0, end = 0;
  bool empty() const { return end <= begin; }
};

struct TimingMetrics {
  bool reached = false;
  double lagMs = 0.0;          // median over pairs of (learner time - expert time)
  double tempo = 1.0;          // expert seconds covered per learner second
  double irregularityMs = 0.0;
  double coverage = 0.0;       // distinct expert frames matched / frames in [expertBegin, expertEnd)
  double learnerStart = 0.0, learnerEnd = 0.0;
};

TimingMetrics measureTiming(const MotionStream& expert, const MotionStream& learner, const WarpPath& warp,
                            PairSpan span, int expertBegin, int expertEnd);

// Group metrics over `span`; `spanLagMs` is the span's timing lag, to which the group's own
// residual lag (searched around the warp) is added. Fills scores, score and grade too; the
// diagnosis is left to Diagnosis.hpp.
GroupReport measureGroup(const MotionStream& expert, const MotionStream& learner, const WarpPath& warp,
                         PairSpan span, int group, double spanLagMs, const ScoringConfig& config);

// Weighted mean of the measured metric scores (ScoreWeights; MetricScores::has* say which of
// posture, placement and smoothness were measured); coverage included when asked.
double combineScores(const MetricScores& s, const ScoreWeights& w, bool withCoverage);

// Log dimensionless jerk of a trajectory sampled at `rate` over frames [a, b) where `ok` holds;
// returns false when it cannot be measured (too short or no motion).
bool logDimensionlessJerk(const glm::vec3* x, const std::uint8_t* ok, std::size_t stride, int a, int b,
                          double rate, double& out);

}  // namespace mimesis
