// Rig map detection on synthetic skeletons named as Mixamo, Unreal, OpenXR and CMU rigs name
// their joints, and body groups from names.
#include <gtest/gtest.h>

#include "mimesis/motion_import/RigMap.hpp"

namespace mimesis {
namespace {

Skeleton chainOf(std::vector<std::string> names, std::string name = "test") {
  Skeleton s;
  s.name = std::move(name);
  for (std::size_t i = 0; i < names.size(); ++i) s.parents.push_back(static_cast<int>(i) - 1);
  s.joints = std::move(names);
  return s;
}

int mapped(const RigMap& m, Hand h, HandJoint j) { return m.handJoints[static_cast<std::size_t>(index(h))][static_cast<std::size_t>(index(j))]; }

TEST(RigMapDetect, NormalizesNames) {
  EXPECT_EQ(normalizeJointName("mixamorig:LeftHand_Index1"), "lefthandindex1");
  EXPECT_EQ(normalizeJointName("Armature|index_01_l"), "index01l");
  EXPECT_EQ(normalizeJointName("mixamorigRightHand"), "righthand");
}

TEST(RigMapDetect, Mixamo) {
  const Skeleton s = chainOf({"mixamorig:Hips", "mixamorig:LeftHand", "mixamorig:LeftHandThumb1", "mixamorig:LeftHandThumb4",
                              "mixamorig:LeftHandIndex1", "mixamorig:LeftHandIndex2", "mixamorig:LeftHandPinky3",
                              "mixamorig:RightHand", "mixamorig:RightHandMiddle4"});
  Result<RigMap> m = detectRigMap(s);
  ASSERT_TRUE(m.ok()) << m.error().describe();
  EXPECT_EQ(m->name, "mixamo");
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::Wrist), 1);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::ThumbMetacarpal), 2);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::ThumbTip), 3);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::IndexProximal), 4);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::IndexIntermediate), 5);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::LittleDistal), 6);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::IndexMetacarpal), -1);
  EXPECT_EQ(mapped(*m, Hand::Right, HandJoint::Wrist), 7);
  EXPECT_EQ(mapped(*m, Hand::Right, HandJoint::MiddleTip), 8);
  EXPECT_TRUE(m->hasHand(Hand::Left));
  EXPECT_TRUE(m->hasHand(Hand::Right));
}

TEST(RigMapDetect, UnrealWithTipsFromEndSites) {
  const Skeleton s = chainOf({"pelvis", "hand_l", "thumb_01_l", "thumb_02_l", "thumb_03_l", "thumb_03_l_end",
                              "index_metacarpal_l", "index_01_l", "index_02_l", "index_03_l", "index_03_l_end", "pinky_01_l"});
  Result<RigMap> m = detectRigMap(s);
  ASSERT_TRUE(m.ok()) << m.error().describe();
  EXPECT_EQ(m->name, "unreal");
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::Wrist), 1);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::ThumbMetacarpal), 2);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::ThumbDistal), 4);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::ThumbTip), 5);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::IndexMetacarpal), 6);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::IndexDistal), 9);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::IndexTip), 10);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::LittleProximal), 11);
  EXPECT_FALSE(m->hasHand(Hand::Right));
}

TEST(RigMapDetect, OpenXrNames) {
  std::vector<std::string> names;
  for (int j = 0; j < kHandJointCount; ++j) names.push_back("Right_" + std::string(handJointName(j)));
  Result<RigMap> m = detectRigMap(chainOf(names));
  ASSERT_TRUE(m.ok()) << m.error().describe();
  EXPECT_EQ(m->name, "openxr");
  for (int j = 0; j < kHandJointCount; ++j) EXPECT_EQ(m->handJoints[1][static_cast<std::size_t>(j)], j);
  EXPECT_FALSE(m->hasHand(Hand::Left));
}

TEST(RigMapDetect, CmuAsfStyle) {
  const Skeleton s = chainOf({"root", "lhumerus", "lradius", "lwrist", "lhand", "lthumb1", "lindex1", "lindex2", "lindex3", "rhand", "rfingers"});
  Result<RigMap> m = detectRigMap(s);
  ASSERT_TRUE(m.ok()) << m.error().describe();
  EXPECT_EQ(m->name, "cmu");
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::Wrist), 4);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::ThumbMetacarpal), 5);
  EXPECT_EQ(mapped(*m, Hand::Left, HandJoint::IndexDistal), 8);
  EXPECT_EQ(mapped(*m, Hand::Right, HandJoint::MiddleProximal), 10);
}

TEST(RigMapDetect, NoHandIsAnErrorNamingTheSkeleton) {
  Result<RigMap> m = detectRigMap(chainOf({"Hips", "Spine", "Head"}, "torso"));
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().where, "skeleton 'torso'");
  EXPECT_NE(m.error().message.find("no hand joint recognised"), std::string::npos);
}

TEST(RigMapDetect, ForcedMap) {
  const Skeleton s = chainOf({"LeftHand", "LThumb", "LFingers"});
  Result<RigMap> m = detectRigMap(s, "mixamo");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->name, "mixamo");
  EXPECT_EQ(m->mappedCount(), 1);
  EXPECT_EQ(detectRigMap(s)->name, "cmu");
  Result<RigMap> bad = detectRigMap(s, "blender");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("unknown rig map 'blender' (known: openxr, mixamo, unreal, cmu)"), std::string::npos);
  EXPECT_FALSE(detectRigMap(s, "unreal").ok());
}

TEST(RigMapDetect, BodyGroupsFromNames) {
  Skeleton s;
  s.joints = {"Hips", "LHipJoint", "LeftUpLeg", "RightUpLeg", "LowerBack", "Spine", "Head",
              "LeftShoulder", "LeftHand", "LeftHand_end", "RightArm", "thigh_r", "hand_l"};
  s.parents = {-1, 0, 1, 0, 0, 4, 5, 5, 7, 8, 5, 0, 5};
  const std::vector<JointGroup> g = deriveBodyGroups(s);
  ASSERT_EQ(g.size(), 5u);
  EXPECT_EQ(g[0], (JointGroup{"trunk", {0, 4, 5, 6}}));
  EXPECT_EQ(g[1], (JointGroup{"left_arm", {7, 8, 9, 12}}));
  EXPECT_EQ(g[2], (JointGroup{"right_arm", {10}}));
  EXPECT_EQ(g[3], (JointGroup{"left_leg", {1, 2}}));
  EXPECT_EQ(g[4], (JointGroup{"right_leg", {3, 11}}));
}

}  // namespace
}  // namespace mimesis
