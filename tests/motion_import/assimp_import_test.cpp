// Tests of the Assimp importer over the real glTF/GLB/FBX files in shared data, and bad inputs.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>

#include "SharedData.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"

namespace mimesis {
namespace {

const std::string kModels = std::string(MIMESIS_SHARED_DATA_DIR) + "/models/";

void expectFinite(const RawClip& raw) {
  ASSERT_EQ(raw.poses.size(), raw.times.size() * static_cast<std::size_t>(raw.jointCount()));
  for (const Pose& p : raw.poses) ASSERT_TRUE(isFinite(p));
  for (std::size_t f = 1; f < raw.times.size(); ++f) ASSERT_GT(raw.times[f], raw.times[f - 1]);
  for (int j = 0; j < raw.jointCount(); ++j) ASSERT_LT(raw.skeleton.parents[j], j);
}

double duration(const RawClip& raw) { return raw.times.back() - raw.times.front(); }

// Joint counts are what Assimp reports as the skin's bones (aiMesh::mNumBones): Fox 24 (its
// glTF skin lists 24 joints, "_rootJoint" included), CesiumMan 19. Every animated node is also
// a bone in these files, so the skeleton equals the skin.
TEST(AssimpImport, FoxHasThreeAnimationsAndA24JointSkin) {
  MIMESIS_NEEDS_SHARED_DATA("models/Fox");
  auto names = listAssimpAnimations(kModels + "Fox/Fox.glb");
  ASSERT_TRUE(names) << names.error().describe();
  EXPECT_EQ(*names, (std::vector<std::string>{"Survey", "Walk", "Run"}));

  auto survey = loadAssimpRaw(kModels + "Fox/Fox.glb");
  ASSERT_TRUE(survey) << survey.error().describe();
  EXPECT_EQ(survey->jointCount(), 24);
  EXPECT_EQ(survey->format, "glb");
  EXPECT_FLOAT_EQ(survey->metresPerUnit, 1.0f);
  EXPECT_NEAR(survey->rate, 24.0, 1e-3);            // keys baked at 24 fps
  EXPECT_EQ(survey->frameCount(), 83);               // 3.4167 s × 24 + 1
  EXPECT_NEAR(duration(*survey), 3.41667, 1e-3);
  expectFinite(*survey);
  EXPECT_TRUE(survey->skeleton.find("b_Head_05").has_value());

  AssimpImportOptions walk;
  walk.animationName = "Walk";
  auto w = loadAssimpRaw(kModels + "Fox/Fox.glb", walk);
  ASSERT_TRUE(w) << w.error().describe();
  EXPECT_NEAR(duration(*w), 0.70833, 1e-3);
  AssimpImportOptions run;
  run.animationIndex = 2;
  auto r = loadAssimpRaw(kModels + "Fox/Fox.glb", run);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_NEAR(duration(*r), 1.15833, 1e-3);
  // Walking moves the feet relative to each other over the cycle.
  const int foot = *w->skeleton.find("b_LeftFoot02_018");
  EXPECT_GT(glm::length(w->pose(0, foot).position - w->pose(w->frameCount() / 2, foot).position), 1.0f);
}

TEST(AssimpImport, CesiumManWalksForTwoSeconds) {
  MIMESIS_NEEDS_SHARED_DATA("models/CesiumMan");
  auto raw = loadAssimpRaw(kModels + "CesiumMan/CesiumMan.glb");
  ASSERT_TRUE(raw) << raw.error().describe();
  EXPECT_EQ(raw->jointCount(), 19);
  EXPECT_NEAR(duration(*raw), 2.0, 1e-3);
  EXPECT_EQ(raw->frameCount(), 49);
  expectFinite(*raw);
  // Metres, Y up: the neck is about 1.1 m above the ground, above the torso root.
  const int neck = *raw->skeleton.find("Skeleton_neck_joint_1");
  const int torso = *raw->skeleton.find("Skeleton_torso_joint_1");
  EXPECT_NEAR(raw->pose(0, neck).position.y, 1.1f, 0.15f);
  EXPECT_GT(raw->pose(0, neck).position.y, raw->pose(0, torso).position.y);
}

TEST(AssimpImport, SimpleSkinSparseKeysAreResampledAt30Hz) {
  MIMESIS_NEEDS_SHARED_DATA("models/assimp-fixtures");
  auto raw = loadAssimpRaw(kModels + "assimp-fixtures/simple_skin.gltf");
  ASSERT_TRUE(raw) << raw.error().describe();
  EXPECT_EQ(raw->jointCount(), 2);  // two skin joints, the second animated
  EXPECT_DOUBLE_EQ(raw->rate, 30.0);  // keys every 0.5 s are keyframes, not a capture rate
  EXPECT_NEAR(duration(*raw), 5.5, 1e-3);
  expectFinite(*raw);
}

TEST(AssimpImport, FileWithoutAnimationGivesOneRestPoseFrame) {
  MIMESIS_NEEDS_SHARED_DATA("models/assimp-fixtures");
  auto raw = loadAssimpRaw(kModels + "assimp-fixtures/quad_skin.glb");
  ASSERT_TRUE(raw) << raw.error().describe();
  EXPECT_EQ(raw->jointCount(), 10);
  EXPECT_EQ(raw->frameCount(), 1);
  EXPECT_EQ(raw->format, "glb+rest-pose");
  expectFinite(*raw);
}

TEST(AssimpImport, FbxSkeletonAnimationInCentimetres) {
  MIMESIS_NEEDS_SHARED_DATA("models/assimp-fixtures");
  auto raw = loadAssimpRaw(kModels + "assimp-fixtures/animation_with_skeleton.fbx");
  ASSERT_TRUE(raw) << raw.error().describe();
  // 14 skin bones plus the animated "Armature" node that holds them.
  EXPECT_EQ(raw->jointCount(), 15);
  EXPECT_EQ(raw->skeleton.joints.front(), "Armature");
  EXPECT_FLOAT_EQ(raw->metresPerUnit, 0.01f);  // UnitScaleFactor 1 = centimetres
  EXPECT_NEAR(duration(*raw), 20.0 / 24.0, 1e-3);
  EXPECT_EQ(raw->frameCount(), 21);
  expectFinite(*raw);
  // No "$AssimpFbx$" pivot helpers became joints.
  for (const auto& name : raw->skeleton.joints) EXPECT_EQ(name.find("$AssimpFbx$"), std::string::npos);
}

TEST(AssimpImport, ErrorsNameTheFile) {
  auto missing = loadAssimpRaw("/nonexistent/dir/x.glb");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::Io);
  EXPECT_EQ(missing.error().where, "/nonexistent/dir/x.glb");

