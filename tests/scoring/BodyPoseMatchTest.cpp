// Body scoring (issue 17): the body pose match (the RMS joint distance about the root along the
// time warp that minimises it) and the motion-weighted body shape (still frames weigh
// ScoringConfig::bodyStillFrameWeight of the mean motion), on synthetic Kinect clips.
#include <gtest/gtest.h>

#include <cmath>

#include <nlohmann/json.hpp>

#include "BodyTestClips.hpp"
#include "ScoringTestClips.hpp"
#include "mimesis/scoring/ScoreReport.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

constexpr float kPi = 3.14159265f;

// The right arm abducts 1.2 rad and back over `seconds` (from `start` on; still before), the
// left arm held out by `leftRad` throughout: 30 Hz.
Clip abduction(float leftRad, double start = 0.0, double seconds = 3.0, double total = 3.0) {
  return test::makeKinectClip(static_cast<int>(std::lround(total * 30.0)), 30.0, [&](int, double t, glm::vec3 (&p)[22]) {
    const double u = std::clamp((t - start) / seconds, 0.0, 1.0);
    test::abductArms(p, 1.2f * (0.5f - 0.5f * std::cos(2.0f * kPi * static_cast<float>(u))), leftRad);
  });
}

TEST(BodyPoseMatch, ACopyMatchesExactly) {
  const Clip c = abduction(0.0f);
  const auto r = scorePerformance(c, c, ScoringConfig{});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_TRUE(r->scores.hasMatch);
  EXPECT_EQ(r->matchMm, 0.0);
  EXPECT_EQ(r->scores.match, 100.0);
  EXPECT_EQ(r->score, 100.0);
}

TEST(BodyPoseMatch, IsTheRmsJointDistanceAboutTheRoot) {
  // The left arm held out 0.35 rad: the elbow (0.28 m from the shoulder) and the hand (0.53 m)
  // move by 2 r sin(0.175); the other 19 non-root joints are where the expert's are, and any
  // warp off the diagonal only adds the right arm's difference, so the match is exactly
  // sqrt((d_elbow^2 + d_hand^2) / 21).
  const Clip expert = abduction(0.0f), learner = abduction(0.35f);
  const auto r = scorePerformance(expert, learner, ScoringConfig{});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_TRUE(r->scores.hasMatch);
  const double chord = 2.0 * std::sin(0.175), de = 0.28 * chord, dh = 0.53 * chord;
  EXPECT_NEAR(r->matchMm, 1000.0 * std::sqrt((de * de + dh * dh) / 21.0), 0.05);
  EXPECT_LT(r->scores.match, 100.0);
  EXPECT_LT(r->score, 100.0);
  // Beyond its reference (20 mm at a 1.2 m reach; this body reaches 1.13 m) the learner is told.
  bool told = false;
  for (const std::string& d : r->diagnosis) told = told || d == "whole body 46 mm off the expert's poses, however timed";
  EXPECT_TRUE(told) << ::testing::PrintToString(r->diagnosis);
}

TEST(BodyPoseMatch, AnyTimingMatches) {
  // The same movement 1 s late, in a 4-s take: more than the learner's warp's band (10 % of the
  // expert each side of its tempo lines) can follow, so the shape error along it is not zero,
  // but retimed freely the movement is the expert's.
  const Clip expert = abduction(0.0f, 0.0, 3.0, 3.0), late = abduction(0.0f, 1.0, 3.0, 4.0);
  const auto r = scorePerformance(expert, late, ScoringConfig{});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_TRUE(r->scores.hasMatch);
  EXPECT_LT(r->matchMm, 0.5);
  for (const std::string& d : r->diagnosis) EXPECT_EQ(d.find("however timed"), std::string::npos) << d;
  EXPECT_GT(r->shapeMm, 3.0);
  EXPECT_GT(r->shapeMm, 10.0 * r->matchMm);
  EXPECT_GT(r->scores.match, 97.0);
}

