// ScoringSource: what the offline scorer reads of one side of a comparison, so that a side can
// be a Clip in memory or a recording read as a stream and never held whole (RecordingScorer).
#pragma once

#include <cstddef>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/Retargeting.hpp"
#include "mimesis/scoring/MotionStream.hpp"
#include "mimesis/scoring/ScoreReport.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis::detail {

class ScoringSource {
 public:
  virtual ~ScoringSource() = default;
  // The clip: info, rate, body skeleton, segments, annotations; its frames are empty for a
  // streamed side, which holds them nowhere (the scorer reads frames only through the calls
  // below, except a body side's measures, which are only ever asked of a side held whole).
  virtual const Clip& clip() const = 0;
  virtual Status check(const char* which) const = 0;  // checkClipForScoring
  virtual std::size_t frameCount() const = 0;
  virtual const std::vector<double>& frameTimes() const = 0;  // Frame::time of each frame
  virtual bool anyHead() const = 0;                             // some frame has a head pose
  virtual bool handActive(Hand h) const = 0;                    // some frame has h active
  virtual BoneLengths boneLengths(Hand h, double window) const = 0;  // estimateBoneLengths
  virtual MotionStream stream(const StreamLayout& layout, const StreamOptions& opt) const = 0;  // buildStream

  double duration() const {
    const std::vector<double>& t = frameTimes();
    return t.empty() ? 0.0 : t.back() - t.front();
  }
};

// A side held whole in memory (every caller but `mimesis score` on two recordings).
class ClipSource final : public ScoringSource {
 public:
  explicit ClipSource(const Clip& clip);
  const Clip& clip() const override { return clip_; }
  Status check(const char* which) const override;
  std::size_t frameCount() const override { return clip_.frames.size(); }
  const std::vector<double>& frameTimes() const override { return times_; }
  bool anyHead() const override;
  bool handActive(Hand h) const override;
  BoneLengths boneLengths(Hand h, double window) const override;
  MotionStream stream(const StreamLayout& layout, const StreamOptions& opt) const override;

 private:
  const Clip& clip_;
  std::vector<double> times_;
};

// The scorer proper (scorePerformance, Scorer.cpp) on two sides.
Result<ScoreReport> scoreSources(const ScoringSource& expert, const ScoringSource& learner, const ScoringConfig& config);

}  // namespace mimesis::detail
