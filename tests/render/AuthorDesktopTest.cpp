// Authoring on the desktop under a virtual X display: a scripted session on the timeline
// publishes a scene that a headless `mimesis lesson` then runs; a take recorded in the desktop
// window with the puppet reads back.
#include <gtest/gtest.h>

#include <filesystem>

#include "RunCommand.hpp"
#include "XvfbDisplay.hpp"
#include "mimesis/motion/MrecReader.hpp"

namespace mimesis::test {
namespace {

// The commands run in the scratch folder: the paths they are given are relative to it.
std::string inDir(const std::filesystem::path& dir) { return "env -C '" + dir.string() + "' "; }

using mimesis::testing::runCommand;
using mimesis::testing::scratchDir;

const std::string kScripts = std::string(MIMESIS_SOURCE_DIR) + "/tests/render/desktop/";
const std::string kPinch = std::string(MIMESIS_SOURCE_DIR) + "/assets/pinch-and-release.mkeys";

TEST(AuthorDesktopTest, ScriptedTimelineSessionPublishesASceneTheLessonRuns) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const auto dir = scratchDir("author-desktop");
  auto r = runCommand(inDir(dir) + std::string(MIMESIS_BINARY) + " author '" + kPinch + "' --desktop --input '" + kScripts +
                          "author-pinch.script' --frames 40 --size 640x400 --out scenes/authored.json",
                      dir);
  ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
  EXPECT_NE(r.out.find("40 frames shown"), std::string::npos) << r.out;
  const std::string scene = mimesis::testing::readText(dir / "scenes" / "authored.json");
  EXPECT_NE(scene.find("\"view\": \"side\""), std::string::npos) << scene;
  EXPECT_NE(scene.find("\"clip\": \"authored.mrec\""), std::string::npos) << scene;
  auto clip = readMrec((dir / "scenes" / "authored.mrec").string());
  ASSERT_TRUE(clip) << clip.error().describe();
  const Clip& authored = clip->clip;
  ASSERT_EQ(authored.segments.size(), 5u);
  // Times are the trimmed clip's: the dragged boundary (take 2.8 s) is at 2.6 s.
  EXPECT_EQ(authored.segments[2].name, "lift");
  EXPECT_NEAR(authored.segments[2].end, 2.6, 1e-9);
  EXPECT_NEAR(authored.segments[3].start, 2.6, 1e-9);
  bool doNotCopy = false;
  for (const Annotation& a : authored.annotations) doNotCopy = doNotCopy || a.kind == "do-not-copy";
  EXPECT_TRUE(doNotCopy);
  auto run = runCommand(inDir(dir) + std::string(MIMESIS_BINARY) + " lesson scenes/authored.json --simulate --trials 2 --no-html --report rep", dir);
  EXPECT_EQ(run.exitCode, 0) << run.err;
  EXPECT_TRUE(std::filesystem::exists(dir / "rep" / "summary.json"));
}

TEST(AuthorDesktopTest, AuthoringActionInALessonIsAnError) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const auto dir = scratchDir("author-action-in-lesson");
  auto r = runCommand(inDir(dir) + std::string(MIMESIS_BINARY) + " desktop '" + std::string(MIMESIS_SOURCE_DIR) +
                          "/scenes/pinch-and-release.json' --frames 20 --size 320x240 --report rep --input '" + kScripts +
                          "author-pinch.script'",
                      dir);
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.err.find("authoring action"), std::string::npos) << r.err;
}

TEST(AuthorDesktopTest, PuppetTakeRecordedInTheWindowReadsBack) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const auto dir = scratchDir("record-desktop");
  auto r = runCommand(inDir(dir) + std::string(MIMESIS_BINARY) + " record --desktop --input '" + kScripts +
                          "puppet-pinch.script' --seconds 1 --countdown 0.5 --size 320x240 --out take.mrec",
                      dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto take = readMrec((dir / "take.mrec").string());
  ASSERT_TRUE(take) << take.error().describe();
  EXPECT_FALSE(take->recovery.torn);
  EXPECT_EQ(take->clip.frames.size(), 91u);
  EXPECT_TRUE(take->clip.frames.front().hand(Hand::Right).active);
}

}  // namespace
}  // namespace mimesis::test
