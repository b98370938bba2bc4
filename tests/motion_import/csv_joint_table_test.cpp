// Tests of the generic CSV joint-table reader: plain and gzipped files, headers, time, errors.
#include <gtest/gtest.h>

#include <fstream>

#include <zlib.h>

#include "mimesis/motion_import/CsvJointTable.hpp"

namespace mimesis {
namespace {

std::string writeText(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  std::ofstream(path, std::ios::binary) << text;
  return path;
}

std::string writeGz(const std::string& name, const std::string& text) {
  const std::string path = ::testing::TempDir() + name;
  gzFile f = gzopen(path.c_str(), "wb");
  gzwrite(f, text.data(), static_cast<unsigned>(text.size()));
  gzclose(f);
  return path;
}

TEST(CsvJointTable, PlainTableWithoutHeader) {
  const auto path = writeText("plain.csv", "0,1,2,3,4,5\n0.5,1.5,2.5,3.5,4.5,5.5\n\n1,2,3,4,5,6\n");
  CsvTableOptions o;
  o.metresPerUnit = 0.01f;
  o.rate = 10.0;
  auto clip = loadCsvJointTable(path, o);
  ASSERT_TRUE(clip) << clip.error().describe();
  EXPECT_EQ(clip->frames.size(), 3u);
  EXPECT_EQ(clip->body.joints, (std::vector<std::string>{"joint0", "joint1"}));
  EXPECT_DOUBLE_EQ(clip->frames[2].time, 0.2);
  EXPECT_FLOAT_EQ(clip->frames[1].body[1].pose.position.z, 0.055f);
  EXPECT_TRUE(clip->frames[0].body[0].positionValid());
  EXPECT_FALSE(clip->frames[0].body[0].orientationValid());
  EXPECT_FALSE(clip->frames[0].hands[0].active);
  EXPECT_EQ(clip->info.rigMap, "none");
}

TEST(CsvJointTable, GzippedWithHeaderNamesAndTime) {
  const auto path = writeGz("named.csv.gz",
                            "time,wrist_x,wrist_y,wrist_z,elbow_x,elbow_y,elbow_z\n"
                            "0.0,1,2,3,4,5,6\n0.02,1,2,3,4,5,6\n0.04,1,2,3,4,5,6\n");
  auto clip = loadCsvJointTable(path);
  ASSERT_TRUE(clip) << clip.error().describe();
  EXPECT_EQ(clip->body.joints, (std::vector<std::string>{"wrist", "elbow"}));
  EXPECT_DOUBLE_EQ(clip->frames[1].time, 0.02);
  EXPECT_NEAR(clip->rate, 50.0, 1e-9);
}

TEST(CsvJointTable, WhitespaceAndSemicolonDelimiters) {
  auto a = loadCsvJointTable(writeText("ws.txt", "1 2 3\n4\t5  6\n"));
  ASSERT_TRUE(a) << a.error().describe();
  EXPECT_EQ(a->frames.size(), 2u);
  auto b = loadCsvJointTable(writeText("semi.csv", "1;2;3\n4;5;6\n"));
  ASSERT_TRUE(b) << b.error().describe();
}

TEST(CsvJointTable, BadRowsNameFileAndLine) {
  const auto cols = writeText("cols.csv", "1,2,3\n4,5,6\n7,8\n");
  auto r1 = loadCsvJointTable(cols);
  ASSERT_FALSE(r1);
  EXPECT_EQ(r1.error().code, ErrorCode::BadInput);
  EXPECT_EQ(r1.error().where, cols + ":3");

  const auto word = writeText("word.csv", "1,2,3\n4,five,6\n");
  auto r2 = loadCsvJointTable(word);
  ASSERT_FALSE(r2);
  EXPECT_EQ(r2.error().where, word + ":2");
  EXPECT_NE(r2.error().message.find("five"), std::string::npos);

  const auto nan = writeText("nan.csv", "1,2,3\n4,nan,6\n");
  auto r3 = loadCsvJointTable(nan);
  ASSERT_FALSE(r3);
  EXPECT_EQ(r3.error().where, nan + ":2");

  auto r4 = loadCsvJointTable(writeText("four.csv", "1,2,3,4\n"));
  ASSERT_FALSE(r4);  // not a multiple of 3

  auto r5 = loadCsvJointTable(writeText("empty.csv", "\n\n"));
  ASSERT_FALSE(r5);

  const auto back = writeText("back.csv", "t,a_x,a_y,a_z\n0,1,2,3\n0,1,2,3\n");
  auto r6 = loadCsvJointTable(back);
  ASSERT_FALSE(r6);
  EXPECT_EQ(r6.error().where, back + ":3");
}

TEST(CsvJointTable, MissingAndCorruptGzip) {
  auto missing = loadCsvJointTable("/nonexistent/x.csv.gz");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::Io);

  // Gzip magic followed by garbage.
  auto corrupt = loadCsvJointTable(writeText("corrupt.csv.gz", std::string("\x1f\x8b\x08\x00garbage-garbage-garbage", 27)));
  ASSERT_FALSE(corrupt);
  EXPECT_EQ(corrupt.error().code, ErrorCode::BadInput);

  // A valid gzip stream cut in half.
  std::string rows;
  for (int i = 0; i < 2000; ++i) rows += std::to_string(i) + ",1,2\n";
  const auto full = writeGz("full.csv.gz", rows);
  std::ifstream in(full, std::ios::binary);
  const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  auto cut = loadCsvJointTable(writeText("cut.csv.gz", bytes.substr(0, bytes.size() / 2)));
  ASSERT_FALSE(cut);
  EXPECT_EQ(cut.error().code, ErrorCode::BadInput);
}

TEST(CsvJointTable, SizeLimitsRefuseWithoutReadingEverything) {
  std::string rows;
  for (int i = 0; i < 100; ++i) rows += "1,2,3\n";
  CsvTableOptions o;
  o.maxBytes = 100;
  auto big = loadCsvJointTable(writeText("big.csv", rows), o);
  ASSERT_FALSE(big);
  EXPECT_EQ(big.error().code, ErrorCode::Limit);
  o = {};
  o.maxFrames = 10;
  auto many = loadCsvJointTable(writeText("many.csv", rows), o);
  ASSERT_FALSE(many);
  EXPECT_EQ(many.error().code, ErrorCode::Limit);
}

TEST(CsvJointTable, SkeletonMustMatch) {
  CsvTableOptions o;
  o.skeleton = Skeleton{"two", {"a", "b"}, {-1, 0}, {}};
  auto ok = loadCsvJointTable(writeText("sk.csv", "1,2,3,4,5,6\n"), o);
  ASSERT_TRUE(ok) << ok.error().describe();
  EXPECT_EQ(ok->body.parents, (std::vector<int>{-1, 0}));
  auto bad = loadCsvJointTable(writeText("sk3.csv", "1,2,3\n"), o);
  ASSERT_FALSE(bad);
}

}  // namespace
}  // namespace mimesis
