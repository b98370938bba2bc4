// BVH parsing and forward kinematics on tiny hand-written files: every rotation order against
// an independent glm matrix computation, channel subsets, and the document layout.
#include <gtest/gtest.h>

#include <array>
#include <string>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/mat4x4.hpp>

#include "mimesis/motion_import/BvhImport.hpp"

namespace mimesis {
namespace {

struct Order {
  const char* name;
  std::array<char, 3> axes;
};

glm::vec3 axisOf(char a) { return a == 'X' ? glm::vec3(1, 0, 0) : a == 'Y' ? glm::vec3(0, 1, 0) : glm::vec3(0, 0, 1); }

std::string channelsOf(const Order& o) {
  std::string s;
  for (const char a : o.axes) s += std::string(" ") + a + "rotation";
  return s;
}

// R = R1 * R2 * R3 with matrices: the independent reference.
glm::mat4 rotationMatrix(const Order& o, const std::array<float, 3>& deg) {
  glm::mat4 m(1.0f);
  for (int i = 0; i < 3; ++i) m = glm::rotate(m, glm::radians(deg[static_cast<std::size_t>(i)]), axisOf(o.axes[static_cast<std::size_t>(i)]));
  return m;
}

class RotationOrder : public ::testing::TestWithParam<Order> {};

TEST_P(RotationOrder, ForwardKinematicsMatchesMatrices) {
  const Order o = GetParam();
  const std::array<float, 3> a = {30.0f, -50.0f, 70.0f};
  const std::array<float, 3> b = {-15.0f, 100.0f, 25.0f};
  const std::string text = std::string("HIERARCHY\nROOT Root\n{\n  OFFSET 1 2 3\n  CHANNELS 6 Xposition Yposition Zposition") +
                           channelsOf(o) + "\n  JOINT Mid\n  {\n    OFFSET 0 2 0\n    CHANNELS 3" + channelsOf(o) +
                           "\n    End Site\n    {\n      OFFSET 1 0.5 0\n    }\n  }\n}\nMOTION\nFrames: 1\nFrame Time: 0.01\n"
                           "0.5 -1 2 30 -50 70 -15 100 25\n";
  Result<BvhDocument> doc = parseBvh(text, "order.bvh");
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  Result<RawClip> raw = bvhToRaw(*doc, BvhImportOptions{1.0f, std::nullopt, {}});
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  ASSERT_EQ(raw->jointCount(), 3);
  ASSERT_EQ(raw->frameCount(), 1);

  const glm::mat4 root = glm::translate(glm::mat4(1.0f), glm::vec3(1.5f, 1.0f, 5.0f)) * rotationMatrix(o, a);
  const glm::mat4 mid = root * glm::translate(glm::mat4(1.0f), glm::vec3(0, 2, 0)) * rotationMatrix(o, b);
  const glm::mat4 end = mid * glm::translate(glm::mat4(1.0f), glm::vec3(1, 0.5f, 0));
  const std::array<glm::mat4, 3> expected = {root, mid, end};
  for (int j = 0; j < 3; ++j) {
    const Pose& p = raw->pose(0, j);
    const glm::vec3 want(expected[static_cast<std::size_t>(j)][3]);
    EXPECT_NEAR(p.position.x, want.x, 1e-4f) << o.name << " joint " << j;
    EXPECT_NEAR(p.position.y, want.y, 1e-4f) << o.name << " joint " << j;
    EXPECT_NEAR(p.position.z, want.z, 1e-4f) << o.name << " joint " << j;
    // Orientation: compare where it sends two axes.
    for (const glm::vec3 v : {glm::vec3(1, 0, 0), glm::vec3(0, 1, 0)}) {
      const glm::vec3 got = p.rotate(v);
      const glm::vec3 ref = glm::mat3(expected[static_cast<std::size_t>(j)]) * v;
      EXPECT_NEAR(glm::length(got - ref), 0.0f, 1e-5f) << o.name << " joint " << j;
    }
  }
  EXPECT_TRUE(raw->isEndSite[2]);
  EXPECT_EQ(raw->skeleton.joints[2], "Mid_end");
}

INSTANTIATE_TEST_SUITE_P(AllSix, RotationOrder,
                         ::testing::Values(Order{"XYZ", {'X', 'Y', 'Z'}}, Order{"XZY", {'X', 'Z', 'Y'}},
                                           Order{"YXZ", {'Y', 'X', 'Z'}}, Order{"YZX", {'Y', 'Z', 'X'}},
                                           Order{"ZXY", {'Z', 'X', 'Y'}}, Order{"ZYX", {'Z', 'Y', 'X'}}),
                         [](const auto& p) { return std::string(p.param.name); });

TEST(BvhParser, ChannelSubsetsInAnyOrder) {
  const std::string text =
      "HIERARCHY\nROOT A {\n OFFSET 0 0 0\n CHANNELS 2 Zposition Xposition\n JOINT B\n {\n  OFFSET 1 0 0\n"
      "  CHANNELS 1 Yrotation\n  JOINT C\n  {\n   OFFSET 2 0 0\n   CHANNELS 0\n  }\n }\n}\n"
      "MOTION\nFrames: 2\nFrame Time: 0.5\n3 4 90\n\n  -1 +2 0  \n";
  Result<BvhDocument> doc = parseBvh(text, "subset.bvh");
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  EXPECT_EQ(doc->channelCount, 3);
  EXPECT_EQ(doc->joints[1].firstChannel, 2);
  EXPECT_EQ(doc->joints[2].channelCount, 0);
  EXPECT_EQ(doc->joints[0].channels[0], BvhChannel::Zposition);
  EXPECT_FLOAT_EQ(doc->value(1, 1), 2.0f);
  Result<RawClip> raw = bvhToRaw(*doc, BvhImportOptions{1.0f, std::nullopt, {}});
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  EXPECT_DOUBLE_EQ(raw->rate, 2.0);
  EXPECT_DOUBLE_EQ(raw->times[1], 0.5);
  // Frame 0: root at (4, 0, 3); B at +1 X; C: B turned 90 deg about Y sends +X to -Z.
  EXPECT_NEAR(glm::length(raw->pose(0, 0).position - glm::vec3(4, 0, 3)), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::length(raw->pose(0, 1).position - glm::vec3(5, 0, 3)), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::length(raw->pose(0, 2).position - glm::vec3(5, 0, 1)), 0.0f, 1e-5f);
  EXPECT_NEAR(glm::length(raw->pose(1, 2).position - glm::vec3(5, 0, -1)), 0.0f, 1e-5f);
}

TEST(BvhParser, BraceOnTheNameLineCrlfAndMultipleRoots) {
  const std::string text =
      "HIERARCHY\r\nROOT A {\r\n OFFSET 0 0 0\r\n CHANNELS 1 Xposition\r\n}\r\nROOT B\r\n{\r\n OFFSET 0 1 0\r\n"
      " CHANNELS 1 Xrotation\r\n}\r\nMOTION\r\nFrames:1\r\nFrame Time:\t0.25\r\n7 45\r\n";
  Result<BvhDocument> doc = parseBvh(text, "crlf.bvh");
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  ASSERT_EQ(doc->joints.size(), 2u);
  EXPECT_EQ(doc->joints[1].parent, -1);
  EXPECT_EQ(doc->joints[1].name, "B");
  EXPECT_FLOAT_EQ(doc->value(0, 1), 45.0f);
}

TEST(BvhParser, ZeroFramesIsAnEmptyClip) {
  const std::string text = "HIERARCHY\nROOT A\n{\n OFFSET 0 0 0\n CHANNELS 1 Xposition\n}\nMOTION\nFrames: 0\nFrame Time: 0.1\n";
  Result<BvhDocument> doc = parseBvh(text, "zero.bvh");
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  Result<RawClip> raw = bvhToRaw(*doc);
  ASSERT_TRUE(raw.ok());
  EXPECT_EQ(raw->frameCount(), 0);
}

TEST(BvhParser, UnitGuessSnapsToCommonUnits) {
  auto docOfHeight = [](float h) {
    BvhDocument d;
    d.joints.resize(2);
    d.joints[1].parent = 0;
    d.joints[1].offset = glm::vec3(0, h, 0);
    return d;
  };
  EXPECT_FLOAT_EQ(guessBvhMetresPerUnit(docOfHeight(1.75f)), 1.0f);
  EXPECT_FLOAT_EQ(guessBvhMetresPerUnit(docOfHeight(172.0f)), 0.01f);
  EXPECT_FLOAT_EQ(guessBvhMetresPerUnit(docOfHeight(1650.0f)), 0.001f);
  EXPECT_FLOAT_EQ(guessBvhMetresPerUnit(docOfHeight(68.0f)), 0.0254f);
  EXPECT_FLOAT_EQ(guessBvhMetresPerUnit(docOfHeight(26.0f)), 0.0254f / 0.45f);
  EXPECT_FLOAT_EQ(guessBvhMetresPerUnit(docOfHeight(0.0f)), 0.01f);
}

TEST(BvhParser, SameInputSameBytes) {
  const std::string text = "HIERARCHY\nROOT A\n{\n OFFSET 0 0 0\n CHANNELS 3 Zrotation Xrotation Yrotation\n"
                           " End Site\n {\n  OFFSET 0 1 0\n }\n}\nMOTION\nFrames: 1\nFrame Time: 0.1\n10 20 30\n";
  Result<RawClip> a = bvhToRaw(*parseBvh(text, "a"));
  Result<RawClip> b = bvhToRaw(*parseBvh(text, "a"));
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(a->poses, b->poses);
}

}  // namespace
}  // namespace mimesis
