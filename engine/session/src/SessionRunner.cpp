// SessionRunner: HandSource frame → ExpertPlayer → LiveScorer → MirrorModel → FeedbackState →
// recorder, trial boundaries, and the offline score that closes each trial.
#include "mimesis/session/SessionRunner.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

#include "mimesis/core/NumberText.hpp"
#include "mimesis/mirror/MirrorJson.hpp"
#include "mimesis/motion/MrecWriter.hpp"
#include "mimesis/scoring/LiveScorer.hpp"
#include "mimesis/scoring/Scorer.hpp"
#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/EffectorErrors.hpp"
#include "mimesis/session/ExpertPlayer.hpp"
#include "mimesis/session/MirrorAdapters.hpp"
#include "TrialResampling.hpp"

namespace mimesis {
namespace {

std::string timeText(double t) { return printfFixed(std::isfinite(t) ? t : 0.0, 6); }

// The learner's hand is measured only if some frame of the trial tracked it usably.
std::optional<BoneLengths> measuredBones(const Clip& learner, Hand hand, double window) {
  for (const Frame& f : learner.frames)
    if (f.hand(hand).usable()) return estimateBoneLengths(learner, hand, window);
  return std::nullopt;
}

// A tracker glitch (a NaN or infinite joint still flagged valid) becomes an untracked joint, so
// it can neither reach the scores nor make the recorder refuse the frame and stop recording.
void dropNonFinite(Frame& f) {
  for (HandPose& h : f.hands)
    for (JointPose& j : h.joints)
      if (j.flags != 0 && (!isFinite(j.pose) || !std::isfinite(j.radius))) j.flags = 0;
  for (JointPose& j : f.body)
    if (j.flags != 0 && !isFinite(j.pose)) j.flags = 0;
  if (f.hasHead && !isFinite(f.head)) f.hasHead = false;
}

// The learner's body in the expert skeleton's shape. Sources deliver it so (recordings are
// matched by joint name when loaded, matchBodySkeleton); a tracker with no body (a headset's
// hands) has none, and then every body joint is untracked rather than the frame refused.
void conformBody(Frame& f, std::size_t joints) {
  if (f.body.size() != joints) f.body.assign(joints, JointPose{});
}

}  // namespace

struct SessionRunner::State {
  const Lesson* lesson = nullptr;
  MirrorModel model;
  ExpertPlayer player;
  std::optional<MrecWriter> recorder;
  Status recorderStatus = okStatus();
  std::optional<LiveScorer> live;
  CellGroupMap cellMap{};
  LiveCellErrors liveErrors{};
  FrameScore lastScore;                      // TrialContext::liveScore
  // Body lessons' end-effector offsets for the mirror model's body cues (EffectorErrors.hpp):
  // against the live scorer's expert (its FrameScore::expertFrame indexes it), each body turned
  // by its own first frame's heading (the learner's once it first has a body).
  bool bodyLesson = false;
  Clip scorerExpert;
  glm::quat expertTurn{1.0f, 0.0f, 0.0f, 0.0f};
  std::optional<glm::quat> learnerTurn;
  LiveEffectorErrors effectorErrors{};
  std::vector<std::string> scoreGroupNames;  // TrialContext::scoreGroupNames
  std::optional<BoneLengths> leftBones, rightBones;
  bool bonesMeasured = false;

  TrialContext context;
  FeedbackState trialStartState;
  bool trialIsRetentionTest = false;
  MirrorResume resume;
  Clip shown;
  Clip learnerFrames;          // this trial's frames, trial clock
  Clip scoredFrames;           // the same on the nominal frame grid (TrialResampling.hpp)
  Frame learnerScratch;
  int trialIndex = 0;
  bool inTrial = false;
  double trialStart = 0.0;

  std::string lastStateJson;
  std::vector<std::string> feedbackLog;
  std::vector<TrialRecord> trials;

