// The plain data the mirror model consumes: the lesson's layout, one observed frame, one trial.
#pragma once

#include <array>
#include <vector>

#include "mimesis/mirror/MirrorTypes.hpp"
#include <glm/vec3.hpp>

#include "mimesis/motion/BodyEndEffectors.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// What the model needs to know about the expert clip, fixed for a lesson: its named segments
// (empty: the whole clip is one segment) and annotations ("do-not-copy" spans are watched for
// over-imitation and never cued or scored). Times are expert clip seconds.
struct LessonLayout {
  std::vector<Segment> segments;
  std::vector<Annotation> annotations;
  double clipDuration = 0.0;

  static LessonLayout fromClip(const Clip& clip);
  int segmentCount() const { return segments.empty() ? 1 : static_cast<int>(segments.size()); }
};

// Live per-cell errors from a live scorer (FrameScore), relative (error in mm / the reference
// of ObserverConfig: a finger's length for finger groups, a hand's length for the wrist), as
// the tolerance bands are; indexed by cellIndex().
// A cell with `valid` false is unscorable this frame (lost tracking), never an error.
struct LiveCellErrors {
  std::array<float, kCellsPerSegment> relError{};
  std::array<bool, kCellsPerSegment> valid{};
};

// Live end-effector offsets of a body lesson (head, hands, feet; indexed by EndEffector): where
// the learner's effector is minus where the expert's aligned one is, both about their own root
// and turned to face -Z (+X the body's right, +Y up, -Z its front), metres. Invalid where either
// was untracked, or the lesson has no body.
struct LiveEffectorErrors {
  std::array<glm::vec3, kEndEffectorCount> offset{};
  std::array<bool, kEndEffectorCount> valid{};
};

// One frame as the session showed and tracked it. Pointers are borrowed for the call only.
struct ObservedFrame {
  double time = 0.0;          // session seconds (strictly increasing across calls)
  double expertTime = 0.0;    // expert clip seconds of the expert frame shown (after tempo)
  const Frame* expert = nullptr;   // the expert at expertTime, retargeted; null = none shown
  const Frame* learner = nullptr;  // tracked learner; null or inactive hands = lost tracking
  // What was shown: the stage, the ghost opacity and the tempo actually used this frame.
  Stage stage = Stage::Guided;
  float ghostOpacity = 0.0f;
  float tempo = 1.0f;
  // Optional live errors from the scorer; when null the observer uses its own lag-corrected
  // error (fingertip in the wrist frame, wrist after removing the offset) / amplitude.
  const LiveCellErrors* liveErrors = nullptr;
  // Optional, body lessons only: the end-effector offsets that body cues are chosen from.
  const LiveEffectorErrors* effectorErrors = nullptr;
  // Tracking confidence in [0, 1]; frames below 0.5 are treated as lost.
  float trackingConfidence = 1.0f;
};

// One cell of a trial result.
struct CellOutcome {
  float relError = 0.0f;   // relative error (as LiveCellErrors)
  bool measured = false;   // false: not performed, not tracked, or not present in the clip
};

// The result of one trial, filled by the session from the scorer's ScoreReport or from the
// observer's own measurement (MirrorObserver::measuredTrial). cells[segment * 12 + cell].
struct TrialOutcome {
  int trial = 0;
  Stage stage = Stage::Guided;
  bool guided = false;        // the ghost was shown while performing
  double score = 0.0;         // 0–100 overall score
  std::vector<CellOutcome> cells;
  double worstMomentTime = 0.0;  // expert clip seconds of the largest error
  double meanLagMs = 0.0;        // the learner's mean lag over the trial (0 if unknown)
  bool lagKnown = false;
  // Fraction of the expert span shown that the learner's frames covered (frames / frames
  // shown). Below FeedbackConfig::cutShortFraction the trial was cut short: it is said so and
  // not scored as a full trial (no skill fusion, no stage, pass or best-attempt counting).
  double performedFraction = 1.0;
};

}  // namespace mimesis
