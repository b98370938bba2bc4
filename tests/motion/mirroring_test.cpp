// Tests for left↔right mirroring.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "TestHands.hpp"
#include "mimesis/motion/Mirroring.hpp"

namespace mimesis {
namespace {

TEST(Mirroring, ReflectXIsAnInvolutionAndKeepsProperRotations) {
  const Pose p{{0.3f, 1.1f, -0.4f}, glm::normalize(glm::quat(0.9f, 0.1f, 0.3f, -0.2f))};
  const Pose r = reflectX(p);
  EXPECT_FLOAT_EQ(r.position.x, -0.3f);
  // Reflected +Y and +Z axes equal the mirror images of the originals.
  const glm::vec3 y = p.rotate({0, 1, 0}), z = p.rotate({0, 0, 1});
  const glm::vec3 ry = r.rotate({0, 1, 0}), rz = r.rotate({0, 0, 1});
  EXPECT_NEAR(ry.x, -y.x, 1e-5f); EXPECT_NEAR(ry.y, y.y, 1e-5f); EXPECT_NEAR(ry.z, y.z, 1e-5f);
  EXPECT_NEAR(rz.x, -z.x, 1e-5f); EXPECT_NEAR(rz.y, z.y, 1e-5f); EXPECT_NEAR(rz.z, z.z, 1e-5f);
  const Pose back = reflectX(r);
  EXPECT_EQ(back, p);
}

TEST(Mirroring, SwapsHandsAndReflects) {
  Clip clip = testing::makeWavingClip(10, 90.0, false);  // right hand only
  const Clip m = mirrorClip(clip);
  ASSERT_EQ(m.frames.size(), clip.frames.size());
  for (std::size_t f = 0; f < clip.frames.size(); ++f) {
    EXPECT_FALSE(m.frames[f].hand(Hand::Right).active);
    ASSERT_TRUE(m.frames[f].hand(Hand::Left).active);
    const glm::vec3 a = clip.frames[f].hand(Hand::Right).joints[10].pose.position;
    const glm::vec3 b = m.frames[f].hand(Hand::Left).joints[10].pose.position;
    EXPECT_FLOAT_EQ(b.x, -a.x);
    EXPECT_FLOAT_EQ(b.y, a.y);
  }
  // The mirrored right hand looks like a left hand: its thumb is toward +X of the wrist frame.
  const HandPose& left = m.frames[0].hand(Hand::Left);
  const glm::vec3 thumbInWrist = left.wrist().inverse().apply(left[HandJoint::ThumbTip].pose.position);
  EXPECT_GT(thumbInWrist.x, 0.0f);
  // Mirroring twice is the identity (up to the name).
  Clip twice = mirrorClip(m);
  twice.info.name = clip.info.name;
  EXPECT_EQ(twice, clip);
}

TEST(Mirroring, BodyJointsSwapSides) {
  Clip clip;
  clip.body = kinectBodySkeleton();
  Frame f;
  f.body.resize(clip.body.joints.size());
  for (std::size_t j = 0; j < f.body.size(); ++j) {
    f.body[j].flags = kJointFullyTracked;
    f.body[j].pose.position = glm::vec3(0.01f * static_cast<float>(j), 1.0f, 0.0f);
  }
  clip.frames.push_back(f);
  const Clip m = mirrorClip(clip);
  const int leftHand = *clip.body.find("left_hand"), rightHand = *clip.body.find("right_hand");
  EXPECT_FLOAT_EQ(m.frames[0].body[leftHand].pose.position.x, -f.body[rightHand].pose.position.x);
  const int waist = *clip.body.find("waist");
  EXPECT_FLOAT_EQ(m.frames[0].body[waist].pose.position.x, -f.body[waist].pose.position.x);
}

}  // namespace
}  // namespace mimesis
