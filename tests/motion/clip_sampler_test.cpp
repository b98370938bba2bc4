// Tests for clip sampling: interpolation, clamping, and never bridging tracking gaps.
#include <gtest/gtest.h>

#include "TestHands.hpp"
#include "mimesis/motion/ClipSampler.hpp"

namespace mimesis {
namespace {

TEST(ClipSampler, ExactFrameTimesReturnTheFrames) {
  const Clip clip = testing::makeWavingClip(20);
  Frame out;
  for (std::size_t i = 0; i < clip.frames.size(); ++i) {
    sampleClip(clip, clip.frames[i].time, out);
    EXPECT_EQ(out.hands, clip.frames[i].hands) << i;
  }
}

TEST(ClipSampler, MidpointLerpsPositionsAndSlerpsOrientations) {
  Clip clip;
  clip.rate = 10;
  for (int i = 0; i < 2; ++i) {
    Frame f;
    f.time = i * 0.1;
    HandPose& h = f.hand(Hand::Right);
    h.active = true;
    for (auto& j : h.joints) {
      j.flags = kJointFullyTracked;
      j.radius = 0.01f * (i + 1);
      j.pose.position = glm::vec3(i * 1.0f, 0, 0);
      j.pose.orientation = glm::angleAxis(glm::radians(i * 90.0f), glm::vec3(0, 1, 0));
    }
    clip.frames.push_back(f);
  }
  Frame out;
  sampleClip(clip, 0.05, out);
  const JointPose& j = out.hand(Hand::Right).joints[3];
  EXPECT_NEAR(j.pose.position.x, 0.5f, 1e-5f);
  EXPECT_NEAR(j.radius, 0.015f, 1e-6f);
  const glm::quat expected = glm::angleAxis(glm::radians(45.0f), glm::vec3(0, 1, 0));
  EXPECT_NEAR(std::abs(glm::dot(j.pose.orientation, expected)), 1.0f, 1e-5f);
  // Clamped outside the clip.
  sampleClip(clip, -3.0, out);
  EXPECT_NEAR(out.hand(Hand::Right).joints[3].pose.position.x, 0.0f, 1e-6f);
  sampleClip(clip, 9.0, out);
  EXPECT_NEAR(out.hand(Hand::Right).joints[3].pose.position.x, 1.0f, 1e-6f);
}

TEST(ClipSampler, GapsAreNotBridged) {
  Clip clip = testing::makeWavingClip(3, 10.0, false);
  clip.frames[1].hand(Hand::Right).joints[10].flags = 0;  // index tip lost in frame 1
  Frame out;
  sampleClip(clip, 0.13, out);  // nearer to frame 1: the tip stays invalid
  EXPECT_EQ(out.hand(Hand::Right).joints[10].flags, 0);
  sampleClip(clip, 0.17, out);  // nearer to frame 2
  EXPECT_NE(out.hand(Hand::Right).joints[10].flags, 0);
  EXPECT_EQ(frameIndexAt(clip, 0.15), 1u);
  EXPECT_EQ(frameIndexAt(clip, -1.0), 0u);
}

}  // namespace
}  // namespace mimesis
