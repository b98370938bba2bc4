// Tests of the FrameBuilder: ghost opacity, cues under both mappings, the facing model and its
// mirror, per-joint error colours, the colour scale, the cameras, and determinism.
#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <sstream>

#include <glm/geometric.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion/Mirroring.hpp"
#include "mimesis/session/ErrorColours.hpp"
#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis {
namespace {

using testing::frameInputs;

// Both hands where the shipped clips hold them; the left one curled so the hands differ.
Frame handsFrame(float dz = 0.0f) {
  Frame f;
  HandShape curled;
  curled.curl.fill(0.6f);
  poseHand(curled, Pose{{-0.18f, 1.2f, -0.3f + dz}, glm::quat(1, 0, 0, 0)}, Hand::Left, f.hand(Hand::Left));
  poseHand(HandShape{}, Pose{{0.2f, 1.25f, -0.32f + dz}, glm::quat(1, 0, 0, 0)}, Hand::Right, f.hand(Hand::Right));
  return f;
}

FeedbackState firstPerson(float opacity) {
  FeedbackState s;
  s.view = View::FirstPerson;
  s.ghostOpacity = opacity;
  s.stage = Stage::Guided;
  return s;
}

TEST(FrameBuilder, GhostOpacityZeroHidesTheExpert) {
  const Frame expert = handsFrame(-0.02f), learner = handsFrame();
  FeedbackState fb = firstPerson(0.0f);
  FrameInputs in = frameInputs(&expert, &learner, &fb);
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 2u);
  for (const DrawnHand& h : out.hands) EXPECT_EQ(h.opacity, 1.0f);
  fb.ghostOpacity = 0.6f;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 4u);
  EXPECT_EQ(out.hands[2].opacity, 0.6f);
  EXPECT_EQ(out.hands[3].opacity, 0.6f);
  // First person, anatomical: the ghost is the expert as-is.
  EXPECT_EQ(out.hands[2].pose, expert.hand(Hand::Left));
  EXPECT_EQ(out.hands[3].pose, expert.hand(Hand::Right));
  EXPECT_EQ(out.view, ViewKind::FirstPerson);
  EXPECT_FALSE(out.mirror.enabled);
}

TEST(FrameBuilder, CuesHighlightTheLearnerAndTheMatchingExpertHand) {
  const Frame expert = handsFrame(-0.02f), learner = handsFrame();
  FeedbackState fb = firstPerson(0.8f);
  fb.cueCount = 1;
  fb.cues[0].hand = Hand::Right;
  fb.cues[0].group = HandGroup::Index;
  fb.cues[0].message = "Straighten the right index";
  FrameInputs in = frameInputs(&expert, &learner, &fb);
  FrameDescription out;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 4u);
  const std::uint32_t index = groupJointBits(HandGroup::Index);
  EXPECT_EQ(index, (1u << 6) | (1u << 7) | (1u << 8) | (1u << 9) | (1u << 10));
  EXPECT_EQ(out.hands[0].highlightedJoints, 0u);
  EXPECT_EQ(out.hands[1].highlightedJoints, index);
  EXPECT_EQ(out.hands[2].highlightedJoints, 0u);
  EXPECT_EQ(out.hands[3].highlightedJoints, index);
  EXPECT_EQ(out.panel.back(), "Straighten the right index");

  // Mirror mapping: the learner's right copies the expert's left reflected in X, and that is the
  // hand drawn (and highlighted) for the right.
  in.mapping = ImitationMapping::Mirror;
  buildFrameDescription(in, out);
  ASSERT_EQ(out.hands.size(), 4u);
  EXPECT_EQ(out.hands[3].highlightedJoints, index);
  EXPECT_EQ(out.hands[2].highlightedJoints, 0u);
  EXPECT_EQ(out.hands[3].pose.wrist(), reflectX(expert.hand(Hand::Left).wrist()));
  EXPECT_GT(out.hands[3].pose.wrist().position.x, 0.0f);  // on the learner's right
}

