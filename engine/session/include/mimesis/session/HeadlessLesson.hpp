// The headless front end: a lesson run on a virtual clock as fast as possible with a learner
// from a HandSource (a recording or a simulated learner), writing machine-readable reports.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/session/HandSource.hpp"
#include "mimesis/session/Lesson.hpp"
#include "mimesis/session/ReportData.hpp"
#include "mimesis/session/SessionRunner.hpp"

namespace mimesis {

// Read-only taps into a running lesson for front ends that show it while it runs (the desktop's
// panels): called after every session step and after every trial with the runner as it is then.
// They must not keep the reference beyond the call; they cannot change the session.
struct LessonObserver {
  std::function<void(const SessionRunner&)> afterStep;
  std::function<void(const SessionRunner&, const TrialRecord&)> afterTrial;
};

struct HeadlessResult {
  std::vector<TrialRecord> trials;
  FeedbackState finalState;
  std::size_t decisions = 0;     // entries in the decision trace
  std::string stopReason;        // "trials", "lesson complete", "stuck in stage 'guided'"
  std::string reportDir;
  std::vector<FrameSample> frames;        // one per learner frame, as in session.mrec
  std::vector<std::string> feedbackLog;   // the lines of feedback.jsonl
  // Per trial: the expert clip seconds of the trial's largest error (TrialOutcome), -1 for a
  // trial the learner only watched.
  std::vector<double> worstMomentTimes;
};

// Runs up to `trials` trials (<= 0: the lesson's default) of `lesson` with `source` on a
// virtual clock at the clip's rate: frame k of the session at k / rate seconds (one frame is
// spent on each trial's end), or, for a source that owns its clock (HandSource::ownsClock: a
// headset, a recorded session), at the times the source gives. A trial lasts while the source
// returns frames, at most the span shown plus 5 s. Stops early when the
// lesson is complete or a stage's maxTrials is exhausted. Writes into `reportDir` (created):
//   trace.json     the mirror model's decision trace (decisionTraceToJson)
//   trials.json    per trial: stage, guided, ghost opacity, tempo, score (null when the
//                  learner only watched), KR, ScoreReport JSON (null when not scored)
//   feedback.jsonl one FeedbackState per change, {"time":..,"state":{..}}
//   session.mrec   the learner frames on the session clock, with feedback and trial events
//   summary.json   lesson, trials, stop reason, final state, per-stage counts and passes
//   trials.csv     one row per trial (ReportTables.hpp)            } unless
//   frames.csv     one row per learner frame (FrameSample)         } report.writeCsv is off
//   report.html    the self-contained report for people (HtmlReport.hpp), unless writeHtml is off
// Deterministic: the same lesson and source give identical bytes in every file (no clock, no
// paths of the learner's files), so a session re-run from its recording matches byte for byte.
// `resume` (SessionOptions::resume) starts a returning learner where engine/progress says.
Result<HeadlessResult> runHeadlessLesson(const Lesson& lesson, HandSource& source, int trials,
                                         const std::string& reportDir, const ReportOptions& report = {},
                                         const LessonObserver& observer = {},
                                         const MirrorResume& resume = {});

}  // namespace mimesis