  State(const Lesson& l)
      : lesson(&l), model(l.mirror, LessonLayout::fromClip(l.clip)), player(l.clip) {
    for (int j : l.endEffectors.joint) bodyLesson = bodyLesson || (j >= 0 && !l.clip.body.empty());
    if (bodyLesson) expertTurn = bodyPlacement(l.clip.frames.front(), &l.clip.body).orientation;
  }

  // This frame's end-effector offsets into obs (nothing until the learner has a body).
  void measureEffectors(const FrameScore& fs, const Frame& shownExpert, ObservedFrame& obs) {
    const Skeleton& skeleton = lesson->clip.body;
    const int root = bodyRootJoint(learnerScratch, &skeleton);
    const bool hasBody = static_cast<std::size_t>(root) < learnerScratch.body.size() &&
                         learnerScratch.body[static_cast<std::size_t>(root)].positionValid();
    if (!learnerTurn && hasBody) learnerTurn = bodyPlacement(learnerScratch, &skeleton).orientation;
    if (!learnerTurn) return;
    const bool aligned = fs.tracked && fs.expertFrame >= 0 &&
                         static_cast<std::size_t>(fs.expertFrame) < scorerExpert.frames.size();
    const Frame& expertFrame = aligned ? scorerExpert.frames[static_cast<std::size_t>(fs.expertFrame)] : shownExpert;
    liveEffectorErrors({&learnerScratch, root, *learnerTurn}, {&expertFrame, root, expertTurn}, lesson->endEffectors,
                       lesson->mapping, effectorErrors);
    obs.effectorErrors = &effectorErrors;
  }

  void recordEvent(double time, const std::string& kind, const std::string& payload) {
    if (!recorder || !recorderStatus) return;
    Status st = recorder->appendEvent(MrecEvent{time, kind, payload});
    if (!st) recorderStatus = st;
  }

