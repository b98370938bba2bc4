// RecordingSource: recorded learner performances replayed as a HandSource, one per trial.
#include "mimesis/sim/RecordingSource.hpp"

#include <algorithm>

#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {

RecordingSource::RecordingSource(std::vector<Clip> recordings) {
  for (Clip& c : recordings)
    if (!c.frames.empty()) recordings_.push_back(std::move(c));
}

Result<RecordingSource> RecordingSource::fromFiles(const std::vector<std::string>& paths) {
  std::vector<Clip> clips;
  for (const std::string& p : paths) {
    Result<Clip> c = loadLessonClip(p);
    if (!c) return c.error();
    if (c->frames.empty()) return makeError(ErrorCode::BadInput, "the recording has no frames", p);
    clips.push_back(std::move(*c));
  }
  if (clips.empty()) return makeError(ErrorCode::BadInput, "no learner recording given");
  return RecordingSource(std::move(clips));
}

Status RecordingSource::beginTrial(const TrialContext& context) {
  if (recordings_.empty()) return makeError(ErrorCode::BadInput, "no learner recording to replay");
  const auto n = recordings_.size();
  current_ = &recordings_[static_cast<std::size_t>(std::max(0, context.trial)) % n];
  return okStatus();
}

bool RecordingSource::poll(double trialTime, const FeedbackState&, Frame& out) {
  if (current_ == nullptr) return false;
  if (!(trialTime >= 0.0) || trialTime > current_->duration() + 1e-9) return false;
  sampleClip(*current_, current_->frames.front().time + trialTime, out);
  out.time = trialTime;
  return true;
}

}  // namespace mimesis
