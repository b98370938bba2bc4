// The real CMU files (../shared/data/cmu-bvh): counts as the files declare them, units, rate.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "SharedData.hpp"
#include "mimesis/motion_import/BvhImport.hpp"

namespace mimesis {
namespace {

std::string cmuPath(const char* name) { return std::string(MIMESIS_SHARED_DATA_DIR) + "/cmu-bvh/" + name; }

// What the file itself declares, counted independently of the parser: ROOT/JOINT lines,
// End Site lines, the Frames value and the values on the first motion row.
struct Declared {
  int joints = 0, endSites = 0, frames = 0, channels = 0, rowValues = 0;
};
Declared countDeclared(const std::string& path) {
  std::ifstream in(path);
  Declared d;
  std::string line;
  bool motion = false, firstRow = false;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string w;
    words >> w;
    if (w == "ROOT" || w == "JOINT") ++d.joints;
    if (w == "End") ++d.endSites;
    if (w == "CHANNELS") {
      int n = 0;
      words >> n;
      d.channels += n;
    }
    if (w == "MOTION") motion = true;
    if (motion && w == "Frames:") words >> d.frames;
    if (motion && w == "Frame") { firstRow = true; continue; }
    if (firstRow) {
      std::istringstream row(line);
      float v;
      while (row >> v) ++d.rowValues;
      firstRow = false;
    }
  }
  return d;
}

void checkFile(const char* name, int expectedFrames) {
  const std::string path = cmuPath(name);
  const Declared d = countDeclared(path);
  ASSERT_GT(d.joints, 0) << "cannot read " << path;
  Result<RawClip> raw = loadBvhRaw(path);
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  EXPECT_EQ(d.frames, expectedFrames);
  EXPECT_EQ(raw->frameCount(), d.frames);
  EXPECT_EQ(raw->jointCount(), d.joints + d.endSites);
  EXPECT_EQ(d.channels, d.rowValues);
  int endSites = 0;
  for (const bool e : raw->isEndSite) endSites += e ? 1 : 0;
  EXPECT_EQ(endSites, d.endSites);
  EXPECT_DOUBLE_EQ(raw->rate, 120.0);
  EXPECT_NEAR(raw->times.back(), (d.frames - 1) * 0.0083333, 1e-9);
  EXPECT_FLOAT_EQ(raw->metresPerUnit, 0.0254f / 0.45f);  // the CMU unit, guessed from the height
  EXPECT_EQ(raw->format, "bvh");
  EXPECT_EQ(raw->skeleton.joints[0], "Hips");
  EXPECT_TRUE(raw->skeleton.find("LThumb_end").has_value());
  for (const Pose& p : raw->poses) ASSERT_TRUE(isFinite(p));
  // The hips stand about a metre above the floor in frame 0.
  const float hipsMetres = raw->pose(0, 0).position.y * raw->metresPerUnit;
  EXPECT_GT(hipsMetres, 0.8f);
  EXPECT_LT(hipsMetres, 1.2f);
}

TEST(BvhCmu, File01_01) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh/01_01.bvh");
  checkFile("01_01.bvh", 2752);
}
TEST(BvhCmu, File01_03) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh/01_03.bvh");
  checkFile("01_03.bvh", 4511);
}

TEST(BvhCmu, File01_01HasThirtyOneJointsAndSevenEndSites) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  Result<RawClip> raw = loadBvhRaw(cmuPath("01_01.bvh"));
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  EXPECT_EQ(raw->jointCount(), 31 + 7);
}

TEST(BvhCmu, UnitOverride) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  BvhImportOptions o;
  o.metresPerUnit = 0.01f;
  Result<RawClip> raw = loadBvhRaw(cmuPath("01_01.bvh"), o);
  ASSERT_TRUE(raw.ok());
  EXPECT_FLOAT_EQ(raw->metresPerUnit, 0.01f);
}

}  // namespace
}  // namespace mimesis
