// The authoring timeline: take seconds map onto the bar and back, clamped to the take; pressing
// the bar pauses and scrubs to the time under the mouse; dragging a segment's boundary moves it;
// the trim buttons cut at the time shown.
#include <gtest/gtest.h>

#include "ImGuiTestContext.hpp"
#include "mimesis/ui/TimelinePanel.hpp"

namespace mimesis {
namespace {

using testing::ImGuiTestContext;

TEST(TimelinePanel, TakeSecondsMapOntoTheBarAndBack) {
  EXPECT_FLOAT_EQ(timelineX(0.0, 4.0, 100.0f, 500.0f), 100.0f);
  EXPECT_FLOAT_EQ(timelineX(1.0, 4.0, 100.0f, 500.0f), 200.0f);
  EXPECT_FLOAT_EQ(timelineX(4.0, 4.0, 100.0f, 500.0f), 500.0f);
  EXPECT_FLOAT_EQ(timelineX(9.0, 4.0, 100.0f, 500.0f), 500.0f);   // clamped to the take
  EXPECT_FLOAT_EQ(timelineX(-1.0, 4.0, 100.0f, 500.0f), 100.0f);
  EXPECT_FLOAT_EQ(timelineX(1.0, 0.0, 100.0f, 500.0f), 100.0f);   // no take: the bar's start
  EXPECT_DOUBLE_EQ(timelineTime(300.0f, 4.0, 100.0f, 500.0f), 2.0);
  EXPECT_DOUBLE_EQ(timelineTime(50.0f, 4.0, 100.0f, 500.0f), 0.0);
  EXPECT_DOUBLE_EQ(timelineTime(900.0f, 4.0, 100.0f, 500.0f), 4.0);
  EXPECT_DOUBLE_EQ(timelineTime(300.0f, 4.0, 500.0f, 500.0f), 0.0);  // an empty bar
  for (double t : {0.25, 1.5, 3.75})
    EXPECT_NEAR(timelineTime(timelineX(t, 4.0, 8.0f, 1272.0f), 4.0, 8.0f, 1272.0f), t, 1e-5);
}

// The bar of the panel as laid out: it starts one text line below the window's first item and
// spans the content width (TimelinePanel.cpp lays it out so).
struct Bar {
  float x0, x1, y0, y1;
  float x(double t, double duration) const { return timelineX(t, duration, x0, x1); }
};

Bar barOf(ImGuiContext* context) {
  ImGuiWindow* w = ImGui::FindWindowByName("Timeline");
  EXPECT_NE(w, nullptr);
  if (w == nullptr) return {};
  const float y0 = w->DC.CursorStartPos.y + ImGui::GetTextLineHeight() + context->Style.ItemSpacing.y;
  return {w->DC.CursorStartPos.x, w->WorkRect.Max.x, y0, y0 + 44.0f};
}

struct Timeline {
  ImGuiTestContext ui{ImVec2(1280.0f, 800.0f)};
  TimelineModel model{4.0, 1.0, "take"};
  AuthoringSpec spec;
  DesktopControls controls;
  void frame(ImVec2 mouse = ImVec2(-1.0f, -1.0f), bool down = false) {
    ui.frame([&] { drawTimelinePanel(model, spec, controls); }, mouse, down);
  }
};

TEST(TimelinePanel, PressingTheBarPausesAndScrubsToTheTimeUnderTheMouse) {
  Timeline t;
  t.frame();
  const Bar bar = barOf(t.ui.context());
  EXPECT_FALSE(t.controls.paused);
  t.frame(ImVec2(bar.x(3.0, 4.0), bar.y1 - 8.0f), true);
  EXPECT_TRUE(t.controls.paused);
  EXPECT_TRUE(t.controls.scrubbing);
  EXPECT_EQ(t.controls.previewSegment, -1);
  EXPECT_NEAR(t.controls.previewTime, 3.0f, 0.01f);
  // Dragging follows the mouse.
  t.frame(ImVec2(bar.x(0.5, 4.0), bar.y1 - 8.0f), true);
  EXPECT_NEAR(t.controls.previewTime, 0.5f, 0.01f);
  t.frame(ImVec2(bar.x(0.5, 4.0), bar.y1 - 8.0f), false);
  // A press elsewhere (above the bar, on the title text) does not scrub.
  t.controls.scrubbing = false;
  t.frame(ImVec2(bar.x(2.0, 4.0), bar.y0 - 20.0f), true);
  EXPECT_FALSE(t.controls.scrubbing);
}

// A press on a boundary handle drags it, though the scrubbing bar lies under the handle (the bar
// allows overlap; without that the press scrubs and the boundary never moves).
TEST(TimelinePanel, DraggingASegmentBoundaryMovesIt) {
  Timeline t;
  t.spec.segments = {{"reach", {1.0, 2.0}}};
  t.frame();
  const Bar bar = barOf(t.ui.context());
  const float y = bar.y0 + 10.0f;  // the handles cover the top of the bar
  t.frame(ImVec2(bar.x(2.0, 4.0), y), true);
  t.frame(ImVec2(bar.x(3.0, 4.0), y), true);
  t.frame(ImVec2(bar.x(3.0, 4.0), y), false);
  ASSERT_EQ(t.spec.segments.size(), 1u);
  EXPECT_DOUBLE_EQ(t.spec.segments[0].span.start, 1.0);
  EXPECT_NEAR(t.spec.segments[0].span.end, 3.0, 0.01) << "the press scrubbed to " << t.controls.previewTime << " s instead";
}

}  // namespace
}  // namespace mimesis
