// NaN/Inf injection into every importer (issue 9): BVH values and offsets, CSV cells, UI-PRMD
// rows, and a glTF whose animation buffer holds NaN and infinite keys. Each must refuse the file
// with a message naming it (and the line for text formats) or give a clip with no non-finite
// tracked joint — never pass a NaN on. Overflow (finite numbers whose sum is infinite) counts.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include "mimesis/motion_import/BvhDocument.hpp"
#include "mimesis/motion_import/BvhImport.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/motion_import/CsvJointTable.hpp"

namespace fs = std::filesystem;

namespace mimesis {
namespace {

fs::path tempDir() {
  const fs::path d = fs::temp_directory_path() / "mimesis-test-nan-import";
  fs::create_directories(d);
  return d;
}

std::string writeFile(const std::string& name, const std::string& bytes) {
  const fs::path p = tempDir() / name;
  std::ofstream(p, std::ios::binary) << bytes;
  return p.string();
}

// The clip is refused, or every tracked joint (hands and body) is finite.
void expectRefusedOrFinite(const Result<Clip>& c, const std::string& file) {
  if (!c.ok()) {
    EXPECT_NE(c.error().describe().find(file), std::string::npos) << c.error().describe();
    EXPECT_NE(c.error().code, ErrorCode::Internal) << c.error().describe();
    return;
  }
  ASSERT_TRUE(validateClip(*c, file).ok());
  for (const Frame& f : c->frames) {
    for (const HandPose& h : f.hands)
      for (const JointPose& j : h.joints)
        if (j.flags != 0) { EXPECT_TRUE(isFinite(j.pose)) << file; }
    for (const JointPose& j : f.body)
      if (j.flags != 0) { EXPECT_TRUE(isFinite(j.pose)) << file; }
  }
}

std::string bvhWith(const std::string& offset, const std::string& row) {
  return "HIERARCHY\nROOT Hips\n{\n  OFFSET 0 0 0\n  CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
         "  JOINT Spine\n  {\n    OFFSET " + offset + "\n    CHANNELS 3 Zrotation Xrotation Yrotation\n"
         "    End Site\n    {\n      OFFSET 0 10 0\n    }\n  }\n}\nMOTION\nFrames: 2\nFrame Time: 0.0333333\n"
         "0 90 0 0 0 0 0 0 0\n" + row + "\n";
}

TEST(NanInjectionImport, BvhNonFiniteValuesNameTheirLine) {
  for (const char* bad : {"nan", "-nan", "inf", "-Infinity", "1e39", "-3.5e38e", "NaN"}) {
    const std::string text = bvhWith("0 10 0", std::string("0 90 0 ") + bad + " 0 0 0 0 0");
    Result<BvhDocument> doc = parseBvh(text, "nan.bvh");
    ASSERT_FALSE(doc.ok()) << bad;
    EXPECT_EQ(doc.error().where, "nan.bvh:20") << bad << ": " << doc.error().describe();
    const std::string path = writeFile("nan.bvh", text);
    Result<RawClip> streamed = loadBvhRaw(path);
    ASSERT_FALSE(streamed.ok()) << bad;
    EXPECT_EQ(streamed.error().where, path + ":20") << bad;
  }
  EXPECT_FALSE(parseBvh(bvhWith("nan 10 0", "0 90 0 0 0 0 0 0 0"), "off.bvh").ok());
  std::string nanFrameTime = bvhWith("0 10 0", "0 90 0 0 0 0 0 0 0");
  nanFrameTime.replace(nanFrameTime.find("0.0333333"), 9, "nan");
  EXPECT_FALSE(parseBvh(nanFrameTime, "ft.bvh").ok());
}

TEST(NanInjectionImport, BvhOverflowToInfinityIsRefused) {
  // Every number is finite, but the forward kinematics overflows a float.
  const std::string text = bvhWith("3e38 3e38 3e38", "3e38 3e38 3e38 0 0 0 0 0 0");
  const std::string path = writeFile("overflow.bvh", text);
  LoadOptions o;
  o.rigMap = "none";
  expectRefusedOrFinite(loadClip(path, o), path);
  Result<RawClip> raw = loadBvhRaw(path, BvhImportOptions{1.0f, std::nullopt, {}});
  if (raw.ok())
    for (const Pose& p : raw->poses) { EXPECT_TRUE(isFinite(p)); }
}

TEST(NanInjectionImport, CsvNonFiniteCellsNameTheirLine) {
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "1e999", "infinity"}) {
    const std::string path = writeFile("nan.csv", std::string("a_x,a_y,a_z\n0,1,0\n0,") + bad + ",0\n");
    Result<Clip> c = loadCsvJointTable(path);
    ASSERT_FALSE(c.ok()) << bad;
    EXPECT_EQ(c.error().where, path + ":3") << bad << ": " << c.error().describe();
  }
  // Finite cells, metres per unit that overflows them.
  const std::string path = writeFile("big.csv", "a_x,a_y,a_z\n0,1,0\n3e38,3e38,3e38\n");
  CsvTableOptions o;
  o.metresPerUnit = 100.0f;
  expectRefusedOrFinite(loadCsvJointTable(path, o), path);
}

