// Live scoring agrees with offline scoring at the end of a performance.
#include <gtest/gtest.h>

#include <algorithm>

#include "ScoringTestClips.hpp"
#include "mimesis/motion/Retargeting.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"
#include "mimesis/scoring/LiveScorer.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

// Stated tolerance: final lag within 2 expert frames and final position within 3 % of the clip.
TEST(LiveScorer, AgreesWithOfflineAtTheEnd) {
  const Clip e = test::makeHandClip({});
  for (double lag : {0.0, 150.0, 300.0}) {
    LearnerParams p;
    p.lagMs = lag;
    p.noiseMm = 1.0;
    p.gain = 0.9;
    const Clip l = simulateLearner(e, p);
    auto offline = scorePerformance(e, l, {});
    ASSERT_TRUE(offline.ok());
    LiveScorer::Options o;
    o.learnerLeft = estimateBoneLengths(l, Hand::Left);
    o.learnerRight = estimateBoneLengths(l, Hand::Right);
    auto live = LiveScorer::create(e, {}, o);
    ASSERT_TRUE(live.ok());
    for (const Frame& f : l.frames) {
      const FrameScore& fs = live->push(f);
      ASSERT_EQ(fs.groups.size(), live->groupNames().size());
      EXPECT_TRUE(std::isfinite(fs.lagMs));
    }
    const LiveSummary s = live->summary();
    EXPECT_NEAR(s.lagMs, offline->lagMs, 2 * 1000.0 / 90.0) << lag;
    EXPECT_NEAR(s.coverage, offline->coverage, 0.03) << lag;
    EXPECT_NEAR(s.shapeMm, offline->shapeMm, 0.25 * offline->shapeMm + 0.5) << lag;
  }
}

// Every hand the expert has is scored live, the right one too (a short-circuited loop once left
// the right hand, and a body clip's body, out whenever the left hand was present).
TEST(LiveScorer, ScoresBothHandsLive) {
  const Clip e = test::makeHandClip({});
  auto live = LiveScorer::create(e, {}, {});
  ASSERT_TRUE(live.ok());
  const std::vector<std::string>& names = live->groupNames();
  EXPECT_NE(std::find(names.begin(), names.end(), "left/wrist"), names.end());
  ASSERT_NE(std::find(names.begin(), names.end(), "right/index"), names.end());
  FrameScore fs;
  for (const Frame& f : e.frames) fs = live->push(f);
  const std::size_t right = static_cast<std::size_t>(std::find(names.begin(), names.end(), "right/index") - names.begin());
  ASSERT_LT(right, fs.groups.size());
  EXPECT_TRUE(fs.groups[right].valid);
  EXPECT_LT(fs.groups[right].shapeMm, 1.0f) << "the expert against itself";
}

TEST(LiveScorer, SurvivesUntrackedAndNaNFrames) {
  const Clip e = test::makeHandClip({});
  auto live = LiveScorer::create(e, {}, {});
  ASSERT_TRUE(live.ok());
  Frame f = e.frames[10];
  f.hand(Hand::Left).joints[7].pose.position.x = std::nanf("");
  f.hand(Hand::Right).active = false;
  const FrameScore& a = live->push(f);
  EXPECT_TRUE(std::isfinite(a.lagMs));
  Frame empty;
  empty.time = 1.0;
  const FrameScore& b = live->push(empty);
  EXPECT_FALSE(b.tracked);
  EXPECT_TRUE(std::isfinite(b.expertTime));
}

}  // namespace
}  // namespace mimesis
