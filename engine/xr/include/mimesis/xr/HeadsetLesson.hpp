// The headset front end: a lesson run in the headset through the same driver and reports as
// the headless front end (runHeadlessLesson), with the learner's hands from XrHandSource.
// The same recording gives the same trials, decision trace and feedback, byte for byte.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/session/Lesson.hpp"
#include "mimesis/xr/Headset.hpp"

namespace mimesis {

struct HeadsetLessonOptions {
  HeadsetOptions headset;
  int trials = 0;                 // <= 0: the lesson's default
  std::int64_t maxFrames = -1;    // >= 0: stop after this many lesson frames (recording kept)
  std::string reportDir;          // as runHeadlessLesson's; session.mrec is always written there
  ReportOptions report;
  LessonObserver observer;        // taps after each step and trial (a learner profile's store)
  MirrorResume resume;            // a returning learner's starting point (engine/progress)
};

struct HeadsetLessonResult {
  bool completed = false;         // the lesson ran to its end; `lesson` and the reports are there
  HeadlessResult lesson;
  std::string stopReason;         // why it did not complete (session lost, exit, frame limit)
  HeadsetEnd end = HeadsetEnd::Running;   // how the OpenXR session ended
  std::vector<XrSessionState> states;     // the session's state history
  std::int64_t framesSubmitted = 0;       // frames with a projection layer
  std::int64_t handFrames = 0;            // lesson frames delivered by the hands
  std::vector<XrTime> handDisplayTimes;   // per lesson frame, the display time of its hands
  std::string recordingPath;              // session.mrec, kept in every case
  std::vector<std::string> vulkanMessages;  // Vulkan validation messages (with validation on)
};

// Creates the headset, waits for FOCUSED, runs the lesson, then exits the session (or notes
// its loss). Errors: set-up failures (Unsupported when hand tracking is missing) and failed
// calls. A session that ends early is not an error: completed = false and stopReason say so,
// and the recording written so far stays readable.
Result<HeadsetLessonResult> runHeadsetLesson(const Lesson& lesson, const HeadsetLessonOptions& options);

}  // namespace mimesis
