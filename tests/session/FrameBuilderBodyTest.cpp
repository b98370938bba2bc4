// The body ghost in the FrameBuilder: bones from the clip's skeleton, the learner's tracked hands
// attached at the ghost's wrists (translated only), under both mappings and in the facing view;
// and the side camera holding a whole body.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "SessionTestSupport.hpp"
#include "TestHands.hpp"
#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion/Skeleton.hpp"
#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis {
namespace {

using testing::frameInputs;

// A standing Kinect body (UI-PRMD joint order), arms a little forward, wrists about 1 m up.
Frame standingBody(const Skeleton& s) {
  Frame f;
  f.body.resize(s.joints.size());
  auto put = [&](const char* name, glm::vec3 p) {
    JointPose& j = f.body[static_cast<std::size_t>(*s.find(name))];
    j.pose.position = p;
    j.flags = kPositionValid | kOrientationValid;
  };
  put("waist", {0, 1.0f, 0});           put("spine", {0, 1.2f, 0});          put("chest", {0, 1.4f, 0});
  put("neck", {0, 1.5f, 0});            put("head", {0, 1.62f, 0});          put("head_tip", {0, 1.72f, 0});
  put("left_collar", {-0.1f, 1.45f, 0}); put("left_upper_arm", {-0.2f, 1.42f, 0});
  put("left_forearm", {-0.25f, 1.15f, -0.1f}); put("left_hand", {-0.25f, 1.0f, -0.3f});
  put("right_collar", {0.1f, 1.45f, 0}); put("right_upper_arm", {0.2f, 1.42f, 0});
  put("right_forearm", {0.25f, 1.15f, -0.1f}); put("right_hand", {0.3f, 1.05f, -0.3f});
  put("left_upper_leg", {-0.1f, 0.95f, 0}); put("left_lower_leg", {-0.1f, 0.5f, 0});
  put("left_foot", {-0.1f, 0.08f, 0});   put("left_toes", {-0.1f, 0.02f, -0.12f});
  put("right_upper_leg", {0.1f, 0.95f, 0}); put("right_lower_leg", {0.1f, 0.5f, 0});
  put("right_foot", {0.1f, 0.08f, 0});   put("right_toes", {0.1f, 0.02f, -0.12f});
  return f;
}

Frame trackedHands() { return testing::twoPosedHands(glm::vec3{-0.2f, 1.2f, -0.35f}, glm::vec3{0.22f, 1.25f, -0.3f}); }

glm::vec3 wristOf(const HandPose& h) { return h[HandJoint::Wrist].pose.position; }

TEST(FrameBuilderBody, GhostHasTheSkeletonsBonesAndTheLearnersHandsAtItsWrists) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame expert = standingBody(skeleton), learner = trackedHands();
  FrameInputs in = frameInputs(&expert, &learner, nullptr, &skeleton);
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.bodies.size(), 1u);
  EXPECT_EQ(out.bodies[0].parents, skeleton.parents);
  EXPECT_LT(out.bodies[0].opacity, 1.0f);
  // Two solid learner hands where tracked, then two ghost copies at the body's wrists.
  ASSERT_EQ(out.hands.size(), 4u);
  EXPECT_EQ(out.hands[0].pose, learner.hand(Hand::Left));
  EXPECT_EQ(out.hands[1].opacity, 1.0f);
  for (Hand h : {Hand::Left, Hand::Right}) {
    const DrawnHand& ghost = out.hands[2 + static_cast<std::size_t>(index(h))];
    const int wrist = *skeleton.find(h == Hand::Left ? "left_hand" : "right_hand");
    EXPECT_LT(glm::distance(wristOf(ghost.pose), expert.body[static_cast<std::size_t>(wrist)].pose.position), 1e-5f);
    EXPECT_EQ(ghost.opacity, out.bodies[0].opacity);
    // Translated only: the finger shape and orientation are the learner's.
    const HandPose& tracked = learner.hand(h);
    const glm::vec3 shift = wristOf(ghost.pose) - wristOf(tracked);
    for (int j = 0; j < kHandJointCount; ++j) {
      EXPECT_LT(glm::distance(ghost.pose.joints[j].pose.position, tracked.joints[j].pose.position + shift), 1e-5f);
      EXPECT_EQ(ghost.pose.joints[j].pose.orientation, tracked.joints[j].pose.orientation);
    }
  }
}

TEST(FrameBuilderBody, MirrorMappingAttachesEachHandToTheReflectedOtherWrist) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame expert = standingBody(skeleton), learner = trackedHands();
  FrameInputs in = frameInputs(&expert, &learner, nullptr, &skeleton);
  in.mapping = ImitationMapping::Mirror;
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 4u);
  // The learner's right hand copies the expert's left: it hangs on the reflected left wrist.
  const glm::vec3 left = expert.body[static_cast<std::size_t>(*skeleton.find("left_hand"))].pose.position;
  EXPECT_LT(glm::distance(wristOf(out.hands[3].pose), glm::vec3(-left.x, left.y, left.z)), 1e-5f);
}

