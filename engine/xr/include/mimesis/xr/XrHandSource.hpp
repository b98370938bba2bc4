// XrHandSource: the headset's tracked hands as the session's HandSource, on the runtime's clock.
// Each poll runs the headset's frame loop to the next frame waited while FOCUSED: its hands are
// located at that frame's XrFrameState::predictedDisplayTime, and that time is the frame's
// session time, so the lesson, the live score, the expert shown and the recording all follow
// the runtime's clock at whatever rate it runs (72, 90, 120 Hz, 20 Hz for a null compositor).
//
// Clock. Session time 0 is the predicted display time of the lesson's first frame; session
// seconds = (display time - that) · 1e-9. A trial starts at the display time of its first frame
// (waited before the trial is set up, drawn by the first poll with the new trial's expert) and
// lasts as long as the span shown (TrialContext::expertShown): a poll returns false, without
// waiting a frame, once the runtime's next predicted display time would fall more than half a
// display period past the span. The trial ends one predicted period after its last frame, and,
// as on the headless virtual clock, the frame seen then is spent on the trial's end (displayed
// with what was shown last): the next trial starts with the frame after it. Frames the
// application misses (a late xrWaitFrame, frames the runtime skips, frames waited while not
// FOCUSED, which are displayed without advancing the lesson) leave gaps in time: the recording's
// duration is the runtime's elapsed predicted time.
// Each frame shows the expert at the frame's own trial time (sampled from expertShown,
// interpolating), with the guidance of the session's last step.
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/session/HandSource.hpp"
#include "mimesis/session/Lesson.hpp"
#include "mimesis/xr/Headset.hpp"

namespace mimesis {

class XrHandSource : public HandSource {
 public:
  // `headset` and `lesson` are borrowed and must outlive the source. `maxFrames` >= 0 stops
  // the lesson after that many lesson frames (as if the learner took the headset off).
  XrHandSource(Headset& headset, const Lesson& lesson, std::int64_t maxFrames = -1);

  bool ownsClock() const override { return true; }
  // Waits the trial's first focused frame and returns its session time.
  double trialStartTime(double earliest) override;
  // One predicted display period after the trial's last frame.
  double trialEndTime(double proposed) override;
  // Fails (ErrorCode::Device, "the headset session ended: ...") once the session is over, so
  // the lesson stops; the recording written so far is kept by the session runner.
  Status beginTrial(const TrialContext& context) override;
  // `trialTime` (the virtual clock) is ignored: out.time is the frame's session time.
  bool poll(double trialTime, const FeedbackState& guidance, Frame& out) override;

  // Why the source stopped delivering frames (empty while it delivers).
  const std::string& stopReason() const { return stopReason_; }
  // A failed OpenXR/Vulkan call during a poll (polls cannot return errors).
  const std::optional<Error>& failure() const { return failure_; }
  std::int64_t framesDelivered() const { return delivered_; }
  // Predicted display time of each delivered frame, in order (the recording's frames).
  const std::vector<XrTime>& displayTimes() const { return displayTimes_; }
  // The frame loop's compose callback for frames outside a lesson (before FOCUSED, exiting).
  Headset::ComposeFn idleCompose();

 private:
  void compose(const Frame& hands, const std::array<EyeView, 2>& eyes, FrameDescription& out);
  void stop(std::string reason);
  // Runs the loop (displaying frames waited while not FOCUSED) until a focused frame is waited
  // and pending; false when the session ended or a call failed (stop reason set).
  bool waitFocused(HeadsetWait& out);
  double sessionSeconds(XrTime t) const { return static_cast<double>(t - epoch_) * 1e-9; }

  Headset* headset_;
  const Lesson* lesson_;
  std::int64_t maxFrames_;
  TrialContext context_;
  FeedbackState guidance_;
  bool haveEpoch_ = false;
  XrTime epoch_ = 0;                 // display time of session time 0
  XrTime trialStart_ = 0;            // display time of the trial's time 0
  bool deliveredInTrial_ = false;
  XrTime lastDisplay_ = 0;           // display time of the last delivered frame
  XrDuration period_ = 0;            // the runtime's predicted display period then
  double shownTrialTime_ = 0.0;      // trial time of the frame being composed
  Frame expertScratch_;
  std::int64_t delivered_ = 0;
  std::vector<XrTime> displayTimes_;
  std::string stopReason_;
  std::optional<Error> failure_;
};

}  // namespace mimesis
