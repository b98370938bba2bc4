// MirrorPolicy: the decisions of mirror-model.md, each logged with the estimate behind it.
// Sections: helpers · start · per frame (cues, perspective, rapport) · per trial (knowledge of
// results, best attempt, show me, tolerance, stages, part practice, tempo, ghost, summary).
#include "mimesis/mirror/MirrorPolicy.hpp"

#include <algorithm>
#include <cmath>

namespace mimesis {
namespace {

DecisionCause because(std::string estimate, double value, const char* cmp, double threshold) {
  return DecisionCause{std::move(estimate), value, cmp, threshold};
}

std::string cellLabel(int cell) {
  return std::string(handName(cellHand(cell))) + " " + std::string(handGroupName(cellGroup(cell)));
}

// End-effectors first (mirror-model.md: fingertips and wrist): the wrist, index and thumb lead.
int cuePriorityClass(HandGroup g) {
  return (g == HandGroup::WristPalm || g == HandGroup::Index || g == HandGroup::Thumb) ? 0 : 1;
}

std::string stageMessage(Stage s) {
  switch (s) {
    case Stage::Watch: return "Watch the movement first - no need to move yet.";
    case Stage::Imagine: return "Now imagine doing it yourself, seen from your own eyes.";
    case Stage::Guided: return "Your turn: move along with the ghost hands.";
    case Stage::Faded: return "Great progress - the ghost is getting lighter.";
    case Stage::Solo: return "You are ready to try it on your own.";
    case Stage::Retention: return "Well done. One more time from memory.";
  }
  return {};
}

}  // namespace

MirrorPolicy::MirrorPolicy(const MirrorConfig& config, const LessonLayout& layout)
    : config_(config), layout_(layout) {
  tolerance_.assign(static_cast<std::size_t>(layout_.segmentCount()), config_.tolerance.initial);
  scores_.reserve(256);
  const double rate = std::clamp(config_.observer.frameRateHz, 1.0, 1000.0);
  const std::size_t ring = static_cast<std::size_t>(std::clamp(config_.rapport.delaySeconds, 0.0, 30.0) * rate) + 1;
  if (config_.rapport.enabled) headRing_.assign(ring, glm::quat(1, 0, 0, 0));
  state_.tempo = 1.0f;
  state_.ghostOpacity = static_cast<float>(config_.ghost.ceiling);
}

double MirrorPolicy::tolerance(int segment) const {
  if (segment < 0 || segment >= static_cast<int>(tolerance_.size())) return config_.tolerance.initial;
  return tolerance_[static_cast<std::size_t>(segment)];
}

double MirrorPolicy::segmentMastery(const MirrorObserver& observer, bool guided, int segment) const {
  const SkillBank& bank = observer.skill(guided);
  double sum = 0.0;
  int n = 0;
  for (int c = 0; c < kCellsPerSegment; ++c)
    if (bank.observed(segment, c)) {
      sum += bank.at(segment, c).mastery(tolerance(segment));
      ++n;
    }
  return n ? sum / n : 0.0;
}

double MirrorPolicy::meanMastery(const MirrorObserver& observer, bool guided) const {
  const SkillBank& bank = observer.skill(guided);
  double sum = 0.0;
  int n = 0;
  for (int s = 0; s < bank.segments(); ++s)
    for (int c = 0; c < kCellsPerSegment; ++c)
      if (bank.observed(s, c)) {
        sum += bank.at(s, c).mastery(tolerance(s));
        ++n;
      }
  return n ? sum / n : 0.0;
}

std::string MirrorPolicy::segmentLabel(int segment) const {
  if (layout_.segments.empty() || segment < 0 || segment >= static_cast<int>(layout_.segments.size()))
    return "the whole movement";
  return "segment '" + layout_.segments[static_cast<std::size_t>(segment)].name + "'";
}

void MirrorPolicy::record(double time, DecisionKind kind, std::string subject, std::string from,
                          std::string to, DecisionCause cause, DecisionTrace& trace) const {
  Decision d;
  d.time = time;
  d.trial = state_.trial;
  d.kind = kind;
  d.subject = std::move(subject);
  d.from = std::move(from);
  d.to = std::move(to);
  d.cause = std::move(cause);
  trace.add(std::move(d));
}

float MirrorPolicy::opacityFor(Stage s, double mastery) const {
  const GhostConfig& g = config_.ghost;
  double v = 0.0;
  switch (s) {
    case Stage::Watch:
    case Stage::Imagine: v = g.ceiling; break;
    case Stage::Guided: v = g.ceiling - (g.ceiling - g.floor) * std::clamp(mastery, 0.0, 1.0); break;
    case Stage::Faded: v = g.floor - (g.floor - g.fadedFloor) * std::clamp(mastery, 0.0, 1.0); break;
    case Stage::Solo:
    case Stage::Retention: return 0.0f;
  }
  // Quantised so that the ghost does not flicker and the trace stays short.
  v = std::round(v / g.step) * g.step;
  return static_cast<float>(std::clamp(v, 0.0, 1.0));
}

void MirrorPolicy::setStage(double time, Stage to, DecisionCause cause, DecisionTrace& trace) {
  if (to == state_.stage) return;
  const Stage from = state_.stage;
  record(time, DecisionKind::Stage, "lesson", std::string(stageName(from)), std::string(stageName(to)),
         cause, trace);
  state_.stage = to;
  state_.message = stageMessage(to);
  trialsInStage_ = 0;
  holdCount_ = 0;
  stepBackCount_ = 0;
  const DecisionCause follow = because(std::string("stage ") + std::string(stageName(to)), static_cast<double>(to), "==",
                                       static_cast<double>(to));
  setOpacity(time, opacityFor(to, 0.0), follow, trace);
  setLead(time, stageGuided(to) ? config_.ghost.anticipationLeadMs / 1000.0 : 0.0, follow, trace);
  if (to == Stage::Imagine) setView(time, View::FirstPerson, follow, trace);
  if (from == Stage::Imagine && confusedSince_ < 0.0) setView(time, View::Facing, follow, trace);
  if (!stageGuided(to)) setLoop(time, -1, follow, trace);
}

void MirrorPolicy::setOpacity(double time, float to, DecisionCause cause, DecisionTrace& trace) {
  if (std::abs(to - state_.ghostOpacity) < 1e-6f) return;
  record(time, DecisionKind::GhostOpacity, "ghost", formatFixed(state_.ghostOpacity, 2),
         formatFixed(to, 2), std::move(cause), trace);
  state_.ghostOpacity = to;
}

void MirrorPolicy::setTempo(double time, float to, DecisionCause cause, DecisionTrace& trace) {
  if (std::abs(to - state_.tempo) < 1e-6f) return;
  record(time, DecisionKind::Tempo, "playback", formatFixed(state_.tempo, 2), formatFixed(to, 2),
         std::move(cause), trace);
  state_.tempo = to;
}

void MirrorPolicy::setLead(double time, double to, DecisionCause cause, DecisionTrace& trace) {
  if (std::abs(to - state_.anticipationLeadSeconds) < 1e-9) return;
  record(time, DecisionKind::AnticipationLead, "ghost", formatFixed(state_.anticipationLeadSeconds, 3),
         formatFixed(to, 3), std::move(cause), trace);
  state_.anticipationLeadSeconds = to;
}

void MirrorPolicy::setView(double time, View to, DecisionCause cause, DecisionTrace& trace) {
  if (to == state_.view) return;
  record(time, DecisionKind::Perspective, "view", std::string(viewName(state_.view)),
         std::string(viewName(to)), std::move(cause), trace);
  state_.view = to;
}

void MirrorPolicy::setLoop(double time, int to, DecisionCause cause, DecisionTrace& trace) {
  if (to == state_.loopedSegment) return;
  record(time, DecisionKind::LoopSegment, to >= 0 ? segmentLabel(to) : segmentLabel(state_.loopedSegment),
         state_.loopedSegment >= 0 ? "loop" : "whole", to >= 0 ? "loop" : "whole", std::move(cause), trace);
  state_.loopedSegment = to;
  loopTrials_ = 0;
  if (to < 0) loopCooldown_ = config_.partPractice.cooldownTrials;
}

void MirrorPolicy::start(double time, DecisionTrace& trace) {
  const StageConfig& s = config_.stages;
  state_.stage = Stage::Watch;
  state_.message = stageMessage(Stage::Watch);
  state_.ghostOpacity = opacityFor(Stage::Watch, 0.0);
  if (s.watchTrials <= 0)
    setStage(time, s.imagineTrials > 0 ? Stage::Imagine : Stage::Guided,
             because("stages.watchTrials", s.watchTrials, "<=", 0), trace);
  if (state_.stage == Stage::Imagine && s.imagineTrials <= 0)
    setStage(time, Stage::Guided, because("stages.imagineTrials", s.imagineTrials, "<=", 0), trace);
}

// ---------------------------------------------------------------------------------------------
// Per frame

void MirrorPolicy::issueCues(double time, const MirrorObserver& observer, DecisionTrace& trace) {
  const CueConfig& q = config_.cues;
  // Expire old cues (keep order: the oldest first).
  int kept = 0;
  for (int i = 0; i < state_.cueCount; ++i)
    if (state_.cues[static_cast<std::size_t>(i)].expiresAt > time)
      state_.cues[static_cast<std::size_t>(kept++)] = std::move(state_.cues[static_cast<std::size_t>(i)]);
  state_.cueCount = kept;
  const ObserverEstimates& est = observer.estimates();
  // Concurrent cues only while the ghost guides, never in do-not-copy spans.
  if (!stageGuided(state_.stage) || est.segment < 0 || est.inDoNotCopy) return;
  const int maxActive = std::min(q.maxActive, kMaxCues);
  if (state_.cueCount >= maxActive || time - lastCueTime_ < q.minIntervalSeconds) return;
  const int ring = static_cast<int>(cueTimes_.size());
  const int cap = std::min(q.maxPerMinute, ring);
  int lastMinute = 0;
  for (int i = 0; i < cap; ++i)
    if (cueTimes_[static_cast<std::size_t>((cueHead_ + ring - 1 - i) % ring)] > time - 60.0) ++lastMinute;
  if (lastMinute >= q.maxPerMinute) return;

  const double tol = tolerance(est.segment);
  int best = -1;
  double bestExcess = 0.0;
  for (int c = 0; c < kCellsPerSegment; ++c) {
    const std::size_t cs = static_cast<std::size_t>(c);
    if (!est.liveValid[cs] || !(est.liveError[cs] > tol)) continue;  // silence inside the band
    bool shown = false;
    for (int i = 0; i < state_.cueCount; ++i)
      shown |= cellIndex(state_.cues[static_cast<std::size_t>(i)].hand, state_.cues[static_cast<std::size_t>(i)].group) == c;
    if (shown) continue;
    const double excess = est.liveError[cs] / tol;
    if (best < 0 || cuePriorityClass(cellGroup(c)) < cuePriorityClass(cellGroup(best)) ||
        (cuePriorityClass(cellGroup(c)) == cuePriorityClass(cellGroup(best)) && excess > bestExcess)) {
      best = c;
      bestExcess = excess;
    }
  }
  if (best < 0) return;
  const std::size_t bs = static_cast<std::size_t>(best);
  const Resonance& r = est.cell[bs];
  const std::string part = cellLabel(best);
  std::string message;
  if (r.valid && r.gain < q.gainLow) message = "Make the " + part + " movement a little bigger";
  else if (r.valid && r.gain > q.gainHigh) message = "A little smaller with the " + part;
  else if (r.valid && r.lagMs > q.lagMs) message = "Try moving the " + part + " a little earlier";
  else message = "Follow the ghost's " + std::string(handGroupName(cellGroup(best))) + " with your " +
                 std::string(handName(cellHand(best))) + " hand";
  Cue& cue = state_.cues[static_cast<std::size_t>(state_.cueCount++)];
  cue.hand = cellHand(best);
  cue.group = cellGroup(best);
  cue.message = message;
  cue.issuedAt = time;
  cue.expiresAt = time + q.holdSeconds;
  lastCueTime_ = time;
  cueTimes_[static_cast<std::size_t>(cueHead_)] = time;
  cueHead_ = (cueHead_ + 1) % ring;
  record(time, DecisionKind::Cue, part, "none", message,
         because("live relative error " + part + " in " + segmentLabel(est.segment), est.liveError[bs], ">", tol),
         trace);
}

void MirrorPolicy::updateRapport(const ObservedFrame& frame, DecisionTrace& trace) {
  if (!config_.rapport.enabled || headRing_.empty()) return;
  const bool want = frame.stage == Stage::Watch && frame.learner && frame.learner->hasHead &&
                    isFinite(frame.learner->head.orientation);
  if (want) {
    headHead_ = (headHead_ + headRing_.size() - 1) % headRing_.size();
    headRing_[headHead_] = frame.learner->head.orientation;
    ++headCount_;
    // The delayed head, scaled down by the gain: echoed, kept below notice.
    const std::size_t age = std::min<std::size_t>(headRing_.size() - 1, static_cast<std::size_t>(headCount_ - 1));
    const glm::quat delayed = headRing_[(headHead_ + age) % headRing_.size()];
    state_.rapportHead = slerpShortest(glm::quat(1, 0, 0, 0), delayed, static_cast<float>(config_.rapport.gain));
  }
  if (want != state_.rapportActive) {
    record(frame.time, DecisionKind::Rapport, "facing model head", want ? "off" : "on", want ? "on" : "off",
           because("rapport.enabled and stage watch", want ? 1.0 : 0.0, "==", 1.0), trace);
    state_.rapportActive = want;
    if (!want) state_.rapportHead = glm::quat(1, 0, 0, 0);
  }
}

void MirrorPolicy::onFrame(const ObservedFrame& frame, const MirrorObserver& observer, DecisionTrace& trace) {
  issueCues(frame.time, observer, trace);
  // Perspective: a sustained, confident mapping other than the lesson's means left/right
  // confusion; a first-person ghost on the learner's own hands removes it.
  const ObserverEstimates& est = observer.estimates();
  const PerspectiveConfig& p = config_.perspective;
  const bool confused = stagePerforms(state_.stage) && est.mapping != p.expected &&
                        est.mappingConfidence >= p.confidence;
  if (!confused) {
    if (state_.view == View::Facing) confusedSince_ = -1.0;
  } else {
    if (confusedSince_ < 0.0) confusedSince_ = frame.time;
    if (frame.time - confusedSince_ >= p.holdSeconds && state_.view == View::Facing)
      setView(frame.time, View::FirstPerson,
              because(std::string("mapping confidence (") + std::string(imitationMappingName(est.mapping)) +
                          ", lesson expects " + std::string(imitationMappingName(p.expected)) + ")",
                      est.mappingConfidence, ">=", p.confidence),
              trace);
  }
  updateRapport(frame, trace);
}

// ---------------------------------------------------------------------------------------------
// Per trial

void MirrorPolicy::onTrial(double time, const TrialOutcome& outcome, const MirrorObserver& observer,
                           DecisionTrace& trace) {
  const StageConfig& sc = config_.stages;
  const Stage stage = state_.stage;
  ++trialsInStage_;
  state_.showMe = ShowMeOffer{};
  // Cues belong to the trial that raised them.
  state_.cueCount = 0;

  if (!stagePerforms(stage)) {
    const int need = stage == Stage::Watch ? sc.watchTrials : sc.imagineTrials;
    if (trialsInStage_ >= need) {
      Stage next = stage == Stage::Watch ? Stage::Imagine : Stage::Guided;
      if (next == Stage::Imagine && sc.imagineTrials <= 0) next = Stage::Guided;
      setStage(time, next, because(std::string("trials in stage ") + std::string(stageName(stage)), trialsInStage_, ">=", need),
               trace);
    }
    ++state_.trial;
    return;
  }

  ++performingTrials_;
  const bool guided = stageGuided(stage);
  const int segments = layout_.segmentCount();
  // Per segment mean errors of this trial and the worst measured cell.
  std::vector<double> segErr(static_cast<std::size_t>(segments), 0.0);
  std::vector<int> segN(static_cast<std::size_t>(segments), 0);
  double errSum = 0.0, worstExcess = 0.0, worstErr = 0.0;
  int errN = 0, worstCell = -1;
  for (int s = 0; s < segments; ++s)
    for (int c = 0; c < kCellsPerSegment; ++c) {
      const std::size_t k = static_cast<std::size_t>(s * kCellsPerSegment + c);
      if (k >= outcome.cells.size() || !outcome.cells[k].measured) continue;
      const double e = outcome.cells[k].relError;
      segErr[static_cast<std::size_t>(s)] += e;
      ++segN[static_cast<std::size_t>(s)];
      errSum += e;
      ++errN;
      if (e / tolerance(s) > worstExcess) {
        worstExcess = e / tolerance(s);
        worstErr = e;
        worstCell = s * kCellsPerSegment + c;
      }
    }
  for (int s = 0; s < segments; ++s)
    if (segN[static_cast<std::size_t>(s)]) segErr[static_cast<std::size_t>(s)] /= segN[static_cast<std::size_t>(s)];
  const double trialErr = errN ? errSum / errN : 0.0;

  // Knowledge of results: score, trend, one next focus, positively worded.
  const double score = std::clamp(outcome.score, 0.0, 100.0);
  std::string trend;
  if (scores_.empty()) {
    trend = "a first result to build on";
  } else {
    const std::size_t n = std::min<std::size_t>(3, scores_.size());
    double recent = 0.0;
    for (std::size_t i = scores_.size() - n; i < scores_.size(); ++i) recent += scores_[i];
    recent /= static_cast<double>(n);
    const double d = score - recent;
    if (d >= config_.feedback.trendPoints) trend = "up " + formatFixed(d, 0) + " on your recent trials";
    else if (d <= -config_.feedback.trendPoints) trend = "a little below your recent trials - keep going";
    else trend = "steady";
  }
  const SkillBank& bank = observer.skill(guided);
  int focusSeg = -1, focusCell = -1;
  double focusMastery = 2.0;
  for (int s = 0; s < segments; ++s)
    for (int c = 0; c < kCellsPerSegment; ++c)
      if (bank.observed(s, c)) {
        const double m = bank.at(s, c).mastery(tolerance(s));
        if (m < focusMastery) { focusMastery = m; focusSeg = s; focusCell = c; }
      }
  std::string kr = "Trial " + std::to_string(state_.trial + 1) + ": " + formatFixed(score, 0) + "/100, " + trend + ".";
  if (focusCell >= 0 && focusMastery < sc.advanceMastery)
    kr += " Next, focus on your " + cellLabel(focusCell) + " in " + segmentLabel(focusSeg) + ".";
  else
    kr += " Everything is within your targets - nice work.";
  record(time, DecisionKind::KnowledgeOfResults, "trial " + std::to_string(state_.trial + 1),
         scores_.empty() ? "none" : formatFixed(scores_.back(), 1), formatFixed(score, 1),
         focusCell >= 0 ? because("mastery " + cellLabel(focusCell) + " in " + segmentLabel(focusSeg) + " (lowest)",
                                  focusMastery, focusMastery < sc.advanceMastery ? "<" : ">=", sc.advanceMastery)
                        : because("trial score", score, ">=", 0.0),
         trace);
  // Over-imitation: the learner copied a movement marked as not to be copied.
  for (const OverImitation& oi : observer.overImitation()) {
    const double v = std::max(oi.index[0], oi.index[1]);
    // One hint per span per lesson: a reminder, not a nag.
    if (v < config_.observer.overImitationThreshold ||
        std::find(overHinted_.begin(), overHinted_.end(), oi.annotation) != overHinted_.end())
      continue;
    overHinted_.push_back(oi.annotation);
    const Annotation& an = layout_.annotations[static_cast<std::size_t>(oi.annotation)];
    const std::string what = an.text.empty() ? "the movement at " + formatFixed(an.start, 1) + " s" : "'" + an.text + "'";
    record(time, DecisionKind::OverImitation, what, "none", "hint",
           because("over-imitation index of " + what, v, ">=", config_.observer.overImitationThreshold), trace);
    kr += " Good eye! You can leave out " + what + " - it is not part of the movement.";
  }
  state_.knowledgeOfResults = kr;
  scores_.push_back(score);

  // The learner's own best attempt, shown labelled beside the expert.
  if (score > bestScore_) {
    record(time, DecisionKind::BestAttempt, "own best attempt",
           state_.bestAttemptTrial >= 0 ? "trial " + std::to_string(state_.bestAttemptTrial + 1) : "none",
           "trial " + std::to_string(state_.trial + 1), because("trial score", score, ">", bestScore_ < 0 ? 0.0 : bestScore_), trace);
    bestScore_ = score;
    state_.bestAttemptTrial = state_.trial;
  }
  state_.showBestAttempt = state_.bestAttemptTrial >= 0 && performingTrials_ >= 2;

  // "Show me": offered after a quiet moment when something left its band; silence otherwise.
  if (worstCell >= 0 && worstExcess > 1.0) {
    state_.showMe.offered = true;
    state_.showMe.trial = state_.trial;
    state_.showMe.availableAfterSeconds = config_.feedback.showMeDelaySeconds;
    state_.showMe.worstMomentTime = outcome.worstMomentTime;
    state_.showMe.tempo = static_cast<float>(config_.feedback.showMeTempo);
    record(time, DecisionKind::ShowMe, "trial " + std::to_string(state_.trial + 1), "none",
           "offer at " + formatFixed(outcome.worstMomentTime, 2) + " s",
           because("relative error " + cellLabel(worstCell % kCellsPerSegment) + " in " +
                       segmentLabel(worstCell / kCellsPerSegment),
                   worstErr, ">", tolerance(worstCell / kCellsPerSegment)),
           trace);
  }

  // Tolerance bands narrow as mastery grows.
  const ToleranceConfig& tc = config_.tolerance;
  for (int s = 0; s < segments; ++s) {
    const double m = segmentMastery(observer, guided, s);
    double& tol = tolerance_[static_cast<std::size_t>(s)];
    if (m >= tc.narrowAtMastery && tol > tc.final + 1e-9) {
      const double to = std::max(tc.final, tol * tc.narrowFactor);
      record(time, DecisionKind::Tolerance, segmentLabel(s), formatFixed(tol, 3), formatFixed(to, 3),
             because("mastery " + segmentLabel(s), m, ">=", tc.narrowAtMastery), trace);
      tol = to;
    }
  }

  // Stages: advance when mastery holds K trials; step back when unguided error far exceeds
  // the guided level (dependence on guidance). Success is judged on unguided trials only.
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
  holdCount_ = mastery >= sc.advanceMastery ? holdCount_ + 1 : 0;
  bool changed = false;
  if (!guided && guidedLevel > 0.0) {
    const double ratio = trialErr / guidedLevel;
    stepBackCount_ = ratio > sc.stepBackRatio ? stepBackCount_ + 1 : 0;
    if (stepBackCount_ >= sc.stepBackTrials) {
      setStage(time, stage == Stage::Solo ? Stage::Faded : Stage::Solo,
               because("unguided error / guided error", ratio, ">", sc.stepBackRatio), trace);
      changed = true;
    }
  }
  if (!changed && holdCount_ >= sc.advanceTrials) {
    const DecisionCause cause = because(std::string("mastery[") + (guided ? "guided" : "unguided") +
                                            "] held for " + std::to_string(holdCount_) + " trials",
                                        mastery, ">=", sc.advanceMastery);
    if (stage == Stage::Retention) {
      if (!state_.lessonComplete)
        record(time, DecisionKind::Stage, "lesson", "in progress", "complete", cause, trace);
      state_.lessonComplete = true;
    } else {
      setStage(time, static_cast<Stage>(static_cast<int>(stage) + 1), cause, trace);
      changed = true;
    }
  }

  // Part practice: loop the segment whose mastery lags far behind, then reintegrate.
  const PartPracticeConfig& pp = config_.partPractice;
  if (!changed && stageGuided(state_.stage) && segments >= pp.minSegments) {
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
      if (gap <= pp.reintegrateGap)
        setLoop(time, -1, because("mastery gap of " + segmentLabel(s), gap, "<=", pp.reintegrateGap), trace);
      else if (loopTrials_ >= pp.maxTrials)
        setLoop(time, -1, because("looped trials of " + segmentLabel(s), loopTrials_, ">=", pp.maxTrials), trace);
    } else if (loopCooldown_ > 0) {
      --loopCooldown_;
    } else if (performingTrials_ >= pp.minTrials) {
      int worst = 0;
      for (int s = 1; s < segments; ++s)
        if (m[static_cast<std::size_t>(s)] < m[static_cast<std::size_t>(worst)]) worst = s;
      const double gap = othersMean(worst) - m[static_cast<std::size_t>(worst)];
      if (gap >= pp.gap)
        setLoop(time, worst, because("mastery gap of " + segmentLabel(worst), gap, ">=", pp.gap), trace);
    }
  }

