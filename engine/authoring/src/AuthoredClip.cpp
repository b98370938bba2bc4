// Cutting a take into a lesson's clip (see AuthoredClip.hpp).
#include "mimesis/authoring/AuthoredClip.hpp"

#include <algorithm>

namespace mimesis {

double takeSeconds(const Clip& take, std::size_t frame) {
  return take.frames.empty() ? 0.0 : take.frames[frame].time - take.frames.front().time;
}

Result<Clip> buildAuthoredClip(const Clip& take, AuthoringSpec& spec, const std::string& name) {
  if (take.frames.size() < 2) return makeError(ErrorCode::BadInput, "the take needs at least two frames", "take");
  if (Status st = validateAuthoringSpec(spec, take.duration()); !st) return st.error();
  const TimeSpan range = spec.trim.value_or(TimeSpan{0.0, take.duration()});
  Clip out;
  out.info = take.info;
  out.info.name = name;
  out.info.source = "authored from " + (take.info.source.empty() ? std::string("a take") : take.info.source);
  out.rate = take.rate;
  out.body = take.body;
  // A frame sits on the trim's edge when it is within a hundredth of a frame of it: times
  // typed as decimals rarely hit a frame's binary time exactly.
  const double slack = 0.01 / std::max(1.0, take.rate);
  double first = -1.0;
  for (std::size_t f = 0; f < take.frames.size(); ++f) {
    const double t = takeSeconds(take, f);
    if (t < range.start - slack || t > range.end + slack) continue;
    if (first < 0.0) first = t;
    Frame fr = take.frames[f];
    fr.time = t - first;
    out.frames.push_back(std::move(fr));
  }
  if (out.frames.size() < 2)
    return makeError(ErrorCode::BadInput, "fewer than two frames of the take lie in the trim", "trim");
  const ClipContents contents = describeContents(out);
  if (!contents.left && !contents.right) return makeError(ErrorCode::BadInput, "no hand is tracked in the trimmed take", "trim");
  const double end = out.duration();
  // Spans are shifted by the first kept frame and clamped to the clip, so a span ending at the
  // trim's end stays inside the clip that validateClip checks.
  auto shifted = [&](const TimeSpan& s) {
    return TimeSpan{std::clamp(s.start - first, 0.0, end), std::clamp(s.end - first, 0.0, end)};
  };
  for (const NamedSpan& s : spec.segments) {
    const TimeSpan t = shifted(s.span);
    out.segments.push_back(Segment{s.name, t.start, t.end});
  }
  for (const TimeSpan& s : spec.noCopy) {
    const TimeSpan t = shifted(s);
    out.annotations.push_back(Annotation{"do-not-copy", t.start, t.end, 0.0, "marked when authoring"});
  }
  for (const SegmentTolerance& tol : spec.tolerances)
    for (const Segment& s : out.segments)
      if (s.name == tol.segment) out.annotations.push_back(Annotation{"tolerance", s.start, s.end, tol.relative, s.name});
  const double t0 = take.frames.front().time;  // annotations are on the take's clock
  for (const Annotation& a : take.annotations)
    if (a.kind == "note" && a.start - t0 >= range.start && a.end - t0 <= range.end) {
      const TimeSpan t = shifted(TimeSpan{a.start - t0, a.end - t0});
      out.annotations.push_back(Annotation{a.kind, t.start, t.end, a.value, a.text});
    }
  if (Status st = validateClip(out, "authored clip"); !st) return st.error();
  return out;
}

}  // namespace mimesis
