// SessionReplaySource: a recorded session's frames cut into trials at its trial events.
#include "mimesis/sim/SessionReplaySource.hpp"

#include <algorithm>

namespace mimesis {

Result<SessionReplaySource> SessionReplaySource::fromRecording(const MrecFile& file, const std::string& where) {
  SessionReplaySource src;
  src.rate_ = file.clip.rate;
  // Trial spans [begin, end) on the session clock, from the events in file order.
  struct Span {
    double begin = 0.0, end = 0.0;
  };
  std::vector<Span> spans;
  bool open = false;
  double begin = 0.0;
  int incomplete = 0;
  for (const MrecEvent& e : file.events) {
    if (e.kind == "trial-begin") {
      if (open) return makeError(ErrorCode::BadInput, "a trial begins before the previous one ended", where);
      if (!spans.empty() && e.time < spans.back().end)
        return makeError(ErrorCode::BadInput, "trial events are not in time order", where);
      open = true;
      begin = e.time;
    } else if (e.kind == "trial-end") {
      if (!open || e.time < begin) return makeError(ErrorCode::BadInput, "a trial ends that never began", where);
      spans.push_back({begin, e.time});
      open = false;
    }
  }
  if (open) ++incomplete;
  if (spans.empty() && !open)
    return makeError(ErrorCode::BadInput,
                     "not a session recording (no trial events); give a performance with --learner instead", where);
  src.trials_.resize(spans.size());
  for (const Span& sp : spans) src.spans_.push_back({sp.begin, sp.end});
  // Frames are in time order and so are the spans: one merge pass.
  std::size_t k = 0;
  for (const Frame& f : file.clip.frames) {
    while (k < spans.size() && f.time >= spans[k].end) ++k;
    if (k == spans.size()) break;
    if (f.time >= spans[k].begin) src.trials_[k].push_back(f);
  }
  if (file.recovery.torn || incomplete > 0) {
    src.recoveryNote_ = file.recovery.detail;
    if (incomplete > 0)
      src.recoveryNote_ += std::string(src.recoveryNote_.empty() ? "" : "; ") +
                           "the last trial did not finish and is not replayed";
  }
  return src;
}

Result<SessionReplaySource> SessionReplaySource::fromFile(const std::string& path) {
  Result<MrecFile> f = readMrec(path);
  if (!f) return f.error();
  return fromRecording(*f, path);
}

Status SessionReplaySource::beginTrial(const TrialContext& context) {
  if (context.trial < 0 || context.trial >= trialCount())
    return makeError(ErrorCode::BadInput, "the recording has " + std::to_string(trialCount()) +
                                              " complete trial(s); trial " + std::to_string(context.trial + 1) +
                                              " was asked for");
  current_ = &trials_[static_cast<std::size_t>(context.trial)];
  currentTrial_ = context.trial;
  next_ = 0;
  return okStatus();
}

double SessionReplaySource::trialStartTime(double earliest) {
  const std::size_t k = static_cast<std::size_t>(currentTrial_ + 1);
  return k < spans_.size() ? spans_[k].first : earliest;
}

double SessionReplaySource::trialEndTime(double proposed) {
  return currentTrial_ >= 0 && static_cast<std::size_t>(currentTrial_) < spans_.size()
             ? spans_[static_cast<std::size_t>(currentTrial_)].second
             : proposed;
}

bool SessionReplaySource::poll(double, const FeedbackState&, Frame& out) {
  if (current_ == nullptr || next_ >= current_->size()) return false;
  out = (*current_)[next_++];  // with its recorded session time
  return true;
}

}  // namespace mimesis
