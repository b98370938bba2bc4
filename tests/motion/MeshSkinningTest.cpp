// Tests of hand mesh skinning on a small synthetic mesh: name binding, rest pose, fallbacks.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion/MeshSkinning.hpp"

namespace mimesis {
namespace {

// A "mesh" with one vertex at each rest joint, weighted fully to it, joints named alternately in
// the OpenXR and our spelling, plus one extra joint ("ring_bend") parented to the index distal.
SkinnedMesh jointMesh(const HandPose& rest) {
  SkinnedMesh m;
  for (int j = 0; j < kHandJointCount; ++j) {
    std::string name(handJointName(j));
    if (j % 2 == 0) {
      std::string upper;
      for (char c : name) upper += static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
      name = "XR_HAND_JOINT_" + upper + "_EXT";
    }
    m.jointNames.push_back(name);
    m.jointParents.push_back(handJointParent(j));
    m.inverseBind.push_back(glm::inverse(toMat4(rest.joints[static_cast<std::size_t>(j)].pose)));
    m.positions.push_back(rest.joints[static_cast<std::size_t>(j)].pose.position);
    m.joints.push_back({static_cast<std::uint16_t>(j), 0, 0, 0});
    m.weights.emplace_back(1.0f, 0.0f, 0.0f, 0.0f);
  }
  m.jointNames.push_back("ring_bend");
  m.jointParents.push_back(index(HandJoint::IndexDistal));
  m.inverseBind.push_back(glm::mat4(1.0f));
  return m;
}

TEST(MeshSkinning, BindsBothSpellingsAndRejectsOthers) {
  HandPose rest;
  poseHand(HandShape{}, Pose::identity(), Hand::Right, rest);
  const SkinnedMesh m = jointMesh(rest);
  const std::vector<int> b = bindMeshToHand(m);
  ASSERT_EQ(b.size(), 27u);
  for (int j = 0; j < kHandJointCount; ++j) EXPECT_EQ(b[static_cast<std::size_t>(j)], j) << m.jointNames[static_cast<std::size_t>(j)];
  EXPECT_EQ(b[26], -1);
  EXPECT_EQ(handJointFromMeshJointName("xr_hand_joint_thumb_tip_ext"), index(HandJoint::ThumbTip));
  EXPECT_EQ(handJointFromMeshJointName("XR_HAND_JOINT_EXT"), -1);
  EXPECT_EQ(handJointFromMeshJointName(""), -1);
}

TEST(MeshSkinning, RestPoseIsIdentityAndMovedPoseFollows) {
  HandPose rest;
  poseHand(HandShape{}, Pose::identity(), Hand::Right, rest);
  const SkinnedMesh m = jointMesh(rest);
  const std::vector<int> b = bindMeshToHand(m);
  std::vector<glm::mat4> skin;
  handSkinMatrices(m, b, rest, skin);
  ASSERT_EQ(skin.size(), 27u);
  for (std::size_t v = 0; v < m.positions.size(); ++v)
    EXPECT_LT(glm::length(skinnedPosition(m, skin, v) - m.positions[v]), 1e-5f);

  HandShape fist;
  fist.curl.fill(1.0f);
  const Pose T{{0.1f, 1.2f, -0.3f}, wristOrientationFromYawPitchRoll(20.0f, 40.0f, -10.0f)};
  HandPose posed;
  poseHand(fist, T, Hand::Right, posed);
  const glm::mat4* before = skin.data();
  handSkinMatrices(m, b, posed, skin);
  EXPECT_EQ(skin.data(), before);  // no reallocation when the size is right
  for (int j = 0; j < kHandJointCount; ++j)
    EXPECT_LT(glm::length(skinnedPosition(m, skin, static_cast<std::size_t>(j)) - posed.joints[static_cast<std::size_t>(j)].pose.position), 1e-5f);
  // The unbound joint follows its parent, the index distal.
  EXPECT_EQ(skin[26], skin[static_cast<std::size_t>(index(HandJoint::IndexDistal))]);
}

TEST(MeshSkinning, UnusableJointsFollowTheirNearestUsableAncestor) {
  HandPose rest;
  poseHand(HandShape{}, Pose::identity(), Hand::Right, rest);
  const SkinnedMesh m = jointMesh(rest);
  const std::vector<int> b = bindMeshToHand(m);
  HandPose posed;
  poseHand(HandShape{}, Pose{{0.0f, 1.0f, 0.0f}, glm::quat(1, 0, 0, 0)}, Hand::Right, posed);
  posed[HandJoint::IndexIntermediate].flags = 0;
  posed[HandJoint::IndexDistal].pose.position.x = std::numeric_limits<float>::quiet_NaN();
  std::vector<glm::mat4> skin;
  handSkinMatrices(m, b, posed, skin);
  const auto proximal = static_cast<std::size_t>(index(HandJoint::IndexProximal));
  EXPECT_EQ(skin[static_cast<std::size_t>(index(HandJoint::IndexIntermediate))], skin[proximal]);
  EXPECT_EQ(skin[static_cast<std::size_t>(index(HandJoint::IndexDistal))], skin[proximal]);
  for (const glm::mat4& s : skin)
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r) ASSERT_TRUE(std::isfinite(s[c][r]));
  // An inactive hand: nothing usable, identity everywhere.
  posed.active = false;
  handSkinMatrices(m, b, posed, skin);
  for (const glm::mat4& s : skin) EXPECT_EQ(s, glm::mat4(1.0f));
}

TEST(MeshSkinning, BrokenHierarchyAndShortBindingDoNotHang) {
  HandPose rest;
  poseHand(HandShape{}, Pose::identity(), Hand::Right, rest);
  SkinnedMesh m = jointMesh(rest);
  m.jointParents[26] = 26;  // a cycle
  rest.active = false;
  std::vector<glm::mat4> skin(3);
  handSkinMatrices(m, std::vector<int>{0, 1}, rest, skin);
  EXPECT_EQ(skin.size(), 27u);
}

}  // namespace
}  // namespace mimesis
