// Resource limits of the importers (issue 9): a BVH declaring 10^9 frames (or many frames of a
// wide skeleton in a tiny file), and a gzipped CSV that inflates far beyond its size limit, are
// refused before memory is allocated for what they claim (child process, 64 MiB cap).
#include <gtest/gtest.h>
#include <zlib.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "ResourceLimit.hpp"
#include "mimesis/motion_import/BvhDocument.hpp"
#include "mimesis/motion_import/BvhImport.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/motion_import/CsvJointTable.hpp"

namespace fs = std::filesystem;

namespace mimesis {
namespace {

using testing::CappedOutcome;
using testing::runWithMemoryCap;

constexpr std::size_t kCap = 64u << 20;

std::string tempPath(const std::string& name) {
  const fs::path d = fs::temp_directory_path() / "mimesis-test-limits";
  fs::create_directories(d);
  return (d / name).string();
}

// A BVH of `joints` chained joints with 3 rotation channels each (plus 6 at the root), that
// declares `frames` frames but holds `rows` rows.
std::string wideBvh(int joints, const std::string& frames, int rows) {
  std::string t = "HIERARCHY\nROOT j0\n{\n OFFSET 0 0 0\n CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n";
  for (int j = 1; j < joints; ++j) t += " JOINT j" + std::to_string(j) + "\n {\n OFFSET 0 1 0\n CHANNELS 3 Zrotation Xrotation Yrotation\n";
  for (int j = 1; j < joints; ++j) t += " }\n";
  t += "}\nMOTION\nFrames: " + frames + "\nFrame Time: 0.01\n";
  const int channels = 6 + 3 * (joints - 1);
  for (int r = 0; r < rows; ++r) {
    for (int c = 0; c < channels; ++c) t += c ? " 0" : "0";
    t += "\n";
  }
  return t;
}

TEST(ResourceLimitImport, BvhBillionFramesRefusedBeforeAllocating) {
  const std::string text = wideBvh(3, "1000000000", 2);
  const std::string path = tempPath("billion.bvh");
  std::ofstream(path, std::ios::binary) << text;
  const CappedOutcome mem = runWithMemoryCap([&] {
    Result<BvhDocument> d = parseBvh(text, "billion.bvh");
    return !d.ok() && d.error().code == ErrorCode::Limit;
  }, kCap);
  EXPECT_EQ(mem, CappedOutcome::Refused) << testing::name(mem);
  Result<BvhDocument> d = parseBvh(text, "billion.bvh");
  ASSERT_FALSE(d.ok());
  EXPECT_EQ(d.error().where, "billion.bvh:18") << d.error().describe();

  const CappedOutcome file = runWithMemoryCap([&] {
    Result<Clip> c = loadClip(path);
    return !c.ok() && c.error().code == ErrorCode::Limit;
  }, kCap);
  EXPECT_EQ(file, CappedOutcome::Refused) << testing::name(file);
}

TEST(ResourceLimitImport, BvhManyDeclaredFramesInATinyFile) {
  // 9,000,000 frames x 27 channels is within the value limit (243 M floats = 972 MB) but the
  // file holds two rows: it must fail on the missing rows without reserving 972 MB first.
  const std::string text = wideBvh(8, "9000000", 2);
  const std::string path = tempPath("claims.bvh");
  std::ofstream(path, std::ios::binary) << text;
  const CappedOutcome mem = runWithMemoryCap([&] { return !parseBvh(text, "claims.bvh").ok(); }, kCap);
  EXPECT_EQ(mem, CappedOutcome::Refused) << "parseBvh " << testing::name(mem);
  const CappedOutcome streamed = runWithMemoryCap([&] { return !loadBvhRaw(path).ok(); }, kCap);
  EXPECT_EQ(streamed, CappedOutcome::Refused) << "loadBvhRaw " << testing::name(streamed);
}

TEST(ResourceLimitImport, GzipBombCsvRefusedAtTheSizeLimit) {
  // 64 MiB of one repeated row compresses to about 64 KB.
  const std::string path = tempPath("bomb.csv.gz");
  gzFile gz = gzopen(path.c_str(), "wb9");
  ASSERT_NE(gz, nullptr);
  const std::string row = "1,2,3,4,5,6\n";
  std::string block;
  for (int i = 0; i < 4096; ++i) block += row;
  for (std::size_t written = 0; written < (64u << 20); written += block.size())
    ASSERT_EQ(gzwrite(gz, block.data(), static_cast<unsigned>(block.size())), static_cast<int>(block.size()));
  ASSERT_EQ(gzclose(gz), Z_OK);
  ASSERT_LT(fs::file_size(path), 1u << 20);

  CsvTableOptions o;
  o.maxBytes = 1u << 20;
  const CappedOutcome mem = runWithMemoryCap([&] {
    Result<Clip> c = loadCsvJointTable(path, o);
    return !c.ok() && (c.error().code == ErrorCode::Limit || c.error().code == ErrorCode::BadInput);
  }, 32u << 20);
  EXPECT_EQ(mem, CappedOutcome::Refused) << testing::name(mem);
  Result<Clip> c = loadCsvJointTable(path, o);
  ASSERT_FALSE(c.ok());
  EXPECT_NE(c.error().describe().find(path), std::string::npos) << c.error().describe();

  o.maxBytes = 128u << 20;
  o.maxFrames = 1000;  // more rows than allowed
  Result<Clip> rows = loadCsvJointTable(path, o);
  ASSERT_FALSE(rows.ok());
  EXPECT_EQ(rows.error().code, ErrorCode::Limit) << rows.error().describe();
}

}  // namespace
}  // namespace mimesis
