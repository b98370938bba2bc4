// LearnerBehaviour: a simulated learner whose performance depends on the guidance shown — it
// leans on the ghost, stalls on one part of the action, and improves across trials — built on
// simulateLearner, for testing the mirror model's adaptive feedback with known truth.
#pragma once

#include "mimesis/motion/SimulatedLearner.hpp"

namespace mimesis {

struct LearnerBehaviour {
  // The underlying learner: lag, gain, noise, tremor, mapping, dropout, size, and the
  // improvement across trials (base.learningRate: lag, gain error and noise shrink as
  // (1 + trial)^-learningRate).
  LearnerParams base;

  // Dependence on guidance, >= 0 (0 = none). With ghost opacity o the missing guidance is
  // m = clamp(1 − o / dependenceOpacity, 0, 1) (0 while the ghost is at least that visible, 1
  // without it); the learner's noise is multiplied by 1 + dependence · m and the amplitude
  // (gain) loses 0.3 · dependence · m: without the ghost, a dependent learner is shakier and
  // timid.
  double guidanceDependence = 0.0;
  double dependenceOpacity = 0.3;

  // A span of the expert clip (expert seconds, [stallStart, stallEnd)) the learner does not
  // learn: inside it the performance keeps trial 0's quality (no learning), moves with
  // stallGain, and has stallNoiseMm of extra noise. Inactive when stallEnd <= stallStart.
  double stallStart = 0.0;
  double stallEnd = 0.0;
  double stallGain = 0.6;
  double stallNoiseMm = 3.0;
};

// The parameters simulateLearner gets for this trial and ghost opacity (dependence applied).
LearnerParams effectiveLearnerParams(const LearnerBehaviour& b, double ghostOpacity);

// The learner's performance of `expertShown` (the expert as displayed: tempo and looping
// already applied; its segments/annotations are not needed) in trial `trial` with the ghost at
// `ghostOpacity`. `expertTimeOffset` is the expert clip time of expertShown's time 0 divided
// out: the stall span is compared with (frame time − lag) · tempo + expertTimeOffset, so give
// `tempo` as used to build expertShown. Deterministic; same arguments → identical bytes.
Clip simulateLearnerBehaviour(const Clip& expertShown, const LearnerBehaviour& b, int trial,
                              double ghostOpacity, double tempo = 1.0,
                              double expertTimeOffset = 0.0);

}  // namespace mimesis