TEST(FrameBuilder, FacingModelStandsInFrontAndFacesTheLearner) {
  Frame expert = handsFrame();
  // Body: neck, and a nose 10 cm ahead of it (the expert faces -Z).
  expert.body.resize(2);
  expert.body[0].pose.position = {0.0f, 1.5f, 0.0f};
  expert.body[1].pose.position = {0.0f, 1.6f, -0.1f};
  for (auto& j : expert.body) j.flags = kJointFullyTracked;
  Skeleton body;
  body.joints = {"neck", "nose"};
  body.parents = {-1, 0};
  const Frame learner = handsFrame();
  for (ImitationMapping mapping : {ImitationMapping::Anatomical, ImitationMapping::Mirror}) {
    FeedbackState fb;  // View::Facing by default
    fb.ghostOpacity = 0.9f;
    FrameInputs in = frameInputs(&expert, &learner, &fb, &body);
    in.mapping = mapping;
    FrameDescription out;
    buildFrameDescription(in, out);
    EXPECT_EQ(out.view, ViewKind::Mirror);
    ASSERT_EQ(out.hands.size(), 4u);
    for (int h = 2; h < 4; ++h) {
      const float z = out.hands[static_cast<std::size_t>(h)].pose.wrist().position.z;
      EXPECT_LT(z, -0.5f);
      EXPECT_GT(z, -0.8f);
      EXPECT_FALSE(out.hands[static_cast<std::size_t>(h)].reflect);
    }
    // The model's body stands ~0.9 m away and faces the learner (its nose toward +Z).
    ASSERT_EQ(out.bodies.size(), 1u);
    EXPECT_NEAR(out.bodies[0].p_world[0].z, -0.9f, 1e-5f);
    EXPECT_GT(out.bodies[0].p_world[1].z, out.bodies[0].p_world[0].z);
    EXPECT_EQ(out.bodies[0].parents, body.parents);
    // The hand the learner's right copies is on the learner's right side (x > 0) in both mappings.
    EXPECT_GT(out.hands[3].pose.wrist().position.x, 0.0f);
    EXPECT_TRUE(out.mirror.enabled);
    bool you = false, left = false, right = false;
    for (const Label& l : out.labels) {
      you = you || l.text == "you";
      left = left || l.text == "L";
      right = right || l.text == "R";
    }
    EXPECT_TRUE(you && left && right);
    // The mirror faces the learner: its +Z points back toward the default head.
    const glm::vec3 n = out.mirror.T_world_mirror.rotate(glm::vec3(0, 0, 1));
    EXPECT_GT(glm::dot(n, Staging::defaultHead() - out.mirror.T_world_mirror.position), 0.0f);
  }
}

TEST(FrameBuilder, LearnerJointColoursFollowTheGroupError) {
  const Frame learner = handsFrame();
  FrameScore score;
  score.tracked = true;
  score.groups.resize(12);
  for (auto& g : score.groups) g.valid = true;
  FrameInputs in;
  in.learner = &learner;
  in.score = &score;
  FrameDescription calm, wrong;
  buildFrameDescription(in, calm);
  score.groups[static_cast<std::size_t>(cellIndex(Hand::Right, HandGroup::Index))].shapeMm = 40.0f;
  buildFrameDescription(in, wrong);
  ASSERT_EQ(wrong.hands.size(), 2u);
  for (int j = 0; j < kHandJointCount; ++j) {
    const auto s = static_cast<std::size_t>(j);
    const bool isIndex = handJointGroup(j) == HandGroup::Index;
    EXPECT_EQ(wrong.hands[1].jointColour[s] != calm.hands[1].jointColour[s], isIndex) << j;
    EXPECT_EQ(wrong.hands[0].jointColour[s], calm.hands[0].jointColour[s]);
  }
  EXPECT_EQ(wrong.hands[1].jointColour[8], errorColour(2.0f));  // 40 mm / 20 mm reference
  EXPECT_EQ(calm.hands[1].jointColour[8], errorColour(0.0f));
  // No score: neutral.
  in.score = nullptr;
  buildFrameDescription(in, calm);
  EXPECT_EQ(calm.hands[1].jointColour[8], neutralHandColour());
}

TEST(ErrorColours, LuminanceRisesWithTheError) {
  float previous = -1.0f;
  for (int i = 0; i <= 200; ++i) {
    const float l = luminance(errorColour(static_cast<float>(i) * 0.01f));
    EXPECT_GT(l, previous) << i;
    previous = l;
  }
  EXPECT_EQ(errorColour(5.0f), errorColour(2.0f));
  EXPECT_EQ(errorColour(-1.0f), errorColour(0.0f));
  EXPECT_EQ(errorColour(std::nanf("")), errorColour(0.0f));
  // Blue at 0, orange beyond the reference: the blue–yellow axis deuteranopes keep.
  EXPECT_GT(errorColour(0.0f).z, errorColour(0.0f).x);
  EXPECT_GT(errorColour(1.0f).x, errorColour(1.0f).z);
}

glm::vec3 forwardOf(const EyeView& e) { return e.T_world_eye.rotate(glm::vec3(0, 0, -1)); }

