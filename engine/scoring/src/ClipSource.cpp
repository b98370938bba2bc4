// ClipSource: a scoring side held whole in memory, read through the Clip functions.
#include "ScoringSource.hpp"

namespace mimesis::detail {

ClipSource::ClipSource(const Clip& clip) : clip_(clip) {
  times_.reserve(clip.frames.size());
  for (const Frame& f : clip.frames) times_.push_back(f.time);
}

Status ClipSource::check(const char* which) const { return checkClipForScoring(clip_, which); }

bool ClipSource::anyHead() const {
  for (const Frame& f : clip_.frames)
    if (f.hasHead) return true;
  return false;
}

bool ClipSource::handActive(Hand h) const {
  for (const Frame& f : clip_.frames)
    if (f.hand(h).active) return true;
  return false;
}

BoneLengths ClipSource::boneLengths(Hand h, double window) const { return estimateBoneLengths(clip_, h, window); }

MotionStream ClipSource::stream(const StreamLayout& layout, const StreamOptions& opt) const {
  return buildStream(clip_, layout, opt);
}

}  // namespace mimesis::detail
