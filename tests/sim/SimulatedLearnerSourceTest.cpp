// SimulatedLearnerSource: a simulated learner who performs the expert as shown, holds still when
// only asked to watch, improves over performed trials only, and is deterministic.
#include <gtest/gtest.h>

#include "TestHands.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using testing::makeWavingClip;

std::vector<Frame> perform(SimulatedLearnerSource& source, const TrialContext& ctx) {
  EXPECT_TRUE(source.beginTrial(ctx));
  std::vector<Frame> frames;
  Frame out;
  for (int i = 0; source.poll(i / ctx.rate, FeedbackState{}, out); ++i) frames.push_back(out);
  return frames;
}

// How far the right wrist moves over the clip's circle: the distance between its mean position
// over the first sixth of the frames and over the sixth half a circle later (the means average
// the simulated noise away, which a sum of frame-to-frame steps would add up).
float wristSwing(const std::vector<Frame>& frames) {
  const std::size_t n = frames.size() / 6;
  auto mean = [&](std::size_t from) {
    glm::vec3 sum(0.0f);
    for (std::size_t i = from; i < from + n; ++i) sum += frames[i].hand(Hand::Right).wrist().position;
    return sum / static_cast<float>(n);
  };
  return glm::distance(mean(0), mean(frames.size() / 2));
}

TEST(SimulatedLearnerSource, NeedsTheExpertShown) {
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  const Status s = source.beginTrial(TrialContext{});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::BadInput);
  Frame out;
  EXPECT_FALSE(source.poll(0.0, FeedbackState{}, out));
}

TEST(SimulatedLearnerSource, PerformsTheExpertAndEndsWithIt) {
  const Clip expert = makeWavingClip(90, 90.0, false);
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  TrialContext ctx;
  ctx.expertShown = &expert;
  const std::vector<Frame> frames = perform(source, ctx);
  EXPECT_EQ(source.performedTrials(), 1);
  ASSERT_GE(frames.size(), 85u);
  EXPECT_LE(frames.size(), 95u);
  for (std::size_t i = 0; i < frames.size(); ++i) EXPECT_DOUBLE_EQ(frames[i].time, i / 90.0);
  // It moves about as far as the expert, timidly (gain 0.8).
  EXPECT_GT(wristSwing(frames), 0.5f * wristSwing(expert.frames));
  EXPECT_LT(wristSwing(frames), 1.1f * wristSwing(expert.frames));
  // Polled between frames, the learner is interpolated, still at the trial's time.
  Frame mid;
  ASSERT_TRUE(source.poll(0.5 / 90.0, FeedbackState{}, mid));
  EXPECT_DOUBLE_EQ(mid.time, 0.5 / 90.0);
}

TEST(SimulatedLearnerSource, WatchTrialsHoldStillAndDoNotCountAsPractice) {
  const Clip expert = makeWavingClip(90, 90.0, false);
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  TrialContext ctx;
  ctx.expertShown = &expert;
  ctx.performs = false;
  const std::vector<Frame> watching = perform(source, ctx);
  EXPECT_EQ(source.performedTrials(), 0);
  ctx.performs = true;
  const std::vector<Frame> moving = perform(source, ctx);
  EXPECT_EQ(source.performedTrials(), 1);
  EXPECT_LT(wristSwing(watching), 0.25f * wristSwing(moving));
}

TEST(SimulatedLearnerSource, SameInputsSameLearnerAndLaterTrialsImprove) {
  const Clip expert = makeWavingClip(90, 90.0, false);
  TrialContext ctx;
  ctx.expertShown = &expert;
  SimulatedLearnerSource a(SimulatedLearnerSource::improvingLearner());
  SimulatedLearnerSource b(SimulatedLearnerSource::improvingLearner());
  const std::vector<Frame> a1 = perform(a, ctx), b1 = perform(b, ctx);
  ASSERT_EQ(a1.size(), b1.size());
  for (std::size_t i = 0; i < a1.size(); ++i)
    ASSERT_EQ(a1[i].hand(Hand::Right).wrist().position, b1[i].hand(Hand::Right).wrist().position) << i;
  // Practice: trial 5's performance is nearer the expert than trial 1's.
  std::vector<Frame> last;
  for (int k = 0; k < 4; ++k) last = perform(a, ctx);
  EXPECT_EQ(a.performedTrials(), 5);
  auto error = [&](const std::vector<Frame>& frames) {
    double sum = 0.0;
    for (std::size_t i = 0; i < frames.size() && i < expert.frames.size(); ++i)
      sum += glm::distance(frames[i].hand(Hand::Right).wrist().position,
                           expert.frames[i].hand(Hand::Right).wrist().position);
    return sum;
  };
  EXPECT_LT(error(last), error(a1));
}

}  // namespace
}  // namespace mimesis
