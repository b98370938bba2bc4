// gainOf (scoring/Gain.hpp), the one gain estimator: the least-squares slope of learner on
// expert, unbiased by noise the expert does not make, gated on the expert's motion; and the
// score report's overall gain is the wrists' pooled gain.
#include <gtest/gtest.h>

#include <cmath>
#include <random>

#include "mimesis/scoring/Gain.hpp"
#include "mimesis/scoring/ScoreReport.hpp"

namespace mimesis {
namespace {

GainSums sumsOf(double gain, double noise, int n, unsigned seed) {
  std::mt19937 rng(seed);
  std::normal_distribution<double> jitter(0.0, 1.0);
  std::vector<double> x(static_cast<std::size_t>(n)), y(x.size());
  double mx = 0, my = 0;
  for (int i = 0; i < n; ++i) {
    x[static_cast<std::size_t>(i)] = 30.0 * std::sin(i * 0.05) + 5.0;
    y[static_cast<std::size_t>(i)] = gain * x[static_cast<std::size_t>(i)] + 40.0 + noise * jitter(rng);
    mx += x[static_cast<std::size_t>(i)];
    my += y[static_cast<std::size_t>(i)];
  }
  mx /= n;
  my /= n;
  GainSums s;
  s.samples = n;
  for (int i = 0; i < n; ++i) {
    s.cross += (x[static_cast<std::size_t>(i)] - mx) * (y[static_cast<std::size_t>(i)] - my);
    s.expertSquares += (x[static_cast<std::size_t>(i)] - mx) * (x[static_cast<std::size_t>(i)] - mx);
  }
  return s;
}

TEST(Gain, IsTheSlopeAndNoiseDoesNotInflateIt) {
  for (double g : {0.0, 0.7, 1.0, 1.3}) {
    const auto clean = gainOf(sumsOf(g, 0.0, 2000, 1), 1.0);
    ASSERT_TRUE(clean.has_value());
    EXPECT_NEAR(*clean, g, 1e-9);
    // 15 units of noise on a 21-unit RMS movement: an amplitude ratio would read ~1.2 at g 0.7.
    const auto noisy = gainOf(sumsOf(g, 15.0, 20000, 2), 1.0);
    ASSERT_TRUE(noisy.has_value());
    EXPECT_NEAR(*noisy, g, 0.02) << g;
  }
}

TEST(Gain, NotMeasuredWhenTheExpertBarelyMoves) {
  const GainSums s = sumsOf(1.0, 0.0, 500, 1);  // RMS about 21
  EXPECT_TRUE(gainOf(s, 20.0).has_value());
  EXPECT_FALSE(gainOf(s, 22.0).has_value());
  EXPECT_FALSE(gainOf(GainSums{}, 0.0).has_value());
}

TEST(Gain, PoolsSumsNotGains) {
  GainSums a = sumsOf(0.5, 0.0, 100, 1), b = sumsOf(1.0, 0.0, 100, 1);
  b.expertSquares *= 3.0;  // b's expert moves more: it weighs more
  b.cross *= 3.0;
  GainSums both = a;
  both += b;
  EXPECT_NEAR(*gainOf(both, 0.0), (0.5 * 1.0 + 1.0 * 3.0) / 4.0, 1e-9);
}

TEST(Gain, OverallIsTheWristsPooledAndFingersOnlyWithoutThem) {
  GroupReport wrist, finger;
  wrist.unit = finger.unit = "right";
  finger.finger = true;
  wrist.hasGain = finger.hasGain = true;
  wrist.gainSums = sumsOf(0.7, 0.0, 200, 1);
  finger.gainSums = sumsOf(0.9, 0.0, 200, 1);
  const GroupReport both[] = {wrist, finger};
  EXPECT_NEAR(*learnerGain(both), 0.7, 1e-9);
  wrist.hasGain = false;
  const GroupReport fingersOnly[] = {wrist, finger};
  EXPECT_NEAR(*learnerGain(fingersOnly), 0.9, 1e-9);
  finger.hasGain = false;
  const GroupReport none[] = {wrist, finger};
  EXPECT_FALSE(learnerGain(none).has_value());
}

}  // namespace
}  // namespace mimesis
