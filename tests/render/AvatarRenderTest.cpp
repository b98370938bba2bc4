// Avatars (third-party Fox and CesiumMan from ../shared/data/models): staged to the learner's
// height on the floor in front of the learner, textured through the renderer's sampler, present
// in every view; `mimesis render --avatar` pictures compared with golden images (lavapipe,
// validation on, --validate fails on any message).
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <fstream>

#include <nlohmann/json.hpp>

#include "SharedData.hpp"
#include "RenderFixture.hpp"
#include "RunCommand.hpp"
#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion_import/AvatarPose.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"
#include "mimesis/stills/AvatarStaging.hpp"

namespace mimesis::test {
namespace {

using mimesis::testing::runCommand;
using mimesis::testing::scratchDir;
using mimesis::testing::sharedDataPath;

struct Model {
  const char* name;
  const char* path;  // under ../shared/data
};
const Model kModels[] = {{"Fox", "models/Fox/Fox.glb"}, {"CesiumMan", "models/CesiumMan/CesiumMan.glb"}};


// The placed avatar's skinned vertices at time 0, measured as the renderer skins them.
ViewBox placedBox(const AvatarAnimation& a, const AvatarStage& stage) {
  std::vector<glm::mat4> skin;
  avatarSkinMatrices(a, 0.0, skin);
  for (glm::mat4& m : skin) m = stage.place * m;
  ViewBox box;
  for (std::size_t v = 0; v < a.mesh.vertexCount(); ++v) box.add(skinnedPosition(a.mesh, skin, v));
  return box;
}

TEST(AvatarStaging, ScaledToTheHeightOnTheFloorInFrontOfTheLearner) {
  for (const Model& m : kModels) {
    MIMESIS_NEEDS_SHARED_DATA(m.path);
    auto avatar = loadAvatar(sharedDataPath(m.path));
    ASSERT_TRUE(avatar) << avatar.error().describe();
    for (float height : {1.7f, 1.45f}) {
      const AvatarStage stage = stageAvatar(*avatar, height);
      const ViewBox box = placedBox(*avatar, stage);
      ASSERT_TRUE(box.valid) << m.name;
      const glm::vec3 size = box.hi - box.lo;
      EXPECT_NEAR(std::max({size.x, size.y, size.z}), height, 1e-3f) << m.name;
      // CesiumMan stands: its height is its largest side. The Fox is longer than tall.
      if (std::string(m.name) == "CesiumMan") EXPECT_NEAR(size.y, height, 1e-3f);
      else EXPECT_NEAR(size.z, height, 1e-3f) << "the Fox stands along Z, facing the learner";
      EXPECT_NEAR(box.lo.y, 0.0f, 1e-3f) << m.name << ": feet on the floor";
      EXPECT_NEAR(0.5f * (box.lo.x + box.hi.x), 0.0f, 1e-3f) << m.name;
      EXPECT_LE(box.hi.z, -kAvatarNearest + 1e-3f) << m.name << ": in front of the learner, clear of the hands";
      EXPECT_LE(0.5f * (box.lo.z + box.hi.z), -kAvatarDistance + 1e-3f) << m.name;
      EXPECT_NEAR(glm::distance(box.lo, stage.box.lo) + glm::distance(box.hi, stage.box.hi), 0.0f, 1e-3f) << m.name;
    }
  }
}

TEST(AvatarStaging, HeightComesFromTheClipsBodySkeleton) {
  Clip clip;
  Frame f;
  f.body.resize(3);
  const float ys[3] = {0.05f, 0.9f, 1.62f};
  for (int j = 0; j < 3; ++j) {
    f.body[static_cast<std::size_t>(j)].pose.position = glm::vec3(0.0f, ys[j], 0.0f);
    f.body[static_cast<std::size_t>(j)].flags = kPositionValid;
  }
  clip.frames.push_back(f);
  EXPECT_NEAR(clipStandingHeight(clip), 1.62f - 0.05f + 0.1f, 1e-5f);
  clip.frames[0].body.clear();
  EXPECT_EQ(clipStandingHeight(clip), 0.0f);  // a hands clip gives none: the default applies
}

TEST(AvatarTexture, CesiumMansTextureReachesThePicture) {
  MIMESIS_NEEDS_SHARED_DATA("models/CesiumMan/CesiumMan.glb");
  auto avatar = loadAvatar(sharedDataPath("models/CesiumMan/CesiumMan.glb"));
  ASSERT_TRUE(avatar) << avatar.error().describe();
  ASSERT_FALSE(avatar->mesh.baseColour.empty()) << "CesiumMan embeds a PNG base-colour texture";
  EXPECT_EQ(avatar->mesh.baseColour.rgba.size(),
            static_cast<std::size_t>(avatar->mesh.baseColour.width * avatar->mesh.baseColour.height * 4));

  GpuEnvironment& env = GpuEnvironment::get();
  ASSERT_NE(env.context, nullptr) << env.error;
  env.context->clearValidationMessages();
  {
    auto renderer = Renderer::create(*env.context);
    ASSERT_TRUE(renderer) << renderer.error().describe();
    auto textured = (*renderer)->addMesh(avatar->mesh);
    ASSERT_TRUE(textured) << textured.error().describe();
    SkinnedMesh plain = avatar->mesh;
    plain.baseColour = MeshTexture{};
    auto untextured = (*renderer)->addMesh(plain);
    ASSERT_TRUE(untextured) << untextured.error().describe();
    const AvatarStage stage = stageAvatar(*avatar, 1.7f);
    auto draw = [&](int mesh) {
      FrameDescription f;
      f.floorGrid = false;
      DrawnMesh d;
      d.mesh = mesh;
      avatarSkinMatrices(*avatar, 0.0, d.skin);
      for (glm::mat4& s : d.skin) s = stage.place * s;
      d.colour = glm::vec4(1.0f);
      f.meshes.push_back(d);
      TargetDesc desc;
      desc.extent = {96, 128};
      auto t = (*renderer)->createTarget(desc);
      EXPECT_TRUE(t);
      const EyeView eye = lookAt({0.0f, 0.9f, 1.2f}, {0.0f, 0.85f, -1.2f}, 96.0f / 128.0f, 45.0f);
      const ViewTarget vt{eye, t->get()};
      EXPECT_TRUE((*renderer)->draw(f, {&vt, 1}));
      auto im = (*renderer)->readback(**t);
      EXPECT_TRUE(im);
      return im ? *im : RgbaImage{};
    };
    const RgbaImage a = draw(*textured), b = draw(*untextured);
    ASSERT_EQ(a.width, 96);
    // Untextured white vs textured: the texture's colours change a large share of the figure.
    EXPECT_GT(compareImages(a, b, 24).differingFraction, 0.05);
  }
  for (const std::string& msg : env.context->validationMessages()) ADD_FAILURE() << msg;
}

// A texture beside the file is read; a named texture that is missing is an error naming it.
TEST(AvatarTexture, ExternalTextureFileIsReadAndAMissingOneNamed) {
  MIMESIS_NEEDS_SHARED_DATA("models/assimp-fixtures/simple_skin.gltf");
  std::ifstream in(sharedDataPath("models/assimp-fixtures/simple_skin.gltf"));
  nlohmann::json gltf = nlohmann::json::parse(in);
  gltf["images"] = nlohmann::json::array({{{"uri", "skin.png"}}});
  gltf["textures"] = nlohmann::json::array({{{"source", 0}}});
  gltf["materials"] = nlohmann::json::array({{{"pbrMetallicRoughness", {{"baseColorTexture", {{"index", 0}}}}}}});
  gltf["meshes"][0]["primitives"][0]["material"] = 0;
  const auto dir = scratchDir("avatar-external-texture");
  const std::string path = (dir / "textured_skin.gltf").string();
  std::ofstream(path) << gltf.dump();
  auto missing = loadSkinnedMesh(path);
  ASSERT_FALSE(missing);
  EXPECT_NE(missing.error().describe().find("skin.png"), std::string::npos) << missing.error().describe();
  RgbaImage texture;
  texture.width = 4;
  texture.height = 2;
  texture.pixels.assign(4 * 2 * 4, 200);
  ASSERT_TRUE(writePng((dir / "skin.png").string(), texture));
  auto mesh = loadSkinnedMesh(path);
  ASSERT_TRUE(mesh) << mesh.error().describe();
  EXPECT_EQ(mesh->baseColour.width, 4);
  EXPECT_EQ(mesh->baseColour.height, 2);
  EXPECT_EQ(mesh->baseColour.rgba.front(), 200);
}

// Fox and CesiumMan in each view: visible (the picture differs from the same view without the
// avatar) and matching its golden image.
TEST(AvatarRender, EveryViewShowsTheAvatarAndMatchesItsGolden) {
  for (const Model& m : kModels) {
    MIMESIS_NEEDS_SHARED_DATA(m.path);
    for (const char* view : {"first-person", "mirror", "side"}) {
      const std::string base = std::string("--time 1.0 --size 256x192 --no-learner --view ") + view;
      const std::string name = std::string("avatar-") + m.name + "-" + view;
      const RgbaImage with = renderCli(name, base + " --avatar '" + sharedDataPath(m.path) + "'");
      const RgbaImage without = renderCli(std::string("no-avatar-") + view, base);
      ASSERT_EQ(with.width, 256);
      EXPECT_GT(compareImages(with, without, 24).differingFraction, 0.02) << name << ": the avatar must be in view";
      expectMatchesGolden(with, name);
    }
  }
}

TEST(AvatarRender, HeightOptionScalesTheAvatar) {
  MIMESIS_NEEDS_SHARED_DATA("models/CesiumMan/CesiumMan.glb");
  const std::string base = "--time 1.0 --size 128x96 --no-learner --view mirror --avatar '" +
                           sharedDataPath("models/CesiumMan/CesiumMan.glb") + "'";
  const RgbaImage tall = renderCli("avatar-tall", base + " --height 1.9");
  const RgbaImage small = renderCli("avatar-small", base + " --height 1.2");
  EXPECT_GT(compareImages(tall, small, 24).differingFraction, 0.02);
  const auto dir = scratchDir("avatar-bad-height");
  const auto bad = runCommand(std::string(MIMESIS_BINARY) + " render '" + kRenderScene + "' --time 1 --out x.png --height 9 --avatar '" +
                                  sharedDataPath("models/CesiumMan/CesiumMan.glb") + "'",
                              dir);
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("--height"), std::string::npos) << bad.err;
}

}  // namespace
}  // namespace mimesis::test
