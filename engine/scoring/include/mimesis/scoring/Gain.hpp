// Gain: the one estimator of "gain" — how much of the expert's movement the learner reproduces —
// used by the score report (per group and overall), the mirror observer (LaggedFit, over-imitation)
// and therefore the lesson report, which prints both.
#pragma once

#include <optional>
#include <span>

namespace mimesis {

struct GroupReport;

// Second moments of paired samples (expert x, learner y, any number of axes), about each side's
// mean over the pairs: sums over pairs and axes, `samples` = how many pairs were summed. Sums of
// several sets pool them (the pooled gain is Σ cross / Σ expertSquares, not a mean of gains).
// Units are the signal's own (metres, millimetres or degrees); the gain has none.
struct GainSums {
  double cross = 0.0;          // Σ (x − x̄)·(y − ȳ)
  double expertSquares = 0.0;  // Σ |x − x̄|²
  double samples = 0.0;        // pairs summed (per-window means count 1 each)
  GainSums& operator+=(const GainSums& o) {
    cross += o.cross;
    expertSquares += o.expertSquares;
    samples += o.samples;
    return *this;
  }
};

// Gain = Σ (x − x̄)·(y − ȳ) / Σ |x − x̄|²: the least-squares slope of learner on expert
// (learner ≈ gain · expert + offset). 1 = the expert's size, below 1 = smaller (timid), above 1 =
// bigger. Learner noise and tremor, uncorrelated with the expert, leave it unbiased (an
// amplitude ratio would grow with them); a learner who moves without following the expert reads
// near 0. Not measured (nullopt) when the expert's RMS motion sqrt(expertSquares / samples) is
// below `minExpertRms` (same units as the sums) or nothing was summed.
std::optional<double> gainOf(const GainSums& sums, double minExpertRms);

// The learner's gain over a performance (the score report's overall `gain`): the pooled sums of
// the hand wrist groups whose gain was measured (the wrist trajectory: what the mirror observer's
// `learner` estimate pools); when none, of the hand finger groups; for a body-only clip, of the
// body groups. Nullopt when no group's gain was measured.
std::optional<double> learnerGain(std::span<const GroupReport> groups);

}  // namespace mimesis
