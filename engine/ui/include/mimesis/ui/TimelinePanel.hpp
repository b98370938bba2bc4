// TimelinePanel: the desktop's authoring timeline — the take as a bar in take seconds, the trim
// shaded outside, named segments as blocks whose boundaries are dragged with the mouse,
// do-not-copy spans hatched, the playhead; clicking or dragging on the bar scrubs (pauses and
// shows the take at that time as the ghost). It edits the AuthoringSpec the desktop publishes
// and the DesktopControls' scrub; nothing else.
#pragma once

#include <string>

#include "mimesis/authoring/AuthoringSpec.hpp"
#include "mimesis/ui/DesktopPanels.hpp"

namespace mimesis {

struct TimelineModel {
  double takeDuration = 0.0;  // seconds
  double playhead = 0.0;      // take seconds shown now
  std::string takeName;
};

// Call between ImGui::NewFrame and ImGui::Render, after drawDesktopPanels.
void drawTimelinePanel(const TimelineModel& model, AuthoringSpec& spec, DesktopControls& controls);

// Where take second `t` lies on a bar from x0 to x1 pixels, and back (clamped to the take).
float timelineX(double t, double duration, float x0, float x1);
double timelineTime(float x, double duration, float x0, float x1);

}  // namespace mimesis
