// buildClipFromRaw: the real CMU file through the "cmu" map (which hand joints are real, which
// filled), and synthetic rigs whose filled joints must land on the default hand.
#include <gtest/gtest.h>

#include <algorithm>

#include <glm/geometric.hpp>

#include "SharedData.hpp"
#include "mimesis/motion_import/BvhImport.hpp"
#include "mimesis/motion_import/RigMap.hpp"

namespace mimesis {
namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) { return std::find(v.begin(), v.end(), s) != v.end(); }

TEST(RigMapBuild, Cmu01_01) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  Result<RawClip> raw = loadBvhRaw(std::string(MIMESIS_SHARED_DATA_DIR) + "/cmu-bvh/01_01.bvh");
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  Result<RigMap> map = detectRigMap(raw->skeleton);
  ASSERT_TRUE(map.ok()) << map.error().describe();
  EXPECT_EQ(map->name, "cmu");
  Result<Clip> clip = buildClipFromRaw(*raw, *map);
  ASSERT_TRUE(clip.ok()) << clip.error().describe();
  EXPECT_EQ(clip->frames.size(), 2752u);
  EXPECT_EQ(clip->info.rigMap, "cmu");
  EXPECT_EQ(clip->info.name, "01_01");
  EXPECT_EQ(clip->info.sourceFormat, "bvh");
  EXPECT_DOUBLE_EQ(clip->rate, 120.0);
  EXPECT_EQ(clip->body.jointCount(), 38);
  EXPECT_EQ(clip->frames[0].body.size(), 38u);
  std::vector<std::string> groups;
  for (const JointGroup& g : clip->body.groups) groups.push_back(g.name);
  EXPECT_EQ(groups, (std::vector<std::string>{"trunk", "left_arm", "right_arm", "left_leg", "right_leg"}));

  // Real: wrist, middle proximal (LFingers), middle tip (its End Site), thumb metacarpal (LThumb)
  // and thumb tip (its End Site). Everything else is filled, for both hands.
  const std::vector<std::string> real = {"wrist", "middle_proximal", "middle_tip", "thumb_metacarpal", "thumb_tip"};
  EXPECT_EQ(clip->info.filledJoints.size(), 2u * (kHandJointCount - real.size()));
  for (const char* side : {"left/", "right/"}) {
    for (const std::string& r : real) EXPECT_FALSE(contains(clip->info.filledJoints, side + r)) << side << r;
    for (const char* f : {"palm", "index_metacarpal", "index_tip", "middle_metacarpal", "middle_intermediate", "thumb_proximal", "little_tip"})
      EXPECT_TRUE(contains(clip->info.filledJoints, std::string(side) + f)) << side << f;
  }
  EXPECT_EQ(clip->info.filledJoints.front(), "left/palm");

  // Frame 0 is a T-pose facing +Z in the file: after conversion the performer faces -Z, so the
  // left hand is toward -X, both hands at shoulder height, the thumbs forward (-Z).
  const Frame& f0 = clip->frames[0];
  const HandPose& left = f0.hand(Hand::Left);
  const HandPose& right = f0.hand(Hand::Right);
  ASSERT_TRUE(left.usable() && right.usable());
  const glm::vec3 hips = f0.body[0].pose.position;
  EXPECT_LT(left.wrist().position.x, hips.x - 0.4f);
  EXPECT_GT(right.wrist().position.x, hips.x + 0.4f);
  EXPECT_GT(left.wrist().position.y, hips.y + 0.15f);
  const glm::vec3 leftThumb = left[HandJoint::ThumbTip].pose.position - left.wrist().position;
  EXPECT_LT(leftThumb.z, 0.0f);
  // OpenXR wrist frame: fingers along -Z, so for the outstretched left arm -Z points to -X.
  EXPECT_LT(left.wrist().rotate(glm::vec3(0, 0, -1)).x, -0.9f);
  EXPECT_GT(right.wrist().rotate(glm::vec3(0, 0, -1)).x, 0.9f);
  // Palms face down in the T-pose: +Y (dorsal) up.
  EXPECT_GT(left.wrist().rotate(glm::vec3(0, 1, 0)).y, 0.9f);
  EXPECT_GT(right.wrist().rotate(glm::vec3(0, 1, 0)).y, 0.9f);
  // Filled joints are valid but not tracked; real ones are tracked.
  EXPECT_EQ(left[HandJoint::IndexMetacarpal].flags, kPositionValid | kOrientationValid);
  EXPECT_EQ(left[HandJoint::MiddleProximal].flags, kJointFullyTracked);
  // The metacarpal lies between the wrist and the mapped knuckle.
  const glm::vec3 w = left.wrist().position, mp = left[HandJoint::MiddleProximal].pose.position;
  const glm::vec3 mm = left[HandJoint::MiddleMetacarpal].pose.position;
  EXPECT_NEAR(glm::length(mm - w) + glm::length(mp - mm), glm::length(mp - w), 1e-4f);
  for (const Frame& f : clip->frames)
    for (const HandPose& h : f.hands) ASSERT_TRUE(h.usable());
}

