// MirrorModel: wires observer → policy and keeps the trace.
#include "mimesis/mirror/MirrorModel.hpp"

#include <cmath>

namespace mimesis {

MirrorModel::MirrorModel(const MirrorConfig& config, LessonLayout layout)
    : observer_(config, layout), policy_(config, layout) {}

void MirrorModel::start(double time) { policy_.start(time, trace_); }

void MirrorModel::resume(double time, const MirrorResume& resume) {
  if (!resume.active) return;
  observer_.resumeSkill(resume.guided, resume.unguided);
  policy_.resume(time, resume, trace_);
}

void MirrorModel::beginTrial() { observer_.beginTrial(); }

const FeedbackState& MirrorModel::update(const ObservedFrame& frame) {
  observer_.update(frame);
  policy_.onFrame(frame, observer_, trace_);
  return policy_.state();
}

const FeedbackState& MirrorModel::endTrial(double time, const TrialOutcome* outcome, double performedFraction) {
  const Stage stage = policy_.state().stage;
  lastOutcome_ = outcome ? *outcome : observer_.measuredTrial(policy_.state().trial, stage, stageGuided(stage));
  lastOutcome_.stage = stage;
  lastOutcome_.guided = stageGuided(stage);
  lastOutcome_.performedFraction = std::isfinite(performedFraction) ? performedFraction : 0.0;
  // A trial cut short says little about skill: it is not fused as a full one.
  if (!policy_.cutShort(lastOutcome_)) observer_.observeTrial(lastOutcome_);
  policy_.onTrial(time, lastOutcome_, observer_, trace_);
  observer_.beginTrial();
  return policy_.state();
}

}  // namespace mimesis
