// Authoring script actions (see DesktopAuthoring.hpp).
#include "DesktopAuthoring.hpp"

#include <algorithm>

namespace mimesis {

bool isAuthoringAction(const std::string& a) {
  return a == "trim" || a == "segment" || a == "nocopy" || a == "tolerance" || a == "boundary" || a == "scrub" ||
         a == "mapping" || a == "view";
}

Status applyAuthoringEvent(const ScriptEvent& e, AuthoringSpec& spec, double takeDuration, DesktopControls& c) {
  const std::string where = "input script, frame " + std::to_string(e.frame);
  if (e.action == "trim") {
    spec.trim = TimeSpan{e.x, e.y};
  } else if (e.action == "segment") {
    auto it = std::find_if(spec.segments.begin(), spec.segments.end(), [&](const NamedSpan& s) { return s.name == e.name; });
    if (it != spec.segments.end()) it->span = TimeSpan{e.x, e.y};
    else spec.segments.push_back(NamedSpan{e.name, TimeSpan{e.x, e.y}});
  } else if (e.action == "nocopy") {
    spec.noCopy.push_back(TimeSpan{e.x, e.y});
  } else if (e.action == "tolerance") {
    auto it = std::find_if(spec.tolerances.begin(), spec.tolerances.end(),
                           [&](const SegmentTolerance& t) { return t.segment == e.name; });
    if (it != spec.tolerances.end()) it->relative = e.x;
    else spec.tolerances.push_back(SegmentTolerance{e.name, e.x});
  } else if (e.action == "boundary") {
    if (!moveSegmentBoundary(spec, e.name, e.word == "end", e.x, takeDuration))
      return makeError(ErrorCode::BadInput, "no segment named '" + e.name + "' to move", where);
  } else if (e.action == "scrub") {
    c.paused = true;
    c.scrubbing = true;
    c.previewSegment = -1;
    c.previewTime = static_cast<float>(std::clamp(e.x, 0.0, takeDuration));
  } else if (e.action == "mapping") {
    spec.mapping = e.name == "mirror" ? ImitationMapping::Mirror : ImitationMapping::Anatomical;
  } else if (e.action == "view") {
    spec.view = e.name == "side" ? LessonView::Side : e.name == "first-person" ? LessonView::FirstPerson : LessonView::Facing;
  }
  return okStatus();
}

}  // namespace mimesis
