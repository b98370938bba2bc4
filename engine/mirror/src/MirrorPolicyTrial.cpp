// MirrorPolicy after each trial: onTrial and its named steps, in the order they run —
// watching trials · the trial's errors · knowledge of results · over-imitation · best attempt ·
// "show me" · tolerance bands · stages · part practice · tempo · ghost opacity · summary.
// Here: the flow, the trial's errors and the steps that change the guidance (tolerance bands,
// stages, part practice, tempo, ghost opacity); what the learner is told (knowledge of results,
// over-imitation, best attempt, "show me", summary) is in MirrorPolicyFeedback.cpp.
// Every cause compares a measured quantity with a threshold a setting owns (PolicyWords.hpp).
#include <algorithm>
#include <cmath>

#include "PolicyWords.hpp"
#include "mimesis/mirror/MirrorPolicy.hpp"

namespace mimesis {

using policy::because;
using policy::kCount;
using policy::kUnbounded;

void MirrorPolicy::onTrial(double time, const TrialOutcome& outcome, const MirrorObserver& observer,
                           DecisionTrace& trace) {
  trialStage_ = state_.stage;
  ++trialsInStage_;
  state_.showMe = ShowMeOffer{};
  state_.cueCount = 0;  // cues belong to the trial that raised them
  if (!stagePerforms(trialStage_)) {
    endWatchingTrial(time, trace);
    ++state_.trial;
    return;
  }
  if (cutShort(outcome)) {
    endCutShortTrial(time, outcome, trace);
    ++state_.trial;
    return;
  }
  ++performingTrials_;
  ++trialsSinceSummary_;
  const double score = std::isfinite(outcome.score) ? std::clamp(outcome.score, 0.0, 100.0) : 0.0;
  const TrialErrors errors = measureTrial(outcome);
  giveKnowledgeOfResults(time, score, errors, observer, trace);
  hintOverImitation(time, observer, trace);
  scores_.push_back(score);
  noteBestAttempt(time, score, trace);
  offerShowMe(time, outcome, errors, trace);
  narrowTolerances(time, observer, trace);
  // A delayed-retention test measures what remained; it neither advances nor completes the lesson.
  const bool stageChanged =
      retentionPending_ ? endRetentionTest(time, trace) : updateStage(time, score, errors, observer, trace);
  if (!stageChanged) updatePartPractice(time, observer, trace);
  updateTempo(time, outcome, errors, observer, trace);
  if (!stageChanged) updateOpacity(time, observer, trace);
  maybeSummarise(time, trace);
  ++state_.trial;
}

// Watch and Imagine end after their number of trials (there is no performance to judge).
void MirrorPolicy::endWatchingTrial(double time, DecisionTrace& trace) {
  const StageConfig& sc = config_.stages;
  const bool watch = trialStage_ == Stage::Watch;
  const int need = watch ? sc.watchTrials : sc.imagineTrials;
  if (trialsInStage_ < need) return;
  Stage next = watch ? Stage::Imagine : Stage::Guided;
  if (next == Stage::Imagine && sc.imagineTrials <= 0) next = Stage::Guided;
  setStage(time, next,
           because("trials in stage " + std::string(stageName(trialStage_)), trialsInStage_, ">=", need,
                   watch ? "stages.watchTrials" : "stages.imagineTrials", 0, kCount),
           trace);
}

// A trial cut short (tracking lost for good, the learner stopped, the session was stopped) is
// said so and not scored as a full trial: no skill, stage, pass, best-attempt or summary step.
void MirrorPolicy::endCutShortTrial(double time, const TrialOutcome& outcome, DecisionTrace& trace) {
  const double covered = std::clamp(outcome.performedFraction, 0.0, 1.0);
  const std::string percent = formatFixed(100.0 * covered, 0);
  record(time, DecisionKind::KnowledgeOfResults, "trial " + std::to_string(state_.trial + 1), "none", "cut short",
         because("fraction of the span performed", covered, "<", config_.feedback.cutShortFraction,
                 "feedback.cutShortFraction", 0, 1),
         trace);
  state_.knowledgeOfResults = "Trial " + std::to_string(state_.trial + 1) + " was cut short (" + percent +
                              "% of the movement): it is not scored as a full trial.";
}

MirrorPolicy::TrialErrors MirrorPolicy::measureTrial(const TrialOutcome& outcome) const {
  const int segments = layout_.segmentCount();
  TrialErrors e;
  e.segErr.assign(static_cast<std::size_t>(segments), 0.0);
  e.segN.assign(static_cast<std::size_t>(segments), 0);
  double sum = 0.0;
  for (int s = 0; s < segments; ++s)
    for (int c = 0; c < kCellsPerSegment; ++c) {
      const std::size_t k = static_cast<std::size_t>(s * kCellsPerSegment + c);
      if (k >= outcome.cells.size() || !outcome.cells[k].measured) continue;
      const double err = std::isfinite(outcome.cells[k].relError) ? outcome.cells[k].relError : 0.0;
      e.segErr[static_cast<std::size_t>(s)] += err;
      ++e.segN[static_cast<std::size_t>(s)];
      sum += err;
      ++e.measured;
      if (err > tolerance(s)) ++e.outside;
      if (err / tolerance(s) > e.worstExcess) {
        e.worstExcess = err / tolerance(s);
        e.worstErr = err;
        e.worstCell = s * kCellsPerSegment + c;
      }
    }
  for (int s = 0; s < segments; ++s)
    if (e.segN[static_cast<std::size_t>(s)]) e.segErr[static_cast<std::size_t>(s)] /= e.segN[static_cast<std::size_t>(s)];
  e.trialErr = e.measured ? sum / e.measured : 0.0;
  return e;
}

// Tolerance bands narrow as mastery grows.
void MirrorPolicy::narrowTolerances(double time, const MirrorObserver& observer, DecisionTrace& trace) {
  const ToleranceConfig& tc = config_.tolerance;
  for (int s = 0; s < layout_.segmentCount(); ++s) {
    const double m = segmentMastery(observer, stageGuided(trialStage_), s);
    double& tol = tolerance_[static_cast<std::size_t>(s)];
    if (m >= tc.narrowAtMastery && tol > tc.final + 1e-9) {
      const double to = std::max(tc.final, tol * tc.narrowFactor);
      record(time, DecisionKind::Tolerance, segmentLabel(s), formatFixed(tol, 3), formatFixed(to, 3),
             because("mastery " + segmentLabel(s), m, ">=", tc.narrowAtMastery, "tolerance.narrowAtMastery", 0, 1),
             trace);
      tol = to;
    }
  }
}

// Stages: advance when, for K trials in a row, the stage's mastery held and the trial passed
// the stage's pass score (a learner who stalls below it stays); step back when unguided error
// far exceeds the guided level (dependence on guidance). Success is judged on unguided trials.
bool MirrorPolicy::updateStage(double time, double score, const TrialErrors& errors, const MirrorObserver& observer,
                               DecisionTrace& trace) {
  const StageConfig& sc = config_.stages;
  const bool guided = stageGuided(trialStage_);
  const double mastery = meanMastery(observer, guided);
  double guidedLevel = 0.0;
  {
    const SkillBank& gb = observer.skill(true);
    double sum = 0.0;
    int n = 0;
    for (int s = 0; s < gb.segments(); ++s)
      for (int c = 0; c < kCellsPerSegment; ++c)
        if (gb.observed(s, c)) { sum += gb.at(s, c).level(); ++n; }
    guidedLevel = n ? sum / n : 0.0;
  }
  const double pass = config_.grades.passFor(trialStage_);
  const bool held = mastery >= sc.advanceMastery && score >= pass;
  holdCount_ = held ? holdCount_ + 1 : 0;
  if (!guided && guidedLevel > 0.0) {
    const double ratio = errors.trialErr / guidedLevel;
    stepBackCount_ = ratio > sc.stepBackRatio ? stepBackCount_ + 1 : 0;
    if (stepBackCount_ >= sc.stepBackTrials) {
      setStage(time, trialStage_ == Stage::Solo ? Stage::Faded : Stage::Solo,
               because("unguided error / guided error", ratio, ">", sc.stepBackRatio, "stages.stepBackRatio", 0,
                       kUnbounded),
               trace);
      return true;
    }
  }
  if (holdCount_ < sc.advanceTrials) return false;
  const DecisionCause cause =
      because(std::string("trials in a row with mastery[") + (guided ? "guided" : "unguided") + "] >= " +
                  formatFixed(sc.advanceMastery, 2) + " and score >= " + formatFixed(pass, 0),
              holdCount_, ">=", sc.advanceTrials, "stages.advanceTrials", 0, kCount);
  if (trialStage_ == Stage::Retention) {
    if (!state_.lessonComplete) record(time, DecisionKind::Stage, "lesson", "in progress", "complete", cause, trace);
    state_.lessonComplete = true;
    return false;
  }
  setStage(time, static_cast<Stage>(static_cast<int>(trialStage_) + 1), cause, trace);
  return true;
}

// After a full delayed-retention trial: once the test's trials are done, practice goes on in the
// stage the learner had reached.
bool MirrorPolicy::endRetentionTest(double time, DecisionTrace& trace) {
  ++retentionDone_;
  if (retentionDone_ < retentionNeeded_) return false;
  retentionPending_ = false;
  const DecisionCause cause = because("delayed-retention trials performed", retentionDone_, ">=", retentionNeeded_,
                                      retentionKey_, 0, kCount);
  if (resumeStage_ == Stage::Retention) {
    trialsInStage_ = holdCount_ = stepBackCount_ = passCount_ = 0;
    return false;
  }
  setStage(time, resumeStage_, cause, trace);
  return true;
}

// Part practice: loop the segment whose mastery lags far behind the others; a learner bad
// everywhere (no gap) gets the segment with the largest error level; then reintegrate.
void MirrorPolicy::updatePartPractice(double time, const MirrorObserver& observer, DecisionTrace& trace) {
  const PartPracticeConfig& pp = config_.partPractice;
  const int segments = layout_.segmentCount();
  if (!stageGuided(state_.stage) || segments < pp.minSegments) return;
  std::vector<double> m(static_cast<std::size_t>(segments));
  for (int s = 0; s < segments; ++s) m[static_cast<std::size_t>(s)] = segmentMastery(observer, true, s);
  auto othersMean = [&](int skip) {
    double sum = 0.0;
    for (int s = 0; s < segments; ++s)
      if (s != skip) sum += m[static_cast<std::size_t>(s)];
    return sum / (segments - 1);
  };
  if (state_.loopedSegment >= 0) {
    ++loopTrials_;
    const int s = state_.loopedSegment;
    const double gap = othersMean(s) - m[static_cast<std::size_t>(s)];
    // A segment looped because everything was weak comes back once it is no longer weak.
    if (gap <= pp.reintegrateGap && m[static_cast<std::size_t>(s)] >= pp.lowMastery)
      setLoop(time, -1, because("mastery gap of " + segmentLabel(s), gap, "<=", pp.reintegrateGap,
                                "partPractice.reintegrateGap", -1, 1), trace);
    else if (loopTrials_ >= pp.maxTrials)
      setLoop(time, -1, because("looped trials of " + segmentLabel(s), loopTrials_, ">=", pp.maxTrials,
                                "partPractice.maxTrials", 0, kCount), trace);
    return;
  }
  if (loopCooldown_ > 0) {
    --loopCooldown_;
    return;
  }
  if (performingTrials_ < pp.minTrials) return;
  int worst = 0;
  for (int s = 1; s < segments; ++s)
    if (m[static_cast<std::size_t>(s)] < m[static_cast<std::size_t>(worst)]) worst = s;
  const double gap = othersMean(worst) - m[static_cast<std::size_t>(worst)];
  if (gap >= pp.gap) {
    setLoop(time, worst, because("mastery gap of " + segmentLabel(worst), gap, ">=", pp.gap, "partPractice.gap", -1, 1),
            trace);
    return;
  }
  const double bestMastery = *std::max_element(m.begin(), m.end());
  if (bestMastery >= pp.lowMastery) return;
  // Bad everywhere: masteries are all near 0 and say little apart; the error levels do.
  const SkillBank& bank = observer.skill(true);
  int worstLevel = -1;
  double worstMean = 0.0;
  for (int s = 0; s < segments; ++s) {
    double sum = 0.0;
    int n = 0;
    for (int c = 0; c < kCellsPerSegment; ++c)
      if (bank.observed(s, c)) { sum += bank.at(s, c).mean; ++n; }
    if (n && (worstLevel < 0 || sum / n > worstMean)) { worstLevel = s; worstMean = sum / n; }
  }
  if (worstLevel < 0) return;
  setLoop(time, worstLevel,
          because("highest segment mastery[guided]", bestMastery, "<", pp.lowMastery, "partPractice.lowMastery", 0, 1),
          trace);
}

// Tempo: slower when the learner trails or errs on fast segments; back toward 1 with mastery.
void MirrorPolicy::updateTempo(double time, const TrialOutcome& outcome, const TrialErrors& e,
                               const MirrorObserver& observer, DecisionTrace& trace) {
  const TempoConfig& tp = config_.tempo;
  if (!stagePerforms(state_.stage)) return;
  const int segments = layout_.segmentCount();
  const bool guided = stageGuided(trialStage_);
  const double mastery = meanMastery(observer, guided);
  double maxSpeed = 0.0;
  for (int s = 0; s < segments; ++s) maxSpeed = std::max(maxSpeed, observer.segmentSpeed(s));
  int fastWorst = -1;
  for (int s = 0; s < segments; ++s) {
    const std::size_t k = static_cast<std::size_t>(s);
    const bool fast = maxSpeed <= 0.0 || observer.segmentSpeed(s) >= tp.fastSegmentFraction * maxSpeed;
    if (fast && e.segN[k] && (fastWorst < 0 || e.segErr[k] > e.segErr[static_cast<std::size_t>(fastWorst)]))
      fastWorst = s;
  }
  const float down = static_cast<float>(std::max(tp.floor, state_.tempo - tp.stepDown));
  const float up = static_cast<float>(std::min(1.0, state_.tempo + tp.stepUp));
  if (outcome.lagKnown && outcome.meanLagMs > tp.lagHighMs)
    setTempo(time, down, because("trial lag ms", outcome.meanLagMs, ">", tp.lagHighMs, "tempo.lagHighMs", -kUnbounded,
                                 kUnbounded), trace);
  else if (fastWorst >= 0 && e.segErr[static_cast<std::size_t>(fastWorst)] > tp.errorHigh)
    setTempo(time, down, because("relative error on fast " + segmentLabel(fastWorst),
                                 e.segErr[static_cast<std::size_t>(fastWorst)], ">", tp.errorHigh, "tempo.errorHigh", 0,
                                 kUnbounded), trace);
  else if (state_.tempo < 1.0f && mastery >= tp.upMastery)
    setTempo(time, up, because(std::string("mastery[") + (guided ? "guided" : "unguided") + "]", mastery, ">=",
                               tp.upMastery, "tempo.upMastery", 0, 1), trace);
}

// Ghost opacity fades with guided mastery between the stage's bounds, quantised to ghost.step.
// The cause is the mastery at which the quantised opacity reaches its new value.
void MirrorPolicy::updateOpacity(double time, const MirrorObserver& observer, DecisionTrace& trace) {
  if (!stageGuided(state_.stage)) return;
  const GhostConfig& g = config_.ghost;
  const double m = meanMastery(observer, true);
  const float to = opacityFor(state_.stage, m);
  if (std::abs(to - state_.ghostOpacity) < 1e-6f) return;
  const bool guidedStage = state_.stage == Stage::Guided;
  const double hi = guidedStage ? g.ceiling : g.floor, lo = guidedStage ? g.floor : g.fadedFloor;
  if (!(hi - lo > 0.0)) return;  // a constant ghost has nothing to fade
  const bool fading = to < state_.ghostOpacity;
  const double edge = fading ? (hi - (to + 0.5 * g.step)) / (hi - lo) : (hi - (to - 0.5 * g.step)) / (hi - lo);
  setOpacity(time, to,
             because("mastery[guided]", m, fading ? ">=" : "<", std::clamp(edge, 0.0, 1.0),
                     guidedStage ? "ghost.ceiling,ghost.floor,ghost.step" : "ghost.floor,ghost.fadedFloor,ghost.step",
                     0, 1),
             trace);
}

}  // namespace mimesis
