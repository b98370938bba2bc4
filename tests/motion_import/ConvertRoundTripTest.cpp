// `mimesis convert`'s outputs are inputs again: every input format read with loadClip, written
// as .csv, .jsonl and .mrec, and read back with loadClip gives the same frames (times, hands,
// head, body joints: flags, and every value the flags say is valid, bit for bit).
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "SharedData.hpp"
#include "mimesis/motion/ClipExport.hpp"
#include "mimesis/motion/MrecWriter.hpp"
#include "mimesis/motion_import/ClipExportImport.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::temp_directory_path() / ("mimesis-convert-roundtrip-" + name);
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void writeText(const fs::path& p, const std::string& text) {
  std::ofstream(p, std::ios::binary) << text;
}

// What the formats carry of a joint: its flags, and the values those flags say are valid.
void expectSameJoint(const JointPose& a, const JointPose& b, const std::string& what) {
  ASSERT_EQ(a.flags, b.flags) << what;
  if (a.positionValid()) {
    ASSERT_EQ(a.pose.position, b.pose.position) << what;
    ASSERT_EQ(a.radius, b.radius) << what;
  }
  if (a.orientationValid()) {
    ASSERT_EQ(a.pose.orientation, b.pose.orientation) << what;
  }
}

bool anyFlag(const HandPose& h) {
  for (const JointPose& j : h.joints)
    if (j.flags != 0) return true;
  return false;
}

void expectSameFrames(const Clip& a, const Clip& b) {
  ASSERT_EQ(a.frames.size(), b.frames.size());
  ASSERT_EQ(a.body.joints, b.body.joints);
  for (std::size_t f = 0; f < a.frames.size(); ++f) {
    const Frame& x = a.frames[f];
    const Frame& y = b.frames[f];
    const std::string at = "frame " + std::to_string(f);
    ASSERT_EQ(x.time, y.time) << at;
    for (const Hand h : {Hand::Left, Hand::Right}) {
      // An active hand with no valid joint carries nothing: CSV writes it as inactive.
      ASSERT_EQ(x.hand(h).active && anyFlag(x.hand(h)), y.hand(h).active && anyFlag(y.hand(h))) << at;
      if (!x.hand(h).active) continue;
      for (int j = 0; j < kHandJointCount; ++j)
        expectSameJoint(x.hand(h).joints[static_cast<std::size_t>(j)], y.hand(h).joints[static_cast<std::size_t>(j)],
                        at + " " + std::string(handName(h)) + " " + std::string(handJointName(j)));
    }
    ASSERT_EQ(x.hasHead, y.hasHead) << at;
    if (x.hasHead) {
      ASSERT_EQ(x.head, y.head) << at;
    }
    ASSERT_EQ(x.body.size(), y.body.size()) << at;
    for (std::size_t j = 0; j < x.body.size(); ++j) expectSameJoint(x.body[j], y.body[j], at + " body " + a.body.joints[j]);
  }
}

// Reads `input`, converts it to each output format and back, and compares the frames.
void roundTrip(const std::string& input, const std::string& name) {
  SCOPED_TRACE(input);
  Result<Clip> original = loadClip(input);
  ASSERT_TRUE(original.ok()) << original.error().describe();
  ASSERT_FALSE(original->frames.empty());
  const fs::path dir = scratch(name);
  for (const char* ext : {".csv", ".jsonl", ".mrec"}) {
    SCOPED_TRACE(ext);
    const std::string out = (dir / (name + ext)).string();
    const Status written = std::string(ext) == ".csv"     ? writeClipCsv(out, *original)
                           : std::string(ext) == ".jsonl" ? writeClipJsonLines(out, *original)
                                                          : writeMrec(out, *original);
    ASSERT_TRUE(written.ok()) << written.error().describe();
    Result<Clip> back = loadClip(out);
    ASSERT_TRUE(back.ok()) << back.error().describe();
    expectSameFrames(*original, *back);
    if (std::string(ext) != ".csv") {
      // JSON Lines and .mrec carry the whole skeleton and the segments too.
      EXPECT_EQ(back->body, original->body);
      EXPECT_EQ(back->segments, original->segments);
      EXPECT_EQ(back->rate, original->rate);
    }
    // And once more: the converted file converts again to the same frames.
    const std::string again = (dir / (name + "-again" + ext)).string();
    const Status rewritten = std::string(ext) == ".csv"     ? writeClipCsv(again, *back)
                             : std::string(ext) == ".jsonl" ? writeClipJsonLines(again, *back)
                                                            : writeMrec(again, *back);
    ASSERT_TRUE(rewritten.ok()) << rewritten.error().describe();
    Result<Clip> twice = loadClip(again);
    ASSERT_TRUE(twice.ok()) << twice.error().describe();
    expectSameFrames(*original, *twice);
  }
}

std::string asset(const std::string& rel) { return std::string(MIMESIS_SOURCE_DIR) + "/assets/" + rel; }

TEST(ConvertRoundTrip, AuthoredBvhBody) { roundTrip(asset("body/squat.bvh"), "authored-bvh"); }

TEST(ConvertRoundTrip, KeyframesWithHands) { roundTrip(asset("pinch-and-release.mkeys"), "mkeys"); }

