// Body skeletons onto lessons: end-effectors found by group and name (and named when lacking),
// a learner's body reordered onto the expert's by joint name, and hands at the hand joints.
#include <gtest/gtest.h>

#include "mimesis/motion/BodyEndEffectors.hpp"
#include "mimesis/motion/BodySkeletonMatch.hpp"
#include "mimesis/motion/EndEffectorHands.hpp"

namespace mimesis {
namespace {

TEST(BodyEndEffectors, KinectSkeletonHasAllFive) {
  const Skeleton k = kinectBodySkeleton();
  Result<BodyEndEffectors> e = findBodyEndEffectors(k, "kinect");
  ASSERT_TRUE(e.ok()) << e.error().describe();
  EXPECT_EQ(k.joints[static_cast<std::size_t>(e->of(EndEffector::Head))], "head");  // not head_tip
  EXPECT_EQ(k.joints[static_cast<std::size_t>(e->of(EndEffector::LeftHand))], "left_hand");
  EXPECT_EQ(k.joints[static_cast<std::size_t>(e->of(EndEffector::RightHand))], "right_hand");
  EXPECT_EQ(k.joints[static_cast<std::size_t>(e->of(EndEffector::LeftFoot))], "left_foot");
  EXPECT_EQ(k.joints[static_cast<std::size_t>(e->of(EndEffector::RightFoot))], "right_foot");
}

TEST(BodyEndEffectors, FirstMatchingJointWinsInsideItsGroup) {
  Skeleton s;
  s.name = "cmu-like";
  s.joints = {"Hips", "Head", "LeftHand", "LeftHandIndex1", "RightWrist", "LeftFoot", "LeftToeBase", "RightAnkle"};
  s.parents = {-1, 0, 0, 2, 0, 0, 5, 0};
  s.groups = {{"trunk", {0, 1}}, {"left_arm", {2, 3}}, {"right_arm", {4}}, {"left_leg", {5, 6}}, {"right_leg", {7}}};
  Result<BodyEndEffectors> e = findBodyEndEffectors(s, "x");
  ASSERT_TRUE(e.ok()) << e.error().describe();
  EXPECT_EQ(e->of(EndEffector::LeftHand), 2);
  EXPECT_EQ(e->of(EndEffector::RightHand), 4);
  EXPECT_EQ(e->of(EndEffector::LeftFoot), 5);
  EXPECT_EQ(e->of(EndEffector::RightFoot), 7);
  // A "hand" joint outside the arm groups is not a hand.
  s.groups[1].joints.clear();  // LeftHand and LeftHandIndex1 now in no group
  Result<BodyEndEffectors> none = findBodyEndEffectors(s, "x");
  ASSERT_FALSE(none.ok());
}

TEST(BodyEndEffectors, UpperBodyLacksItsFeetByName) {
  Skeleton s;
  s.name = "upper-body";
  s.joints = {"Hips", "Head", "LeftHand", "RightHand"};
  s.parents = {-1, 0, 0, 0};
  s.groups = {{"trunk", {0, 1}}, {"left_arm", {2}}, {"right_arm", {3}}};
  Result<BodyEndEffectors> e = findBodyEndEffectors(s, "clip.bvh");
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().code, ErrorCode::BadInput);
  EXPECT_EQ(e.error().where, "clip.bvh");
  EXPECT_NE(e.error().message.find("lacks the joints for left foot, right foot"), std::string::npos) << e.error().message;
  EXPECT_EQ(e.error().message.find("left hand"), std::string::npos) << e.error().message;
}

Clip bodyClip(std::vector<std::string> names) {
  Clip c;
  c.body.name = "take";
  c.body.joints = std::move(names);
  c.body.parents.assign(c.body.joints.size(), -1);
  for (int f = 0; f < 3; ++f) {
    Frame fr;
    fr.time = f / 30.0;
    for (std::size_t j = 0; j < c.body.joints.size(); ++j) {
      JointPose jp;
      jp.pose.position = {static_cast<float>(j), static_cast<float>(f), 0.0f};
      jp.flags = kPositionValid;
      fr.body.push_back(jp);
    }
    c.frames.push_back(fr);
  }
  return c;
}

TEST(BodySkeletonMatch, ReordersByNameIgnoringCaseAndSeparators) {
  Clip expert = bodyClip({"Hips", "LeftHand", "RightHand"});
  expert.body.groups = {{"trunk", {0}}};
  const Clip learner = bodyClip({"right_hand", "hips", "left_hand", "extra"});
  Result<Clip> m = matchBodySkeleton(learner, expert.body, "take2.csv");
  ASSERT_TRUE(m.ok()) << m.error().describe();
  EXPECT_EQ(m->body, expert.body);
  ASSERT_EQ(m->frames[2].body.size(), 3u);
  EXPECT_EQ(m->frames[2].body[0].pose.position.x, 1.0f);  // learner's "hips" was joint 1
  EXPECT_EQ(m->frames[2].body[1].pose.position.x, 2.0f);
  EXPECT_EQ(m->frames[2].body[2].pose.position.x, 0.0f);
}

TEST(BodySkeletonMatch, NamesTheJointsTheLearnerLacks) {
  const Clip expert = bodyClip({"Hips", "LeftHand", "RightHand", "LeftFoot"});
  const Clip learner = bodyClip({"Hips", "RightHand"});
  Result<Clip> m = matchBodySkeleton(learner, expert.body, "take2.bvh");
  ASSERT_FALSE(m.ok());
  EXPECT_EQ(m.error().where, "take2.bvh");
  EXPECT_NE(m.error().message.find("lacks 2 of its 4 joints (LeftHand, LeftFoot)"), std::string::npos) << m.error().message;
}

TEST(BodySkeletonMatch, HandsOnlyLearnerGetsUntrackedBody) {
  const Clip expert = bodyClip({"Hips", "LeftHand"});
  Clip learner;
  learner.frames.resize(2);
  learner.frames[1].time = 0.1;
  Result<Clip> m = matchBodySkeleton(learner, expert.body, "x");
  ASSERT_TRUE(m.ok());
  ASSERT_EQ(m->frames[1].body.size(), 2u);
  EXPECT_EQ(m->frames[1].body[0].flags, 0);
}

TEST(EndEffectorHands, WristAtTheHandJointFacingTheForearm) {
  Clip c = bodyClip({"Hips", "LeftForeArm", "LeftHand", "RightHand", "Head", "LeftFoot", "RightFoot"});
  c.body.parents = {-1, 0, 1, 0, 0, 0, 0};
  c.body.groups = {{"trunk", {0, 4}}, {"left_arm", {1, 2}}, {"right_arm", {3}}, {"left_leg", {5}}, {"right_leg", {6}}};
  Result<BodyEndEffectors> e = findBodyEndEffectors(c.body, "x");
  ASSERT_TRUE(e.ok()) << e.error().describe();
  ASSERT_TRUE(attachEndEffectorHands(c, *e));
  const HandPose& left = c.frames[1].hand(Hand::Left);
  ASSERT_TRUE(left.active);
  EXPECT_EQ(left[HandJoint::Wrist].pose.position, c.frames[1].body[2].pose.position);
  // +Z of the wrist points from the hand (x = 2) back to the forearm (x = 1).
  const glm::vec3 z = left[HandJoint::Wrist].pose.orientation * glm::vec3(0, 0, 1);
  EXPECT_NEAR(z.x, -1.0f, 1e-5f);
  EXPECT_EQ(left[HandJoint::IndexTip].flags, 0) << "fingers the body never measured stay untracked";
  EXPECT_TRUE(c.frames[1].hand(Hand::Right).active);
  EXPECT_FALSE(c.frames[1].hasHead);
  EXPECT_TRUE(validateClip(c, "x").ok());
  // Hands the clip has already are kept.
  EXPECT_FALSE(attachEndEffectorHands(c, *e));
}

}  // namespace
}  // namespace mimesis
