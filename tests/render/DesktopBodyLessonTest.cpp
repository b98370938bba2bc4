// `mimesis desktop` on a body scene with a body recording as the learner (`--learner` another
// take of the squat) under a virtual X display on lavapipe, validation on: it runs, scores the
// body groups, records the learner's body, and its picture — the learner's own body, solid, with
// the body ghost, both on the learner's spot — matches its golden image and is not the picture
// of the same lesson with a hands-only simulated learner.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "RenderFixture.hpp"
#include "RunCommand.hpp"
#include "XvfbDisplay.hpp"
#include "mimesis/motion/MrecReader.hpp"

namespace mimesis::test {
namespace {

using mimesis::testing::runCommand;
using mimesis::testing::scratchDir;

struct BodyRun {
  mimesis::testing::CommandOutput result;
  std::filesystem::path dir;
  RgbaImage shot;
};

// One guided trial of the squat (no watching first) in the side view, stopped after 45 frames.
BodyRun runBodyDesktop(const std::string& name, const std::string& learner) {
  const auto dir = scratchDir("desktop-body-" + name);
  mimesis::testing::writeText(dir / "squat.json", R"({
    "name": "squat, desktop test",
    "clip": ")" + std::string(MIMESIS_SOURCE_DIR) + R"(/assets/body/squat.bvh",
    "rigMap": "none",
    "trials": 1,
    "mirror": { "stages": { "watchTrials": 0, "imagineTrials": 0 } }
  })");
  const std::string png = (dir / "shot.png").string();
  BodyRun run;
  run.dir = dir;
  run.result = runCommand(std::string(MIMESIS_BINARY) + " desktop '" + (dir / "squat.json").string() + "' " + learner +
                              " --size 960x600 --validate --frames 45 --input '" + std::string(MIMESIS_SOURCE_DIR) +
                              "/tests/render/desktop/body-side-view.script' --report '" + (dir / "report").string() +
                              "' --screenshot '" + png + "'",
                          dir);
  auto image = readPng(png);
  EXPECT_TRUE(image) << (image ? "" : image.error().describe());
  if (image) run.shot = *image;
  return run;
}

TEST(DesktopBodyLesson, BodyRecordingAsTheLearnerIsDrawnAndScored) {
  if (!XvfbDisplay::get().ok() && std::getenv("CI") == nullptr) GTEST_SKIP() << XvfbDisplay::get().why();
  ASSERT_TRUE(XvfbDisplay::get().ok()) << XvfbDisplay::get().why();
  const BodyRun take = runBodyDesktop("take2", "--learner '" + std::string(MIMESIS_SOURCE_DIR) + "/assets/body/squat-take2.bvh'");
  ASSERT_EQ(take.result.exitCode, 0) << take.result.err;
  EXPECT_EQ(take.result.err, "") << "no validation or other messages expected";
  // The learner's body reached the recording.
  auto rec = readMrec((take.dir / "report" / "session.mrec").string());
  ASSERT_TRUE(rec) << rec.error().describe();
  ASSERT_FALSE(rec->clip.frames.empty());
  bool body = false;
  for (const JointPose& j : rec->clip.frames.back().body) body = body || j.positionValid();
  EXPECT_TRUE(body) << "the take's body joints are recorded";
  ASSERT_EQ(take.shot.width, 960);
  expectMatchesGolden(take.shot, "desktop-body-learner");

  const BodyRun hands = runBodyDesktop("simulated", "--simulate");
  ASSERT_EQ(hands.result.exitCode, 0) << hands.result.err;
  ASSERT_EQ(hands.shot.width, 960);
  EXPECT_GT(compareImages(take.shot, hands.shot, 24).differingFraction, 0.005)
      << "the learner's own body must show";
}

}  // namespace
}  // namespace mimesis::test
