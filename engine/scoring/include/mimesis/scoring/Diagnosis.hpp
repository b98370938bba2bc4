// Diagnosis in coach words, derived from metrics only: "right index finger 120 ms late",
// "left thumb opens 30% too little", "tremor in the left wrist", "hands mirrored", "good".
#pragma once

#include <string>
#include <vector>

#include "mimesis/scoring/ScoreReport.hpp"

namespace mimesis {

// Fills group.diagnosis: every finding above its threshold (DiagnosisThresholds), in a fixed
// order (tracking, freeze, timing, amplitude, tremor, shape, posture, placement), or "good".
void diagnoseGroup(GroupReport& group, const ScoringConfig& config);

// Segment findings: not reached / unfinished, tempo, then the worst groups' findings (at most 3).
void diagnoseSegment(SegmentReport& segment, const ScoringConfig& config);

// Whole-performance findings: mapping, coverage, tempo, then the worst groups (at most 4).
void diagnoseOverall(ScoreReport& report, const ScoringConfig& config);

}  // namespace mimesis
