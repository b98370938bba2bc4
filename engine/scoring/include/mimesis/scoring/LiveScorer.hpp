// Live scoring: an online time-warping aligner against the known expert clip, and the
// per-frame FrameScore the mirror model consumes (aligned expert time, per-group errors, lag).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/Retargeting.hpp"
#include "mimesis/scoring/Features.hpp"
#include "mimesis/scoring/MotionStream.hpp"
#include "mimesis/scoring/ScoringConfig.hpp"

namespace mimesis {

// Incremental DTW (online time warping, windowed): each pushed learner row extends the
// accumulated-cost row over the expert frames from the previous row's first column (or the
// match − window, whichever is later) to the match + window, so the cost per frame is
// O(window × dim), independent of the clip length, with no allocation after construction.
// The same recurrence (diagonal, vertical, horizontal steps) as the offline aligner; the match
// is the column of lowest accumulated cost / (i + j + 2) (the offline open end's
// normalisation), searched at or after the previous match: the match never steps back in
// expert time. It is a greedy per-row choice, not the offline warp (which sees the whole
// performance); tests/scoring/LiveOfflineAgreementTest.cpp bounds the difference per segment.
class OnlineAligner {
 public:
  // `expert` is borrowed and must outlive the aligner; window in expert frames each side (>= 1).
  OnlineAligner(const FeatureMatrix* expert, int window);

  // Consumes the next learner feature row (expert->dim floats); returns the matched expert frame.
  int push(const float* learnerRow);

  int current() const { return best_; }
  int learnerFrames() const { return rows_; }
  void reset();

 private:
  const FeatureMatrix* expert_;
  int window_;
  int rows_ = 0;
  int best_ = 0;
  int lo_ = 0, hi_ = -1;                 // previous row's range
  std::vector<double> prev_, cur_;       // 2 * window + 1 each
};

// Per-group error of one learner frame against its aligned expert frame.
struct GroupFrameError {
  bool valid = false;      // some joint of the group tracked in both frames
  float shapeMm = 0.0f;
  float postureDeg = 0.0f;
  float placementMm = 0.0f;  // root groups only (wrist, trunk), else 0
};

struct FrameScore {
  double learnerTime = 0.0;  // seconds since the learner's first pushed frame
  double expertTime = 0.0;   // aligned expert clip time, seconds from its first frame
  int expertFrame = 0;
  double progress = 0.0;     // expertTime / expert duration, [0, 1]
  double lagMs = 0.0;        // learnerTime - expertTime, ms, smoothed over ~0.5 s
  bool tracked = false;      // any group valid
  std::vector<GroupFrameError> groups;  // same order as groupNames()
};

// Summary at the end of a live performance, comparable with the offline report (the tests pin
// the agreement: lag within 2 expert frames, final expert frame within 3 % of the clip).
struct LiveSummary {
  int learnerFrames = 0;
  int expertEnd = 0;        // last matched expert frame
  double coverage = 0.0;    // (expertEnd + 1) / expert frames
  double lagMs = 0.0;       // median of the per-frame raw lags
  double shapeMm = 0.0;     // mean over frames and valid groups
};

class LiveScorer {
 public:
  // Prepares the expert stream once. Mapping Auto is treated as Anatomical live (the mirror
  // model's observer estimates mapping itself); Mirror mirrors the expert. Learner bone lengths
  // retarget the expert's hands when given (e.g. measured during a calibration stage).
  struct Options {
    std::optional<BoneLengths> learnerLeft, learnerRight;
    bool headAnchor = false;   // learner frames carry a head pose and so does the expert
  };
  static Result<LiveScorer> create(const Clip& expert, const ScoringConfig& config, const Options& options);

  // One learner frame (any time base; times must increase). The reference stays valid until
  // the next call. Cost per frame bounded by the window; the only growth is
  // the amortised list of per-frame lags kept for summary().
  const FrameScore& push(const Frame& learner);

  const std::vector<std::string>& groupNames() const { return groupNames_; }
  LiveSummary summary() const;

  LiveScorer(LiveScorer&&) noexcept;
  LiveScorer& operator=(LiveScorer&&) noexcept;
  ~LiveScorer();

 private:
  LiveScorer() = default;
  struct State;
  std::unique_ptr<State> s_;
  std::vector<std::string> groupNames_;
};

}  // namespace mimesis
