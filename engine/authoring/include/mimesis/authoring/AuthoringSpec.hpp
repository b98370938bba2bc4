// AuthoringSpec: what an expert decides about a take before it becomes a lesson — where it
// starts and ends, its named segments, the spans shown to the learner but not scored, a
// tolerance per segment, the mapping and the default view. Every time is in TAKE seconds
// (from the take's first frame, as the desktop's timeline and `mimesis inspect` show them);
// publishing shifts them so the trimmed clip starts at 0.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/mirror/MirrorTypes.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {

struct TimeSpan {
  double start = 0.0, end = 0.0;
  bool operator==(const TimeSpan&) const = default;
};

struct NamedSpan {
  std::string name;
  TimeSpan span;
  bool operator==(const NamedSpan&) const = default;
};

struct SegmentTolerance {
  std::string segment;
  double relative = 0.0;  // relative error the learner may make in that segment (as mirror.tolerance)
  bool operator==(const SegmentTolerance&) const = default;
};

struct AuthoringSpec {
  std::string name;                 // lesson name; empty: the scene file's stem
  std::string description;
  std::optional<TimeSpan> trim;     // empty: the whole take
  std::vector<NamedSpan> segments;  // ordered by start once validated
  std::vector<TimeSpan> noCopy;     // do-not-copy spans
  std::vector<SegmentTolerance> tolerances;
  ImitationMapping mapping = ImitationMapping::Anatomical;
  LessonView view = LessonView::Facing;      // the scene's "view"
  bool operator==(const AuthoringSpec&) const = default;
};

// Tolerances accepted per segment: the range of the scene's mirror.tolerance bands.
inline constexpr double kMinSegmentTolerance = 0.01;
inline constexpr double kMaxSegmentTolerance = 1.0;

// Command-line forms, each error naming the option: "A:B" (seconds), "NAME:A:B", "NAME:V".
// Names are 1–64 characters of letters, digits, '-', '_' and '.'.
Result<TimeSpan> parseTimeSpan(std::string_view text, const std::string& option);
Result<NamedSpan> parseNamedSpan(std::string_view text, const std::string& option);
Result<SegmentTolerance> parseSegmentTolerance(std::string_view text, const std::string& option);

// Checks the spec against a take lasting `takeDuration` seconds: trim inside the take and longer
// than zero; every segment and do-not-copy span inside the trimmed range, end > start; segment
// names unique; segments not overlapping each other, do-not-copy spans not overlapping each
// other; every tolerance naming a segment, in range, at most one per segment. Errors are
// BadInput with `where` naming the segment ("segment 'lift'") or span ("do-not-copy 1.2:1.5").
// Sorts segments and spans by start.
Status validateAuthoringSpec(AuthoringSpec& spec, double takeDuration);

// Moves one boundary of a segment, as dragging it on the timeline does: clamped to the trimmed
// range and to its neighbours (segments never overlap) and at least `minLength` long. Returns
// false for an unknown segment.
bool moveSegmentBoundary(AuthoringSpec& spec, const std::string& segment, bool end, double time,
                         double takeDuration, double minLength = 0.05);

}  // namespace mimesis