  // Tempo: slower when the learner trails or errs on fast segments; back toward 1 with mastery.
  const TempoConfig& tp = config_.tempo;
  if (stagePerforms(state_.stage)) {
    double maxSpeed = 0.0;
    for (int s = 0; s < segments; ++s) maxSpeed = std::max(maxSpeed, observer.segmentSpeed(s));
    int fastWorst = -1;
    for (int s = 0; s < segments; ++s) {
      const bool fast = maxSpeed <= 0.0 || observer.segmentSpeed(s) >= tp.fastSegmentFraction * maxSpeed;
      if (fast && segN[static_cast<std::size_t>(s)] &&
          (fastWorst < 0 || segErr[static_cast<std::size_t>(s)] > segErr[static_cast<std::size_t>(fastWorst)]))
        fastWorst = s;
    }
    const double lag = outcome.lagKnown ? outcome.meanLagMs : 0.0;
    const float down = static_cast<float>(std::max(tp.floor, state_.tempo - tp.stepDown));
    const float up = static_cast<float>(std::min(1.0, state_.tempo + tp.stepUp));
    if (outcome.lagKnown && lag > tp.lagHighMs)
      setTempo(time, down, because("trial lag ms", lag, ">", tp.lagHighMs), trace);
    else if (fastWorst >= 0 && segErr[static_cast<std::size_t>(fastWorst)] > tp.errorHigh)
      setTempo(time, down, because("relative error on fast " + segmentLabel(fastWorst),
                                   segErr[static_cast<std::size_t>(fastWorst)], ">", tp.errorHigh), trace);
    else if (state_.tempo < 1.0f && mastery >= tp.upMastery)
      setTempo(time, up, because(std::string("mastery[") + (guided ? "guided" : "unguided") + "]", mastery, ">=", tp.upMastery),
               trace);
  }

