// Tests of UI-PRMD loading: every positions file against labels.csv, FK sanity, and errors.
#include <gtest/gtest.h>

#include <cmath>
#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <map>
#include <sstream>

#include "SharedData.hpp"
#include "mimesis/motion/Skeleton.hpp"
#include "mimesis/motion_import/UiPrmd.hpp"

namespace mimesis {
namespace {

const std::string kRoot = std::string(MIMESIS_SHARED_DATA_DIR) + "/ui-prmd/";

struct Label {
  std::string path, label, movement;
  int frames = 0;
};

std::vector<Label> positionLabels() {
  std::ifstream in(kRoot + "labels.csv");
  std::vector<Label> out;
  std::string line;
  std::getline(in, line);  // header: path,label,sensor,kind,movement,subject,episode,frames
  while (std::getline(in, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cells.push_back(c);
    if (cells.size() != 8 || cells[3] != "positions") continue;
    out.push_back({cells[0], cells[1], cells[4], std::stoi(cells[7])});
  }
  return out;
}

int joint(const char* name) { return *kinectBodySkeleton().find(name); }
glm::vec3 at(const Clip& c, std::size_t f, const char* name) {
  return c.frames[f].body[static_cast<std::size_t>(joint(name))].pose.position;
}

// Every positions file (about 1000): frame counts equal labels.csv's, for all movements m01–m10,
// correct and incorrect.
TEST(UiPrmd, EveryTakeMatchesLabelsFrameCount) {
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd/labels.csv");
  const auto labels = positionLabels();
  ASSERT_GE(labels.size(), 900u);
  std::map<std::string, int> perKind;
  for (const Label& l : labels) {
    auto clip = loadUiPrmd(kRoot + l.path);
    ASSERT_TRUE(clip) << clip.error().describe();
    ASSERT_EQ(static_cast<int>(clip->frames.size()), l.frames) << l.path;
    ++perKind[l.movement + "/" + l.label];
  }
  EXPECT_EQ(perKind.size(), 20u);  // 10 movements × {correct, incorrect}
}

TEST(UiPrmd, ClipIsBodyOnlyAt30HzInMetres) {
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd");
  auto clip = loadUiPrmd(kRoot + "Segmented Movements/Kinect/Positions/m01_s01_e01_positions.txt.gz");
  ASSERT_TRUE(clip) << clip.error().describe();
  EXPECT_EQ(clip->body, kinectBodySkeleton());
  EXPECT_DOUBLE_EQ(clip->rate, 30.0);
  EXPECT_DOUBLE_EQ(clip->frames[30].time, 1.0);
  EXPECT_EQ(clip->info.rigMap, "none");
  for (const Frame& f : clip->frames) {
    EXPECT_FALSE(f.hands[0].active);
    EXPECT_FALSE(f.hands[1].active);
  }
  // Waist from the first triplet: (-3.5028, 85.59755, -235.88153) cm.
  const glm::vec3 waist = at(*clip, 0, "waist");
  EXPECT_NEAR(waist.x, -0.035028f, 1e-6f);
  EXPECT_NEAR(waist.y, 0.8559755f, 1e-6f);
  EXPECT_NEAR(waist.z, -2.3588153f, 1e-6f);
}

// FK only rotates the file's bone vectors, so every reconstructed bone is exactly as long as the
// file says (checked against the raw triplets), and within a take each bone keeps its length up to
// the Kinect's own jitter (within 30% of its mean; hands and feet jitter most).
TEST(UiPrmd, BoneLengthsStayConstantOverATake) {
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd");
  for (const char* take : {"Segmented Movements/Kinect/Positions/m01_s02_e03_positions.txt.gz",
                           "Incorrect Segmented Movements/Kinect/Positions/m07_s05_e02_positions_inc.txt.gz"}) {
    auto clip = loadUiPrmd(kRoot + take);
    ASSERT_TRUE(clip) << clip.error().describe();
    const Skeleton& s = clip->body;
    for (int j = 1; j < s.jointCount(); ++j) {
      std::vector<float> lengths;
      for (const Frame& f : clip->frames)
        lengths.push_back(glm::length(f.body[j].pose.position - f.body[s.parents[j]].pose.position));
      double mean = 0;
      for (float l : lengths) mean += l;
      mean /= static_cast<double>(lengths.size());
      for (float l : lengths) ASSERT_NEAR(l, mean, 0.3 * mean + 0.005) << take << " bone " << s.joints[j];
    }
  }
}

TEST(UiPrmd, ForwardKinematicsPreservesFileBoneLengths) {
  UiPrmdRow positions{}, angles{};
  for (int i = 0; i < 66; ++i) {
    positions[i] = static_cast<float>((i * 37) % 23) - 11.0f;
    angles[i] = static_cast<float>((i * 53) % 360) - 180.0f;
  }
  const auto poses = uiPrmdForwardKinematics(positions, angles);
  const Skeleton s = kinectBodySkeleton();
  for (int j = 1; j < 22; ++j) {
    const glm::vec3 v(positions[3 * j], positions[3 * j + 1], positions[3 * j + 2]);
    EXPECT_NEAR(glm::length(poses[j].position - poses[s.parents[j]].position), glm::length(v), 1e-3f);
    EXPECT_NEAR(glm::length(poses[j].orientation), 1.0f, 1e-5f);
  }
  // With zero angles the bone vectors simply add up along the hierarchy.
  const auto straight = uiPrmdForwardKinematics(positions, UiPrmdRow{});
  const glm::vec3 expectNeck = glm::vec3(positions[0], positions[1], positions[2]) +
                               glm::vec3(positions[3], positions[4], positions[5]) +
                               glm::vec3(positions[6], positions[7], positions[8]) +
                               glm::vec3(positions[9], positions[10], positions[11]);
  EXPECT_NEAR(glm::length(straight[3].position - expectNeck), 0.0f, 1e-4f);
  // A 90° turn of the waist about Y (angle order x, y, z) turns the spine's bone vector with it.
  UiPrmdRow turn{};
  turn[1] = 90.0f;
  UiPrmdRow bone{};
  bone[3] = 10.0f;  // spine vector +X in the waist frame
  const auto turned = uiPrmdForwardKinematics(bone, turn);
  EXPECT_NEAR(turned[1].position.z, -10.0f, 1e-4f);  // Ry(90°)·(+X) = -Z
}

// The reconstructed skeleton looks human in every take of a sample of every movement.
TEST(UiPrmd, SkeletonLooksHuman) {
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd/labels.csv");
  for (const Label& l : positionLabels()) {
    if (l.path.find("_s01_e01") == std::string::npos) continue;  // one take per movement and kind
    auto clip = loadUiPrmd(kRoot + l.path);
    ASSERT_TRUE(clip) << clip.error().describe();
    // Upright at the start (lunges m03/m04 start already low, hence the loose foot margin):
    // head well above the waist, feet below, shoulders near level and above the waist, left
    // joints on the other side of the spine from right ones.
    const glm::vec3 head = at(*clip, 0, "head"), waist = at(*clip, 0, "waist");
    EXPECT_GT(head.y - waist.y, 0.35f) << l.path;
    EXPECT_LT(at(*clip, 0, "left_foot").y, waist.y - 0.35f) << l.path;
    EXPECT_LT(at(*clip, 0, "right_foot").y, waist.y - 0.35f) << l.path;
    const glm::vec3 ls = at(*clip, 0, "left_upper_arm"), rs = at(*clip, 0, "right_upper_arm");
    EXPECT_NEAR(ls.y, rs.y, 0.15f) << l.path;
    EXPECT_GT(ls.y, waist.y + 0.3f) << l.path;
    EXPECT_NEAR(glm::length(ls - rs), 0.35f, 0.12f) << l.path;  // shoulder width
    EXPECT_GT(glm::dot(ls - rs, at(*clip, 0, "left_upper_leg") - at(*clip, 0, "right_upper_leg")), 0.0f);
  }
}

// Shoulder abduction (m07) raises the arm sideways to about shoulder height or above.
TEST(UiPrmd, ShoulderAbductionRaisesHandToShoulderHeight) {
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd");
  auto clip = loadUiPrmd(kRoot + "Segmented Movements/Kinect/Positions/m07_s01_e01_positions.txt.gz");
  ASSERT_TRUE(clip) << clip.error().describe();
  float bestLeft = -10.0f, bestRight = -10.0f;
  for (std::size_t f = 0; f < clip->frames.size(); ++f) {
    bestLeft = std::max(bestLeft, at(*clip, f, "left_hand").y - at(*clip, f, "left_upper_arm").y);
    bestRight = std::max(bestRight, at(*clip, f, "right_hand").y - at(*clip, f, "right_upper_arm").y);
  }
  EXPECT_GT(std::max(bestLeft, bestRight), -0.1f);
  // At the start the hands hang below the waist... well below the shoulders.
  EXPECT_LT(at(*clip, 0, "left_hand").y, at(*clip, 0, "left_upper_arm").y - 0.3f);
}

TEST(UiPrmd, AnglesPathAndNameRecognition) {
  EXPECT_EQ(uiPrmdAnglesPath("a/Segmented Movements/Kinect/Positions/m01_s01_e01_positions.txt.gz"),
            "a/Segmented Movements/Kinect/Angles/m01_s01_e01_angles.txt.gz");
  EXPECT_EQ(uiPrmdAnglesPath("x/Positions/m02_s03_e04_positions_inc.txt"), "x/Angles/m02_s03_e04_angles_inc.txt");
  EXPECT_EQ(uiPrmdAnglesPath("takePositions.csv"), "takeAngles.csv");
  EXPECT_EQ(uiPrmdAnglesPath("walk.csv"), "");
  EXPECT_TRUE(looksLikeUiPrmd("/d/m01_s01_e01_positions.txt.gz"));
  EXPECT_FALSE(looksLikeUiPrmd("/d/Positions/walk.csv"));
}

TEST(UiPrmd, ErrorsNameTheFiles) {
  const std::string dir = ::testing::TempDir() + "uiprmd/";
  std::system(("mkdir -p '" + dir + "Positions' '" + dir + "Angles'").c_str());
  std::string row;
  for (int i = 0; i < 66; ++i) row += (i ? "," : "") + std::string("1.0");
  const std::string pos = dir + "Positions/m01_s09_e01_positions.txt";
  std::remove((dir + "Angles/m01_s09_e01_angles.txt").c_str());  // left by an earlier run
  std::ofstream(pos) << row << "\n" << row << "\n";
  auto missing = loadUiPrmd(pos);
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::Io);
  EXPECT_NE(missing.error().where.find("m01_s09_e01_angles.txt"), std::string::npos);

  std::ofstream(dir + "Angles/m01_s09_e01_angles.txt") << row << "\n" << row << ",2\n";
  auto badRow = loadUiPrmd(pos);
  ASSERT_FALSE(badRow);
  EXPECT_EQ(badRow.error().where, dir + "Angles/m01_s09_e01_angles.txt:2");

  std::ofstream(dir + "Angles/m01_s09_e01_angles.txt") << row << "\n";
  auto count = loadUiPrmd(pos);
  ASSERT_FALSE(count);
  EXPECT_EQ(count.error().code, ErrorCode::BadInput);

  std::ofstream(pos) << "1,2,3\n";
  auto narrow = loadUiPrmd(pos);
  ASSERT_FALSE(narrow);
  EXPECT_EQ(narrow.error().where, pos + ":1");
}

}  // namespace
}  // namespace mimesis