TEST(ViewCameras, EyesLookAtTheHands) {
  const Frame learner = handsFrame();
  glm::vec3 centroid;
  ASSERT_TRUE(handsCentroid(learner, centroid));
  std::vector<EyeView> eyes;
  for (ViewKind v : {ViewKind::FirstPerson, ViewKind::Side}) {
    eyeViewsFor(v, &learner, nullptr, false, 16.0f / 9.0f, eyes);
    ASSERT_EQ(eyes.size(), 1u);
    const glm::vec3 toHands = glm::normalize(centroid - eyes[0].T_world_eye.position);
    EXPECT_GT(glm::dot(forwardOf(eyes[0]), toHands), 0.9999f);
    const float halfV = 0.5f * glm::radians(Staging::kCloseVerticalFovDeg);
    EXPECT_NEAR(eyes[0].fov.angleUp, halfV, 1e-5f);
    EXPECT_NEAR(eyes[0].fov.angleDown, -halfV, 1e-5f);
    EXPECT_GT(eyes[0].fov.angleRight, eyes[0].fov.angleUp);
    EXPECT_EQ(eyes[0].fov.angleLeft, -eyes[0].fov.angleRight);
    // Up stays up.
    EXPECT_GT(eyes[0].T_world_eye.rotate(glm::vec3(0, 1, 0)).y, 0.5f);
  }
  EXPECT_GT(eyes[0].T_world_eye.position.x, centroid.x + 0.5f);  // Side: from the learner's right
  // Stereo: two parallel eyes 64 mm apart along the eye's X, left first.
  eyeViewsFor(ViewKind::FirstPerson, &learner, nullptr, true, 1.0f, eyes);
  ASSERT_EQ(eyes.size(), 2u);
  const glm::vec3 d = eyes[1].T_world_eye.position - eyes[0].T_world_eye.position;
  EXPECT_NEAR(glm::length(d), 0.064f, 1e-5f);
  EXPECT_GT(glm::dot(d, eyes[0].T_world_eye.rotate(glm::vec3(1, 0, 0))), 0.0639f);
  EXPECT_EQ(eyes[0].T_world_eye.orientation, eyes[1].T_world_eye.orientation);
  // No hands at all: the default point, still finite.
  eyeViewsFor(ViewKind::Mirror, nullptr, nullptr, false, std::nanf(""), eyes);
  ASSERT_EQ(eyes.size(), 1u);
  EXPECT_TRUE(isFinite(eyes[0].T_world_eye));
  EXPECT_TRUE(std::isfinite(eyes[0].fov.angleRight));
}

std::string digest(const FrameDescription& d) {
  std::ostringstream s;
  auto bytes = [&](const void* p, std::size_t n) { s.write(static_cast<const char*>(p), static_cast<std::streamsize>(n)); };
  for (const DrawnHand& h : d.hands) {
    for (const JointPose& j : h.pose.joints) {
      bytes(&j.pose.position, sizeof(j.pose.position));
      bytes(&j.pose.orientation, sizeof(j.pose.orientation));
    }
    bytes(h.jointColour.data(), sizeof(h.jointColour));
    bytes(&h.opacity, sizeof(h.opacity));
    bytes(&h.highlightedJoints, sizeof(h.highlightedJoints));
  }
  for (const DrawnSkeleton& b : d.bodies) bytes(b.p_world.data(), b.p_world.size() * sizeof(glm::vec3));
  for (const Label& l : d.labels) s << l.text << l.p_world.x << l.p_world.y << l.p_world.z;
  for (const std::string& p : d.panel) s << p << '\n';
  bytes(&d.mirror.T_world_mirror, sizeof(Pose));
  return s.str();
}

TEST(FrameBuilder, SameInputsGiveTheSameBytesAndReuseStorage) {
  const Frame expert = handsFrame(-0.02f), learner = handsFrame();
  FeedbackState fb;
  fb.message = "Watch the wave";
  fb.cueCount = 2;
  fb.cues[1].hand = Hand::Left;
  fb.cues[1].group = HandGroup::Thumb;
  FrameScore score;
  score.tracked = true;
  score.groups.resize(12);
  for (std::size_t g = 0; g < 12; ++g) {
    score.groups[g].valid = true;
    score.groups[g].shapeMm = static_cast<float>(g) * 3.0f;
  }
  FrameInputs in = frameInputs(&expert, &learner, &fb);
  in.score = &score;
  FrameDescription a, b;
  buildFrameDescription(in, a);
  buildFrameDescription(in, b);
  EXPECT_EQ(digest(a), digest(b));
  const DrawnHand* storage = a.hands.data();
  buildFrameDescription(in, a);
  EXPECT_EQ(a.hands.data(), storage);
  EXPECT_EQ(digest(a), digest(b));
  ASSERT_GE(a.panel.size(), 3u);
  EXPECT_EQ(a.panel[0], "Stage: watch");
  EXPECT_EQ(a.panel[1], "Trial 1");
  EXPECT_EQ(a.panel[2], "Watch the wave");
}

}  // namespace
}  // namespace mimesis
