// Body clips (issue 17): body shape is scored at a nominal body size (the reference grows with
// the learner's reach) and a nominal size of movement (the expert's excursion), and a body
// skeleton's own head joint anchors the hands' placement instead of each hand's first pose.
#include <gtest/gtest.h>

#include <cmath>

#include <glm/gtc/quaternion.hpp>

#include "BodyTestClips.hpp"
#include "ScoringTestClips.hpp"
#include "mimesis/motion/Skeleton.hpp"
#include "mimesis/scoring/MotionStream.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

// A right-arm abduction over 3 s up to `abductionRad`; `leftArmRad` holds the left arm out (the
// fault), `scale` scales the whole body about the origin (a taller or shorter person doing the same).
Clip makeBodyClip(float leftArmRad, float scale, float abductionRad = 1.2f) {
  return test::makeKinectClip(90, 30.0, [&](int, double t, glm::vec3 (&p)[22]) {
    test::abductArms(p, abductionRad * (0.5f - 0.5f * std::cos(2.0f * 3.14159265f * static_cast<float>(t) / 3.0f)), leftArmRad);
    for (glm::vec3& q : p) q *= scale;
  });
}

TEST(BodyNormalisation, ReachIsTheLongestRootToExtremityChain) {
  const Clip c = makeBodyClip(0.0f, 1.0f);
  // waist-spine-chest-collar-upper arm-forearm-hand: 0.15 + 0.2 + ~0.128 + 0.12 + 0.28 + 0.25.
  EXPECT_NEAR(measureBodyReach(c), 1.128f, 0.002f);
  EXPECT_NEAR(measureBodyReach(makeBodyClip(0.0f, 1.3f)), 1.3f * 1.128f, 0.003f);
}

TEST(BodyNormalisation, SameFaultOnALargerBodyScoresTheSame) {
  const auto small = scorePerformance(makeBodyClip(0.0f, 1.0f), makeBodyClip(0.35f, 1.0f), ScoringConfig{});
  const auto large = scorePerformance(makeBodyClip(0.0f, 1.3f), makeBodyClip(0.35f, 1.3f), ScoringConfig{});
  ASSERT_TRUE(small.ok() && large.ok());
  // Errors are reported in the learner's millimetres ...
  ASSERT_GT(small->shapeMm, 5.0);
  EXPECT_NEAR(large->shapeMm / small->shapeMm, 1.3, 0.02);
  // ... and scored relative to the learner's size: without the normalisation the larger body's
  // shape score would be exp(-0.3 e / ref) lower (about 10 points here).
  EXPECT_NEAR(large->scores.shape, small->scores.shape, 0.3);
  EXPECT_LT(small->scores.shape, 99.0);
}

TEST(BodyNormalisation, ExcursionIsHowFarTheJointsTravelAboutTheRoot) {
  EXPECT_LT(measureBodyExcursion(makeBodyClip(0.0f, 1.0f, 0.0f)), 1e-6f);  // standing still
  const float wide = measureBodyExcursion(makeBodyClip(0.0f, 1.0f, 1.2f));
  const float narrow = measureBodyExcursion(makeBodyClip(0.0f, 1.0f, 0.3f));
  EXPECT_GT(wide, 0.01f);  // 2 of 21 joints move: ~16 mm
  EXPECT_GT(wide / narrow, 3.0f);  // a chord grows about linearly with the angle at these sizes
  EXPECT_NEAR(measureBodyExcursion(makeBodyClip(0.0f, 1.3f, 1.2f)) / wide, 1.3f, 0.01f);
  // Holding the other arm out is a place, not a movement: no excursion added.
  EXPECT_NEAR(measureBodyExcursion(makeBodyClip(0.35f, 1.0f, 1.2f)), wide, 1e-5f);
}

TEST(BodyNormalisation, SameErrorInASmallerMovementScoresLower) {
  // The same fault (left arm held 0.35 rad out) in a wide and in a narrow abduction lesson.
  auto run = [](float amplitude, const ScoringConfig& cfg) {
    return scorePerformance(makeBodyClip(0.0f, 1.0f, amplitude), makeBodyClip(0.35f, 1.0f, amplitude), cfg);
  };
  // Only 2 of 21 joints move here, so the nominal excursion is lowered to keep both lessons
  // inside the reference's clamp (0.1x..10x the nominal).
  ScoringConfig cfg;
  cfg.references.nominalBodyExcursion = 0.01;
  const auto wide = run(1.2f, cfg), narrow = run(0.3f, cfg);
  ASSERT_TRUE(wide.ok() && narrow.ok());
  ASSERT_GT(wide->shapeMm, 5.0);
  EXPECT_NEAR(narrow->shapeMm / wide->shapeMm, 1.0, 0.02);  // the same error in millimetres ...
  // ... against a reference that grows with the lesson's excursion^0.25: -ln(score/100) = e/ref.
  const double excursionRatio = measureBodyExcursion(makeBodyClip(0.0f, 1.0f, 1.2f)) /
                                measureBodyExcursion(makeBodyClip(0.0f, 1.0f, 0.3f));
  const double lossWide = -std::log(wide->scores.shape / 100.0) / wide->shapeMm;
  const double lossNarrow = -std::log(narrow->scores.shape / 100.0) / narrow->shapeMm;
  EXPECT_NEAR(lossNarrow / lossWide, std::pow(excursionRatio, 0.25), 0.01);
  EXPECT_GT(wide->scores.shape, narrow->scores.shape + 2.0);
  ScoringConfig off = cfg;
  off.references.bodyExcursionExponent = 0.0;  // without it the two read alike
  const auto wideOff = run(1.2f, off), narrowOff = run(0.3f, off);
  ASSERT_TRUE(wideOff.ok() && narrowOff.ok());
  EXPECT_NEAR(wideOff->scores.shape, narrowOff->scores.shape, 1.0);
}

TEST(BodyNormalisation, BodyClipsAnchorTheHandsAtTheBodyHead) {
  test::HandClipSpec spec;
  spec.seconds = 3.0;
  spec.rate = 30.0;
  Clip expert = test::makeHandClip(spec);
  spec.offset = glm::vec3(0.0f, 0.15f, 0.0f);  // the learner holds both hands 15 cm higher
  Clip learner = test::makeHandClip(spec);
  const Clip body = makeBodyClip(0.0f, 1.0f);
  for (Clip* c : {&expert, &learner}) {
    c->body = body.body;
    for (std::size_t i = 0; i < c->frames.size(); ++i) c->frames[i].body = body.frames[i].body;
  }
  const auto r = scorePerformance(expert, learner, ScoringConfig{});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->anchor, "body-head");
  bool seen = false;
  for (const GroupReport& g : r->groups)
    if (g.name == "right/wrist" || g.name == "left/wrist") {
      seen = true;
      // Against each hand's first pose the offset would vanish (placement ~0 mm).
      EXPECT_NEAR(g.placementMm, 150.0, 5.0) << g.name;
    }
  EXPECT_TRUE(seen);
  const auto self = scorePerformance(expert, expert, ScoringConfig{});
  ASSERT_TRUE(self.ok());
  EXPECT_DOUBLE_EQ(self->score, 100.0);
}

}  // namespace
}  // namespace mimesis
