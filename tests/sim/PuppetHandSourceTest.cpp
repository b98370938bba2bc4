// The desktop puppet: its state becomes tracked hands where it says, and a trial ends after the
// expert span shown.
#include <gtest/gtest.h>

#include "mimesis/sim/PuppetHandSource.hpp"

namespace mimesis {
namespace {

TEST(PuppetHandSource, PosesBothHandsWhereTheStateSays) {
  PuppetState s = defaultPuppet();
  s.hands[index(Hand::Right)].p_world_wrist = {0.3f, 1.0f, -0.4f};
  s.hands[index(Hand::Left)].active = false;
  PuppetHandSource source(&s);
  Clip shown;
  shown.rate = 10.0;
  for (int i = 0; i < 11; ++i) {
    Frame f;
    f.time = i / 10.0;
    shown.frames.push_back(f);
  }
  TrialContext ctx;
  ctx.expertShown = &shown;
  ASSERT_TRUE(source.beginTrial(ctx));
  Frame out;
  ASSERT_TRUE(source.poll(0.5, FeedbackState{}, out));
  EXPECT_TRUE(out.hand(Hand::Right).active);
  EXPECT_FALSE(out.hand(Hand::Left).active);
  EXPECT_NEAR(glm::distance(out.hand(Hand::Right).wrist().position, glm::vec3(0.3f, 1.0f, -0.4f)), 0.0f, 1e-6f);
  EXPECT_TRUE(out.hand(Hand::Right).usable());
  // Curling the index moves its tip toward the palm.
  const glm::vec3 before = out.hand(Hand::Right)[HandJoint::IndexTip].pose.position;
  s.hands[index(Hand::Right)].shape.curl[1] = 1.0f;
  ASSERT_TRUE(source.poll(0.6, FeedbackState{}, out));
  EXPECT_GT(glm::distance(before, out.hand(Hand::Right)[HandJoint::IndexTip].pose.position), 0.03f);
  EXPECT_TRUE(source.poll(1.9, FeedbackState{}, out));
  EXPECT_FALSE(source.poll(2.1, FeedbackState{}, out));
}

}  // namespace
}  // namespace mimesis
