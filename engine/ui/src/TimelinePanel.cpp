// The authoring timeline panel (see TimelinePanel.hpp).
#include "mimesis/ui/TimelinePanel.hpp"

#include <imgui.h>

#include <algorithm>
#include <cstdio>

namespace mimesis {

float timelineX(double t, double duration, float x0, float x1) {
  if (!(duration > 0.0)) return x0;
  return x0 + static_cast<float>(std::clamp(t / duration, 0.0, 1.0)) * (x1 - x0);
}

double timelineTime(float x, double duration, float x0, float x1) {
  if (!(x1 > x0) || !(duration > 0.0)) return 0.0;
  return std::clamp(static_cast<double>((x - x0) / (x1 - x0)), 0.0, 1.0) * duration;
}

void drawTimelinePanel(const TimelineModel& m, AuthoringSpec& spec, DesktopControls& c) {
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + 8.0f, vp->WorkPos.y + vp->WorkSize.y - 150.0f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowSize(ImVec2(std::max(300.0f, vp->WorkSize.x - 16.0f), 140.0f), ImGuiCond_FirstUseEver);
  if (!ImGui::Begin("Timeline")) {
    ImGui::End();
    return;
  }
  const double duration = std::max(m.takeDuration, 1e-3);
  ImGui::Text("%s  %.2f / %.2f s   %zu segments, %zu do-not-copy   mapping %s, view %s", m.takeName.c_str(),
              c.paused && c.scrubbing ? static_cast<double>(c.previewTime) : m.playhead, duration, spec.segments.size(),
              spec.noCopy.size(), std::string(imitationMappingName(spec.mapping)).c_str(),
              std::string(lessonViewName(spec.view)).c_str());

  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const float width = std::max(50.0f, ImGui::GetContentRegionAvail().x);
  const float height = 44.0f;
  const float x0 = origin.x, x1 = origin.x + width, y0 = origin.y, y1 = origin.y + height;
  // The bar itself scrubs: pressed or dragged, it pauses and shows the take at that time.
  ImGui::InvisibleButton("##timeline", ImVec2(width, height));
  // The boundary handles are drawn over the bar after it; without this the bar, submitted first,
  // keeps the mouse and a press on a handle scrubs instead of dragging the boundary.
  ImGui::SetItemAllowOverlap();
  const bool barActive = ImGui::IsItemActive();
  dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x1, y1), IM_COL32(40, 40, 48, 255));
  if (spec.trim) {  // outside the trim: shaded
    dl->AddRectFilled(ImVec2(x0, y0), ImVec2(timelineX(spec.trim->start, duration, x0, x1), y1), IM_COL32(0, 0, 0, 160));
    dl->AddRectFilled(ImVec2(timelineX(spec.trim->end, duration, x0, x1), y0), ImVec2(x1, y1), IM_COL32(0, 0, 0, 160));
  }
  // Okabe–Ito colours, alternating so neighbours differ.
  static const ImU32 colours[] = {IM_COL32(230, 159, 0, 200), IM_COL32(86, 180, 233, 200), IM_COL32(0, 158, 115, 200),
                                  IM_COL32(204, 121, 167, 200)};
  for (std::size_t i = 0; i < spec.segments.size(); ++i) {
    const NamedSpan& s = spec.segments[i];
    const float a = timelineX(s.span.start, duration, x0, x1), b = timelineX(s.span.end, duration, x0, x1);
    dl->AddRectFilled(ImVec2(a, y0 + 4.0f), ImVec2(b, y1 - 16.0f), colours[i % 4]);
    dl->AddText(ImVec2(a + 3.0f, y0 + 6.0f), IM_COL32(0, 0, 0, 255), s.name.c_str());
  }
  for (const TimeSpan& s : spec.noCopy) {  // hatched
    const float a = timelineX(s.start, duration, x0, x1), b = timelineX(s.end, duration, x0, x1);
    for (float x = a; x < b; x += 6.0f)
      dl->AddLine(ImVec2(x, y1 - 14.0f), ImVec2(std::min(b, x + 8.0f), y1 - 2.0f), IM_COL32(213, 94, 0, 255), 1.5f);
    dl->AddRect(ImVec2(a, y1 - 14.0f), ImVec2(b, y1 - 2.0f), IM_COL32(213, 94, 0, 255));
  }
  const double shown = c.paused && c.scrubbing ? static_cast<double>(c.previewTime) : m.playhead;
  const float px = timelineX(shown, duration, x0, x1);
  dl->AddLine(ImVec2(px, y0), ImVec2(px, y1), IM_COL32(255, 255, 255, 255), 2.0f);

  // Segment boundaries: a handle at each start and end, dragged along the bar.
  const ImVec2 after = ImGui::GetCursorScreenPos();
  for (std::size_t i = 0; i < spec.segments.size(); ++i)
    for (int edge = 0; edge < 2; ++edge) {
      const NamedSpan& s = spec.segments[i];
      const float x = timelineX(edge == 0 ? s.span.start : s.span.end, duration, x0, x1);
      ImGui::SetCursorScreenPos(ImVec2(x - 4.0f, y0));
      ImGui::PushID(static_cast<int>(i * 2 + static_cast<std::size_t>(edge)));
      ImGui::InvisibleButton("##edge", ImVec2(8.0f, height - 16.0f));
      const bool hovered = ImGui::IsItemHovered(), active = ImGui::IsItemActive();
      if (active) {
        const std::string name = s.name;  // moveSegmentBoundary may reorder
        moveSegmentBoundary(spec, name, edge == 1, timelineTime(ImGui::GetIO().MousePos.x, duration, x0, x1), m.takeDuration);
      }
      dl->AddRectFilled(ImVec2(x - 2.0f, y0 + 2.0f), ImVec2(x + 2.0f, y1 - 16.0f),
                        active ? IM_COL32(255, 255, 255, 255) : hovered ? IM_COL32(220, 220, 220, 255) : IM_COL32(160, 160, 160, 255));
      ImGui::PopID();
    }
  ImGui::SetCursorScreenPos(after);
  if (barActive) {
    c.paused = true;
    c.scrubbing = true;
    c.previewSegment = -1;
    c.previewTime = static_cast<float>(timelineTime(ImGui::GetIO().MousePos.x, duration, x0, x1));
  }
  if (ImGui::Button(c.paused ? "Play" : "Pause")) c.paused = !c.paused;
  ImGui::SameLine();
  if (ImGui::Button("Trim start here")) {
    const TimeSpan t = spec.trim.value_or(TimeSpan{0.0, m.takeDuration});
    if (shown < t.end) spec.trim = TimeSpan{shown, t.end};
  }
  ImGui::SameLine();
  if (ImGui::Button("Trim end here")) {
    const TimeSpan t = spec.trim.value_or(TimeSpan{0.0, m.takeDuration});
    if (shown > t.start) spec.trim = TimeSpan{t.start, shown};
  }
  ImGui::End();
}

}  // namespace mimesis
