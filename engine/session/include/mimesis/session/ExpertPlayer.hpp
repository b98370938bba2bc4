// ExpertPlayer: the expert as the session shows it — the clip time follows the tempo the mirror
// model chose, stays inside the looped segment, leads by the anticipation lead, and the hands
// are retargeted to the learner's bone lengths once they have been measured.
#pragma once

#include <optional>

#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/Retargeting.hpp"

namespace mimesis {

class ExpertPlayer {
 public:
  // `expert` is borrowed and must outlive the player; it must have at least one frame.
  explicit ExpertPlayer(const Clip& expert);

  // From the next trial on the expert's hands take these lengths (null: keep the expert's).
  void setLearnerBones(const std::optional<BoneLengths>& left, const std::optional<BoneLengths>& right);

  // Starts a trial with the state's looped segment (or the whole clip), tempo and lead.
  void beginTrial(const FeedbackState& state);
  // Moves the playhead to `trialTime` (seconds since the trial began, as the learner's frame
  // was sampled: any spacing, gaps included), the time since the previous call played at
  // `tempo` (the mirror model may change it within a trial), and samples the expert shown at
  // the playhead plus the anticipation lead, clamped to the span, interpolating between the
  // clip's frames. Whatever the display rate, the expert shown at trial time t is the clip at
  // spanStart + t · tempo (constant tempo). The reference stays valid until the next call.
  const Frame& advanceTo(double trialTime, double tempo, double leadSeconds);

  double playhead() const { return playhead_; }      // expert clip seconds, no lead
  double shownTime() const { return shownTime_; }    // expert clip seconds of the frame shown
  double spanStart() const { return start_; }
  double spanEnd() const { return end_; }
  int spanSegment() const { return segment_; }        // -1: the whole clip
  double tempo() const { return tempo_; }
  bool finished() const { return playhead_ >= end_; }

  // The span as displayed at the trial's tempo: frame i at i / rate shows the expert at
  // spanStart + i / rate · tempo (no lead, retargeted). For sources that simulate a learner.
  Clip shownClip(double rate) const;
  // The scorer's expert for this trial: the span as shown at the trial's tempo (so lag and
  // timing are measured against what the learner saw), at the clip's rate, times from 0, the
  // clip's segments and annotations mapped onto it (one segment covering it when a segment is
  // looped). Not retargeted: the scorer does that itself.
  Clip spanClip() const;

 private:
  Clip buildShown(double rate, bool retarget) const;
  void sampleAt(double t, Frame& out) const;

  const Clip* expert_;
  std::optional<BoneLengths> left_, right_;
  double start_ = 0.0, end_ = 0.0;
  int segment_ = -1;
  double tempo_ = 1.0;
  double playhead_ = 0.0;
  double shownTime_ = 0.0;
  // The playhead moves linearly from (anchorTime_, anchorPlayhead_) at playRate_ until the
  // tempo changes, so it does not accumulate rounding frame by frame.
  double anchorTime_ = 0.0, anchorPlayhead_ = 0.0, playRate_ = 1.0, lastTime_ = 0.0;
  Frame frame_;
};

}  // namespace mimesis
