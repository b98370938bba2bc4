// Body clips stand on the learner's spot: the ghost's root over the origin facing -Z whatever the
// capture's own origin and heading (CMU 01_01 starts 0.9 m behind its origin), later frames moving
// with the clip; and a learner with a body of its own is drawn solid, error-coloured per group.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion/Skeleton.hpp"
#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/ErrorColours.hpp"
#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis {
namespace {

// A standing Kinect body facing -Z at the origin (its right along +X), arms at its sides.
Frame standingBody(const Skeleton& s) {
  Frame f;
  f.body.resize(s.joints.size());
  for (std::size_t j = 0; j < s.joints.size(); ++j) {
    const std::string& n = s.joints[j];
    const float side = n.rfind("left", 0) == 0 ? -1.0f : n.rfind("right", 0) == 0 ? 1.0f : 0.0f;
    const bool leg = n.find("leg") != std::string::npos || n.find("foot") != std::string::npos ||
                     n.find("toes") != std::string::npos;
    const float y = leg ? 0.5f : 1.0f + 0.05f * static_cast<float>(j % 6);
    f.body[j].pose.position = glm::vec3(side * (leg ? 0.1f : 0.2f), y, 0.0f);
    f.body[j].flags = kPositionValid;
  }
  return f;
}

// The same body as a studio captured it: turned by `yaw` about +Y, then moved to `at`.
Frame captured(const Frame& f, float yaw, glm::vec3 at) {
  Frame out = f;
  Pose T;
  T.orientation = glm::angleAxis(yaw, glm::vec3(0, 1, 0));
  T.position = at;
  placeFrame(T, out);
  return out;
}

glm::vec3 joint(const DrawnSkeleton& b, const Skeleton& s, const char* name) {
  return b.p_world[static_cast<std::size_t>(*s.find(name))];
}

TEST(BodyPlacement, GhostStandsOnTheLearnersSpotFacingLikeTheLearner) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame upright = standingBody(skeleton);
  // 0.9 m behind the learner (as CMU 01_01 starts) and turned a quarter to the left.
  const Frame start = captured(upright, 1.2f, glm::vec3(0.3f, 0.0f, 0.9f));
  FrameInputs in;
  in.expert = &start;
  in.bodySkeleton = &skeleton;
  in.view = ViewKind::Side;  // nothing left out near the eye
  in.bodyStart = &start;
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.bodies.size(), 1u);
  const DrawnSkeleton& b = out.bodies[0];
  for (std::size_t j = 0; j < upright.body.size(); ++j)
    EXPECT_LT(glm::distance(b.p_world[j], upright.body[j].pose.position), 1e-4f) << skeleton.joints[j];
  const glm::vec3 root = joint(b, skeleton, "waist");
  EXPECT_NEAR(root.x, 0.0f, 1e-4f);
  EXPECT_NEAR(root.z, 0.0f, 1e-4f);
  EXPECT_GT(joint(b, skeleton, "right_upper_leg").x, joint(b, skeleton, "left_upper_leg").x + 0.15f);

  // Without a start frame the ghost is where the capture put it (the old placement).
  in.bodyStart = nullptr;
  buildFrameDescription(in, out);
  EXPECT_GT(glm::distance(joint(out.bodies[0], skeleton, "waist"), root), 0.8f);
}

TEST(BodyPlacement, LaterFramesMoveWithTheClipAndTheHandsWithTheBody) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame upright = standingBody(skeleton);
  const Frame start = captured(upright, 3.14159265f, glm::vec3(-0.5f, 0.0f, 2.0f));  // facing +Z, far off
  // A second later the capture stepped 0.25 m forward (its own forward is +Z after the turn),
  // with a right hand of the clip's own at its right wrist.
  Frame later = captured(upright, 3.14159265f, glm::vec3(-0.5f, 0.0f, 2.25f));
  const glm::vec3 wrist = later.body[static_cast<std::size_t>(*skeleton.find("right_hand"))].pose.position;
  poseHand(HandShape{}, Pose{wrist, glm::quat(1, 0, 0, 0)}, Hand::Right, later.hand(Hand::Right));
  FrameInputs in;
  in.expert = &later;
  in.bodySkeleton = &skeleton;
  in.view = ViewKind::Side;
  in.bodyStart = &start;
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.bodies.size(), 1u);
  const glm::vec3 root = joint(out.bodies[0], skeleton, "waist");
  EXPECT_NEAR(root.x, 0.0f, 1e-4f);
  EXPECT_NEAR(root.z, -0.25f, 1e-4f) << "a step forward is a step toward -Z, where the learner faces";
  ASSERT_EQ(out.hands.size(), 1u);
  EXPECT_LT(glm::distance(out.hands[0].pose[HandJoint::Wrist].pose.position, joint(out.bodies[0], skeleton, "right_hand")),
            1e-4f);
}

