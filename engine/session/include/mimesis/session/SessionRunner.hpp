// SessionRunner: the one pipeline every front end shares. Each frame: the learner's frame in,
// the expert shown (ExpertPlayer), live scoring (LiveScorer), the mirror model's update, the
// FeedbackState out, and the recorder. At the end of each trial an offline ScoreReport of the
// trial's frames against the expert span feeds the mirror model's endTrial.
// Deterministic: the same lesson and the same frames give identical states, traces and bytes.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/MirrorModel.hpp"
#include "mimesis/session/HandSource.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {

struct SessionOptions {
  // The session recording (.mrec): learner frames on the session clock plus one "feedback"
  // event (FeedbackState JSON) per change and "trial" events. Empty: no recording.
  std::string recordingPath;
  // A returning learner's starting point (engine/progress); inactive: a fresh lesson.
  MirrorResume resume;
};

// What happened in one trial (filled by endTrial).
struct TrialRecord {
  int trial = 0;
  Stage stage = Stage::Watch;     // the stage the trial was performed in
  bool guided = false;            // the ghost was shown while performing
  bool performed = false;         // stagePerforms(stage)
  float ghostOpacity = 0.0f;      // as shown at the trial's start
  float tempo = 1.0f;
  int loopedSegment = -1;
  std::string loopedSegmentName;  // empty: the whole clip
  View view = View::Facing;
  double startTime = 0.0, endTime = 0.0;  // session seconds
  int frames = 0;
  // The learner's frames covered under mirror.feedback.cutShortFraction of the frames shown:
  // marked, and not scored as a full trial by the mirror model (nor counted in stage passes).
  bool cutShort = false;
  bool delayedRetention = false;  // a returning learner's delayed-retention test (no ghost, no cues)
  bool scored = false;            // an offline ScoreReport fed the mirror model
  double score = 0.0;             // the report's score, else the mirror model's own
  std::string reportJson;         // toJson(ScoreReport), one line; empty when not scored
  std::string scoreNote;          // why there is no report (not performed, too short, ...)
  std::string knowledgeOfResults; // the coach's line after the trial
};

class SessionRunner {
 public:
  // `lesson` is borrowed and must outlive the runner. Fails if the recording cannot be created.
  static Result<SessionRunner> create(const Lesson& lesson, const SessionOptions& options = {});

  SessionRunner(SessionRunner&&) noexcept;
  SessionRunner& operator=(SessionRunner&&) noexcept;
  ~SessionRunner();

  // Logs the mirror model's initial state at `time` (session seconds). Call once, first.
  void start(double time);
  // Starts a trial at `time` with the current state's segment, tempo and lead; the context
  // stays valid until endTrial.
  const TrialContext& beginTrial(double time);
  // One frame: `time` session seconds, strictly increasing; `learner` as tracked (its own time
  // is ignored). The reference stays valid until the next call.
  const FeedbackState& step(double time, const Frame& learner);
  // Ends the trial at `time` (after its last step): offline score, mirror endTrial, recorder.
  // The offline scorer takes the trial's frames at their own times resampled onto the clip's
  // frame grid (unchanged when they are on it, as on the headless virtual clock).
  // Errors only from the recorder; a trial that cannot be scored is fed the observer's own
  // measurement and says why in TrialRecord::scoreNote.
  Result<TrialRecord> endTrial(double time);
  // Flushes and closes the recording; returns the first recorder error of the session.
  Status finish();

  const FeedbackState& state() const;
  const MirrorModel& model() const;
  const Lesson& lesson() const;
  // One line per FeedbackState change: {"time":..,"state":{...}} (feedback.jsonl).
  const std::vector<std::string>& feedbackLog() const;
  const std::vector<TrialRecord>& trials() const;
  double frameInterval() const;  // 1 / clip rate

 private:
  SessionRunner() = default;
  struct State;
  std::unique_ptr<State> s_;
};

}  // namespace mimesis
