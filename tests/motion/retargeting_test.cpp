// Tests for retargeting to other bone lengths and estimating a performer's bone lengths.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "TestHands.hpp"
#include "mimesis/motion/Retargeting.hpp"

namespace mimesis {
namespace {

TEST(Retargeting, SetsBoneLengthsKeepsDirectionsAndWrist) {
  const Clip clip = testing::makeWavingClip(5, 90.0, false);
  const HandPose& in = clip.frames[2].hand(Hand::Right);
  BoneLengths target = defaultBoneLengths();
  for (float& l : target) l *= 1.3f;
  HandPose out;
  retargetHand(in, target, out);
  EXPECT_EQ(out.wrist(), in.wrist());
  const BoneLengths got = measureBoneLengths(out);
  for (int j = 0; j < kHandJointCount; ++j) {
    EXPECT_NEAR(got[j], target[j], 1e-5f) << handJointName(j);
    const int parent = handJointParent(j);
    if (parent < 0) continue;
    const glm::vec3 d0 = glm::normalize(in.joints[j].pose.position - in.joints[parent].pose.position);
    const glm::vec3 d1 = glm::normalize(out.joints[j].pose.position - out.joints[parent].pose.position);
    EXPECT_NEAR(glm::dot(d0, d1), 1.0f, 1e-5f);
    EXPECT_EQ(out.joints[j].pose.orientation, in.joints[j].pose.orientation);
  }
}

TEST(Retargeting, EstimatesScaledHands) {
  Clip clip = testing::makeWavingClip(60, 30.0, false);
  BoneLengths big = defaultBoneLengths();
  for (float& l : big) l *= 1.1f;
  retargetClip(clip, defaultBoneLengths(), big);
  const BoneLengths est = estimateBoneLengths(clip, Hand::Right, 1.0);
  for (int j = 0; j < kHandJointCount; ++j) EXPECT_NEAR(est[j], big[j], 1e-4f) << handJointName(j);
  // An absent hand falls back to the default lengths.
  const BoneLengths none = estimateBoneLengths(clip, Hand::Left);
  EXPECT_EQ(none, defaultBoneLengths());
}

TEST(Retargeting, InvalidJointsStayPut) {
  Clip clip = testing::makeWavingClip(2, 90.0, false);
  HandPose in = clip.frames[0].hand(Hand::Right);
  in.joints[index(HandJoint::IndexIntermediate)].flags = 0;
  HandPose out;
  BoneLengths target = defaultBoneLengths();
  for (float& l : target) l *= 0.8f;
  retargetHand(in, target, out);
  EXPECT_EQ(out.joints[index(HandJoint::IndexIntermediate)].pose, in.joints[index(HandJoint::IndexIntermediate)].pose);
}

}  // namespace
}  // namespace mimesis