  // Ghost opacity fades with mastery between its ceiling and floor (0 without guidance).
  if (!changed && stageGuided(state_.stage)) {
    const double m = meanMastery(observer, true);
    setOpacity(time, opacityFor(state_.stage, m), because("mastery[guided]", m, ">=", 0.0), trace);
  }

  // Summary feedback every few trials (more often for complex clips).
  const FeedbackConfig& fb = config_.feedback;
  const int every = segments >= fb.complexSegments ? fb.summaryEveryComplex : fb.summaryEverySimple;
  if (performingTrials_ % every == 0) {
    const std::size_t n = std::min<std::size_t>(static_cast<std::size_t>(every), scores_.size());
    double sum = 0.0, best = 0.0;
    for (std::size_t i = scores_.size() - n; i < scores_.size(); ++i) {
      sum += scores_[i];
      best = std::max(best, scores_[i]);
    }
    const std::string text = "Last " + std::to_string(n) + " trials: average " + formatFixed(sum / n, 0) +
                             ", best " + formatFixed(best, 0) + ". You are building it step by step.";
    record(time, DecisionKind::Summary, "last " + std::to_string(n) + " trials", "none", text,
           because("performing trials since last summary", every, ">=", every), trace);
    state_.message = text;
  }
  (void)trialErr;
  ++state_.trial;
}

}  // namespace mimesis
