// SimulatedLearnerSource: a HandSource whose learner responds to the guidance it is given —
// each trial's performance is simulateLearnerBehaviour of the expert as shown (tempo, looped
// segment) at the ghost opacity of that trial; while the stage only asks the learner to watch,
// the hands are held still.
#pragma once

#include "mimesis/motion/LearnerBehaviour.hpp"
#include "mimesis/session/HandSource.hpp"

namespace mimesis {

class SimulatedLearnerSource : public HandSource {
 public:
  explicit SimulatedLearnerSource(const LearnerBehaviour& behaviour);

  // A learner who improves: 150 ms late, 20 % timid, 4 mm of noise, learning rate 0.8.
  static LearnerBehaviour improvingLearner();

  Status beginTrial(const TrialContext& context) override;
  bool poll(double trialTime, const FeedbackState& guidance, Frame& out) override;

  int performedTrials() const { return performed_; }
  const Clip& lastPerformance() const { return performance_; }

 private:
  LearnerBehaviour behaviour_;
  Clip performance_;
  double rate_ = 90.0;
  int performed_ = 0;  // practice counts performing trials only
};

}  // namespace mimesis
