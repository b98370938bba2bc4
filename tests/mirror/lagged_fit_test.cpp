// LaggedFit on synthetic signals with exactly known lag, gain and offset.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "mimesis/mirror/LaggedFit.hpp"

namespace mimesis {
namespace {

glm::dvec3 signal(int i) {
  const double t = i / 90.0;
  return {30.0 * std::sin(2.1 * t) + 10.0 * std::sin(5.3 * t), 20.0 * std::cos(1.3 * t),
          15.0 * std::sin(3.7 * t + 0.4)};
}

// Feeds expert = signal(i), learner = gain * signal(i - lag) + offset on one pair.
LagFit run(int lag, double gain, int lagMin = -9, int lagMax = 45, int frames = 600) {
  LaggedFit fit;
  const std::pair<int, int> pairs[] = {{0, 0}};
  fit.configure(1, pairs, 270, lagMin, lagMax);
  for (int i = 0; i < frames; ++i) {
    const glm::dvec3 e = signal(i);
    const glm::dvec3 l = gain * signal(i - lag) + glm::dvec3(5.0, -3.0, 100.0);
    const bool v[] = {true};
    fit.push({&e, 1}, v, {&l, 1}, v);
  }
  return fit.fitPair(0, 1.0);
}

TEST(LaggedFit, RecoversLagGainAndOffsetExactly) {
  for (int lag : {0, 7, 20, 44}) {
    for (double gain : {0.6, 1.0, 1.3}) {
      const LagFit f = run(lag, gain);
      ASSERT_TRUE(f.valid) << lag << " " << gain;
      EXPECT_NEAR(f.lagFrames, lag, 0.05) << lag << " " << gain;
      EXPECT_NEAR(f.gain, gain, 1e-4) << lag << " " << gain;
      EXPECT_NEAR(f.r, 1.0, 1e-6);
      EXPECT_NEAR(f.offset.z, 100.0, 1e-3);
    }
  }
}

TEST(LaggedFit, NegativeLagIsAnticipation) {
  const LagFit f = run(-6, 1.0);
  ASSERT_TRUE(f.valid);
  EXPECT_NEAR(f.lagFrames, -6.0, 0.05);
}

TEST(LaggedFit, NotReadyUntilTheWindowIsFull) {
  EXPECT_FALSE(run(5, 1.0, -9, 45, 200).valid);
}

TEST(LaggedFit, StillExpertGivesNoFit) {
  LaggedFit fit;
  const std::pair<int, int> pairs[] = {{0, 0}};
  fit.configure(1, pairs, 90, 0, 20);
  for (int i = 0; i < 300; ++i) {
    const glm::dvec3 e(1.0, 2.0, 3.0), l = signal(i);
    const bool v[] = {true};
    fit.push({&e, 1}, v, {&l, 1}, v);
  }
  EXPECT_FALSE(fit.fitPair(0, 1.0).valid);
}

}  // namespace
}  // namespace mimesis
