// CSV and JSON Lines export: columns, row counts, values that parse back, invalid joints empty.
#include <gtest/gtest.h>

#include <charconv>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "mimesis/motion/ClipExport.hpp"

#include "MrecTestClip.hpp"

namespace mimesis {
namespace {

std::string readText(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> lines(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string l; std::getline(in, l);) out.push_back(l);
  return out;
}

std::vector<std::string> cells(const std::string& row) {
  std::vector<std::string> out(1);
  for (char c : row) {
    if (c == ',') out.emplace_back();
    else out.back() += c;
  }
  return out;
}

float toFloat(const std::string& s) {
  float v = 0;
  const auto res = std::from_chars(s.data(), s.data() + s.size(), v);
  EXPECT_EQ(res.ec, std::errc()) << s;
  EXPECT_EQ(res.ptr, s.data() + s.size()) << s;
  return v;
}

std::string tempPath(const std::string& name) { return std::string(MIMESIS_BINARY_DIR) + "/clip_export_" + name; }

constexpr int kJointCols = 9;
int handCol(int hand, int joint) { return 1 + (hand * kHandJointCount + joint) * kJointCols; }

TEST(ClipExportCsv, ColumnsRowsAndValues) {
  const Clip clip = testclip::makeMrecTestClip(12);
  const std::string path = tempPath("a.csv");
  ASSERT_TRUE(writeClipCsv(path, clip).ok());
  const std::string text = readText(path);
  EXPECT_EQ(text.find("nan"), std::string::npos);
  EXPECT_EQ(text.find("inf"), std::string::npos);
  const auto rows = lines(text);
  ASSERT_EQ(rows.size(), clip.frames.size() + 1);
  const auto header = cells(rows[0]);
  const std::size_t bodyCols = clip.body.joints.size() * kJointCols;
  ASSERT_EQ(header.size(), 1 + 2 * kHandJointCount * kJointCols + 7 + bodyCols);
  EXPECT_EQ(header[0], "time");
  EXPECT_EQ(header[handCol(0, 0)], "left_palm_px");
  EXPECT_EQ(header[handCol(0, 0) + 8], "left_palm_flags");
  EXPECT_EQ(header[handCol(1, index(HandJoint::IndexTip)) + 6], "right_index_tip_qw");
  EXPECT_EQ(header[handCol(2, 0)], "head_px");
  EXPECT_EQ(header[handCol(2, 0) + 7], "body_waist_px");
  EXPECT_EQ(header.back(), "body_right_toes_flags");

  for (std::size_t f = 0; f < clip.frames.size(); ++f) {
    SCOPED_TRACE(f);
    const Frame& fr = clip.frames[f];
    const auto row = cells(rows[f + 1]);
    ASSERT_EQ(row.size(), header.size());
    EXPECT_EQ(std::stod(row[0]), fr.time);
    for (int h = 0; h < 2; ++h)
      for (int j = 0; j < kHandJointCount; ++j) {
        const JointPose& jp = fr.hands[h].joints[j];
        const int c = handCol(h, j);
        const bool active = fr.hands[h].active;
        const bool pos = active && jp.positionValid();
        const bool rot = active && jp.orientationValid();
        EXPECT_EQ(row[c + 8], std::to_string(active ? jp.flags : 0));
        if (pos) {
          EXPECT_EQ(toFloat(row[c]), jp.pose.position.x);
          EXPECT_EQ(toFloat(row[c + 2]), jp.pose.position.z);
          EXPECT_EQ(toFloat(row[c + 7]), jp.radius);
        } else {
          EXPECT_EQ(row[c], "");
          EXPECT_EQ(row[c + 7], "");
        }
        if (rot) EXPECT_EQ(toFloat(row[c + 6]), jp.pose.orientation.w);
        else EXPECT_EQ(row[c + 3], "");
      }
    const int head = handCol(2, 0);
    if (fr.hasHead) EXPECT_EQ(toFloat(row[head + 2]), fr.head.position.z);
    else EXPECT_EQ(row[head], "");
    EXPECT_EQ(toFloat(row[head + 7 + 3 * kJointCols]), fr.body[3].pose.position.x);
    EXPECT_EQ(row[head + 7 + 5 * kJointCols], "");  // body joint 5 is invalid
  }
  // Specific invalid cases of the fixture: right joint 3 never valid, left hand off on frame 3.
  const auto row3 = cells(rows[4]);
  EXPECT_EQ(row3[handCol(1, 3)], "");
  EXPECT_EQ(row3[handCol(1, 3) + 8], "0");
  EXPECT_EQ(row3[handCol(0, 1)], "");
  EXPECT_EQ(row3[handCol(0, 1) + 8], "0");
  std::remove(path.c_str());
}

TEST(ClipExportCsv, DeterministicAndValidated) {
  const Clip clip = testclip::makeMrecTestClip(5);
  ASSERT_TRUE(writeClipCsv(tempPath("d1.csv"), clip).ok());
  ASSERT_TRUE(writeClipCsv(tempPath("d2.csv"), clip).ok());
  EXPECT_EQ(readText(tempPath("d1.csv")), readText(tempPath("d2.csv")));
  Clip bad = clip;
  bad.frames[1].time = -1.0;
  auto s = writeClipCsv(tempPath("bad.csv"), bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::BadInput);
  EXPECT_FALSE(writeClipCsv("/nonexistent/dir/x.csv", clip).ok());
  std::remove(tempPath("d1.csv").c_str());
  std::remove(tempPath("d2.csv").c_str());
}

TEST(ClipExportJsonLines, HeaderAndFramesParseBack) {
  const Clip clip = testclip::makeMrecTestClip(12);
  const std::string path = tempPath("a.jsonl");
  ASSERT_TRUE(writeClipJsonLines(path, clip).ok());
  const std::string text = readText(path);
  EXPECT_EQ(text.find("nan"), std::string::npos);
  const auto rows = lines(text);
  ASSERT_EQ(rows.size(), clip.frames.size() + 1);

  const auto header = nlohmann::json::parse(rows[0]);
  EXPECT_EQ(header["format"], "mimesis-clip");
  EXPECT_EQ(header["info"]["name"].get<std::string>(), clip.info.name);
  EXPECT_EQ(header["info"]["filledJoints"].get<std::vector<std::string>>(), clip.info.filledJoints);
  EXPECT_EQ(header["rate"].get<double>(), clip.rate);
  EXPECT_EQ(header["frames"].get<std::size_t>(), clip.frames.size());
  EXPECT_EQ(header["handJoints"].size(), static_cast<std::size_t>(kHandJointCount));
  EXPECT_EQ(header["skeleton"]["joints"].get<std::vector<std::string>>(), clip.body.joints);
  EXPECT_EQ(header["skeleton"]["parents"].get<std::vector<int>>(), clip.body.parents);
  EXPECT_EQ(header["skeleton"]["groups"][1]["joints"].get<std::vector<int>>(), clip.body.groups[1].joints);
  ASSERT_EQ(header["segments"].size(), clip.segments.size());
  EXPECT_EQ(header["segments"][1]["end"].get<double>(), clip.segments[1].end);
  ASSERT_EQ(header["annotations"].size(), clip.annotations.size());
  EXPECT_EQ(header["annotations"][2]["text"].get<std::string>(), clip.annotations[2].text);

  for (std::size_t f = 0; f < clip.frames.size(); ++f) {
    SCOPED_TRACE(f);
    const Frame& fr = clip.frames[f];
    const auto j = nlohmann::json::parse(rows[f + 1]);
    EXPECT_EQ(j["time"].get<double>(), fr.time);
    for (Hand h : {Hand::Left, Hand::Right}) {
      const auto& hj = j[std::string(handName(h))];
      if (!fr.hand(h).active) {
        EXPECT_TRUE(hj.is_null());
        continue;
      }
      ASSERT_EQ(hj["joints"].size(), static_cast<std::size_t>(kHandJointCount));
      for (int k = 0; k < kHandJointCount; ++k) {
        const JointPose& jp = fr.hand(h).joints[k];
        const auto& jj = hj["joints"][k];
        EXPECT_EQ(jj["flags"].get<int>(), jp.flags);
        if (jp.positionValid()) EXPECT_EQ(jj["p"][1].get<float>(), jp.pose.position.y);
        else EXPECT_TRUE(jj["p"].is_null());
        if (jp.orientationValid()) EXPECT_EQ(jj["q"][3].get<float>(), jp.pose.orientation.w);
        else EXPECT_TRUE(jj["q"].is_null());
      }
    }
    EXPECT_EQ(j["head"].is_null(), !fr.hasHead);
    ASSERT_EQ(j["body"].size(), fr.body.size());
    EXPECT_EQ(j["body"][2]["p"][0].get<float>(), fr.body[2].pose.position.x);
    EXPECT_TRUE(j["body"][5]["p"].is_null());
  }
  std::remove(path.c_str());
}

}  // namespace
}  // namespace mimesis