TEST(ConvertRoundTrip, MrecRecording) {
  roundTrip(asset("recordings/pinch-and-release-learner-t01.mrec"), "mrec");
}

TEST(ConvertRoundTrip, CsvJointTable) {
  const fs::path dir = scratch("table-src");
  std::string text = "time,left_hand_x,left_hand_y,left_hand_z,head_x,head_y,head_z\n";
  for (int f = 0; f < 12; ++f)
    text += std::to_string(f / 30.0) + "," + std::to_string(0.3 + 0.01 * f) + ",1.1,0.05,0,1.6," + std::to_string(0.001 * f) + "\n";
  writeText(dir / "table.csv", text);
  roundTrip((dir / "table.csv").string(), "table");
}

TEST(ConvertRoundTrip, ColladaJoints) {
  // The project's own two-joint COLLADA fixture (fuzz corpus), read through Assimp.
  roundTrip(std::string(MIMESIS_SOURCE_DIR) + "/fuzz/corpus/fuzz_assimp/two-joints.dae", "dae");
}

TEST(ConvertRoundTrip, CmuBvh) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh/01_01.bvh");
  roundTrip(testing::sharedDataPath("cmu-bvh/01_01.bvh"), "cmu-bvh");
}

TEST(ConvertRoundTrip, Fbx) {
  MIMESIS_NEEDS_SHARED_DATA("models/assimp-fixtures/animation_with_skeleton.fbx");
  roundTrip(testing::sharedDataPath("models/assimp-fixtures/animation_with_skeleton.fbx"), "fbx");
}

TEST(ConvertRoundTrip, Glb) {
  MIMESIS_NEEDS_SHARED_DATA("models/CesiumMan/CesiumMan.glb");
  roundTrip(testing::sharedDataPath("models/CesiumMan/CesiumMan.glb"), "glb");
}

TEST(ConvertRoundTrip, Gltf) {
  MIMESIS_NEEDS_SHARED_DATA("models/assimp-fixtures/simple_skin.gltf");
  roundTrip(testing::sharedDataPath("models/assimp-fixtures/simple_skin.gltf"), "gltf");
}

TEST(ConvertRoundTrip, UiPrmd) {
  const std::string rel = "ui-prmd/Segmented Movements/Kinect/Positions/m01_s01_e01_positions.txt.gz";
  MIMESIS_NEEDS_SHARED_DATA(rel);
  roundTrip(testing::sharedDataPath(rel), "ui-prmd");
}

// The CSV reader says what is wrong and where: file, line and column.
TEST(ConvertRoundTrip, ClipCsvErrorsNameLineAndColumn) {
  Result<Clip> clip = loadClip(asset("body/squat.bvh"));
  ASSERT_TRUE(clip.ok()) << clip.error().describe();
  const fs::path dir = scratch("csv-errors");
  const std::string good = (dir / "good.csv").string();
  ASSERT_TRUE(writeClipCsv(good, *clip).ok());
  std::ifstream in(good);
  std::string header, row1, row2;
  std::getline(in, header);
  std::getline(in, row1);
  std::getline(in, row2);
  // A row whose time is not a number.
  writeText(dir / "bad.csv", header + "\n" + row1 + "\nzz" + row2.substr(row2.find(',')) + "\n");
  Result<Clip> bad = readClipCsv((dir / "bad.csv").string());
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().where, (dir / "bad.csv").string() + ":3");
  EXPECT_NE(bad.error().message.find("column 1 ('time')"), std::string::npos) << bad.error().message;
  // A row cut short.
  writeText(dir / "short.csv", header + "\n" + row1.substr(0, row1.size() / 2) + "\n");
  Result<Clip> cut = readClipCsv((dir / "short.csv").string());
  ASSERT_FALSE(cut.ok());
  EXPECT_EQ(cut.error().where, (dir / "short.csv").string() + ":2");
}

TEST(ConvertRoundTrip, JsonLinesCutShortIsRefused) {
  Result<Clip> clip = loadClip(asset("body/squat.bvh"));
  ASSERT_TRUE(clip.ok()) << clip.error().describe();
  const fs::path dir = scratch("jsonl-errors");
  const std::string path = (dir / "c.jsonl").string();
  ASSERT_TRUE(writeClipJsonLines(path, *clip).ok());
  std::ifstream in(path);
  std::string first, second;
  std::getline(in, first);
  std::getline(in, second);
  writeText(dir / "cut.jsonl", first + "\n" + second + "\n");
  Result<Clip> cut = readClipJsonLines((dir / "cut.jsonl").string());
  ASSERT_FALSE(cut.ok());
  EXPECT_NE(cut.error().message.find("declares"), std::string::npos) << cut.error().message;
  writeText(dir / "key.jsonl", first + "\n{\"time\":0}\n");
  Result<Clip> key = readClipJsonLines((dir / "key.jsonl").string());
  ASSERT_FALSE(key.ok());
  EXPECT_EQ(key.error().where, (dir / "key.jsonl").string() + ":2");
  EXPECT_NE(key.error().message.find("'left'"), std::string::npos) << key.error().message;
}

}  // namespace
}  // namespace mimesis