TEST(FrameBuilderBody, FacingViewCarriesTheAttachedHandsWithTheModel) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame expert = standingBody(skeleton), learner = trackedHands();
  FeedbackState fb;
  fb.view = View::Facing;
  fb.ghostOpacity = 0.7f;
  FrameInputs in = frameInputs(&expert, &learner, &fb, &skeleton);
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.view, ViewKind::Mirror);
  ASSERT_EQ(out.hands.size(), 4u);
  for (Hand h : {Hand::Left, Hand::Right}) {
    const int wrist = *skeleton.find(h == Hand::Left ? "left_hand" : "right_hand");
    const glm::vec3 onModel = facingPoint(expert.body[static_cast<std::size_t>(wrist)].pose.position);
    const DrawnHand& ghost = out.hands[2 + static_cast<std::size_t>(index(h))];
    EXPECT_LT(glm::distance(wristOf(ghost.pose), onModel), 1e-5f);
    EXPECT_FALSE(ghost.reflect);
  }
}

TEST(FrameBuilderBody, NoAttachmentWithoutWristOrWhereTheClipHasItsOwnHand) {
  Skeleton skeleton = kinectBodySkeleton();
  Frame expert = standingBody(skeleton);
  const Frame learner = trackedHands();
  // The clip's own right hand is drawn as the target; only the left gets the learner's copy.
  poseHand(HandShape{}, Pose{{0.3f, 1.05f, -0.3f}, glm::quat(1, 0, 0, 0)}, Hand::Right, expert.hand(Hand::Right));
  FrameInputs in = frameInputs(&expert, &learner, nullptr, &skeleton);
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 4u);  // 2 learner, the expert's right, the attached left
  EXPECT_EQ(out.hands[2].pose, expert.hand(Hand::Right));
  // A skeleton naming no wrist gets no attached hands.
  expert.hand(Hand::Right).active = false;
  for (std::string& name : skeleton.joints) name = "j" + name;
  buildFrameDescription(in, out);
  EXPECT_EQ(out.hands.size(), 2u);
}

TEST(FrameBuilderBody, TheLearnersHandReplacesAFingerlessEndEffectorHand) {
  const Skeleton skeleton = kinectBodySkeleton();
  Frame expert = standingBody(skeleton);
  const Frame learner = trackedHands();
  // As attachEndEffectorHands gives a body clip: the right hand's wrist and palm only.
  HandPose& own = expert.hand(Hand::Right);
  own.active = true;
  own[HandJoint::Wrist].pose.position = expert.body[static_cast<std::size_t>(*skeleton.find("right_hand"))].pose.position;
  own[HandJoint::Wrist].flags = kPositionValid | kOrientationValid;
  own[HandJoint::Palm].pose.position = own[HandJoint::Wrist].pose.position + glm::vec3(0.0f, 0.0f, -0.04f);
  own[HandJoint::Palm].flags = kPositionValid | kOrientationValid;
  FrameInputs in;
  in.expert = &expert;
  in.learner = &learner;
  in.bodySkeleton = &skeleton;
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 4u) << "two learner hands and two copies, not the fingerless hand";
  const DrawnHand& right = out.hands[3];
  EXPECT_LT(glm::distance(wristOf(right.pose), own[HandJoint::Wrist].pose.position), 1e-5f);
  EXPECT_TRUE(right.pose[HandJoint::IndexTip].positionValid()) << "the learner's finger shape";
  // Without a tracked right hand the clip's own (fingerless) hand is drawn.
  Frame leftOnly = learner;
  leftOnly.hand(Hand::Right).active = false;
  in.learner = &leftOnly;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 3u);
  EXPECT_EQ(out.hands[1].pose, own);
}

TEST(FrameBuilderBody, FirstPersonLeavesOutTheGhostsHeadAtTheEye) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame expert = standingBody(skeleton);
  Frame learner = trackedHands();
  FrameInputs in = frameInputs(&expert, &learner, nullptr, &skeleton);
  const std::size_t head = static_cast<std::size_t>(*skeleton.find("head"));
  const std::size_t waist = static_cast<std::size_t>(*skeleton.find("waist"));
  FrameDescription out;
  buildFrameDescription(in, out);  // first person, default head at 1.6 m: the ghost's head is 2 cm off
  ASSERT_EQ(out.bodies.size(), 1u);
  EXPECT_FALSE(out.bodies[0].valid[head]);
  EXPECT_TRUE(out.bodies[0].valid[waist]);
  learner.hasHead = true;  // a tracked head elsewhere: the ghost's head is drawn
  learner.head.position = glm::vec3(0.0f, 1.6f, 0.5f);
  buildFrameDescription(in, out);
  EXPECT_TRUE(out.bodies[0].valid[head]);
  learner.hasHead = false;
  in.view = ViewKind::Side;  // the side camera is outside the ghost
  buildFrameDescription(in, out);
  EXPECT_TRUE(out.bodies[0].valid[head]);
}

TEST(ViewCameras, SideViewHoldsTheWholeBody) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame expert = standingBody(skeleton), learner = trackedHands();
  std::vector<EyeView> eyes;
  eyeViewsFor(ViewKind::Side, &learner, &expert, false, 4.0f / 3.0f, eyes);
  ASSERT_EQ(eyes.size(), 1u);
  const EyeView& e = eyes[0];
  const glm::quat toEye = glm::inverse(e.T_world_eye.orientation);
  for (const JointPose& j : expert.body) {
    // Inside the frustum: in eye space (looking down -Z) within the half-angles.
    const glm::vec3 p = toEye * (j.pose.position - e.T_world_eye.position);
    ASSERT_LT(p.z, 0.0f);
    EXPECT_LT(std::abs(p.y / p.z), std::tan(e.fov.angleUp)) << p.y;
    EXPECT_LT(std::abs(p.x / p.z), std::tan(e.fov.angleRight)) << p.x;
  }
}

}  // namespace
}  // namespace mimesis