TEST(BodyPlacement, FacingModelIsThePlacedGhostReflected) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame upright = standingBody(skeleton);
  const Frame start = captured(upright, -0.7f, glm::vec3(1.0f, 0.0f, 0.9f));
  FeedbackState fb;
  fb.view = View::Facing;
  FrameInputs in;
  in.expert = &start;
  in.feedback = &fb;
  in.bodySkeleton = &skeleton;
  in.bodyStart = &start;
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.view, ViewKind::Mirror);
  ASSERT_EQ(out.bodies.size(), 1u);
  for (std::size_t j = 0; j < upright.body.size(); ++j)
    EXPECT_LT(glm::distance(out.bodies[0].p_world[j], facingPoint(upright.body[j].pose.position)), 1e-4f);
}

TEST(LearnerBody, DrawnSolidFirstAndColouredByItsGroupsErrors) {
  const Skeleton skeleton = kinectBodySkeleton();
  const Frame upright = standingBody(skeleton);
  const Frame expert = captured(upright, 0.0f, glm::vec3(0.0f, 0.0f, 0.9f));
  // The learner: another take, captured elsewhere in the studio.
  const Frame learner = captured(upright, 0.5f, glm::vec3(2.0f, 0.0f, -1.0f));
  std::vector<std::string> names;
  FrameScore score;
  score.tracked = true;
  for (const JointGroup& g : skeleton.groups) {
    names.push_back("body/" + g.name);
    GroupFrameError e;
    e.valid = true;
    e.shapeMm = g.name == "left_leg" ? 120.0f : 4.0f;  // 3x and 0.1x the body reference (40 mm)
    score.groups.push_back(e);
  }
  FrameInputs in;
  in.expert = &expert;
  in.learner = &learner;
  in.bodySkeleton = &skeleton;
  in.bodyStart = &expert;
  in.learnerBodySkeleton = &skeleton;
  in.learnerBodyStart = &learner;
  in.score = &score;
  in.scoreGroupNames = &names;
  in.view = ViewKind::Side;
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.bodies.size(), 2u) << "the learner's body, then the expert's ghost";
  const DrawnSkeleton& mine = out.bodies[0];
  EXPECT_EQ(mine.opacity, 1.0f);
  EXPECT_EQ(mine.parents, skeleton.parents);
  EXPECT_LT(out.bodies[1].opacity, 1.0f);
  // Placed on the learner's spot like the ghost: the two bodies coincide.
  for (std::size_t j = 0; j < upright.body.size(); ++j)
    EXPECT_LT(glm::distance(mine.p_world[j], out.bodies[1].p_world[j]), 1e-4f) << skeleton.joints[j];
  ASSERT_EQ(mine.jointColour.size(), upright.body.size());
  const int foot = *skeleton.find("left_foot"), arm = *skeleton.find("right_forearm");
  EXPECT_EQ(mine.jointColour[static_cast<std::size_t>(foot)], errorColour(3.0f));
  EXPECT_EQ(mine.jointColour[static_cast<std::size_t>(arm)], errorColour(0.1f));
  // No score: neutral.
  in.score = nullptr;
  buildFrameDescription(in, out);
  EXPECT_EQ(out.bodies[0].jointColour[static_cast<std::size_t>(foot)], neutralHandColour());
}

}  // namespace
}  // namespace mimesis
