// The desktop panels must be readable: at the default window size (1280x800) and at 1920x1080,
// with the longest texts a lesson produces, every panel lies on screen, no two overlap, and
// each panel's items fit inside its visible region (ImGui's own item rectangles, not pixels).
// Also: the live score bars carry their numbers.
#include <gtest/gtest.h>

#include <limits>
#include <string>
#include <vector>

#include "ImGuiTestContext.hpp"
#include "mimesis/ui/DesktopPanels.hpp"

namespace mimesis {
namespace {

// A DesktopModel at its fullest: the longest texts the shipped scenes' lessons produced with
// simulated learners (12 trials of each scene: `mimesis lesson SCENE --simulate --trials 12`),
// the mirror model's longest cue wording twice (CueConfig::maxActive), six segments.
DesktopModel fullestModel() {
  DesktopModel m;
  m.lessonName = "pinch-and-release";
  m.sourceName = "recording learner-improving.mrec";
  m.state.stage = Stage::Retention;
  m.state.trial = 11;
  m.state.message = "Last 3 trials: average 68, best 77. You are building it step by step.";
  m.state.knowledgeOfResults =
      "Trial 4: 70/100, up 14 on your recent trials. Next, focus on your right wrist in segment 'A'. Good eye! You can "
      "leave out 'raising the hand is not part of the word' - it is not part of the movement.";
  m.state.cueCount = 2;
  m.state.cues[0].message = "Try moving the right middle a little earlier";
  m.state.cues[1].message = "Follow the ghost's middle with your right hand";
  m.state.loopedSegment = 2;
  for (std::size_t c = 0; c < m.estimates.liveError.size(); ++c) {
    m.estimates.liveValid[c] = c % 3 != 0;
    m.estimates.liveError[c] = 0.1f * static_cast<float>(c % 7);
  }
  m.estimates.learner.valid = true;
  m.estimates.learner.lagMs = 1234.0;
  m.estimates.learner.gain = 0.87;
  m.estimates.learner.resonance = 0.91;
  m.segmentNames = {"settling in before the action", "reach", "pinch", "lift", "lower", "release"};
  m.segmentMastery = {1.0, 0.95, 0.5, 0.25, 0.0, 0.75};
  for (int i = 0; i < 300; ++i) m.liveScore.push_back(static_cast<float>(i % 100));
  m.trialScores = {55.0, 61.9, 70.0, 77.0, 100.0};
  m.sessionTime = 1234.5;
  m.expertTime = 4.99;
  m.expertDuration = 5.0;
  m.recordingPath = "desktop-session-with-a-long-name/session.mrec";
  m.framesRecorded = 1234567;
  return m;
}

struct PanelRects {
  std::string name;
  ImRect outer;    // the window on screen
  ImRect visible;  // where its items can be seen (ImGui clips the rest)
  ImVec2 itemsMax; // the far corner of every item laid out in it this frame
};

// Draws the panels for a few frames (auto-sized windows settle on the second) in a context of
// its own with the desktop's style and font, and returns each panel's rectangles.
std::vector<PanelRects> layOut(const DesktopModel& model, DesktopControls controls, ImVec2 display) {
  testing::ImGuiTestContext ui(display);
  std::vector<PanelRects> panels;
  for (int frame = 0; frame < 4; ++frame) ui.frame([&] { drawDesktopPanels(model, controls); });
  for (ImGuiWindow* window : ui.context()->Windows) {
    if (!window->WasActive || (window->Flags & ImGuiWindowFlags_ChildWindow) != 0) continue;
    if (std::string(window->Name).rfind("Debug##", 0) == 0) continue;  // ImGui's implicit window
    panels.push_back({window->Name, window->Rect(), window->InnerClipRect, window->DC.CursorMaxPos});
  }
  return panels;
}

void expectReadable(const std::vector<PanelRects>& panels, ImVec2 display, std::size_t expectedPanels) {
  ASSERT_EQ(panels.size(), expectedPanels);
  const ImRect screen(ImVec2(0.0f, 0.0f), display);
  for (const PanelRects& p : panels) {
    EXPECT_TRUE(screen.Contains(p.outer)) << p.name << " runs off the " << display.x << "x" << display.y << " window: "
                                          << p.outer.Min.x << "," << p.outer.Min.y << " to " << p.outer.Max.x << ","
                                          << p.outer.Max.y;
    // Half a pixel: ImGui rounds window sizes.
    EXPECT_LE(p.itemsMax.x, p.visible.Max.x + 0.5f) << p.name << ": an item is cut off on the right";
    EXPECT_LE(p.itemsMax.y, p.visible.Max.y + 0.5f) << p.name << ": an item is cut off at the bottom";
    for (const PanelRects& q : panels)
      if (&p < &q) {
        EXPECT_FALSE(p.outer.Overlaps(q.outer)) << p.name << " and " << q.name << " overlap";
      }
  }
}

class DesktopPanelsLayout : public ::testing::TestWithParam<ImVec2> {};

TEST_P(DesktopPanelsLayout, FullestPanelsFitWithThePuppet) {
  PuppetState puppet = defaultPuppet();
  DesktopControls c;
  c.puppet = &puppet;
  expectReadable(layOut(fullestModel(), c, GetParam()), GetParam(), 7);
}

TEST_P(DesktopPanelsLayout, FullestPanelsFitWithHelpShown) {
  DesktopControls c;
  c.showHelp = true;
  c.paused = true;
  c.followModelView = false;
  expectReadable(layOut(fullestModel(), c, GetParam()), GetParam(), 8);
}

INSTANTIATE_TEST_SUITE_P(WindowSizes, DesktopPanelsLayout,
                         ::testing::Values(ImVec2(1280.0f, 800.0f), ImVec2(1920.0f, 1080.0f)),
                         [](const ::testing::TestParamInfo<ImVec2>& i) {
                           return std::to_string(static_cast<int>(i.param.x)) + "x" + std::to_string(static_cast<int>(i.param.y));
                         });

TEST(DesktopPanels, ScoreBarsShowTheirNumbers) {
  EXPECT_EQ(liveScoreLabel(true, 0.0f), "100%");
  EXPECT_EQ(liveScoreLabel(true, 0.26f), "87%");
  EXPECT_EQ(liveScoreLabel(true, 3.0f), "0%");
  EXPECT_EQ(liveScoreLabel(false, 0.26f), "untracked");
  EXPECT_EQ(liveScoreLabel(true, std::numeric_limits<float>::quiet_NaN()), "untracked");
  EXPECT_FLOAT_EQ(liveQuality(true, 0.26f), 0.87f);
}

// A test that can fail the other way: the checks above catch a panel too small for its text.
TEST(DesktopPanelsLayoutCheck, ASmallWindowIsReportedAsCutOff) {
  const std::vector<PanelRects> panels = layOut(fullestModel(), DesktopControls{}, ImVec2(640.0f, 400.0f));
  bool offScreen = false;
  for (const PanelRects& p : panels)
    offScreen |= !ImRect(ImVec2(0.0f, 0.0f), ImVec2(640.0f, 400.0f)).Contains(p.outer);
  EXPECT_TRUE(offScreen) << "at 640x400 the left column cannot fit";
}

}  // namespace
}  // namespace mimesis
