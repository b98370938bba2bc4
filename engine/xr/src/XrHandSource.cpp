// XrHandSource: the headset's frame loop paced by the lesson's polls.
#include "mimesis/xr/XrHandSource.hpp"

#include <cmath>

#include "mimesis/session/FrameBuilder.hpp"

namespace mimesis {

XrHandSource::XrHandSource(Headset& headset, const Lesson& lesson, std::int64_t maxFrames)
    : headset_(&headset), lesson_(&lesson), maxFrames_(maxFrames) {}

void XrHandSource::stop(std::string reason) {
  if (stopReason_.empty()) stopReason_ = std::move(reason);
}

Status XrHandSource::beginTrial(const TrialContext& context) {
  if (!stopReason_.empty()) return makeError(ErrorCode::Device, "the headset session ended: " + stopReason_);
  context_ = context;
  if (context.guidance) guidance_ = *context.guidance;
  trialFrame_ = 0;
  return okStatus();
}

void XrHandSource::compose(const Frame& hands, const std::array<EyeView, 2>&, FrameDescription& out) {
  // The expert as shown at this trial frame (held at its last frame between trials).
  const Frame* expert = nullptr;
  if (context_.expertShown != nullptr && !context_.expertShown->frames.empty()) {
    const auto& frames = context_.expertShown->frames;
    const auto i = static_cast<std::size_t>(std::min<std::int64_t>(trialFrame_, static_cast<std::int64_t>(frames.size()) - 1));
    expert = &frames[i];
  }
  FrameInputs in;
  in.expert = expert;
  in.learner = &hands;
  in.feedback = context_.expertShown != nullptr ? &guidance_ : nullptr;
  in.scoring = &lesson_->scoring;
  in.mapping = lesson_->mapping;
  buildFrameDescription(in, out);
}

Headset::ComposeFn XrHandSource::idleCompose() {
  return [this](const Frame& hands, const std::array<EyeView, 2>& eyes, FrameDescription& out) { compose(hands, eyes, out); };
}

bool XrHandSource::poll(double trialTime, const FeedbackState& guidance, Frame& out) {
  if (!stopReason_.empty()) return false;
  const auto shown = static_cast<std::int64_t>(context_.expertShown ? context_.expertShown->frames.size() : 0);
  const std::int64_t i = std::isfinite(trialTime) ? std::llround(trialTime * context_.rate) : shown;
  if (i >= shown) return false;  // the span shown is over: so is the trial
  if (maxFrames_ >= 0 && delivered_ >= maxFrames_) {
    stop("the frame limit (" + std::to_string(maxFrames_) + ") was reached");
    return false;
  }
  guidance_ = guidance;
  trialFrame_ = i;
  const Headset::ComposeFn composeFn = idleCompose();
  // Run the loop until the frame that shows session frame `sessionFrame_`; earlier frames (the
  // one the driver spent on endTrial) are displayed with what was shown last.
  for (int guard = 0; guard < 100000; ++guard) {
    Result<HeadsetFrame> f = headset_->frame(composeFn);
    if (!f) {
      failure_ = f.error();
      stop(f.error().describe());
      return false;
    }
    if (headset_->end() != HeadsetEnd::Running) {
      stop(headsetEndName(headset_->end()));
      return false;
    }
    if (!f->waited || !f->focused) continue;
    if (f->focusIndex < sessionFrame_) continue;
    out = f->hands;
    out.time = trialTime;
    displayTimes_.push_back(f->displayTime);
    ++sessionFrame_;
    ++delivered_;
    return true;
  }
  stop("the headset produced no focused frame");
  return false;
}

void XrHandSource::endTrial() {
  // runHeadlessLesson spends one session frame on endTrial.
  ++sessionFrame_;
}

}  // namespace mimesis
