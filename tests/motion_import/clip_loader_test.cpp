// Tests of loadClip's dispatch over every supported file type, and its errors.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "SharedData.hpp"
#include "TestHands.hpp"
#include "mimesis/motion/MrecWriter.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis {
namespace {

const std::string kData = std::string(MIMESIS_SHARED_DATA_DIR) + "/";

TEST(ClipLoader, BodyOnlyRigGivesBodyOnlyClip) {
  MIMESIS_NEEDS_SHARED_DATA("models/Fox");
  auto clip = loadClip(kData + "models/Fox/Fox.glb");
  ASSERT_TRUE(clip) << clip.error().describe();
  EXPECT_EQ(clip->info.rigMap, "none");
  EXPECT_EQ(clip->body.jointCount(), 24);
  const ClipContents c = describeContents(*clip);
  EXPECT_FALSE(c.left);
  EXPECT_FALSE(c.right);
  EXPECT_TRUE(c.body);
}

TEST(ClipLoader, CmuBvhGetsHandsThroughARigMap) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  auto clip = loadClip(kData + "cmu-bvh/01_01.bvh");
  ASSERT_TRUE(clip) << clip.error().describe();
  EXPECT_NE(clip->info.rigMap, "none");
  EXPECT_EQ(clip->frames.size(), 2752u);
  const ClipContents c = describeContents(*clip);
  EXPECT_TRUE(c.left);
  EXPECT_TRUE(c.right);

  LoadOptions viaAssimp;
  viaAssimp.bvhViaAssimp = true;
  auto other = loadClip(kData + "cmu-bvh/01_01.bvh", viaAssimp);
  ASSERT_TRUE(other) << other.error().describe();
  EXPECT_EQ(other->frames.size(), 2752u);
  EXPECT_EQ(other->info.rigMap, clip->info.rigMap);
}

TEST(ClipLoader, ForcedRigMapsAndAnimationChoice) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  LoadOptions none;
  none.rigMap = "none";
  auto body = loadClip(kData + "cmu-bvh/01_01.bvh", none);
  ASSERT_TRUE(body) << body.error().describe();
  EXPECT_EQ(body->info.rigMap, "none");
  EXPECT_FALSE(describeContents(*body).left);

  LoadOptions unknown;
  unknown.rigMap = "no-such-rig";
  EXPECT_FALSE(loadClip(kData + "cmu-bvh/01_01.bvh", unknown));

  LoadOptions walk;
  walk.animationName = "Walk";
  auto fox = loadClip(kData + "models/Fox/Fox.glb", walk);
  ASSERT_TRUE(fox) << fox.error().describe();
  EXPECT_NEAR(fox->duration(), 0.70833, 1e-3);
}

TEST(ClipLoader, TablesUiPrmdMrecAndGltf) {
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd");
  auto prmd = loadClip(kData + "ui-prmd/Segmented Movements/Kinect/Positions/m01_s01_e01_positions.txt.gz");
  ASSERT_TRUE(prmd) << prmd.error().describe();
  EXPECT_EQ(prmd->info.sourceFormat, "ui-prmd");
  EXPECT_EQ(prmd->frames.size(), 73u);

  const std::string table = ::testing::TempDir() + "loader_table.csv";
  std::ofstream(table) << "a_x,a_y,a_z\n1,2,3\n4,5,6\n";
  auto csv = loadClip(table);
  ASSERT_TRUE(csv) << csv.error().describe();
  EXPECT_EQ(csv->info.sourceFormat, "csv");

  const std::string mrec = ::testing::TempDir() + "loader.mrec";
  const Clip waving = testing::makeWavingClip(30);
  ASSERT_TRUE(writeMrec(mrec, waving));
  auto back = loadClip(mrec);
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_EQ(back->frames.size(), 30u);

  auto man = loadClip(kData + "models/CesiumMan/CesiumMan.glb");
  ASSERT_TRUE(man) << man.error().describe();
  EXPECT_EQ(man->body.jointCount(), 19);
}

TEST(ClipLoader, ExtensionsAreCaseInsensitive) {
  MIMESIS_NEEDS_SHARED_DATA("models/Fox");
  const std::string upper = ::testing::TempDir() + "FOX_UPPER.GLB";
  std::filesystem::copy_file(kData + "models/Fox/Fox.glb", upper, std::filesystem::copy_options::overwrite_existing);
  auto clip = loadClip(upper);
  ASSERT_TRUE(clip) << clip.error().describe();
}

TEST(ClipLoader, ErrorsNameTheFile) {
  auto unknown = loadClip("/some/dir/motion.xyz");
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::Unsupported);
  EXPECT_EQ(unknown.error().where, "/some/dir/motion.xyz");
  for (const std::string& ext : supportedInputExtensions())
    EXPECT_NE(unknown.error().message.find(ext), std::string::npos) << ext;

  for (const char* missing : {"/nonexistent/a.bvh", "/nonexistent/a.glb", "/nonexistent/a.csv.gz",
                              "/nonexistent/a.mrec", "/nonexistent/a.mkeys"}) {
    auto r = loadClip(missing);
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::Io) << missing;
    EXPECT_EQ(r.error().where, missing);
  }
}

TEST(ClipLoader, SupportedExtensionsList) {
  const auto exts = supportedInputExtensions();
  for (const char* e : {".bvh", ".gltf", ".glb", ".fbx", ".dae", ".csv", ".csv.gz", ".txt", ".txt.gz", ".mrec", ".mkeys"})
    EXPECT_NE(std::find(exts.begin(), exts.end(), e), exts.end()) << e;
}

}  // namespace
}  // namespace mimesis
