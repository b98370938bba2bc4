// MirrorPolicy after each trial, what the learner is told: knowledge of results, the
// over-imitation hint, the own best attempt, the "show me" offer and the summary every few
// trials (the order they run in, and the other steps: MirrorPolicyTrial.cpp). Praise and
// criticism are each caused by a measured quantity against a setting (PolicyWords.hpp).
#include <algorithm>
#include <cmath>

#include "PolicyWords.hpp"
#include "mimesis/mirror/MirrorPolicy.hpp"

namespace mimesis {

using policy::because;
using policy::cellLabel;
using policy::kCount;
using policy::kToleranceKeys;
using policy::kUnbounded;
using policy::passScoreKey;

// Knowledge of results: score with its grade (the scorer's bands), the trend, and one next
// focus. Praise only when it is earned: "within your targets" needs the stage's pass score and
// every measured cell inside its tolerance band.
void MirrorPolicy::giveKnowledgeOfResults(double time, double score, const TrialErrors& errors,
                                          const MirrorObserver& observer, DecisionTrace& trace) {
  const double pass = config_.grades.passFor(trialStage_);
  const bool passed = score >= pass;
  std::string trend;
  if (scores_.empty()) {
    trend = "your first result";
  } else {
    const std::size_t n = std::min<std::size_t>(3, scores_.size());
    double recent = 0.0;
    for (std::size_t i = scores_.size() - n; i < scores_.size(); ++i) recent += scores_[i];
    recent /= static_cast<double>(n);
    const double d = score - recent;
    if (d >= config_.feedback.trendPoints) trend = "up " + formatFixed(d, 0) + " on your recent trials";
    else if (d <= -config_.feedback.trendPoints) trend = "down " + formatFixed(-d, 0) + " on your recent trials";
    else trend = "about the same as your recent trials";
  }
  const SkillBank& bank = observer.skill(stageGuided(trialStage_));
  int focusSeg = -1, focusCell = -1;
  double focusMastery = 2.0;
  for (int s = 0; s < layout_.segmentCount(); ++s)
    for (int c = 0; c < kCellsPerSegment; ++c)
      if (bank.observed(s, c)) {
        const double m = bank.at(s, c).mastery(tolerance(s));
        if (m < focusMastery) { focusMastery = m; focusSeg = s; focusCell = c; }
      }
  const std::string grade(gradeName(gradeFor(score, config_.grades.bands)));
  std::string kr = "Trial " + std::to_string(state_.trial + 1) + ": " + formatFixed(std::floor(score), 0) + "/100 (" + grade +
                   "), " + trend + ".";
  const ObserverEstimates& est = observer.estimates();
  const bool confused =
      est.mapping != config_.perspective.expected && est.mappingConfidence >= config_.perspective.confidence;
  if (confused) {
    // The other hand did the work: that, not the tracker or one finger, is the thing to fix.
    kr += " " + mappingAdvice(observer);
  } else if (errors.measured == 0) {
    kr += " Your hands could not be measured in this trial: keep them in the tracker's view.";
  } else if (passed && errors.outside == 0) {
    kr += " Everything is within your targets - nice work.";
  } else {
    kr += passed ? " That passes this stage (" + formatFixed(pass, 0) + ")."
                 : " This stage passes at " + formatFixed(pass, 0) + ".";
    if (focusCell >= 0) kr += " Next, focus on your " + cellLabel(focusCell) + " in " + segmentLabel(focusSeg) + ".";
  }
  record(time, DecisionKind::KnowledgeOfResults, "trial " + std::to_string(state_.trial + 1),
         scores_.empty() ? "none" : formatFixed(scores_.back(), 1), formatFixed(score, 1),
         because("trial score", score, passed ? ">=" : "<", pass, passScoreKey(trialStage_), 0, 100), trace);
  state_.knowledgeOfResults = kr;
}

// Over-imitation: the learner copied a movement marked as not to be copied. One hint per span
// per lesson: a reminder, not a nag.
void MirrorPolicy::hintOverImitation(double time, const MirrorObserver& observer, DecisionTrace& trace) {
  for (const OverImitation& oi : observer.overImitation()) {
    const double v = std::max(oi.index[0], oi.index[1]);
    if (v < config_.observer.overImitationThreshold ||
        std::find(overHinted_.begin(), overHinted_.end(), oi.annotation) != overHinted_.end())
      continue;
    overHinted_.push_back(oi.annotation);
    const Annotation& an = layout_.annotations[static_cast<std::size_t>(oi.annotation)];
    const std::string what = an.text.empty() ? "the movement at " + formatFixed(an.start, 1) + " s" : "'" + an.text + "'";
    record(time, DecisionKind::OverImitation, what, "none", "hint",
           because("over-imitation index of " + what, v, ">=", config_.observer.overImitationThreshold,
                   "observer.overImitationThreshold", 0, 1),
           trace);
    state_.knowledgeOfResults += " You can leave out " + what + " - it is not part of the movement.";
  }
}

// The learner's own best attempt, shown labelled beside the expert: the first trial that passes
// its stage, then any trial that beats it by more than a trend (score noise is not progress).
void MirrorPolicy::noteBestAttempt(double time, double score, DecisionTrace& trace) {
  const double pass = config_.grades.passFor(trialStage_);
  DecisionCause cause;
  if (bestScore_ < 0.0) {
    if (score < pass) return;
    cause = because("trial score", score, ">=", pass, passScoreKey(trialStage_), 0, 100);
  } else {
    const double gain = score - bestScore_;
    if (!(gain > config_.feedback.trendPoints)) return;
    cause = because("trial score above own best", gain, ">", config_.feedback.trendPoints, "feedback.trendPoints",
                    -100, 100);
  }
  record(time, DecisionKind::BestAttempt, "own best attempt",
         state_.bestAttemptTrial >= 0 ? "trial " + std::to_string(state_.bestAttemptTrial + 1) : "none",
         "trial " + std::to_string(state_.trial + 1), cause, trace);
  bestScore_ = score;
  state_.bestAttemptTrial = state_.trial;
}

// "Show me": offered after a quiet moment when something left its band; silence otherwise.
void MirrorPolicy::offerShowMe(double time, const TrialOutcome& outcome, const TrialErrors& e, DecisionTrace& trace) {
  if (e.worstCell >= 0 && e.worstExcess > 1.0) {
    state_.showMe.offered = true;
    state_.showMe.trial = state_.trial;
    state_.showMe.availableAfterSeconds = config_.feedback.showMeDelaySeconds;
    state_.showMe.worstMomentTime = outcome.worstMomentTime;
    state_.showMe.tempo = static_cast<float>(config_.feedback.showMeTempo);
    const int seg = e.worstCell / kCellsPerSegment;
    record(time, DecisionKind::ShowMe, "trial " + std::to_string(state_.trial + 1), "none",
           "offer at " + formatFixed(outcome.worstMomentTime, 2) + " s",
           because("relative error " + cellLabel(e.worstCell % kCellsPerSegment) + " in " + segmentLabel(seg),
                   e.worstErr, ">", tolerance(seg), kToleranceKeys, 0, kUnbounded),
           trace);
  }
  state_.showBestAttempt = state_.bestAttemptTrial >= 0 && performingTrials_ >= 2;
}

// Summary feedback every few trials (more often for complex clips); worded by the grade of the
// average against the stage's pass score.
void MirrorPolicy::maybeSummarise(double time, DecisionTrace& trace) {
  const FeedbackConfig& fb = config_.feedback;
  const bool complex = layout_.segmentCount() >= fb.complexSegments;
  const int every = complex ? fb.summaryEveryComplex : fb.summaryEverySimple;
  if (trialsSinceSummary_ < every) return;
  const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(every), scores_.size());
  if (n == 0) return;
  double sum = 0.0, best = 0.0;
  for (std::size_t i = scores_.size() - n; i < scores_.size(); ++i) {
    sum += scores_[i];
    best = std::max(best, scores_[i]);
  }
  const double mean = sum / static_cast<double>(n);
  const double pass = config_.grades.passFor(trialStage_);
  std::string text = "Last " + std::to_string(n) + " trials: average " + formatFixed(mean, 0) + " (" +
                     std::string(gradeName(gradeFor(mean, config_.grades.bands))) + "), best " + formatFixed(best, 0) + ".";
  text += mean >= pass ? " You are building it step by step."
                       : " Not yet at this stage's pass score of " + formatFixed(pass, 0) + ": one focus at a time.";
  record(time, DecisionKind::Summary, "last " + std::to_string(n) + " trials", "none", text,
         because("performing trials since the last summary", trialsSinceSummary_, ">=", every,
                 complex ? "feedback.summaryEveryComplex" : "feedback.summaryEverySimple", 0, kCount),
         trace);
  state_.message = text;
  trialsSinceSummary_ = 0;
}

}  // namespace mimesis
