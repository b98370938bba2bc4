// SimulatedLearnerSource: a simulated learner performing what the session shows it.
#include "mimesis/sim/SimulatedLearnerSource.hpp"

#include <cmath>

namespace mimesis {

SimulatedLearnerSource::SimulatedLearnerSource(const LearnerBehaviour& behaviour) : behaviour_(behaviour) {}

LearnerBehaviour SimulatedLearnerSource::improvingLearner() {
  LearnerBehaviour b;
  b.base.lagMs = 150.0;
  b.base.gain = 0.8;
  b.base.noiseMm = 4.0;
  b.base.learningRate = 0.8;
  b.base.seed = 1;
  return b;
}

Status SimulatedLearnerSource::beginTrial(const TrialContext& context) {
  if (context.expertShown == nullptr || context.expertShown->frames.empty())
    return makeError(ErrorCode::BadInput, "the simulated learner needs the expert shown");
  rate_ = context.rate > 0.0 ? context.rate : 90.0;
  LearnerBehaviour b = behaviour_;
  b.base.rate = rate_;
  const double opacity = context.guidance ? context.guidance->ghostOpacity : 1.0;
  if (context.performs) {
    performance_ = simulateLearnerBehaviour(*context.expertShown, b, performed_++, opacity, context.tempo,
                                            context.expertStart);
  } else {
    // Asked only to watch: the hands stay where they are (no movement about the mean pose).
    b.base.gain = 0.0;
    performance_ = simulateLearnerBehaviour(*context.expertShown, b, 0, 1.0, context.tempo, context.expertStart);
  }
  return okStatus();
}

bool SimulatedLearnerSource::poll(double trialTime, const FeedbackState&, Frame& out) {
  if (performance_.frames.empty() || !(trialTime >= 0.0)) return false;
  const auto i = static_cast<std::size_t>(std::llround(trialTime * rate_));
  if (i >= performance_.frames.size()) return false;
  out = performance_.frames[i];
  out.time = trialTime;
  return true;
}

}  // namespace mimesis
