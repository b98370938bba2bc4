// XrHandSource: the headset's frame loop paced by the lesson's polls, on the runtime's clock.
#include "mimesis/xr/XrHandSource.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/session/FrameBuilder.hpp"

namespace mimesis {

XrHandSource::XrHandSource(Headset& headset, const Lesson& lesson, std::int64_t maxFrames)
    : headset_(&headset), lesson_(&lesson), maxFrames_(maxFrames) {}

void XrHandSource::stop(std::string reason) {
  if (stopReason_.empty()) stopReason_ = std::move(reason);
}

bool XrHandSource::waitFocused(HeadsetWait& out) {
  const Headset::ComposeFn idle = idleCompose();
  for (int guard = 0; guard < 100000; ++guard) {
    Result<HeadsetWait> w = headset_->waitFrame();
    if (!w) {
      failure_ = w.error();
      stop(w.error().describe());
      return false;
    }
    if (headset_->end() != HeadsetEnd::Running) {
      stop(headsetEndName(headset_->end()));
      return false;
    }
    if (w->waited && w->focused) {
      out = *w;
      return true;
    }
    // Not running yet, or not FOCUSED (a system menu): displayed, and time goes on.
    if (w->waited) {
      Result<HeadsetFrame> f = headset_->frame(idle);
      if (!f) {
        failure_ = f.error();
        stop(f.error().describe());
        return false;
      }
    }
  }
  stop("the headset produced no focused frame");
  return false;
}

double XrHandSource::trialStartTime(double earliest) {
  if (!stopReason_.empty()) return earliest;
  HeadsetWait w;
  if (!waitFocused(w)) return earliest;
  // Like the virtual clock, the headset spends the frame at the previous trial's end on that end
  // (it is displayed with what was shown last); the next trial starts with the frame after it.
  const double skipBefore =
      haveEpoch_ && period_ > 0 ? earliest + 0.5 * static_cast<double>(period_) * 1e-9 : earliest;
  if (!haveEpoch_) {
    epoch_ = w.displayTime;
    haveEpoch_ = true;
  }
  for (int guard = 0; guard < 1000 && sessionSeconds(w.displayTime) < skipBefore; ++guard) {
    Result<HeadsetFrame> f = headset_->frame(idleCompose());
    if (!f) {
      failure_ = f.error();
      stop(f.error().describe());
      return earliest;
    }
    if (!waitFocused(w)) return earliest;
  }
  trialStart_ = w.displayTime;
  deliveredInTrial_ = false;
  return std::max(earliest, sessionSeconds(w.displayTime));
}

double XrHandSource::trialEndTime(double proposed) {
  if (!deliveredInTrial_) return proposed;
  return sessionSeconds(lastDisplay_ + period_);  // one predicted period after the last frame
}

Status XrHandSource::beginTrial(const TrialContext& context) {
  if (!stopReason_.empty()) return makeError(ErrorCode::Device, "the headset session ended: " + stopReason_);
  context_ = context;
  if (context.guidance) guidance_ = *context.guidance;
  shownTrialTime_ = 0.0;
  return okStatus();
}

void XrHandSource::compose(const Frame& hands, const std::array<EyeView, 2>&, FrameDescription& out) {
  // The expert as shown at this frame's trial time (held at its last frame between trials).
  const Frame* expert = nullptr;
  if (context_.expertShown != nullptr && !context_.expertShown->frames.empty()) {
    const Clip& shown = *context_.expertShown;
    const double t = std::clamp(shownTrialTime_, 0.0, shown.duration());
    sampleClip(shown, shown.frames.front().time + t, expertScratch_);
    expert = &expertScratch_;
  }
  FrameInputs in;
  in.expert = expert;
  in.learner = &hands;
  in.feedback = context_.expertShown != nullptr ? &guidance_ : nullptr;
  in.scoring = &lesson_->scoring;
  in.mapping = lesson_->mapping;
  // The body ghost's bones, and the tracked hands attached at its wrists (FrameBuilder.hpp).
  // The lesson clip's skeleton (the span shown carries the frames' body joints, not their
  // skeleton), and its first frame, which puts the ghost on the learner's spot (not the span's
  // first: a looped segment must not move the ghost).
  if (expert != nullptr && !expert->body.empty() && lesson_->clip.body.joints.size() == expert->body.size()) {
    in.bodySkeleton = &lesson_->clip.body;
    in.bodyStart = &lesson_->clip.frames.front();
  }
  buildFrameDescription(in, out);
}

Headset::ComposeFn XrHandSource::idleCompose() {
  return [this](const Frame& hands, const std::array<EyeView, 2>& eyes, FrameDescription& out) { compose(hands, eyes, out); };
}

bool XrHandSource::poll(double, const FeedbackState& guidance, Frame& out) {
  if (!stopReason_.empty() || context_.expertShown == nullptr) return false;
  const double span = context_.expertShown->duration();
  if (deliveredInTrial_) {
    // The span shown is over once the next frame would be seen more than half a period past it.
    const double next = static_cast<double>(lastDisplay_ + period_ - trialStart_) * 1e-9;
    if (next > span + 0.5 * static_cast<double>(period_) * 1e-9) return false;
  }
  if (maxFrames_ >= 0 && delivered_ >= maxFrames_) {
    stop("the frame limit (" + std::to_string(maxFrames_) + ") was reached");
    return false;
  }
  HeadsetWait w;
  if (!waitFocused(w)) return false;
  guidance_ = guidance;
  shownTrialTime_ = static_cast<double>(w.displayTime - trialStart_) * 1e-9;
  Result<HeadsetFrame> f = headset_->frame(idleCompose());
  if (!f) {
    failure_ = f.error();
    stop(f.error().describe());
    return false;
  }
  if (headset_->end() != HeadsetEnd::Running || !f->waited) {
    stop(headsetEndName(headset_->end()));
    return false;
  }
  out = f->hands;
  out.time = sessionSeconds(f->displayTime);
  displayTimes_.push_back(f->displayTime);
  lastDisplay_ = f->displayTime;
  // A runtime that gives no period: assume the clip's rate until it does.
  period_ = f->displayPeriod > 0 ? f->displayPeriod : static_cast<XrDuration>(std::llround(1e9 / context_.rate));
  deliveredInTrial_ = true;
  ++delivered_;
  return true;
}

}  // namespace mimesis
