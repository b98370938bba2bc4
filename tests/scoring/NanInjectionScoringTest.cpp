// NaN/Inf and dropout injection into scoring (issue 9): offline scorePerformance and the live
// scorer on learners whose joints are NaN or infinite (some still flagged valid) and whose hands
// drop out. Reports (JSON and text) hold no NaN, and coverage and validity show the damage.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>

#include <nlohmann/json.hpp>

#include "ScoringTestClips.hpp"
#include "mimesis/scoring/LiveScorer.hpp"
#include "mimesis/scoring/ScoreReport.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

bool hasNonFinite(const std::string& text) {
  static const std::regex re(R"((^|[^A-Za-z_])-?(nan|inf|infinity)([^A-Za-z_]|$))", std::regex::icase);
  return std::regex_search(text, re);
}

Clip damaged(const Clip& clean) {
  const float nan = std::numeric_limits<float>::quiet_NaN();
  const float inf = std::numeric_limits<float>::infinity();
  Clip c = clean;
  for (std::size_t i = 0; i < c.frames.size(); ++i) {
    Frame& f = c.frames[i];
    if (i % 7 == 0) f.hand(Hand::Right).joints[8].pose.position.x = nan;   // flagged valid
    if (i % 11 == 0) f.hand(Hand::Left).joints[0].pose.orientation.w = inf;
    if (i % 13 == 0) f.hand(Hand::Left).joints[3].radius = nan;
    if ((i / 60) % 4 == 1) {  // dropouts: untracked hand with garbage in it
      f.hand(Hand::Right).active = false;
      for (JointPose& j : f.hand(Hand::Right).joints) {
        j.flags = 0;
        j.pose.position = glm::vec3(nan);
      }
    }
  }
  return c;
}

TEST(NanInjectionScoring, OfflineReportStaysFiniteAndReportsValidity) {
  const Clip expert = test::makeHandClip({});
  test::HandClipSpec spec;
  spec.timeOffset = 0.1;
  const Clip learner = damaged(test::makeHandClip(spec));
  Result<ScoreReport> r = scorePerformance(expert, learner, ScoringConfig{});
  if (!r.ok()) {
    // Refusing is allowed only as a clean BadInput naming the problem, never Internal.
    EXPECT_EQ(r.error().code, ErrorCode::BadInput) << r.error().describe();
    return;
  }
  const std::string json = toJson(*r);
  EXPECT_FALSE(hasNonFinite(json)) << json.substr(0, 2000);
  const nlohmann::json doc = nlohmann::json::parse(json);
  ASSERT_TRUE(doc.contains("coverage") && doc.contains("validity"));
  EXPECT_GT(doc["validity"].get<double>(), 0.3);
  EXPECT_LT(doc["validity"].get<double>(), 0.99) << "dropouts must lower validity";
  EXPECT_TRUE(std::isfinite(doc["score"].get<double>()));
}

TEST(NanInjectionScoring, EveryFrameUntrackedIsRefusedOrEmptyNotNaN) {
  const Clip expert = test::makeHandClip({});
  Clip learner = expert;
  for (Frame& f : learner.frames)
    for (HandPose& h : f.hands) {
      h.active = false;
      for (JointPose& j : h.joints) j.flags = 0;
    }
  Result<ScoreReport> r = scorePerformance(expert, learner, ScoringConfig{});
  if (!r.ok()) {
    EXPECT_EQ(r.error().code, ErrorCode::BadInput) << r.error().describe();
    return;
  }
  EXPECT_FALSE(hasNonFinite(toJson(*r)));
}

TEST(NanInjectionScoring, LiveScorerOnDamagedFrames) {
  const Clip expert = test::makeHandClip({});
  const Clip learner = damaged(expert);
  Result<LiveScorer> live = LiveScorer::create(expert, ScoringConfig{}, {});
  ASSERT_TRUE(live.ok());
  for (const Frame& f : learner.frames) {
    const FrameScore& s = live->push(f);
    ASSERT_TRUE(std::isfinite(s.expertTime) && std::isfinite(s.lagMs)) << f.time;
    for (const GroupFrameError& g : s.groups)
      ASSERT_TRUE(std::isfinite(g.placementMm) && std::isfinite(g.shapeMm) && std::isfinite(g.postureDeg)) << f.time;
  }
  const LiveSummary sum = live->summary();
  EXPECT_TRUE(std::isfinite(sum.coverage) && std::isfinite(sum.lagMs) && std::isfinite(sum.shapeMm));
  EXPECT_GT(sum.coverage, 0.5);
}

}  // namespace
}  // namespace mimesis
