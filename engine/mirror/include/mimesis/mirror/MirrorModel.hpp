// MirrorModel: the observer and the policy behind one small API that SessionRunner::step calls
// every frame (update) and after every trial (endTrial). Deterministic: the same calls give the
// same FeedbackState and the same trace, byte for byte.
#pragma once

#include "mimesis/mirror/DecisionTrace.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/mirror/MirrorObserver.hpp"
#include "mimesis/mirror/MirrorPolicy.hpp"
#include "mimesis/mirror/MirrorResume.hpp"

namespace mimesis {

class MirrorModel {
 public:
  // `config` should pass validateMirrorConfig (mirrorConfigFromJson guarantees it); values
  // out of range are clamped where used, never trusted to index memory. Allocates all buffers.
  MirrorModel(const MirrorConfig& config, LessonLayout layout);

  // Logs the initial state at `time`. Call once before the first update.
  void start(double time);
  // A returning learner (after start, before the first trial): the observer takes the stored
  // skill banks when they fit the layout, the policy moves to the retention test or the stage
  // to resume in, each change logged with the causes in `resume`. Inactive: does nothing.
  void resume(double time, const MirrorResume& resume);
  // Marks the start of a trial (clears the per-trial measurements).
  void beginTrial();
  // Every frame. No allocation except when a decision is recorded.
  const FeedbackState& update(const ObservedFrame& frame);
  // After a trial: `outcome` from the scorer (ScoreReport adapter), or null to use the
  // observer's own measurement; `performedFraction` = learner frames / frames shown (sets
  // TrialOutcome::performedFraction). Fuses skill (not for a trial cut short), then runs the
  // policy.
  const FeedbackState& endTrial(double time, const TrialOutcome* outcome = nullptr, double performedFraction = 1.0);

  const FeedbackState& state() const { return policy_.state(); }
  const ObserverEstimates& estimates() const { return observer_.estimates(); }
  const MirrorObserver& observer() const { return observer_; }
  const MirrorPolicy& policy() const { return policy_; }
  const DecisionTrace& trace() const { return trace_; }
  const TrialOutcome& lastOutcome() const { return lastOutcome_; }

 private:
  MirrorObserver observer_;
  MirrorPolicy policy_;
  DecisionTrace trace_;
  TrialOutcome lastOutcome_;
};

}  // namespace mimesis
