// runHeadsetLesson: the headset set up, the shared lesson driver run on its hands, the session
// ended in order.
#include "mimesis/xr/HeadsetLesson.hpp"

#include <filesystem>

#include "mimesis/xr/XrHandSource.hpp"

namespace mimesis {

Result<HeadsetLessonResult> runHeadsetLesson(const Lesson& lesson, const HeadsetLessonOptions& options) {
  Result<std::unique_ptr<Headset>> created = Headset::create(options.headset);
  if (!created) return created.error();
  Headset& headset = **created;
  XrHandSource source(headset, lesson, options.maxFrames);
  HeadsetLessonResult res;
  res.recordingPath = (std::filesystem::path(options.reportDir) / "session.mrec").string();

  constexpr int kSetupFrames = 10000;  // a runtime that never focuses us is a failure, not a hang
  Result<bool> focused = headset.runUntilFocused(kSetupFrames, source.idleCompose());
  if (!focused) return focused.error();
  if (*focused) {
    Result<HeadlessResult> run = runHeadlessLesson(lesson, source, options.trials, options.reportDir, options.report,
                                                   options.observer, options.resume);
    if (source.failure()) return *source.failure();
    if (run) {
      res.completed = true;
      res.lesson = std::move(*run);
    } else if (source.stopReason().empty()) {
      return run.error();  // a failure of the lesson itself (report folder, recorder)
    } else {
      res.stopReason = source.stopReason();
    }
  } else {
    res.stopReason = std::string("the session ended before it was focused (") + headsetEndName(headset.end()) + ")";
  }
  // Exit in order (or, after a loss, read the events that said so).
  if (Status st = headset.exit(kSetupFrames, source.idleCompose()); !st) return st.error();
  res.end = headset.end();
  res.states = headset.stateHistory();
  res.framesSubmitted = headset.framesSubmitted();
  res.handFrames = source.framesDelivered();
  res.handDisplayTimes = source.displayTimes();
  res.vulkanMessages = headset.vulkanValidationMessages();
  return res;
}

}  // namespace mimesis
