// The body ghost drawn from a real body clip (CMU 01_01.bvh from ../shared/data, our BVH importer,
// body only): the session's FrameBuilder composes it with a learner's tracked hands attached at
// the ghost's wrists, the renderer draws it in the first-person, mirror and side views (lavapipe,
// validation on), and each picture matches its golden image.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "SharedData.hpp"
#include "RenderFixture.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "TestHands.hpp"
#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis::test {
namespace {

using mimesis::testing::sharedDataPath;

// The learner's hands where a headset would track them: in front of the chest, the left curled.
Frame learnerHands() { return testing::twoPosedHands(glm::vec3{-0.22f, 1.15f, -0.3f}, glm::vec3{0.22f, 1.2f, -0.3f}); }

class BodyGhostRender : public RendererFixture {
 protected:
  RgbaImage draw(const FrameDescription& frame, const Frame* learner, const Frame* expert) {
    std::vector<EyeView> eyes;
    eyeViewsFor(frame.view, learner, expert, false, 256.0f / 192.0f, eyes);
    TargetDesc d;
    d.extent = {256, 192};
    auto t = renderer->createTarget(d);
    EXPECT_TRUE(t) << t.error().describe();
    if (!t) return {};
    const ViewTarget vt{eyes[0], t->get()};
    const Status s = renderer->draw(frame, {&vt, 1});
    EXPECT_TRUE(s) << s.error().describe();
    auto im = renderer->readback(**t);
    EXPECT_TRUE(im) << im.error().describe();
    return im ? *im : RgbaImage{};
  }
};

TEST_F(BodyGhostRender, CmuClipInEveryViewWithTheLearnersHandsAtItsWrists) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh/01_01.bvh");
  LoadOptions o;
  o.rigMap = "none";  // body only: the hands the ghost shows are the learner's
  Result<Clip> clip = loadClip(sharedDataPath("cmu-bvh/01_01.bvh"), o);
  ASSERT_TRUE(clip) << clip.error().describe();
  ASSERT_FALSE(clip->body.empty());
  // Staged as a lesson shows a body clip (FrameInputs::bodyStart): its first frame's root over the
  // learner's standing spot, facing -Z (the capture's own floor origin is elsewhere: 01_01 starts
  // about 0.9 m behind it). The cameras look at the staged body.
  Frame expert, staged;
  sampleClip(*clip, clip->frames.front().time + 1.0, expert);
  ASSERT_EQ(expert.body.size(), clip->body.joints.size());
  const Frame learner = learnerHands();

  for (ViewKind view : {ViewKind::FirstPerson, ViewKind::Mirror, ViewKind::Side}) {
    FeedbackState fb;
    fb.view = view == ViewKind::Mirror ? View::Facing : View::FirstPerson;
    fb.ghostOpacity = 0.7f;
    FrameInputs in;
    in.expert = &expert;
    in.learner = &learner;
    in.feedback = &fb;
    in.view = view;
    in.bodySkeleton = &clip->body;
    in.bodyStart = &clip->frames.front();
    FrameDescription frame;
    buildFrameDescription(in, frame);
    frame.panel.clear();
    ASSERT_EQ(frame.bodies.size(), 1u);
    ASSERT_EQ(frame.hands.size(), 4u) << "two tracked hands and their copies on the ghost's wrists";
    const Frame* shown = placedForView(&expert, in.bodyStart, in.bodySkeleton, staged);
    const ViewBox body = bodyBox(*shown);
    for (std::size_t h = 2; h < 4; ++h) {
      const glm::vec3 w = frame.hands[h].pose[HandJoint::Wrist].pose.position;
      bool onAJoint = false;
      for (const glm::vec3& p : frame.bodies[0].p_world) onAJoint = onAJoint || glm::distance(p, w) < 1e-4f;
      EXPECT_TRUE(onAJoint) << "attached hand " << h << " sits on a body joint";
    }
    const RgbaImage im = draw(frame, &learner, shown);
    // The ghost must show: without the body (and its hands) the picture is clearly different.
    FrameDescription bare = frame;
    bare.bodies.clear();
    bare.hands.resize(2);
    const RgbaImage without = draw(bare, &learner, shown);
    const char* name = view == ViewKind::FirstPerson ? "body-ghost-first-person"
                       : view == ViewKind::Mirror    ? "body-ghost-mirror"
                                                     : "body-ghost-side";
    EXPECT_GT(compareImages(im, without, 24).differingFraction, 0.01) << name << " (body box y "
                                                                      << body.lo.y << ".." << body.hi.y << ", x " << body.lo.x << ".." << body.hi.x << ", z " << body.lo.z << ".." << body.hi.z << ")";
    expectMatchesGolden(im, name);
  }
}

}  // namespace
}  // namespace mimesis::test
