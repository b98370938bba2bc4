// The checks an authored lesson passes before it is published, and the preview report that
// says what they found: every segment long enough to score, the expert's own re-take scoring
// high against the clip, every tolerance in range.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {

// A segment shorter than this, or with fewer frames, is refused: the scorer's per-group gain
// and lag need a few tenths of a second of motion (engine/scoring/SCORING.md).
inline constexpr double kMinScoredSegmentSeconds = 0.3;
inline constexpr int kMinScoredSegmentFrames = 8;
// The expert's re-take must score at least this overall (the scorer's "Good" band) and each
// of its segments at least kRetakeMinSegmentScore ("OK").
inline constexpr double kRetakeMinScore = 75.0;
inline constexpr double kRetakeMinSegmentScore = 50.0;

struct CheckItem {
  std::string what;     // "segment 'lift' length", "re-take score", "tolerance of 'lift'"
  bool passed = false;
  std::string detail;   // the measured value against its limit
};

struct SegmentPreview {
  std::string name;
  double start = 0.0, end = 0.0;
  int frames = 0;
  double retakeScore = 0.0;
  bool doNotCopy = false;  // the whole segment lies in do-not-copy spans (shown, not scored)
};

struct LessonCheck {
  bool passed = false;
  std::vector<CheckItem> items;
  std::vector<SegmentPreview> segments;
  double retakeScore = 0.0;
  double clipSeconds = 0.0;
  int clipFrames = 0;
};

// The expert's re-take: the clip performed again, deterministically — every tracked joint moved
// by up to `noiseMm` (a fixed pseudo-random sequence; the same clip gives the same re-take),
// played `slowdown` times slower, as a person repeating themselves would.
Clip simulatedRetake(const Clip& clip, double noiseMm = 1.5, double slowdown = 1.03);

// Runs every check on a lesson (its clip as published, its scoring configuration). For the
// mirror mapping the re-take is of the mirrored clip, as a learner facing the expert moves.
LessonCheck checkLesson(const Lesson& lesson);

// The preview report, Markdown: the lesson's clip, mapping and view, a table of segments
// (times, frames, re-take score, do-not-copy), the do-not-copy spans and tolerances, each
// check with its measured value, and the verdict. Deterministic text.
std::string previewReport(const Lesson& lesson, const LessonCheck& check);

}  // namespace mimesis
