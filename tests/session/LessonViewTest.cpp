// The scene's "view" key (added with authoring): optional, old scenes open facing; a bad value
// names the key.
#include <gtest/gtest.h>

#include "SessionTestSupport.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/session/Lesson.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

const std::string kScene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/view-test.json";

TEST(LessonView, OldScenesOpenFacingAndTheKeyIsRead) {
  auto old = parseLesson(R"({"clip": "pinch-and-release.mkeys"})", kScene);
  ASSERT_TRUE(old) << old.error().describe();
  EXPECT_EQ(old->view, LessonView::Facing);
  auto side = parseLesson(R"({"clip": "pinch-and-release.mkeys", "view": "side"})", kScene);
  ASSERT_TRUE(side) << side.error().describe();
  EXPECT_EQ(side->view, LessonView::Side);
  auto fp = parseLesson(R"({"clip": "pinch-and-release.mkeys", "view": "first-person"})", kScene);
  ASSERT_TRUE(fp);
  EXPECT_EQ(fp->view, LessonView::FirstPerson);
  auto bad = parseLesson(R"({"clip": "pinch-and-release.mkeys", "view": "above"})", kScene);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().where, kScene + ": key 'view'");
}


// The view a lesson is performed in is the mirror model's, so the headless and headset front ends
// follow the key too: a first-person scene starts first-person and comes back to it after
// Imagine; a facing scene starts facing, goes first-person for Imagine and comes back facing.
std::vector<View> trialViews(const std::string& view, const std::string& name) {
  const auto dir = testing::sessionTempDir("view-" + name);
  const Lesson lesson = testing::lessonFromScene(dir, "view.json", R"({
    "clip": ")" + testing::assetPath("thumbs-up.mkeys") + R"(", "view": ")" + view + R"(",
    "mirror": {"stages": {"watchTrials": 1, "imagineTrials": 1, "advanceTrials": 2, "advanceMastery": 0.7}}
  })");
  EXPECT_EQ(lesson.mirror.perspective.home, view == "first-person" ? View::FirstPerson : View::Facing);
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  ReportOptions quick;
  quick.writeHtml = false;
  Result<HeadlessResult> r = runHeadlessLesson(lesson, source, 4, (dir / "report").string(), quick);
  EXPECT_TRUE(r.ok()) << r.error().describe();
  std::vector<View> views;
  if (r.ok())
    for (const TrialRecord& t : r->trials) views.push_back(t.view);
  return views;
}

TEST(LessonView, TheMirrorModelStartsInTheScenesViewAndReturnsToItAfterImagine) {
  const std::vector<View> fp = trialViews("first-person", "fp");
  ASSERT_EQ(fp.size(), 4u);
  for (View v : fp) EXPECT_EQ(v, View::FirstPerson);
  const std::vector<View> facing = trialViews("facing", "facing");
  ASSERT_EQ(facing.size(), 4u);
  EXPECT_EQ(facing[0], View::Facing);       // watch
  EXPECT_EQ(facing[1], View::FirstPerson);  // imagine
  EXPECT_EQ(facing[2], View::Facing);       // back after imagine
  const std::vector<View> side = trialViews("side", "side");  // a desktop camera: facing model
  ASSERT_EQ(side.size(), 4u);
  EXPECT_EQ(side[0], View::Facing);
  EXPECT_EQ(side[2], View::Facing);
}

}  // namespace
}  // namespace mimesis
