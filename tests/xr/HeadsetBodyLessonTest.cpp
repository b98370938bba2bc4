// A body scene in the headset (simulator runtime, validation on): the squat lesson runs its
// frames and ends cleanly, and what the headset composes shows the body ghost on the learner's
// spot with the learner's tracked hands on its wrists (the clip's own hands are fingerless
// end-effector hands, which the tracked shape replaces).
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "XrTestSupport.hpp"
#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/ExpertPlayer.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"
#include "mimesis/xr/HeadsetLesson.hpp"
#include "mimesis/xr/XrHandSource.hpp"

namespace mimesis {
namespace {

using testing::XrEnvironment;
using testing::xrTempDir;

Result<Lesson> squatLesson() {
  return loadLesson(std::string(MIMESIS_SOURCE_DIR) + "/scenes/squat.json", [](const std::string& p, const std::string& rig) {
    LoadOptions o;
    o.rigMap = rig;
    return loadClip(p, o);
  });
}

std::string headlessRecording(const Lesson& lesson, const std::filesystem::path& dir) {
  SimulatedLearnerSource learner(SimulatedLearnerSource::improvingLearner());
  ReportOptions report;
  report.writeHtml = false;
  Result<HeadlessResult> r = runHeadlessLesson(lesson, learner, 2, dir.string(), report);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return (dir / "session.mrec").string();
}

TEST(HeadsetBodyLesson, SquatSceneRunsInTheHeadset) {
  XrEnvironment env;
  const auto dir = xrTempDir("body-squat");
  Result<Lesson> lesson = squatLesson();
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  env.set("MIMESIS_XR_SIM_RECORDING", headlessRecording(*lesson, dir / "headless"));
  HeadsetLessonOptions o;
  o.maxFrames = 60;
  o.reportDir = (dir / "headset").string();
  o.headset.vulkanValidation = true;
  Result<HeadsetLessonResult> r = runHeadsetLesson(*lesson, o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->handFrames, 60);
  EXPECT_GE(r->framesSubmitted, 60);
  EXPECT_EQ(r->end, HeadsetEnd::Exited);
  EXPECT_TRUE(r->vulkanMessages.empty()) << r->vulkanMessages.front();
}

TEST(HeadsetBodyLesson, ComposedFrameHasTheGhostOnTheLearnersSpotWithTrackedHandsOnItsWrists) {
  XrEnvironment env;
  Result<Lesson> lesson = squatLesson();
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  ASSERT_FALSE(lesson->clip.body.empty());
  HeadsetOptions ho;
  auto headset = Headset::create(ho);
  ASSERT_TRUE(headset) << headset.error().describe();
  XrHandSource source(**headset, *lesson);

  ExpertPlayer player(lesson->clip);
  FeedbackState guidance;
  guidance.view = View::FirstPerson;  // the learner inside the ghost
  guidance.ghostOpacity = 0.7f;
  player.beginTrial(guidance);
  const Clip shown = player.shownClip(lesson->clip.rate);
  TrialContext context;
  context.guidance = &guidance;
  context.expertShown = &shown;
  ASSERT_TRUE(source.beginTrial(context));

  Frame hands;  // tracked hands in front of the chest, the left curled
  HandShape curled;
  curled.curl.fill(0.5f);
  poseHand(curled, Pose{{-0.22f, 1.15f, -0.3f}, glm::quat(1, 0, 0, 0)}, Hand::Left, hands.hand(Hand::Left));
  poseHand(HandShape{}, Pose{{0.22f, 1.2f, -0.3f}, glm::quat(1, 0, 0, 0)}, Hand::Right, hands.hand(Hand::Right));
  FrameDescription out;
  source.idleCompose()(hands, {}, out);

  ASSERT_EQ(out.bodies.size(), 1u) << "the body ghost";
  const DrawnSkeleton& ghost = out.bodies[0];
  const std::size_t root = 0;  // the BVH's hips
  ASSERT_TRUE(ghost.valid[root]);
  EXPECT_EQ(ghost.parents, lesson->clip.body.parents) << "the ghost has the clip's bones";
  EXPECT_LT(std::hypot(ghost.p_world[root].x, ghost.p_world[root].z), 0.05f) << "the ghost stands where the learner does";
  // Two tracked hands, then their copies on the ghost's wrists (no fingerless clip hands).
  ASSERT_EQ(out.hands.size(), 4u);
  for (std::size_t h = 2; h < 4; ++h) {
    const HandPose& copy = out.hands[h].pose;
    const glm::vec3 w = copy[HandJoint::Wrist].pose.position;
    bool onAJoint = false;
    for (std::size_t j = 0; j < ghost.p_world.size(); ++j)
      onAJoint = onAJoint || (ghost.valid[j] && glm::distance(ghost.p_world[j], w) < 1e-4f);
    EXPECT_TRUE(onAJoint) << "hand " << h << " on the ghost's wrist";
    EXPECT_TRUE(copy[HandJoint::IndexTip].positionValid()) << "the tracked finger shape";
    EXPECT_LT(out.hands[h].opacity, 1.0f);
  }
}

}  // namespace
}  // namespace mimesis
