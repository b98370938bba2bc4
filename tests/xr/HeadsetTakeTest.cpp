// Recording a take in the headset against the simulator runtime: its trackers replay a
// recording; the take keeps what they delivered after the countdown, on the runtime's clock.
#include <gtest/gtest.h>

#include "XrTestSupport.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"
#include "mimesis/xr/HeadsetTake.hpp"

namespace mimesis {
namespace {

TEST(HeadsetTake, RecordsTrackedHandsAfterTheCountdown) {
  testing::XrEnvironment env;
  const auto dir = testing::xrTempDir("headset-take");
  auto expert = loadKeyframeClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/pinch-and-release.mkeys");
  ASSERT_TRUE(expert);
  const std::string tracked = (dir / "tracked.mrec").string();
  ASSERT_TRUE(writeMrec(tracked, *expert));
  env.set("MIMESIS_XR_SIM_RECORDING", tracked);
  TakeOptions o;
  o.seconds = 1.0;
  o.countdownSeconds = 0.5;
  const std::string take = (dir / "take.mrec").string();
  auto r = recordHeadsetTake(HeadsetOptions{}, take, o);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->end, HeadsetEnd::Exited);
  auto back = readMrec(take);
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_FALSE(back->recovery.torn) << back->recovery.detail;
  ASSERT_GE(back->clip.frames.size(), 80u);
  EXPECT_DOUBLE_EQ(back->clip.frames.front().time, 0.0);
  EXPECT_LE(back->clip.duration(), 1.0 + 1e-6);
  EXPECT_GT(back->clip.duration(), 0.9);
  ASSERT_FALSE(back->events.empty());
  EXPECT_EQ(back->events.front().kind, "countdown");
  // Tracked hands, and not the countdown's: the first kept frame is the tracker's hand half a
  // second in, not its first frame.
  const Frame& first = back->clip.frames.front();
  EXPECT_TRUE(first.hand(Hand::Right).active);
  const glm::vec3 kept = first.hand(Hand::Right).wrist().position;
  const glm::vec3 start = expert->frames.front().hand(Hand::Right).wrist().position;
  const glm::vec3 half = expert->frames[45].hand(Hand::Right).wrist().position;
  EXPECT_LT(glm::length(kept - half), glm::length(kept - start)) << "the countdown's frames are not kept";
}

}  // namespace
}  // namespace mimesis
