// `mimesis desktop` under a virtual X display on lavapipe, validation on: scripted input runs N
// frames and the screenshot (panels included) is compared with a golden image; an ImGui
// interaction driven by the script (switching the view in the View panel) changes the picture.
#include <gtest/gtest.h>

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