// Found by fuzz_csv: a finite double beyond float range became an infinite joint flagged valid.
TEST(NanInjectionImport, CsvFloatOverflowNamesItsLine) {
  const std::string path = writeFile("overflow.csv", "a_x,a_y,a_z\n0,1,0\n0,1,888888888888888888888888888888888888888.01\n");
  Result<Clip> c = loadCsvJointTable(path);
  ASSERT_FALSE(c.ok());
  EXPECT_EQ(c.error().code, ErrorCode::BadInput);
  EXPECT_EQ(c.error().describe(), path + ":3: joint 0: position is out of range");
  CsvTableOptions o;
  o.metresPerUnit = 1e30f;  // each value fits a float, the metres do not
  const std::string scaled = writeFile("scaled.csv", "a_x,a_y,a_z\n0,1,0\n0,1e10,0\n");
  Result<Clip> s = loadCsvJointTable(scaled, o);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().where, scaled + ":3");
}

TEST(NanInjectionImport, UiPrmdNonFiniteAndOverflowingRows) {
  auto row = [](const std::string& first) {
    std::string r = first;
    for (int i = 1; i < 66; ++i) r += ",1";
    return r + "\n";
  };
  for (const char* bad : {"nan", "inf", "3e38"}) {
    const std::string pos = writeFile("m01_s01_e01_positions.txt", row("0") + row(bad) + row("0"));
    writeFile("m01_s01_e01_angles.txt", row("0") + row("0") + row("0"));
    expectRefusedOrFinite(loadClip(pos), pos);
    // The same damage in the angles file.
    writeFile("m01_s01_e01_positions.txt", row("0") + row("0") + row("0"));
    const std::string ang = writeFile("m01_s01_e01_angles.txt", row("0") + row(bad) + row("0"));
    (void)ang;
    expectRefusedOrFinite(loadClip(pos), "m01_s01_e01");
  }
}

// A two-joint glTF whose rotation keys (in the embedded buffer) are NaN or infinite.
std::string gltfWithKeys(float a, float b) {
  float data[10] = {0.0f, 1.0f, 0, 0, 0, 1, a, b, 0, 1};
  std::string raw(reinterpret_cast<const char*>(data), sizeof data);
  static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string b64;
  for (std::size_t i = 0; i < raw.size(); i += 3) {
    unsigned v = static_cast<unsigned char>(raw[i]) << 16;
    if (i + 1 < raw.size()) v |= static_cast<unsigned char>(raw[i + 1]) << 8;
    if (i + 2 < raw.size()) v |= static_cast<unsigned char>(raw[i + 2]);
    b64 += table[(v >> 18) & 63];
    b64 += table[(v >> 12) & 63];
    b64 += i + 1 < raw.size() ? table[(v >> 6) & 63] : '=';
    b64 += i + 2 < raw.size() ? table[v & 63] : '=';
  }
  return R"({"asset":{"version":"2.0"},"scene":0,"scenes":[{"nodes":[0]}],
 "nodes":[{"name":"RightHand","children":[1],"translation":[0,1,0]},{"name":"RightHandIndex1","translation":[0,0.1,0]}],
 "buffers":[{"byteLength":40,"uri":"data:application/octet-stream;base64,)" + b64 + R"("}],
 "bufferViews":[{"buffer":0,"byteOffset":0,"byteLength":8},{"buffer":0,"byteOffset":8,"byteLength":32}],
 "accessors":[{"bufferView":0,"componentType":5126,"count":2,"type":"SCALAR","min":[0],"max":[1]},
              {"bufferView":1,"componentType":5126,"count":2,"type":"VEC4"}],
 "animations":[{"name":"turn","samplers":[{"input":0,"output":1,"interpolation":"LINEAR"}],
   "channels":[{"sampler":0,"target":{"node":1,"path":"rotation"}}]}]})";
}

LoadOptions noRig() {
  LoadOptions o;
  o.rigMap = "none";
  return o;
}

TEST(NanInjectionImport, GltfWithNonFiniteKeys) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  const std::string good = writeFile("good.gltf", gltfWithKeys(0.0f, 0.7071068f));
  Result<Clip> ok = loadClip(good, noRig());
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  expectRefusedOrFinite(ok, good);
  for (auto [a, b] : {std::pair{nan, 0.5f}, std::pair{inf, 0.0f}, std::pair{3e38f, 3e38f}}) {
    const std::string path = writeFile("bad.gltf", gltfWithKeys(a, b));
    expectRefusedOrFinite(loadClip(path, noRig()), path);
    expectRefusedOrFinite(loadClip(path), path);
  }
}

}  // namespace
}  // namespace mimesis