TEST(BodyPoseMatch, EverySegmentHasItsOwn) {
  const Clip expert = abduction(0.0f), learner = abduction(0.35f);
  const auto r = scorePerformance(expert, learner, ScoringConfig{});
  ASSERT_TRUE(r.ok());
  ASSERT_FALSE(r->segments.empty());
  for (const SegmentReport& s : r->segments) {
    if (!s.reached) continue;
    EXPECT_TRUE(s.scores.hasMatch) << s.name;
    EXPECT_GT(s.matchMm, 10.0) << s.name;  // the fault is there throughout
  }
  const nlohmann::json j = nlohmann::json::parse(toJson(*r));
  EXPECT_TRUE(j["scores"]["match"].is_number());
  EXPECT_NEAR(j["metrics"]["match_mm"].get<double>(), r->matchMm, 0.001);
  EXPECT_TRUE(j["segments"][0]["match_mm"].is_number());
  EXPECT_TRUE(j["groups"][0]["scores"]["match"].is_null());  // a group has no match of its own
}

TEST(BodyPoseMatch, HandsHaveNoneAndScoreAsWithoutIt) {
  test::HandClipSpec spec;
  const Clip expert = test::makeHandClip(spec);
  spec.timeOffset = 0.12;
  const Clip learner = test::makeHandClip(spec);
  const auto r = scorePerformance(expert, learner, ScoringConfig{});
  ASSERT_TRUE(r.ok());
  EXPECT_FALSE(r->scores.hasMatch);
  EXPECT_EQ(r->matchMm, 0.0);
  // The match's weight cannot reach a hand score: zero it and nothing changes.
  ScoringConfig none;
  none.weights.match = 0.0;
  const auto r0 = scorePerformance(expert, learner, none);
  ASSERT_TRUE(r0.ok());
  EXPECT_EQ(toJson(*r), toJson(*r0));
  const nlohmann::json j = nlohmann::json::parse(toJson(*r));
  EXPECT_TRUE(j["scores"]["match"].is_null());
  EXPECT_TRUE(j["metrics"]["match_mm"].is_null());
}

TEST(BodyPoseMatch, ADoNotCopySpanLeavesTheTrialWithoutOne) {
  Clip expert = abduction(0.0f);
  expert.annotations.push_back({"do-not-copy", 1.0, 1.5, 0.0, "not this"});
  const auto r = scorePerformance(expert, abduction(0.35f), ScoringConfig{});
  ASSERT_TRUE(r.ok());
  // Its warp is its own, so it cannot leave the span's pairs out: it is not measured at all.
  EXPECT_FALSE(r->scores.hasMatch);
  for (const SegmentReport& s : r->segments) {
    const bool touches = s.start < 1.5 && s.end > 1.0;
    if (s.reached) {
      EXPECT_EQ(s.scores.hasMatch, !touches) << s.name << " " << s.start << "-" << s.end;
    }
  }
}

// Body shape: the same fault while the expert stands still counts much less than while it moves.
TEST(BodyShapeWeights, StillFramesWeighLessThanMovingOnes) {
  // Expert: still for 2 s, then the right arm abducts and returns over 2 s. Learner A holds the
  // left arm out during the still half, learner B during the moving half (same frames count).
  const Clip expert = abduction(0.0f, 2.0, 2.0, 4.0);
  auto faultDuring = [](double from, double to) {
    return test::makeKinectClip(120, 30.0, [=](int, double t, glm::vec3 (&p)[22]) {
      const double u = std::clamp((t - 2.0) / 2.0, 0.0, 1.0);
      test::abductArms(p, 1.2f * (0.5f - 0.5f * std::cos(2.0f * kPi * static_cast<float>(u))),
                       t >= from && t < to ? 0.35f : 0.0f);
    });
  };
  const Clip stillFault = faultDuring(0.0, 2.0), movingFault = faultDuring(2.0, 4.0);
  auto leftArmShape = [&](const Clip& learner, const ScoringConfig& cfg) {
    const auto r = scorePerformance(expert, learner, cfg);
    EXPECT_TRUE(r.ok());
    for (const GroupReport& g : r->groups)
      if (g.name == "body/left_arm") return g.shapeMm;
    ADD_FAILURE() << "no left arm group";
    return 0.0;
  };
  const ScoringConfig cfg;
  const double still = leftArmShape(stillFault, cfg), moving = leftArmShape(movingFault, cfg);
  EXPECT_GT(moving, 10.0);
  EXPECT_LT(still, 0.3 * moving);
  // With a floor far above the motion every pair weighs alike, and the two faults read the same.
  ScoringConfig alike;
  alike.bodyStillFrameWeight = 1e6;
  EXPECT_NEAR(leftArmShape(stillFault, alike), leftArmShape(movingFault, alike), 0.5);
}

}  // namespace
}  // namespace mimesis