// A raw clip whose joints sit exactly on the default hand: filled joints must match it.
RawClip openxrRestClip(Hand hand, const glm::quat& T_world_wrist, const glm::vec3& at, float scale) {
  RawClip raw;
  raw.source = "synthetic";
  raw.format = "test";
  raw.times = {0.0, 0.1};
  raw.rate = 10.0;
  raw.skeleton.name = "synthetic";
  const float mirror = hand == Hand::Left ? -1.0f : 1.0f;
  // Keep only the wrist, the proximals and the tips: metacarpals, intermediates, distals,
  // palm are left for filling.
  std::vector<int> keep;
  for (int j = 0; j < kHandJointCount; ++j) {
    const std::string n(handJointName(j));
    if (j == index(HandJoint::Wrist) || n.find("proximal") != std::string::npos || isFingertip(j)) keep.push_back(j);
  }
  for (const int j : keep) {
    raw.skeleton.joints.push_back(std::string(handName(hand)) + "_" + std::string(handJointName(j)));
    raw.skeleton.parents.push_back(j == index(HandJoint::Wrist) ? -1 : 0);
    raw.isEndSite.push_back(false);
  }
  for (std::size_t f = 0; f < raw.times.size(); ++f)
    for (const int j : keep) {
      glm::vec3 r = restPositionsRight()[static_cast<std::size_t>(j)];
      r.x *= mirror;
      raw.poses.push_back(Pose{at + T_world_wrist * (scale * r), T_world_wrist});
    }
  return raw;
}

void expectFilledOnDefaultHand(Hand hand) {
  const glm::quat q = glm::normalize(glm::angleAxis(0.7f, glm::normalize(glm::vec3(1, 2, 3))));
  const glm::vec3 at(0.3f, 1.2f, -0.4f);
  const float scale = 1.2f;
  RawClip raw = openxrRestClip(hand, q, at, scale);
  raw.T_mimesis_file = glm::quat(1, 0, 0, 0);
  Result<RigMap> map = detectRigMap(raw.skeleton);
  ASSERT_TRUE(map.ok()) << map.error().describe();
  EXPECT_EQ(map->name, "openxr");
  Result<Clip> clip = buildClipFromRaw(raw, *map, BuildOptions{false});
  ASSERT_TRUE(clip.ok()) << clip.error().describe();
  EXPECT_TRUE(clip->body.empty());
  const HandPose& h = clip->frames[1].hand(hand);
  ASSERT_TRUE(h.active);
  EXPECT_FALSE(clip->frames[1].hand(opposite(hand)).active);
  const float mirror = hand == Hand::Left ? -1.0f : 1.0f;
  for (int j = 0; j < kHandJointCount; ++j) {
    glm::vec3 r = restPositionsRight()[static_cast<std::size_t>(j)];
    r.x *= mirror;
    const glm::vec3 want = at + q * (scale * r);
    EXPECT_NEAR(glm::length(h.joints[static_cast<std::size_t>(j)].pose.position - want), 0.0f, 1e-4f) << handJointName(j);
  }
  // The fitted wrist frame is the one the joints were placed with.
  EXPECT_NEAR(std::abs(glm::dot(h.wrist().orientation, q)), 1.0f, 1e-4f);
  EXPECT_EQ(clip->info.filledJoints.size(), static_cast<std::size_t>(kHandJointCount - 11));
  EXPECT_TRUE(contains(clip->info.filledJoints, std::string(handName(hand)) + "/ring_intermediate"));
}

