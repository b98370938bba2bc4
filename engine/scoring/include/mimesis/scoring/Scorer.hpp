// The offline scorer: one expert clip, one learner performance, one ScoreReport.
#pragma once

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/scoring/Dtw.hpp"
#include "mimesis/scoring/ScoreReport.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis {

// Pipeline: check both clips; layout (hands, plus the body when the expert has a skeleton);
// normalise (hand shape in the wrist frame, placement against the head when both clips have
// one, else the first valid wrist; expert hands retargeted to the learner's bone lengths, expert
// body scaled to the learner's size; mirrored for Mapping::Mirror; both tried for Auto);
// align by banded open-end DTW on compact features; metrics per group over the whole warp and
// per segment (named or automatic); scores, grades and diagnoses.
// Errors: BadInput for clips that cannot be scored (too short, times not increasing, body
// skeletons that differ, nothing tracked in common); Limit for absurd sizes. Never NaN.
Result<ScoreReport> scorePerformance(const Clip& expert, const Clip& learner, const ScoringConfig& config);

// The offline aligner's options the scorer derives from `config` and the two frame rates
// (band, tempo slope, open end, coarse-to-fine limits), for benches that time alignment alone.
DtwOptions dtwOptionsFor(const ScoringConfig& config, double expertRate, double learnerRate);

}  // namespace mimesis
