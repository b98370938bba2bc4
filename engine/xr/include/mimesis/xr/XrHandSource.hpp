// XrHandSource: the headset's tracked hands as the session's HandSource. Each poll runs the
// headset's frame loop until the frame that shows the asked-for session frame, so the hands
// come from the predicted display time of the very frame they are drawn in.
//
// Clock. The lesson's session clock (SessionRunner, as runHeadlessLesson drives it) counts
// frames at the clip's rate: session frame k is the k-th frame waited while FOCUSED (the
// headset's rate should equal the clip's; a runtime at another rate shows the nearest frame).
// The headless driver spends one frame after each trial on endTrial without polling; that frame
// is still displayed (with the last state) so the headset's frames and the session's stay
// aligned. Frames waited while not FOCUSED (a system menu) are displayed and do not advance
// the lesson.
// A trial lasts exactly the span shown (TrialContext::expertShown), as a simulated learner's.
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
  // the lesson after that many session frames (as if the learner took the headset off).
  XrHandSource(Headset& headset, const Lesson& lesson, std::int64_t maxFrames = -1);

  // Fails (ErrorCode::Device, "the headset session ended: ...") once the session is over, so
  // the lesson stops; the recording written so far is kept by the session runner.
  Status beginTrial(const TrialContext& context) override;
  bool poll(double trialTime, const FeedbackState& guidance, Frame& out) override;
  void endTrial() override;

  // Why the source stopped delivering frames (empty while it delivers).
  const std::string& stopReason() const { return stopReason_; }
  // A failed OpenXR/Vulkan call during a poll (polls cannot return errors).
  const std::optional<Error>& failure() const { return failure_; }
  std::int64_t framesDelivered() const { return delivered_; }
  // Predicted display time of each delivered frame (index = session frame), for tests.
  const std::vector<XrTime>& displayTimes() const { return displayTimes_; }
  // The frame loop's compose callback for frames outside a lesson (before FOCUSED, exiting).
  Headset::ComposeFn idleCompose();

 private:
  void compose(const Frame& hands, const std::array<EyeView, 2>& eyes, FrameDescription& out);
  void stop(std::string reason);

  Headset* headset_;
  const Lesson* lesson_;
  std::int64_t maxFrames_;
  TrialContext context_;
  FeedbackState guidance_;
  std::int64_t sessionFrame_ = 0;   // the session frame the next poll delivers
  std::int64_t trialFrame_ = 0;     // index into context_.expertShown of what is shown
  std::int64_t delivered_ = 0;
  std::vector<XrTime> displayTimes_;
  std::string stopReason_;
  std::optional<Error> failure_;
};

}  // namespace mimesis