TEST(RigMapBuild, FilledJointsFollowTheDefaultHandRight) { expectFilledOnDefaultHand(Hand::Right); }
TEST(RigMapBuild, FilledJointsFollowTheDefaultHandLeft) { expectFilledOnDefaultHand(Hand::Left); }

TEST(RigMapBuild, MixamoBvhEndToEnd) {
  // A tiny Mixamo-named BVH (centimetres): a right hand with an index finger, the rest filled.
  const std::string text =
      "HIERARCHY\nROOT mixamorig:Hips\n{\n OFFSET 0 100 0\n CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
      " JOINT mixamorig:RightHand\n {\n  OFFSET -60 40 0\n  CHANNELS 3 Zrotation Xrotation Yrotation\n"
      "  JOINT mixamorig:RightHandIndex1\n  {\n   OFFSET -9 0 1\n   CHANNELS 3 Zrotation Xrotation Yrotation\n"
      "   JOINT mixamorig:RightHandIndex2\n   {\n    OFFSET -4 0 0\n    CHANNELS 3 Zrotation Xrotation Yrotation\n"
      "    End Site\n    {\n     OFFSET -5 0 0\n    }\n   }\n  }\n"
      "  JOINT mixamorig:RightHandThumb1\n  {\n   OFFSET -2 -1 3\n   CHANNELS 3 Zrotation Xrotation Yrotation\n  }\n }\n}\n"
      "MOTION\nFrames: 2\nFrame Time: 0.0333333\n0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n0 0 0 0 0 0 0 0 0 0 0 0 30 0 0 0 0 0\n";
  Result<BvhDocument> doc = parseBvh(text, "mixamo.bvh");
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  BvhImportOptions o;
  o.metresPerUnit = 0.01f;
  Result<RawClip> raw = bvhToRaw(*doc, o);
  ASSERT_TRUE(raw.ok()) << raw.error().describe();
  Result<RigMap> map = detectRigMap(raw->skeleton);
  ASSERT_TRUE(map.ok());
  EXPECT_EQ(map->name, "mixamo");
  EXPECT_EQ(map->handJoints[1][index(HandJoint::IndexTip)], raw->skeleton.find("mixamorig:RightHandIndex2_end").value());
  Result<Clip> clip = buildClipFromRaw(*raw, *map);
  ASSERT_TRUE(clip.ok()) << clip.error().describe();
  EXPECT_DOUBLE_EQ(clip->rate, 30.0);
  const HandPose& h = clip->frames[0].hand(Hand::Right);
  ASSERT_TRUE(h.usable());
  // Right hand of a performer facing -Z: the wrist at +0.6 m X, 1.4 m up.
  EXPECT_NEAR(glm::length(h.wrist().position - glm::vec3(0.6f, 1.4f, 0.0f)), 0.0f, 1e-5f);
  EXPECT_FALSE(contains(clip->info.filledJoints, "right/index_proximal"));
  EXPECT_TRUE(contains(clip->info.filledJoints, "right/index_metacarpal"));
  EXPECT_FALSE(contains(clip->info.filledJoints, "right/index_tip"));
  for (const Frame& f : clip->frames) ASSERT_TRUE(f.hand(Hand::Right).usable());
}

}  // namespace
}  // namespace mimesis
