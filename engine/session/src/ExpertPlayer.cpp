// ExpertPlayer: tempo, looping, anticipation lead and retargeting of the expert shown.
#include "mimesis/session/ExpertPlayer.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/motion/ClipSampler.hpp"

namespace mimesis {

ExpertPlayer::ExpertPlayer(const Clip& expert) : expert_(&expert) {
  start_ = expert.frames.empty() ? 0.0 : expert.frames.front().time;
  end_ = expert.frames.empty() ? 0.0 : expert.frames.back().time;
  playhead_ = shownTime_ = start_;
}

void ExpertPlayer::setLearnerBones(const std::optional<BoneLengths>& left, const std::optional<BoneLengths>& right) {
  left_ = left;
  right_ = right;
}

void ExpertPlayer::beginTrial(const FeedbackState& state) {
  const Clip& c = *expert_;
  start_ = c.frames.empty() ? 0.0 : c.frames.front().time;
  end_ = c.frames.empty() ? 0.0 : c.frames.back().time;
  segment_ = -1;
  if (state.loopedSegment >= 0 && state.loopedSegment < static_cast<int>(c.segments.size())) {
    const Segment& s = c.segments[static_cast<std::size_t>(state.loopedSegment)];
    const double a = std::max(start_, s.start), b = std::min(end_, s.end);
    if (b > a) {
      start_ = a;
      end_ = b;
      segment_ = state.loopedSegment;
    }
  }
  // Tempo is a rate: never zero or negative (the player would never reach the end).
  tempo_ = std::isfinite(state.tempo) ? std::clamp(static_cast<double>(state.tempo), 0.05, 4.0) : 1.0;
  playhead_ = shownTime_ = start_;
  anchorTime_ = lastTime_ = 0.0;
  anchorPlayhead_ = start_;
  playRate_ = tempo_;
}

void ExpertPlayer::sampleAt(double t, Frame& out) const {
  sampleClip(*expert_, t, out);
  for (int h = 0; h < 2; ++h) {
    const std::optional<BoneLengths>& bones = h == 0 ? left_ : right_;
    if (!bones || !out.hands[static_cast<std::size_t>(h)].active) continue;
    const HandPose in = out.hands[static_cast<std::size_t>(h)];
    retargetHand(in, *bones, out.hands[static_cast<std::size_t>(h)]);
  }
}

const Frame& ExpertPlayer::advanceTo(double trialTime, double tempo, double leadSeconds) {
  const double rate = std::isfinite(tempo) ? std::clamp(tempo, 0.05, 4.0) : tempo_;
  if (std::isfinite(trialTime) && trialTime > lastTime_) {
    if (rate != playRate_) {  // the new tempo plays from where the old one had got to
      anchorTime_ = lastTime_;
      anchorPlayhead_ = playhead_;
      playRate_ = rate;
    }
    playhead_ = std::min(end_, anchorPlayhead_ + (trialTime - anchorTime_) * playRate_);
    lastTime_ = trialTime;
  }
  const double lead = std::isfinite(leadSeconds) ? std::max(0.0, leadSeconds) : 0.0;
  shownTime_ = std::min(end_, playhead_ + lead);
  sampleAt(shownTime_, frame_);
  return frame_;
}

Clip ExpertPlayer::buildShown(double rate, bool retarget) const {
  Clip shown;
  shown.info = expert_->info;
  shown.rate = rate;
  const double span = end_ - start_;
  const auto n = static_cast<std::size_t>(std::floor(span / tempo_ * rate + 1e-9)) + 1;
  shown.frames.resize(n);
  for (std::size_t i = 0; i < n; ++i) {
    const double t = std::min(end_, start_ + static_cast<double>(i) / rate * tempo_);
    if (retarget) sampleAt(t, shown.frames[i]);
    else sampleClip(*expert_, t, shown.frames[i]);
    shown.frames[i].time = static_cast<double>(i) / rate;
  }
  return shown;
}

Clip ExpertPlayer::shownClip(double rate) const { return buildShown(rate, true); }

Clip ExpertPlayer::spanClip() const {
  Clip c = buildShown(expert_->rate, false);
  c.body = expert_->body;
  const double last = c.frames.back().time;
  // Expert clip seconds → shown seconds, kept inside the shown clip.
  auto toShown = [&](double t) { return std::clamp((t - start_) / tempo_, 0.0, last); };
  if (segment_ < 0) {
    for (const Segment& s : expert_->segments) {
      const double a = toShown(s.start), b = toShown(s.end);
      if (b > a) c.segments.push_back({s.name, a, b});
    }
    for (const Annotation& an : expert_->annotations) {
      Annotation m = an;
      m.start = toShown(an.start);
      m.end = toShown(an.end);
      if (m.end > m.start) c.annotations.push_back(m);
    }
  } else if (last > 0.0) {
    c.segments.push_back({expert_->segments[static_cast<std::size_t>(segment_)].name, 0.0, last});
  }
  return c;
}

}  // namespace mimesis