  // Logs the state when it differs from the last logged one (the JSON is the comparison).
  void noteState(double time) {
    std::string json = feedbackStateToJson(model.state());
    if (json == lastStateJson) return;
    feedbackLog.push_back("{\"time\":" + timeText(time) + ",\"state\":" + json + "}");
    recordEvent(time, "feedback", json);
    lastStateJson = std::move(json);
  }
};

Result<SessionRunner> SessionRunner::create(const Lesson& lesson, const SessionOptions& options) {
  if (lesson.clip.frames.size() < 2) return makeError(ErrorCode::BadInput, "the lesson's clip has under two frames", lesson.scenePath);
  SessionRunner r;
  r.s_ = std::make_unique<State>(lesson);
  r.s_->resume = options.resume;
  if (!options.recordingPath.empty()) {
    ClipInfo info;
    info.name = lesson.name + " (learner)";
    info.source = "session";
    info.sourceFormat = "mrec";
    // The expert's body skeleton travels into the recording, so a replay is scored as the session.
    Result<MrecWriter> w = MrecWriter::create(options.recordingPath, info, lesson.clip.rate, lesson.clip.body);
    if (!w) return w.error();
    r.s_->recorder.emplace(std::move(*w));
  }
  return r;
}

SessionRunner::SessionRunner(SessionRunner&&) noexcept = default;
SessionRunner& SessionRunner::operator=(SessionRunner&&) noexcept = default;
SessionRunner::~SessionRunner() = default;

const FeedbackState& SessionRunner::state() const { return s_->model.state(); }
const MirrorModel& SessionRunner::model() const { return s_->model; }
const Lesson& SessionRunner::lesson() const { return *s_->lesson; }
const std::vector<std::string>& SessionRunner::feedbackLog() const { return s_->feedbackLog; }
const std::vector<TrialRecord>& SessionRunner::trials() const { return s_->trials; }
double SessionRunner::frameInterval() const { return 1.0 / s_->lesson->clip.rate; }

void SessionRunner::start(double time) {
  s_->model.start(time);
  s_->model.resume(time, s_->resume);
  s_->noteState(time);
}

const TrialContext& SessionRunner::beginTrial(double time) {
  State& s = *s_;
  const Lesson& lesson = *s.lesson;
  s.trialStartState = s.model.state();
  s.trialIsRetentionTest = s.model.policy().retentionTestPending();
  s.player.beginTrial(s.trialStartState);
  s.shown = s.player.shownClip(lesson.clip.rate);
  s.learnerFrames = Clip{};
  s.learnerFrames.info.name = lesson.name + " trial " + std::to_string(s.trialIndex + 1);
  s.learnerFrames.info.source = "session";
  s.learnerFrames.rate = lesson.clip.rate;
  s.learnerFrames.body = lesson.clip.body;
  s.learnerFrames.frames.reserve(s.shown.frames.size() + 64);
  s.model.beginTrial();

  // A fresh live aligner per trial, against the span shown, with the learner's size if known.
  LiveScorer::Options opts;
  opts.learnerLeft = s.leftBones;
  opts.learnerRight = s.rightBones;
  s.scorerExpert = s.player.spanClip();
  Result<LiveScorer> live = LiveScorer::create(s.scorerExpert, lesson.scoring, opts);
  if (live) {
    s.cellMap = CellGroupMap::fromNames(live->groupNames());
    s.scoreGroupNames = live->groupNames();
    s.live.emplace(std::move(*live));
  } else {
    s.live.reset();
    s.scoreGroupNames.clear();
  }
  s.lastScore = FrameScore{};

  s.context = TrialContext{};
  s.context.trial = s.trialIndex;
  s.context.rate = lesson.clip.rate;
  s.context.guidance = &s.trialStartState;
  s.context.expertShown = &s.shown;
  s.context.expertStart = s.player.spanStart();
  s.context.tempo = s.player.tempo();
  s.context.performs = stagePerforms(s.trialStartState.stage);
  s.inTrial = true;
  s.trialStart = time;
  s.context.startTime = time;
  s.context.liveScore = &s.lastScore;
  s.context.scoreGroupNames = &s.scoreGroupNames;
  s.recordEvent(time, "trial-begin",
                "{\"trial\":" + std::to_string(s.trialIndex) + ",\"stage\":\"" +
                    std::string(stageName(s.trialStartState.stage)) + "\"}");
  return s.context;
}

const FeedbackState& SessionRunner::step(double time, const Frame& learner) {
  State& s = *s_;
  if (!s.inTrial) beginTrial(time);
  const FeedbackState& before = s.model.state();
  // The expert at this frame's own time since the trial began (a late first frame or a missed
  // one shows the expert further on, as time has passed).
  const Frame& expert = s.player.advanceTo(time - s.trialStart, before.tempo, before.anticipationLeadSeconds);

  // The trial's copy on the trial clock (scoring); the recorder's on the session clock.
  s.learnerScratch = learner;
  dropNonFinite(s.learnerScratch);
  conformBody(s.learnerScratch, s.lesson->clip.body.joints.size());
  s.learnerScratch.time = time - s.trialStart;
  const bool increasing = s.learnerFrames.frames.empty() || s.learnerScratch.time > s.learnerFrames.frames.back().time;
  if (increasing) s.learnerFrames.frames.push_back(s.learnerScratch);

  ObservedFrame obs;
  obs.time = time;
  obs.expertTime = s.player.shownTime();
  obs.expert = &expert;
  obs.learner = &learner;
  obs.stage = before.stage;
  obs.ghostOpacity = before.ghostOpacity;
  obs.tempo = before.tempo;
  if (s.live && increasing) {
    const FrameScore& fs = s.live->push(s.learnerScratch);
    s.lastScore = fs;
    liveCellErrorsFromFrameScore(fs, s.cellMap, s.lesson->mirror.observer, s.liveErrors);
    obs.liveErrors = &s.liveErrors;
    if (s.bodyLesson) s.measureEffectors(fs, expert, obs);
  }
  s.model.update(obs);

  if (s.recorder && s.recorderStatus) {
    s.learnerScratch.time = time;
    Status st = s.recorder->appendFrame(s.learnerScratch);
    if (!st) s.recorderStatus = st;
  }
  s.noteState(time);
  return s.model.state();
}

Result<TrialRecord> SessionRunner::endTrial(double time) {
  State& s = *s_;
  const Lesson& lesson = *s.lesson;
  if (!s.inTrial) beginTrial(time);
  const FeedbackState& st0 = s.trialStartState;
  TrialRecord rec;
  rec.trial = s.trialIndex;
  rec.stage = st0.stage;
  rec.performed = stagePerforms(st0.stage);
  rec.guided = stageGuided(st0.stage) && st0.ghostOpacity > 0.0f;
  rec.ghostOpacity = st0.ghostOpacity;
  rec.tempo = st0.tempo;
  rec.loopedSegment = s.player.spanSegment();
  if (rec.loopedSegment >= 0) rec.loopedSegmentName = lesson.clip.segments[static_cast<std::size_t>(rec.loopedSegment)].name;
  rec.view = st0.view;
  rec.startTime = s.trialStart;
  rec.endTime = time;
  rec.frames = static_cast<int>(s.learnerFrames.frames.size());

  std::optional<TrialOutcome> outcome;
  if (!rec.performed) {
    rec.scoreNote = "not performed (the learner watches)";
  } else if (s.learnerFrames.frames.size() < 2) {
    rec.scoreNote = "too few frames to score";
  } else {
    // On the nominal grid at the frames' real times (a no-op for the virtual clock).
    resampleTrial(s.learnerFrames, lesson.clip.rate, s.scoredFrames);
    Result<ScoreReport> report = scorePerformance(s.player.spanClip(), s.scoredFrames, lesson.scoring);
    if (!report) {
      rec.scoreNote = report.error().describe();
    } else {
      TrialFacts facts;
      facts.trial = rec.trial;
      facts.stage = rec.stage;
      facts.guided = rec.guided;
      const LessonLayout layout = LessonLayout::fromClip(lesson.clip);
      facts.segmentCount = layout.segmentCount();
      for (const Segment& seg : layout.segments) facts.segmentNames.push_back(seg.name);
      facts.loopedSegment = rec.loopedSegment;
      facts.spanStart = s.player.spanStart();
      facts.tempo = s.player.tempo();
      outcome = trialOutcomeFromReport(*report, facts, lesson.mirror.observer);
      rec.scored = true;
      JsonOptions jo;
      jo.indent = -1;
      rec.reportJson = toJson(*report, jo);
    }
  }
  const double shownFrames = static_cast<double>(s.shown.frames.size());
  const double performedFraction = shownFrames > 0.0 ? std::min(1.0, rec.frames / shownFrames) : 1.0;
  s.model.endTrial(time, outcome ? &*outcome : nullptr, performedFraction);
  rec.cutShort = s.model.policy().cutShort(s.model.lastOutcome());
  rec.delayedRetention = s.trialIsRetentionTest;
  rec.score = outcome ? outcome->score : s.model.lastOutcome().score;
  rec.knowledgeOfResults = s.model.state().knowledgeOfResults;

  // The learner's size, from the first performed trial that tracked the hands.
  if (rec.performed && !s.bonesMeasured) {
    s.leftBones = measuredBones(s.learnerFrames, Hand::Left, lesson.scoring.boneWindowSeconds);
    s.rightBones = measuredBones(s.learnerFrames, Hand::Right, lesson.scoring.boneWindowSeconds);
    if (s.leftBones || s.rightBones) {
      s.bonesMeasured = true;
      s.player.setLearnerBones(s.leftBones, s.rightBones);
    }
  }
  s.recordEvent(time, "trial-end",
                "{\"trial\":" + std::to_string(rec.trial) + ",\"score\":" + formatFixed(rec.score, 2) + "}");
  s.noteState(time);
  s.trials.push_back(rec);
  s.inTrial = false;
  ++s.trialIndex;
  if (!s.recorderStatus) return s.recorderStatus.error();
  return rec;
}

Status SessionRunner::finish() {
  State& s = *s_;
  if (s.recorder) {
    Status st = s.recorder->close();
    if (s.recorderStatus && !st) s.recorderStatus = st;
  }
  return s.recorderStatus;
}

}  // namespace mimesis