  const std::string garbage = ::testing::TempDir() + "garbage.glb";
  std::ofstream(garbage, std::ios::binary) << "glTF this is not a real binary glTF";
  auto bad = loadAssimpRaw(garbage);
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().code, ErrorCode::BadInput);
  EXPECT_EQ(bad.error().where, garbage);
  EXPECT_NE(bad.error().message.find("Assimp"), std::string::npos);

  MIMESIS_NEEDS_SHARED_DATA("models/Fox");
  AssimpImportOptions o;
  o.animationIndex = 7;
  auto index = loadAssimpRaw(kModels + "Fox/Fox.glb", o);
  ASSERT_FALSE(index);
  EXPECT_NE(index.error().message.find("'Survey'"), std::string::npos) << index.error().message;
  o.animationIndex = 0;
  o.animationName = "Dance";
  EXPECT_FALSE(loadAssimpRaw(kModels + "Fox/Fox.glb", o));
}

TEST(AssimpImport, RefusesClipsAboveThePoseLimit) {
  MIMESIS_NEEDS_SHARED_DATA("models/Fox");
  AssimpImportOptions o;
  o.maxPoses = 1000;  // Fox Survey has 83 × 24 = 1992
  auto raw = loadAssimpRaw(kModels + "Fox/Fox.glb", o);
  ASSERT_FALSE(raw);
  EXPECT_EQ(raw.error().code, ErrorCode::Limit);
}

TEST(AssimpImport, ForcedSampleRate) {
  MIMESIS_NEEDS_SHARED_DATA("models/CesiumMan");
  AssimpImportOptions o;
  o.sampleRate = 60.0;
  auto raw = loadAssimpRaw(kModels + "CesiumMan/CesiumMan.glb", o);
  ASSERT_TRUE(raw);
  EXPECT_EQ(raw->frameCount(), 121);
  EXPECT_NEAR(raw->rate, 60.0, 1e-9);
}

}  // namespace
}  // namespace mimesis
