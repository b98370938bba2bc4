// SimulatedLearner: a synthetic imitation of an expert clip with known lag, gain, noise, tremor,
// mapping, dropout and hand size, so scoring and the mirror model can be tested with known truth.
#pragma once

#include <cstdint>
#include <string>

#include "mimesis/motion/Clip.hpp"

namespace mimesis {

struct LearnerParams {
  // The learner follows the expert this late: learner frame at t shows the expert at t - lag
  // (clamped to the clip: the learner waits in the first pose, then trails). Milliseconds;
  // negative = anticipation. Clamped to [-10000, 10000].
  double lagMs = 150;
  // Movement amplitude about the clip's mean: the wrist position about its mean position, the
  // wrist rotation about its mean rotation (angle scaled), and the hand shape about the clip's
  // mean shape: each bone's direction in the wrist frame is turned away from its mean direction
  // by gain times its actual angle, lengths kept (so curl-like motion grows or shrinks and bones
  // never stretch). 1 = faithful. Clamped to [0, 10].
  double gain = 1.0;
  // Standard deviation of each joint's position noise, per axis, millimetres. Independent per
  // joint and axis, low-pass filtered (first order, 2 Hz) so it wanders like tracking error
  // rather than jumping every frame. Clamped to [0, 1000].
  double noiseMm = 2;
  // A sinusoidal tremor of the whole hand (added to the wrist and carried by every joint), in a
  // fixed random direction per hand: frequency in Hz (clamped to [0, rate / 2]) and amplitude
  // in millimetres (clamped to [0, 1000]).
  double tremorHz = 0;
  double tremorMm = 0;
  // Anatomical: the learner's right copies the expert's right. Mirror: the learner faces the
  // expert and copies as in a mirror: the expert clip is mirrored (mirrorFrame: reflected in
  // X = 0, hands swapped) before everything else.
  enum class Mapping { Anatomical, Mirror } mapping = Mapping::Anatomical;
  // Fraction of frames, per hand, in which the hand is untracked (active false, all flags 0).
  // Losses come in bursts (a two-state Markov chain, mean burst 0.3 s), as real tracking
  // losses do. Clamped to [0, 1].
  double dropout = 0;
  // The learner's hand is the default hand scaled by this (retargetHand to defaultBoneLengths()
  // * handScale; radii scale too). Exactly 1 keeps the expert's bone lengths. Clamped to
  // [0.25, 4].
  double handScale = 1.0;
  // Practice: in trial k (0 = first) lag, the gain's error (gain - 1) and noise are multiplied
  // by (1 + k)^-learningRate. Tremor, dropout and size do not improve. Clamped to [0, 10].
  double learningRate = 0;
  std::uint64_t seed = 1;
  // Output frame rate, Hz; clamped to [1, 1000] (non-finite: 90). Frames run from the expert's
  // first frame time to its last, frame i at first + i / rate, never more than ten times the
  // expert's frame count (plus 1000).
  double rate = 90;
};

// The learner's performance of `expert` in trial `trial` (negative counts as 0). Deterministic:
// the same expert, params and trial give identical bytes. Non-finite params fall back to their
// defaults; outputs never contain NaN. Result: info.name = expert name + " (simulated learner)",
// info.sourceFormat = "simulated", info.source = describeLearner(p, trial); head and body
// joints follow the expert with the lag; no segments or annotations (a learner's recording has
// none; the expert's apply). Untracked expert hands stay untracked. An empty expert gives an
// empty clip.
Clip simulateLearner(const Clip& expert, const LearnerParams& p, int trial = 0);

// "simulated learner: lagMs=150 gain=1 noiseMm=2 ... seed=1 rate=90 trial=0" (the params as
// given, shortest round-trip numbers).
std::string describeLearner(const LearnerParams& p, int trial = 0);

}  // namespace mimesis
