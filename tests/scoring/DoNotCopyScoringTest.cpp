// Do-not-copy spans are shown to the learner but not scored: a learner who departs from the
// expert only inside such a span scores as if they had not.
#include <gtest/gtest.h>

#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

TEST(DoNotCopyScoring, DepartureInsideTheSpanIsNotScored) {
  auto clip = loadKeyframeClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/point-and-tap.mkeys");
  ASSERT_TRUE(clip) << clip.error().describe();
  Clip expert = *clip;
  expert.annotations.clear();
  const double a = 0.25 * expert.duration(), b = 0.5 * expert.duration();
  // The learner copies the expert, but curls every finger joint 3 cm off inside [a, b).
  Clip learner = expert;
  for (Frame& f : learner.frames)
    if (f.time >= a && f.time < b)
      for (HandPose& h : f.hands)
        for (std::size_t j = 2; j < h.joints.size(); ++j) h.joints[j].pose.position += glm::vec3(0.0f, -0.03f, 0.0f);
  ScoringConfig cfg;
  auto plain = scorePerformance(expert, learner, cfg);
  ASSERT_TRUE(plain) << plain.error().describe();
  Clip marked = expert;
  marked.annotations.push_back(Annotation{"do-not-copy", a, b, 0.0, "incidental"});
  auto skipped = scorePerformance(marked, learner, cfg);
  ASSERT_TRUE(skipped) << skipped.error().describe();
  auto perfect = scorePerformance(marked, expert, cfg);
  ASSERT_TRUE(perfect);
  EXPECT_GT(plain->shapeMm, skipped->shapeMm + 2.0) << "without the span the departure counts";
  EXPECT_NEAR(skipped->shapeMm, perfect->shapeMm, 0.5) << "inside the span it does not";
  EXPECT_GT(skipped->score, plain->score + 5.0);
}

}  // namespace
}  // namespace mimesis
