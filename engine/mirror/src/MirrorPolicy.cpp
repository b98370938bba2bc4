// MirrorPolicy: the decisions of mirror-model.md, each logged with the estimate behind it.
// Sections: helpers · setters · start · per frame (cues, mapping and perspective, rapport).
// The per-trial steps are in MirrorPolicyTrial.cpp and MirrorPolicyFeedback.cpp.
#include "mimesis/mirror/MirrorPolicy.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "PolicyWords.hpp"

namespace mimesis {
namespace {

using policy::because;
using policy::cellLabel;

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
  state_.view = config_.perspective.home;
  state_.ghostOpacity = static_cast<float>(config_.ghost.ceiling);
  // The cue clock starts empty: no cue was issued before the lesson, so none blocks the first.
  cueTimes_.fill(-std::numeric_limits<double>::infinity());
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

// The ghost, lead, view and loop that go with a stage follow from the decision that changed the
// stage, so they carry its cause.
void MirrorPolicy::setStage(double time, Stage to, const DecisionCause& cause, DecisionTrace& trace) {
  if (to == state_.stage) return;
  const Stage from = state_.stage;
  record(time, DecisionKind::Stage, "lesson", std::string(stageName(from)), std::string(stageName(to)),
         cause, trace);
  state_.stage = to;
  state_.message = stageMessage(to);
  trialsInStage_ = 0;
  holdCount_ = 0;
  stepBackCount_ = 0;
  passCount_ = 0;
  const DecisionCause& follow = cause;
  setOpacity(time, opacityFor(to, 0.0), follow, trace);
  setLead(time, stageGuided(to) ? config_.ghost.anticipationLeadMs / 1000.0 : 0.0, follow, trace);
  if (to == Stage::Imagine) setView(time, View::FirstPerson, follow, trace);
  if (from == Stage::Imagine && confusedSince_ < 0.0) setView(time, config_.perspective.home, follow, trace);
  if (!stageGuided(to)) setLoop(time, -1, follow, trace);
}

template <class T>
void MirrorPolicy::setNumber(double time, T& field, T to, T epsilon, DecisionKind kind, const char* subject,
                             int digits, DecisionCause cause, DecisionTrace& trace) {
  if (std::abs(to - field) < epsilon) return;
  record(time, kind, subject, formatFixed(field, digits), formatFixed(to, digits), std::move(cause), trace);
  field = to;
}

void MirrorPolicy::setOpacity(double time, float to, DecisionCause cause, DecisionTrace& trace) {
  setNumber(time, state_.ghostOpacity, to, 1e-6f, DecisionKind::GhostOpacity, "ghost", 2, std::move(cause), trace);
}

void MirrorPolicy::setTempo(double time, float to, DecisionCause cause, DecisionTrace& trace) {
  setNumber(time, state_.tempo, to, 1e-6f, DecisionKind::Tempo, "playback", 2, std::move(cause), trace);
}

void MirrorPolicy::setLead(double time, double to, DecisionCause cause, DecisionTrace& trace) {
  setNumber(time, state_.anticipationLeadSeconds, to, 1e-9, DecisionKind::AnticipationLead, "ghost", 3,
            std::move(cause), trace);
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
  // No trial watched yet: a stage that asks for none is already done.
  if (s.watchTrials <= 0)
    setStage(time, s.imagineTrials > 0 ? Stage::Imagine : Stage::Guided,
             because("trials in stage watch", 0, ">=", s.watchTrials, "stages.watchTrials", 0, policy::kCount), trace);
  if (state_.stage == Stage::Imagine && s.imagineTrials <= 0)
    setStage(time, Stage::Guided,
             because("trials in stage imagine", 0, ">=", s.imagineTrials, "stages.imagineTrials", 0, policy::kCount),
             trace);
}

void MirrorPolicy::resume(double time, const MirrorResume& r, DecisionTrace& trace) {
  if (!r.active) return;
  resumeStage_ = r.stage;
  if (r.retentionTest && r.retentionTrials > 0) {
    retentionPending_ = true;
    retentionNeeded_ = r.retentionTrials;
    retentionDone_ = 0;
    retentionKey_ = r.retentionTrialsKey;
    setStage(time, Stage::Retention, r.retentionCause, trace);
    // Already in Retention (resumed there): the test still starts with fresh counters.
    trialsInStage_ = holdCount_ = stepBackCount_ = passCount_ = 0;
    state_.message = "Welcome back. First, once from memory: no ghost, no hints.";
    return;
  }
  setStage(time, r.stage, r.stageCause, trace);
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
      shown |= !state_.cues[static_cast<std::size_t>(i)].onBody &&
               cellIndex(state_.cues[static_cast<std::size_t>(i)].hand, state_.cues[static_cast<std::size_t>(i)].group) == c;
    if (shown) continue;
    const double excess = est.liveError[cs] / tol;
    if (best < 0 || cuePriorityClass(cellGroup(c)) < cuePriorityClass(cellGroup(best)) ||
        (cuePriorityClass(cellGroup(c)) == cuePriorityClass(cellGroup(best)) && excess > bestExcess)) {
      best = c;
      bestExcess = excess;
    }
  }
  if (best < 0) {
    issueEffectorCue(time, est.segment, tol, est, trace);
    return;
  }
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
  cue.onBody = false;
  cue.hand = cellHand(best);
  cue.group = cellGroup(best);
  cue.message = message;
  cue.issuedAt = time;
  cue.expiresAt = time + q.holdSeconds;
  noteCueIssued(time);
  record(time, DecisionKind::Cue, part, "none", message,
         because("live relative error " + part + " in " + segmentLabel(est.segment), est.liveError[bs], ">", tol,
                 policy::kToleranceKeys, 0, policy::kUnbounded),
         trace);
}

void MirrorPolicy::noteCueIssued(double time) {
  lastCueTime_ = time;
  cueTimes_[static_cast<std::size_t>(cueHead_)] = time;
  cueHead_ = (cueHead_ + 1) % static_cast<int>(cueTimes_.size());
}

void MirrorPolicy::updateRapport(const ObservedFrame& frame, DecisionTrace& trace) {
  if (!config_.rapport.enabled || headRing_.empty()) return;
  const bool watching = frame.stage == Stage::Watch && frame.learner && frame.learner->hasHead &&
                        isFinite(frame.learner->head.orientation);
  headWatchFrames_ = watching ? headWatchFrames_ + 1 : 0;
  if (watching) {
    headHead_ = (headHead_ + headRing_.size() - 1) % headRing_.size();
    headRing_[headHead_] = frame.learner->head.orientation;
    ++headCount_;
    // The delayed head, scaled down by the gain: echoed, kept below notice.
    const std::size_t age = static_cast<std::size_t>(std::min<long>(headCount_ - 1, static_cast<long>(headRing_.size()) - 1));
    const glm::quat delayed = headRing_[(headHead_ + age) % headRing_.size()];
    state_.rapportHead = slerpShortest(glm::quat(1, 0, 0, 0), delayed, static_cast<float>(config_.rapport.gain));
  }
  // The echo starts once the learner's head has been tracked, watching, for the echo's delay
  // (before that there is no delayed head to echo) and stops when that run of frames breaks.
  const double rate = std::clamp(config_.observer.frameRateHz, 1.0, 1000.0);
  const double watchedSeconds = static_cast<double>(headWatchFrames_) / rate;
  const bool want = watching && watchedSeconds >= config_.rapport.delaySeconds;
  if (want != state_.rapportActive) {
    record(frame.time, DecisionKind::Rapport, "facing model head", want ? "off" : "on", want ? "on" : "off",
           because("seconds of tracked head while watching", watchedSeconds, want ? ">=" : "<",
                   config_.rapport.delaySeconds, "rapport.delaySeconds", 0, policy::kUnbounded),
           trace);
    state_.rapportActive = want;
    if (!want) state_.rapportHead = glm::quat(1, 0, 0, 0);
  }
}

// Perspective: a sustained, confident mapping other than the lesson's means left/right
// confusion (mirroring, or the other hand doing the work). The learner is told which hand to
// use, and a first-person ghost on the learner's own hands removes the ambiguity where the
// scene allows the view to change.
void MirrorPolicy::watchMapping(const ObservedFrame& frame, const MirrorObserver& observer, DecisionTrace& trace) {
  const ObserverEstimates& est = observer.estimates();
  const PerspectiveConfig& p = config_.perspective;
  const bool confused = stagePerforms(state_.stage) && est.mapping != p.expected &&
                        est.mappingConfidence >= p.confidence;
  if (!confused) {
    if (state_.view == p.home) confusedSince_ = -1.0;
    return;
  }
  if (confusedSince_ < 0.0) confusedSince_ = frame.time;
  const double held = frame.time - confusedSince_;
  if (held < p.holdSeconds) return;
  const DecisionCause cause =
      because(std::string("mapping confidence (") + std::string(imitationMappingName(est.mapping)) +
                  ", lesson expects " + std::string(imitationMappingName(p.expected)) + ")",
              est.mappingConfidence, ">=", p.confidence, "perspective.confidence", 0, 1);
  if (!mappingWarned_) {
    const std::string advice = mappingAdvice(observer);
    record(frame.time, DecisionKind::MappingHint, "hands", state_.message.empty() ? "none" : state_.message, advice,
           cause, trace);
    state_.message = advice;
    mappingWarned_ = true;
  }
  if (p.switchView && state_.view == View::Facing) setView(frame.time, View::FirstPerson, cause, trace);
}

// The words for a mapping confusion: which hand to move. With one expert hand the learner is
// told the hand; with both, to switch hands.
std::string MirrorPolicy::mappingAdvice(const MirrorObserver& observer) const {
  const bool expectMirror = config_.perspective.expected == ImitationMapping::Mirror;
  const bool left = observer.expertHandShown(Hand::Left), right = observer.expertHandShown(Hand::Right);
  if (left != right) {
    const Hand expert = left ? Hand::Left : Hand::Right;
    const Hand want = expectMirror ? opposite(expert) : expert;
    const std::string hand = std::string(handName(want));
    return expectMirror ? "This lesson is mirror-wise: answer with your " + hand + " hand, as in a mirror."
                        : "You are mirroring: move your " + hand + " hand, the same hand as the teacher's.";
  }
  return expectMirror ? "Switch hands: this lesson is mirror-wise, your left hand answers the teacher's right."
                      : "You are mirroring: switch hands, your right hand copies the teacher's right.";
}

void MirrorPolicy::onFrame(const ObservedFrame& frame, const MirrorObserver& observer, DecisionTrace& trace) {
  trackEffectors(frame);
  issueCues(frame.time, observer, trace);
  watchMapping(frame, observer, trace);
  updateRapport(frame, trace);
}

}  // namespace mimesis
