// Parsing and checking an AuthoringSpec (see AuthoringSpec.hpp).
#include "mimesis/authoring/AuthoringSpec.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <set>

#include "mimesis/core/NumberText.hpp"

namespace mimesis {
namespace {

std::string seconds(double t) { return printfFixed(t, 3); }

std::string spanText(const TimeSpan& s) { return seconds(s.start) + ":" + seconds(s.end); }

Result<double> parseSeconds(std::string_view text, const std::string& option, const char* what) {
  double v = 0.0;
  const auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  if (text.empty() || ec != std::errc() || ptr != text.data() + text.size() || !std::isfinite(v))
    return makeError(ErrorCode::BadInput, std::string("expected a number for ") + what + ", got '" + std::string(text) + "'",
                     option);
  return v;
}

bool validName(std::string_view n) {
  if (n.empty() || n.size() > 64) return false;
  return std::all_of(n.begin(), n.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.';
  });
}

Error spanError(const std::string& where, const std::string& message) { return makeError(ErrorCode::BadInput, message, where); }

}  // namespace

Result<TimeSpan> parseTimeSpan(std::string_view text, const std::string& option) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || text.find(':', colon + 1) != std::string_view::npos)
    return makeError(ErrorCode::BadInput, "expected START:END in seconds, got '" + std::string(text) + "'", option);
  auto a = parseSeconds(text.substr(0, colon), option, "the start");
  if (!a) return a.error();
  auto b = parseSeconds(text.substr(colon + 1), option, "the end");
  if (!b) return b.error();
  return TimeSpan{*a, *b};
}

Result<NamedSpan> parseNamedSpan(std::string_view text, const std::string& option) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos)
    return makeError(ErrorCode::BadInput, "expected NAME:START:END, got '" + std::string(text) + "'", option);
  const std::string name(text.substr(0, colon));
  if (!validName(name))
    return makeError(ErrorCode::BadInput, "segment name '" + name + "' must be 1-64 letters, digits, '-', '_' or '.'", option);
  auto span = parseTimeSpan(text.substr(colon + 1), option + " " + name);
  if (!span) return span.error();
  return NamedSpan{name, *span};
}

Result<SegmentTolerance> parseSegmentTolerance(std::string_view text, const std::string& option) {
  const std::size_t colon = text.find(':');
  if (colon == std::string_view::npos || text.find(':', colon + 1) != std::string_view::npos)
    return makeError(ErrorCode::BadInput, "expected SEGMENT:RELATIVE_TOLERANCE, got '" + std::string(text) + "'", option);
  const std::string name(text.substr(0, colon));
  if (!validName(name)) return makeError(ErrorCode::BadInput, "bad segment name '" + name + "'", option);
  auto v = parseSeconds(text.substr(colon + 1), option + " " + name, "the tolerance");
  if (!v) return v.error();
  return SegmentTolerance{name, *v};
}

Status validateAuthoringSpec(AuthoringSpec& spec, double takeDuration) {
  const TimeSpan whole{0.0, takeDuration};
  const TimeSpan range = spec.trim.value_or(whole);
  if (spec.trim) {
    const std::string where = "trim " + spanText(range);
    if (!(range.end > range.start)) return spanError(where, "the end must be after the start");
    if (range.start < 0.0 || range.end > takeDuration + 1e-9)
      return spanError(where, "outside the take (0.000:" + seconds(takeDuration) + ")");
  }
  auto inside = [&](const TimeSpan& s, const std::string& where) -> Status {
    if (!(s.end > s.start)) return spanError(where, "the end must be after the start");
    if (s.start < range.start - 1e-9 || s.end > range.end + 1e-9)
      return spanError(where, "outside the " + std::string(spec.trim ? "trimmed clip (" : "take (") + spanText(range) + ")");
    return okStatus();
  };
  std::set<std::string> names;
  for (const NamedSpan& s : spec.segments) {
    const std::string where = "segment '" + s.name + "'";
    if (!validName(s.name)) return spanError(where, "a name is 1-64 letters, digits, '-', '_' or '.'");
    if (!names.insert(s.name).second) return spanError(where, "named twice");
    if (Status st = inside(s.span, where); !st) return st;
  }
  std::stable_sort(spec.segments.begin(), spec.segments.end(),
                   [](const NamedSpan& a, const NamedSpan& b) { return a.span.start < b.span.start; });
  for (std::size_t i = 1; i < spec.segments.size(); ++i)
    if (spec.segments[i].span.start < spec.segments[i - 1].span.end - 1e-9)
      return spanError("segment '" + spec.segments[i].name + "'",
                       "overlaps segment '" + spec.segments[i - 1].name + "' (" + spanText(spec.segments[i - 1].span) + ")");
  for (const TimeSpan& s : spec.noCopy)
    if (Status st = inside(s, "do-not-copy " + spanText(s)); !st) return st;
  std::stable_sort(spec.noCopy.begin(), spec.noCopy.end(), [](const TimeSpan& a, const TimeSpan& b) { return a.start < b.start; });
  for (std::size_t i = 1; i < spec.noCopy.size(); ++i)
    if (spec.noCopy[i].start < spec.noCopy[i - 1].end - 1e-9)
      return spanError("do-not-copy " + spanText(spec.noCopy[i]), "overlaps do-not-copy " + spanText(spec.noCopy[i - 1]));
  std::set<std::string> tolerated;
  for (const SegmentTolerance& t : spec.tolerances) {
    const std::string where = "tolerance of segment '" + t.segment + "'";
    if (names.count(t.segment) == 0) return spanError(where, "no segment has this name");
    if (!tolerated.insert(t.segment).second) return spanError(where, "given twice");
    if (!(t.relative >= kMinSegmentTolerance && t.relative <= kMaxSegmentTolerance))
      return spanError(where, "must be between " + seconds(kMinSegmentTolerance) + " and " + seconds(kMaxSegmentTolerance) +
                                  " (relative error)");
  }
  return okStatus();
}

bool moveSegmentBoundary(AuthoringSpec& spec, const std::string& segment, bool end, double time, double takeDuration,
                         double minLength) {
  std::stable_sort(spec.segments.begin(), spec.segments.end(),
                   [](const NamedSpan& a, const NamedSpan& b) { return a.span.start < b.span.start; });
  const TimeSpan range = spec.trim.value_or(TimeSpan{0.0, takeDuration});
  for (std::size_t i = 0; i < spec.segments.size(); ++i) {
    TimeSpan& s = spec.segments[i].span;
    if (spec.segments[i].name != segment) continue;
    if (!std::isfinite(time)) return true;
    if (end) {
      const double hi = i + 1 < spec.segments.size() ? spec.segments[i + 1].span.start : range.end;
      s.end = std::clamp(time, s.start + minLength, std::max(s.start + minLength, hi));
    } else {
      const double lo = i > 0 ? spec.segments[i - 1].span.end : range.start;
      s.start = std::clamp(time, std::min(lo, s.end - minLength), s.end - minLength);
    }
    return true;
  }
  return false;
}

}  // namespace mimesis
