// `mimesis render` end to end on lavapipe with validation on (--validate fails on any message):
// each view, stereo, the project's skinned hand mesh, and bad arguments — pictures compared with
// golden images.
#include <gtest/gtest.h>

#include "SharedData.hpp"
#include "RenderFixture.hpp"
#include "RunCommand.hpp"

namespace mimesis::test {
namespace {

using mimesis::testing::runCommand;
using mimesis::testing::scratchDir;


TEST(RenderCommandTest, EachViewMatchesItsGolden) {
  for (const char* view : {"first-person", "mirror", "side"}) {
    const RgbaImage im = renderCli(std::string("cli-") + view, std::string("--time 1.6 --size 320x240 --view ") + view +
                                                                  " --highlight right.index --message 'Pinch gently'");
    ASSERT_EQ(im.width, 320);
    expectMatchesGolden(im, std::string("cli-") + view);
  }
}

TEST(RenderCommandTest, StereoPairAndHandMesh) {
  const RgbaImage stereo = renderCli("cli-stereo", "--time 1.6 --size 200x200 --stereo");
  ASSERT_EQ(stereo.width, 400);
  expectMatchesGolden(stereo, "cli-stereo");
  const RgbaImage mesh = renderCli("cli-hand-mesh", "--time 1.6 --size 320x240 --hand-mesh --ghost-opacity 0.5 --highlight right.index");
  const RgbaImage capsules = renderCli("cli-capsules", "--time 1.6 --size 320x240 --ghost-opacity 0.5");
  EXPECT_GT(compareImages(mesh, capsules, 8).differingFraction, 0.002) << "the mesh must look different from capsules";
  expectMatchesGolden(mesh, "cli-hand-mesh");
}

TEST(RenderCommandTest, AvatarStandsInFrontOfTheLearner) {
  MIMESIS_NEEDS_SHARED_DATA("models/CesiumMan");
  // A third-party skinned, animated avatar (../shared/data/models/CesiumMan, CC-BY 4.0) drawn by
  // the same GPU skinning as the hand meshes, at its own animation's time.
  const std::string avatar = std::string(MIMESIS_SHARED_DATA_DIR) + "/models/CesiumMan/CesiumMan.glb";
  const RgbaImage with = renderCli("cli-avatar", "--time 1.0 --size 320x240 --view mirror --no-learner --avatar '" + avatar + "'");
  const RgbaImage without = renderCli("cli-no-avatar", "--time 1.0 --size 320x240 --view mirror --no-learner");
  EXPECT_GT(compareImages(with, without, 8).differingFraction, 0.01) << "the avatar must be visible";
  const RgbaImage later = renderCli("cli-avatar-later", "--time 1.5 --size 320x240 --view mirror --no-learner --avatar '" + avatar + "'");
  EXPECT_GT(compareImages(with, later, 8).differingFraction, 0.001) << "the avatar must move with --time";
  expectMatchesGolden(with, "cli-avatar");

  const auto dir = scratchDir("render-avatar-bad");
  const auto bad = runCommand(std::string(MIMESIS_BINARY) + " render '" + kRenderScene + "' --time 1 --out x.png --avatar '" +
                                  std::string(MIMESIS_SOURCE_DIR) + "/tests/apps/bad-inputs/assimp-segv.gltf'",
                              dir);
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("assimp-segv.gltf: Assimp crashed (SIGSEGV)"), std::string::npos) << bad.err;
}

TEST(RenderCommandTest, GhostOpacityChangesThePicture) {
  const RgbaImage none = renderCli("cli-ghost-0", "--time 1.0 --size 160x120 --ghost-opacity 0 --no-learner");
  const RgbaImage faint = renderCli("cli-ghost-3", "--time 1.0 --size 160x120 --ghost-opacity 0.3 --no-learner");
  const RgbaImage strong = renderCli("cli-ghost-9", "--time 1.0 --size 160x120 --ghost-opacity 0.9 --no-learner");
  const double a = compareImages(faint, none, 0).meanAbsDelta;
  const double b = compareImages(strong, none, 0).meanAbsDelta;
  EXPECT_GT(a, 0.0);
  EXPECT_GT(b, a);
}

TEST(RenderCommandTest, BadArgumentsNameTheOption) {
  const auto dir = scratchDir("render-bad");
  struct Case {
    std::string args, message;
  } cases[] = {
      {"--time 1 --size 10x10", "--size: each side must be 16..8192 pixels, got '10x10'"},
      {"--time 1 --size big", "--size: expected WxH, e.g. 1280x960, got 'big'"},
      {"--time 99", "--time: time 99 s is outside the clip"},
      {"--time 1 --highlight right.nose", "--highlight: unknown joint group 'nose'"},
      {"--time 1 --stage dancing", "--stage: unknown stage 'dancing'"},
  };
  for (const Case& c : cases) {
    const auto r = runCommand(std::string(MIMESIS_BINARY) + " render '" + kRenderScene + "' --out " + (dir / "x.png").string() + " " + c.args, dir);
    EXPECT_EQ(r.exitCode, 2) << c.args;
    EXPECT_NE(r.err.find(c.message), std::string::npos) << c.args << " gave: " << r.err;
  }
  const auto missing = runCommand(std::string(MIMESIS_BINARY) + " render /no/such/scene.json --time 1 --out x.png", dir);
  EXPECT_EQ(missing.exitCode, 2);
  EXPECT_NE(missing.err.find("/no/such/scene.json"), std::string::npos) << missing.err;
}

}  // namespace
}  // namespace mimesis::test
