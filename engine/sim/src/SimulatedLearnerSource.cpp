// SimulatedLearnerSource: a simulated learner performing what the session shows it.
#include "mimesis/sim/SimulatedLearnerSource.hpp"

#include <cmath>

#include "mimesis/motion/ClipSampler.hpp"

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
  // The performance at that time, not at a frame index: whatever the spacing of the polls, the
  // learner is where the simulation has it then. A time within kSnap of a simulated frame (the
  // virtual clock's i · dt against the performance's i / rate) is that frame bit for bit.
  constexpr double kSnap = 1e-9;
  const std::vector<Frame>& frames = performance_.frames;
  const double t = frames.front().time + trialTime;
  if (t > frames.back().time + kSnap) return false;
  const std::size_t i = frameIndexAt(performance_, t);
  if (std::fabs(frames[i].time - t) <= kSnap) out = frames[i];
  else if (i + 1 < frames.size() && std::fabs(frames[i + 1].time - t) <= kSnap) out = frames[i + 1];
  else sampleClip(performance_, t, out);
  out.time = trialTime;
  return true;
}

}  // namespace mimesis
