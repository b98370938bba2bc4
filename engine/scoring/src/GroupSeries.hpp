// Per-group series over whole streams (the group's gain/lag signal and its end-effector
// trajectory, for expert and learner), built once per group and shared by every span's metrics:
// the whole warp and each segment read the same samples instead of re-extracting them per pair.
#pragma once

#include <cstdint>
#include <vector>

#include <glm/vec3.hpp>

#include "mimesis/scoring/Metrics.hpp"

namespace mimesis::detail {

struct SignalSeries {
  int dim = 3;
  bool isAngle = false;
  std::vector<float> value;       // [frame * dim + d]
  std::vector<std::uint8_t> ok;   // [frame]: every component of the sample valid
  // The same samples by component, with `pad` invalid zero frames before and after, so the
  // residual-lag search reads every shift of a pair as one contiguous, branch-free run:
  // padded[d][pad + frame], okMask[pad + frame] (1.0 tracked, 0.0 not).
  int pad = 0;
  std::vector<std::vector<float>> padded;
  std::vector<double> okMask;
};

struct GroupSeries {
  int group = -1;
  std::vector<int> angles;        // layout angles of this group (posture)
  SignalSeries signalE, signalL;  // gain and residual-lag signal
  // End effector (hand root: wrist placement) per frame, for tremor and smoothness.
  std::vector<glm::vec3> trajE, trajL;
  std::vector<std::uint8_t> trajEok, trajLok;
};

// Shifts searched each side for a group's residual lag, frames: groupLagSearchSeconds at the
// expert rate, capped at the expert length (longer shifts never overlap a frame).
int lagSearchFrames(const ScoringConfig& config, const MotionStream& expert);

// Extracts the series of `group` from both streams (O(frames), allocates once per group).
void buildGroupSeries(const MotionStream& expert, const MotionStream& learner, int group,
                      const ScoringConfig& config, GroupSeries& out);

// Per-pair errors of every track, angle and unit over the whole warp, computed in one pass over
// both streams (each frame row read once) and summed per group and span afterwards, in the
// same order as a per-group pass would. Column-major: [item * pairs + pair]; -1: not measured.
struct PairErrors {
  std::size_t pairs = 0;
  std::vector<float> track;    // joint distance in the unit frame, metres
  std::vector<float> angle;    // |angle difference|, degrees
  std::vector<float> place;    // unit placement distance, metres
  std::vector<double> orient;  // hand units: wrist orientation difference, degrees
  // Per pair: its weight in a body group's shape mean (weighBodyPairs); empty: equal weights.
  std::vector<float> shapeWeight;
};
void buildPairErrors(const MotionStream& expert, const MotionStream& learner, const WarpPath& warp,
                     PairErrors& out);

// Fills out.shapeWeight: the expert body's root-relative joint speed at each pair's expert
// frame plus `stillFrameWeight` x its mean over the warp (BodyMotionWeights.cpp). Leaves it
// empty (equal weights) without a body or when the expert's body never moves.
void weighBodyPairs(const MotionStream& expert, const WarpPath& warp, double stillFrameWeight, PairErrors& out);

// measureGroup over `span` reading prepared series: identical results, no per-pair extraction.
// `scratch` vectors are reused between calls.
struct GroupScratch {
  std::vector<std::int32_t> pairL, pairE;
  std::vector<float> pairSample;
  std::vector<double> meanL, meanE;
  std::vector<double> shiftErr;             // per shift, index S - s
  std::vector<std::size_t> shiftCount;
};
GroupReport measureGroupSeries(const MotionStream& expert, const MotionStream& learner, const WarpPath& warp,
                               PairSpan span, const GroupSeries& series, const PairErrors& errors,
                               double spanLagMs, const ScoringConfig& config, GroupScratch& scratch);

}  // namespace mimesis::detail
