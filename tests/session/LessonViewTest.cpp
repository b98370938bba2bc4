// The scene's "view" key (added with authoring): optional, old scenes open facing; a bad value
// names the key.
#include <gtest/gtest.h>

#include "mimesis/session/Lesson.hpp"

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

}  // namespace
}  // namespace mimesis
