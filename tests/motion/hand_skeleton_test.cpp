// Tests for the OpenXR hand skeleton tables.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "mimesis/motion/HandSkeleton.hpp"

namespace mimesis {
namespace {

TEST(HandSkeleton, OrderMatchesOpenXr) {
  EXPECT_EQ(index(HandJoint::Palm), 0);
  EXPECT_EQ(index(HandJoint::Wrist), 1);
  EXPECT_EQ(index(HandJoint::ThumbTip), 5);
  EXPECT_EQ(index(HandJoint::IndexTip), 10);
  EXPECT_EQ(index(HandJoint::LittleTip), 25);
  EXPECT_EQ(handJointName(7), "index_proximal");
  EXPECT_EQ(handJointFromName("ring_distal"), 19);
  EXPECT_FALSE(handJointFromName("pinky").has_value());
}

TEST(HandSkeleton, ParentsFormATreeRootedAtTheWrist) {
  for (int j = 0; j < kHandJointCount; ++j) {
    int steps = 0, k = j;
    while (handJointParent(k) >= 0 && steps < 10) { k = handJointParent(k); ++steps; }
    EXPECT_EQ(k, index(HandJoint::Wrist)) << handJointName(j);
  }
  EXPECT_EQ(handJointParent(index(HandJoint::IndexProximal)), index(HandJoint::IndexMetacarpal));
  EXPECT_EQ(handJointGroup(index(HandJoint::MiddleTip)), HandGroup::Middle);
  EXPECT_EQ(handJointGroup(index(HandJoint::Palm)), HandGroup::WristPalm);
  EXPECT_EQ(fingerJoints(Finger::Thumb).size(), 4u);
  EXPECT_EQ(fingerJoints(Finger::Little).back(), index(HandJoint::LittleTip));
}

TEST(HandSkeleton, RestHandIsPlausible) {
  const auto& p = restPositionsRight();
  const auto& len = defaultBoneLengths();
  // Fingers point to -Z; the right thumb lies toward -X, the little finger toward +X.
  EXPECT_LT(p[index(HandJoint::MiddleTip)].z, -0.15f);
  EXPECT_LT(p[index(HandJoint::ThumbTip)].x, p[index(HandJoint::IndexTip)].x);
  EXPECT_GT(p[index(HandJoint::LittleTip)].x, p[index(HandJoint::RingTip)].x);
  const float handLength = glm::length(p[index(HandJoint::MiddleTip)] - p[index(HandJoint::Wrist)]);
  EXPECT_NEAR(handLength, 0.18f, 0.02f);
  for (int j = 0; j < kHandJointCount; ++j) {
    if (j == index(HandJoint::Wrist)) EXPECT_EQ(len[j], 0.0f);
    else EXPECT_GT(len[j], 0.01f) << handJointName(j);
  }
}

}  // namespace
}  // namespace mimesis
