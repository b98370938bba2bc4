// Tests for HandRig forward kinematics against poses computed by hand.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/geometric.hpp>

#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion/HandShapePresets.hpp"
#include "mimesis/motion/Mirroring.hpp"

namespace mimesis {
namespace {

void expectNear(const glm::vec3& a, const glm::vec3& b, float tol, const char* what) {
  EXPECT_NEAR(a.x, b.x, tol) << what;
  EXPECT_NEAR(a.y, b.y, tol) << what;
  EXPECT_NEAR(a.z, b.z, tol) << what;
}

// Same rotation (q and -q are the same rotation).
void expectSameRotation(const glm::quat& a, const glm::quat& b, float tol) {
  EXPECT_GT(std::abs(glm::dot(a, b)), 1.0f - tol);
}

const Pose kSomeWrist{{0.12f, 1.25f, -0.38f},
                      glm::normalize(glm::quat(0.9f, 0.2f, -0.3f, 0.25f))};

TEST(HandRig, CurlZeroIsTheRestPoseExactly) {
  HandPose h;
  poseHand(HandShape{}, Pose::identity(), Hand::Right, h);
  EXPECT_TRUE(h.active);
  for (int j = 0; j < kHandJointCount; ++j) {
    expectNear(h.joints[j].pose.position, restPositionsRight()[j], 1e-6f, handJointName(j).data());
    EXPECT_EQ(h.joints[j].flags, kJointFullyTracked);
  }
  // Placed anywhere, it is the rest pose carried by the wrist.
  poseHand(HandShape{}, kSomeWrist, Hand::Right, h);
  for (int j = 0; j < kHandJointCount; ++j)
    expectNear(h.joints[j].pose.position, kSomeWrist.apply(restPositionsRight()[j]), 1e-6f, "placed");
  EXPECT_EQ(h.wrist(), kSomeWrist);
}

TEST(HandRig, IndexMcpFlexedNinetyDegreesPointsStraightDown) {
  // By hand: the index metacarpal starts at (-0.012, 0, -0.022) and runs along
  // (-0.12, 0, -0.99)/|.| = (-0.120333, 0, -0.992740) for 0.066 m, so the MCP (index_proximal)
  // is at (-0.019942, 0, -0.087521). Flexing the MCP by 90 degrees turns the straight rest of
  // the finger from "forward" to "toward the palm" (-Y): the tip lies 0.041 + 0.024 + 0.022 =
  // 0.087 m below the MCP.
  HandAngles a{};
  a[static_cast<int>(Finger::Index)].flexDeg[0] = 90.0f;
  HandPose h;
  poseHandFromAngles(a, Pose::identity(), Hand::Right, h);
  expectNear(h[HandJoint::IndexProximal].pose.position, {-0.019942f, 0.0f, -0.087521f}, 2e-6f, "mcp");
  expectNear(h[HandJoint::IndexIntermediate].pose.position, {-0.019942f, -0.041f, -0.087521f}, 2e-6f, "pip");
  expectNear(h[HandJoint::IndexTip].pose.position, {-0.019942f, -0.087f, -0.087521f}, 2e-6f, "tip");
  // The proximal joint's frame: -Z down the bone (world -Y), +Y dorsal now faces forward (-Z).
  const Pose& prox = h[HandJoint::IndexProximal].pose;
  expectNear(prox.rotate({0, 0, -1}), {0, -1, 0}, 1e-6f, "bone axis");
  expectNear(prox.rotate({0, 1, 0}), {-0.120333f, 0.0f, -0.992740f}, 1e-5f, "dorsal axis");
  // Nothing else moved.
  for (int j : {0, 1, 2, 3, 4, 5, 6, 7, 11, 15, 20, 25})
    expectNear(h.joints[j].pose.position, restPositionsRight()[j], 1e-6f, handJointName(j).data());
}

TEST(HandRig, PreservesBoneLengthsAndOrientationsFollowTheBones) {
  BoneLengths bones = defaultBoneLengths();
  for (float& l : bones) l *= 1.15f;
  HandShape s;
  s.curl = {0.7f, 0.3f, 0.9f, 0.5f, 1.0f};
  s.spreadDeg = {25.0f, 10.0f, -5.0f, 8.0f, 20.0f};
  for (Hand hand : {Hand::Left, Hand::Right}) {
    HandPose h;
    poseHand(s, kSomeWrist, hand, h, bones);
    for (int j = 2; j < kHandJointCount; ++j) {
      const int parent = handJointParent(j);
      const glm::vec3 bone = h.joints[j].pose.position - h.joints[parent].pose.position;
      EXPECT_NEAR(glm::length(bone), bones[j], 1e-6f) << handJointName(j);
      EXPECT_NEAR(glm::length(h.joints[j].pose.orientation), 1.0f, 1e-5f);
      // Each joint's -Z points along the bone that starts at it (OpenXR); from the proximal
      // joint on, the parent's -Z points along this bone.
      if (parent != index(HandJoint::Wrist))
        expectNear(h.joints[parent].pose.rotate({0, 0, -1}), glm::normalize(bone), 1e-5f, "bone frame");
      if (isFingertip(j)) expectSameRotation(h.joints[j].pose.orientation, h.joints[parent].pose.orientation, 1e-6f);
    }
  }
}

TEST(HandRig, LeftHandIsTheReflectionOfTheRight) {
  HandShape s = *handShapePreset("pinch");
  s.spreadDeg[static_cast<int>(Finger::Little)] = 15.0f;
  HandPose right, left;
  poseHand(s, kSomeWrist, Hand::Right, right);
  poseHand(s, reflectX(kSomeWrist), Hand::Left, left);
  for (int j = 0; j < kHandJointCount; ++j) {
    const Pose r = reflectX(right.joints[j].pose);
    expectNear(left.joints[j].pose.position, r.position, 1e-6f, handJointName(j).data());
    expectSameRotation(left.joints[j].pose.orientation, r.orientation, 1e-6f);
  }
  // In its own wrist frame the left thumb lies toward +X.
  const glm::vec3 thumb = left.wrist().inverse().apply(left[HandJoint::ThumbTip].pose.position);
  EXPECT_GT(thumb.x, 0.01f);
}

TEST(HandRig, CurlFlexesTowardThePalmAndTheThumbCrossesIt) {
  HandPose open, fist;
  poseHand(*handShapePreset("open"), Pose::identity(), Hand::Right, open);
  poseHand(*handShapePreset("fist"), Pose::identity(), Hand::Right, fist);
  for (HandJoint tip : {HandJoint::IndexTip, HandJoint::MiddleTip, HandJoint::RingTip, HandJoint::LittleTip}) {
    EXPECT_LT(fist[tip].pose.position.y, -0.01f);  // below the palm plane
    EXPECT_LT(glm::length(fist[tip].pose.position), 0.5f * glm::length(open[tip].pose.position));
  }
  // The right thumb starts at -X and curls toward +X (across the palm) and -Y.
  EXPECT_LT(open[HandJoint::ThumbTip].pose.position.x, -0.08f);
  EXPECT_GT(fist[HandJoint::ThumbTip].pose.position.x, -0.01f);
  EXPECT_LT(fist[HandJoint::ThumbTip].pose.position.y, -0.03f);
}

TEST(HandRig, PresetsReadAsTheirShapes) {
  auto tipGap = [](std::string_view preset, HandJoint a, HandJoint b) {
    HandPose h;
    poseHand(*handShapePreset(preset), Pose::identity(), Hand::Right, h);
    return glm::length(h[a].pose.position - h[b].pose.position);
  };
  EXPECT_LT(tipGap("pinch", HandJoint::ThumbTip, HandJoint::IndexTip), 0.015f);
  EXPECT_LT(tipGap("letter-o", HandJoint::ThumbTip, HandJoint::IndexTip), 0.015f);
  EXPECT_GT(tipGap("letter-l", HandJoint::ThumbTip, HandJoint::IndexTip), 0.12f);
  EXPECT_GT(tipGap("letter-v", HandJoint::IndexTip, HandJoint::MiddleTip), 0.04f);
  EXPECT_GE(handShapePresetNames().size(), 15u);
  for (std::string_view n : handShapePresetNames()) EXPECT_TRUE(handShapePreset(n).has_value()) << n;
  EXPECT_FALSE(handShapePreset("claw").has_value());
}

TEST(HandRig, YawPitchRollConventions) {
  const glm::vec3 fingers(0, 0, -1), dorsal(0, 1, 0), thumbSide(-1, 0, 0);
  expectNear(wristOrientationFromYawPitchRoll(0, 90, 0) * fingers, {0, 1, 0}, 1e-6f, "pitch up");
  expectNear(wristOrientationFromYawPitchRoll(0, 90, 0) * dorsal, {0, 0, 1}, 1e-6f, "palm forward");
  expectNear(wristOrientationFromYawPitchRoll(90, 0, 0) * fingers, {-1, 0, 0}, 1e-6f, "yaw left");
  expectNear(wristOrientationFromYawPitchRoll(0, 0, -90) * thumbSide, {0, 1, 0}, 1e-6f, "hand shake");
  // An upright hand leans left with positive roll: a wave is roll.
  expectNear(wristOrientationFromYawPitchRoll(0, 90, 30) * fingers, {-0.5f, 0.866025f, 0}, 1e-5f, "wave");
}

}  // namespace
}  // namespace mimesis
