// `mimesis desktop` under a virtual X display on lavapipe, validation on: scripted input runs N
// frames and the screenshot (panels included) is compared with a golden image; an ImGui
// interaction driven by the script (switching the view in the View panel) changes the picture;
// whole lessons (tests/render/desktop/short-lesson.json) run to their end, with and without a
// screenshot, and an Esc mid-trial, all exit 0 with no validation message.
#include <gtest/gtest.h>

#include <sstream>
#include <vector>

#include "RenderFixture.hpp"
#include "RunCommand.hpp"
#include "XvfbDisplay.hpp"
#include "mimesis/motion/MrecReader.hpp"

namespace mimesis::test {
namespace {

using mimesis::testing::runCommand;
using mimesis::testing::scratchDir;

const std::string kScene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/pinch-and-release.json";
const std::string kScripts = std::string(MIMESIS_SOURCE_DIR) + "/tests/render/desktop/";

RgbaImage runDesktop(const std::string& name, const std::string& args) {
  XvfbDisplay& display = XvfbDisplay::get();
  if (!display.ok()) {
    ADD_FAILURE() << display.why();
    return {};
  }
  const auto dir = scratchDir("desktop-" + name);
  const std::string png = (dir / "shot.png").string();
  const auto r = runCommand(std::string(MIMESIS_BINARY) + " desktop '" + kScene + "' --size 960x600 --validate --report '" +
                                (dir / "report").string() + "' --screenshot '" + png + "' " + args,
                            dir);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.err, "") << "no validation or other messages expected";
  EXPECT_NE(r.out.find("the recording is kept"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("stopped: "), std::string::npos) << r.out;
  // A stopped session still writes its reports.
  EXPECT_TRUE(std::filesystem::exists(dir / "report" / "report.html"));
  // The session recording survives the early stop and reads back.
  auto rec = readMrec((dir / "report" / "session.mrec").string());
  EXPECT_TRUE(rec) << (rec ? "" : rec.error().describe());
  auto image = readPng(png);
  EXPECT_TRUE(image) << (image ? "" : image.error().describe());
  return image ? *image : RgbaImage{};
}

TEST(DesktopCommandTest, PuppetSessionMatchesGolden) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const RgbaImage im = runDesktop("puppet", "--frames 24 --input '" + kScripts + "puppet-pinch.script'");
  ASSERT_EQ(im.width, 960);
  expectMatchesGolden(im, "desktop-puppet");
}

TEST(DesktopCommandTest, SwitchingTheViewInThePanelChangesThePicture) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const RgbaImage followed = runDesktop("follow", "--frames 30");
  const RgbaImage side = runDesktop("side", "--frames 30 --input '" + kScripts + "switch-to-side-view.script'");
  ASSERT_EQ(side.width, 960);
  EXPECT_GT(compareImages(side, followed, 16).differingFraction, 0.10) << "the side view must look different";
  expectMatchesGolden(side, "desktop-side-view");
}

// ---- whole sessions to the end (issue 19: every scored session used to end in a segfault) ----

const std::string kShortLesson = kScripts + "short-lesson.json";  // 2 scored trials of 61 frames

struct DesktopRun {
  mimesis::testing::CommandOutput result;
  std::filesystem::path dir;
};

DesktopRun runShortLesson(const std::string& name, const std::string& args) {
  const auto dir = scratchDir("desktop-" + name);
  auto r = runCommand(std::string(MIMESIS_BINARY) + " desktop '" + kShortLesson + "' --simulate --size 320x240 --validate --report '" +
                          (dir / "report").string() + "' " + args,
                      dir);
  return {std::move(r), dir};
}

// Every trial of the run: the lines of trials.csv after the header.
std::vector<std::string> trialRows(const std::filesystem::path& report) {
  std::istringstream in(mimesis::testing::readText(report / "trials.csv"));
  std::vector<std::string> rows;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) rows.push_back(line);
  if (!rows.empty()) rows.erase(rows.begin());
  return rows;
}

void expectCleanEnd(const DesktopRun& run) {
  EXPECT_EQ(run.result.exitCode, 0) << "the desktop must end cleanly\n" << run.result.err;
  EXPECT_EQ(run.result.err, "") << "no validation or other messages expected";
  EXPECT_TRUE(std::filesystem::exists(run.dir / "report" / "report.html"));
}

TEST(DesktopCommandTest, WholeLessonWithScreenshotEndsCleanly) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const auto shot = scratchDir("desktop-whole-shot-png") / "shot.png";
  const auto run = runShortLesson("whole-shot", "--frames 1000 --screenshot '" + shot.string() + "'");
  expectCleanEnd(run);
  EXPECT_NE(run.result.out.find("2 trials, 122 frames shown; trials;"), std::string::npos) << run.result.out;
  const std::vector<std::string> rows = trialRows(run.dir / "report");
  ASSERT_EQ(rows.size(), 2u);
  for (const std::string& row : rows) EXPECT_NE(row.find(",guided,1,"), std::string::npos) << "a scored trial: " << row;
  // The report's worst-moment pictures are drawn while the window is still open (a second
  // renderer and ImGui overlay in the process): the picture must be there.
  EXPECT_NE(mimesis::testing::readText(run.dir / "report" / "report.html").find("data:image/png"), std::string::npos);
  auto image = readPng(shot.string());
  ASSERT_TRUE(image) << image.error().describe();
  EXPECT_EQ(image->width, 320);
}

TEST(DesktopCommandTest, WholeLessonWithoutFrameLimitEndsCleanly) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const auto run = runShortLesson("whole", "");
  expectCleanEnd(run);
  EXPECT_NE(run.result.out.find("2 trials, 122 frames shown; trials;"), std::string::npos) << run.result.out;
  EXPECT_EQ(trialRows(run.dir / "report").size(), 2u);
}

TEST(DesktopCommandTest, EscMidTrialEndsCleanlyAndKeepsTheReports) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  const auto dir = scratchDir("desktop-esc-script");
  mimesis::testing::writeText(dir / "esc.script", "# Esc in the middle of the first trial\n30 key esc\n");
  const auto run = runShortLesson("esc", "--input '" + (dir / "esc.script").string() + "'");
  expectCleanEnd(run);
  EXPECT_NE(run.result.out.find("1 trials, 31 frames shown; stopped: window closed;"), std::string::npos) << run.result.out;
  const std::vector<std::string> rows = trialRows(run.dir / "report");
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_NE(rows[0].find(",guided,1,"), std::string::npos) << "the cut trial is still scored: " << rows[0];
  auto rec = readMrec((run.dir / "report" / "session.mrec").string());
  EXPECT_TRUE(rec) << (rec ? "" : rec.error().describe());
}

TEST(DesktopCommandTest, BadScriptsNameTheLine) {
  const auto dir = scratchDir("desktop-bad-script");
  const auto script = dir / "bad.script";
  mimesis::testing::writeText(script, "1 key v\n2 jump 3\n");
  const auto r = runCommand(std::string(MIMESIS_BINARY) + " desktop '" + kScene + "' --frames 5 --input '" + script.string() + "'", dir);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("bad.script:2: unknown action 'jump'"), std::string::npos) << r.err;
  const auto shot = runCommand(std::string(MIMESIS_BINARY) + " desktop '" + kScene + "' --screenshot x.png", dir);
  EXPECT_EQ(shot.exitCode, 2);
  EXPECT_NE(shot.err.find("--screenshot needs --frames N"), std::string::npos) << shot.err;
}

}  // namespace
}  // namespace mimesis::test
