// Tests for simulated learners: determinism, known lag and gain recovered, dropout, mirroring.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>

#include <glm/geometric.hpp>

#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"

namespace mimesis {
namespace {

// An expert with irregular wrist motion (no period to confuse cross-correlation) and curling.
const Clip& expert() {
  static const Clip clip = [] {
    const char* text = R"(mkeys 1
clip irregular
rate 90
hands both
key 0 both
  wrist 0.15 1.20 -0.35
  shape open
key 0.7 right
  wrist 0.22 1.31 -0.40
  shape fist
key 1.1 right
  wrist 0.12 1.24 -0.33
  orient 20 10 -30
key 2.3 right
  wrist 0.19 1.38 -0.42
  shape point
key 2.6 both
  wrist 0.10 1.18 -0.37
  orient -15 30 10
  shape pinch
key 3.9 right
  wrist 0.24 1.29 -0.31
  shape open
key 4.4 both
  wrist 0.14 1.35 -0.40
  orient 0 0 0
  shape fist
key 6.0 right
  wrist 0.18 1.22 -0.36
  shape relaxed
)";
    auto s = parseKeyframes(text, "expert");
    auto c = authorClip(*s);
    return *c;
  }();
  return clip;
}

std::vector<glm::dvec3> wristTrack(const Clip& c, Hand h) {
  std::vector<glm::dvec3> out;
  for (const Frame& f : c.frames) out.push_back(glm::dvec3(f.hand(h).wrist().position));
  return out;
}

// The shift (frames) at which the learner best matches the expert delayed, by normalized
// cross-correlation of mean-removed wrist trajectories.
int estimateLagFrames(const std::vector<glm::dvec3>& e, const std::vector<glm::dvec3>& l, int maxShift) {
  int best = 0;
  double bestScore = -2.0;
  for (int k = 0; k <= maxShift; ++k) {
    const std::size_t n = l.size() - static_cast<std::size_t>(k);
    glm::dvec3 me(0.0), ml(0.0);
    for (std::size_t t = 0; t < n; ++t) { me += e[t]; ml += l[t + k]; }
    me /= double(n); ml /= double(n);
    double sel = 0, see = 0, sll = 0;
    for (std::size_t t = 0; t < n; ++t) {
      const glm::dvec3 a = e[t] - me, b = l[t + k] - ml;
      sel += glm::dot(a, b); see += glm::dot(a, a); sll += glm::dot(b, b);
    }
    const double score = sel / std::sqrt(see * sll);
    if (score > bestScore) { bestScore = score; best = k; }
  }
  return best;
}

TEST(SimulatedLearner, IsDeterministic) {
  LearnerParams p;
  p.noiseMm = 3; p.tremorHz = 6; p.tremorMm = 1.5; p.dropout = 0.1; p.handScale = 0.9; p.gain = 0.8;
  const Clip a = simulateLearner(expert(), p);
  const Clip b = simulateLearner(expert(), p);
  EXPECT_TRUE(a == b);
  ASSERT_EQ(a.frames.size(), b.frames.size());
  for (std::size_t f = 0; f < a.frames.size(); ++f)
    for (int h = 0; h < 2; ++h)
      EXPECT_EQ(std::memcmp(&a.frames[f].hands[h].joints[0].pose.position, &b.frames[f].hands[h].joints[0].pose.position, sizeof(glm::vec3)), 0);
  p.seed = 2;
  EXPECT_FALSE(simulateLearner(expert(), p) == a);
  EXPECT_EQ(a.info.sourceFormat, "simulated");
  EXPECT_EQ(a.info.source, describeLearner(LearnerParams{.lagMs = 150, .gain = 0.8, .noiseMm = 3, .tremorHz = 6,
                                                         .tremorMm = 1.5, .dropout = 0.1, .handScale = 0.9}));
  EXPECT_NE(a.info.source.find("lagMs=150 gain=0.8 noiseMm=3"), std::string::npos);
  EXPECT_TRUE(validateClip(a, "learner").ok());
}

TEST(SimulatedLearner, LagIsRecoveredByCrossCorrelation) {
  for (double lagMs : {0.0, 100.0, 200.0, 333.0}) {
    LearnerParams p;
    p.lagMs = lagMs;
    p.noiseMm = 2;
    const Clip l = simulateLearner(expert(), p);
    ASSERT_EQ(l.frames.size(), expert().frames.size());
    const int k = estimateLagFrames(wristTrack(expert(), Hand::Right), wristTrack(l, Hand::Right), 45);
    EXPECT_NEAR(k, lagMs * 90.0 / 1000.0, 1.0) << "lag " << lagMs << " ms";
  }
}

double spread(const std::vector<glm::dvec3>& v) {
  glm::dvec3 m(0.0);
  for (const auto& x : v) m += x;
  m /= double(v.size());
  double s = 0.0;
  for (const auto& x : v) s += glm::dot(x - m, x - m);
  return std::sqrt(s / double(v.size()));
}

TEST(SimulatedLearner, GainScalesTheMovementAboutTheMean) {
  for (double gain : {0.5, 1.0, 1.4}) {
    LearnerParams p;
    p.lagMs = 0; p.noiseMm = 0; p.gain = gain;
    const Clip l = simulateLearner(expert(), p);
    EXPECT_NEAR(spread(wristTrack(l, Hand::Right)) / spread(wristTrack(expert(), Hand::Right)), gain, 0.01);
    // Curl-like motion scales too: the index MCP flexion (signed angle between the metacarpal
    // and the proximal bone about the metacarpal's flexion axis) varies gain times as much
    // about its mean.
    auto flexion = [](const Clip& c) {
      std::vector<glm::dvec3> out;
      for (const Frame& f : c.frames) {
        const HandPose& hp = f.hand(Hand::Right);
        const glm::vec3 a = hp[HandJoint::IndexProximal].pose.position - hp[HandJoint::IndexMetacarpal].pose.position;
        const glm::vec3 b = hp[HandJoint::IndexIntermediate].pose.position - hp[HandJoint::IndexProximal].pose.position;
        const glm::vec3 axis = hp[HandJoint::IndexMetacarpal].pose.rotate({1, 0, 0});
        out.push_back({std::atan2(double(glm::dot(glm::cross(a, b), axis)), double(glm::dot(a, b))), 0, 0});
      }
      return out;
    };
    EXPECT_NEAR(spread(flexion(l)) / spread(flexion(expert())), gain, 0.05 * gain) << gain;
    // Bones keep the expert's lengths.
    const BoneLengths a = measureBoneLengths(l.frames[200].hand(Hand::Right));
    const BoneLengths b = measureBoneLengths(expert().frames[200].hand(Hand::Right));
    for (int j = 2; j < kHandJointCount; ++j) EXPECT_NEAR(a[j], b[j], 1e-5f);
  }
}

// The expert repeated end to end, `copies` times.
Clip longExpert(int copies) {
  Clip c = expert();
  const std::size_t n = c.frames.size();
  for (int k = 1; k < copies; ++k)
    for (std::size_t f = 0; f < n; ++f) {
      c.frames.push_back(expert().frames[f]);
      c.frames.back().time = static_cast<double>(c.frames.size() - 1) / c.rate;
    }
  return c;
}

TEST(SimulatedLearner, DropoutFractionAndBursts) {
  // Losses come in bursts of ~0.3 s, so the fraction over a minute still varies by a few
  // percent between seeds; the mean over seeds and hands is tight.
  const Clip oneMinute = longExpert(10);
  LearnerParams p;
  p.dropout = 0.2;
  double sum = 0.0;
  for (std::uint64_t seed : {1u, 7u, 42u, 1234u}) {
    p.seed = seed;
    const Clip l = simulateLearner(oneMinute, p);
    for (Hand h : {Hand::Left, Hand::Right}) {
      int dropped = 0, runs = 0;
      bool prev = false;
      for (const Frame& f : l.frames) {
        const bool d = !f.hand(h).active;
        dropped += d;
        runs += d && !prev;
        prev = d;
        if (d) {
          for (const JointPose& j : f.hand(h).joints) EXPECT_EQ(j.flags, 0);
        }
      }
      const double fraction = double(dropped) / double(l.frames.size());
      EXPECT_NEAR(fraction, 0.2, 0.1) << "seed " << seed;
      sum += fraction;
      ASSERT_GT(runs, 0);
      EXPECT_GT(double(dropped) / runs, 10.0);  // bursts, not isolated frames
    }
  }
  EXPECT_NEAR(sum / 8.0, 0.2, 0.03);
  p.dropout = 1.0;
  for (const Frame& f : simulateLearner(expert(), p).frames) EXPECT_FALSE(f.hand(Hand::Right).active);
  p.dropout = 0.0;
  for (const Frame& f : simulateLearner(expert(), p).frames) EXPECT_TRUE(f.hand(Hand::Right).active);
}

TEST(SimulatedLearner, NoiseIsSmoothAndOfTheRequestedSize) {
  LearnerParams p;
  p.lagMs = 0; p.noiseMm = 4;
  const Clip l = simulateLearner(expert(), p);
  double sum = 0.0, step = 0.0;
  std::size_t n = 0;
  for (std::size_t f = 0; f < l.frames.size(); ++f) {
    const glm::dvec3 d = glm::dvec3(l.frames[f].hand(Hand::Right)[HandJoint::MiddleTip].pose.position -
                                    expert().frames[f].hand(Hand::Right)[HandJoint::MiddleTip].pose.position);
    sum += glm::dot(d, d);
    if (f > 0) {
      const glm::dvec3 d0 = glm::dvec3(l.frames[f - 1].hand(Hand::Right)[HandJoint::MiddleTip].pose.position -
                                       expert().frames[f - 1].hand(Hand::Right)[HandJoint::MiddleTip].pose.position);
      step += glm::dot(d - d0, d - d0);
    }
    ++n;
  }
  const double perAxisMm = std::sqrt(sum / double(n) / 3.0) * 1000.0;
  EXPECT_NEAR(perAxisMm, 4.0, 1.5);
  // Low-pass: frame-to-frame change much smaller than the noise itself.
  EXPECT_LT(std::sqrt(step / double(n - 1) / 3.0) * 1000.0, 0.65 * perAxisMm);
}

TEST(SimulatedLearner, TremorMovesTheWholeHand) {
  LearnerParams p;
  p.lagMs = 0; p.noiseMm = 0; p.tremorHz = 8; p.tremorMm = 3;
  const Clip l = simulateLearner(expert(), p);
  double peak = 0.0;
  for (std::size_t f = 0; f < l.frames.size(); ++f) {
    const HandPose& a = l.frames[f].hand(Hand::Right);
    const HandPose& b = expert().frames[f].hand(Hand::Right);
    const glm::vec3 dw = a.wrist().position - b.wrist().position;
    const glm::vec3 dt = a[HandJoint::IndexTip].pose.position - b[HandJoint::IndexTip].pose.position;
    EXPECT_NEAR(glm::length(dw - dt), 0.0f, 1e-5f);
    peak = std::max(peak, double(glm::length(dw)));
  }
  EXPECT_NEAR(peak * 1000.0, 3.0, 0.1);
}

TEST(SimulatedLearner, MirrorMappingSwapsHands) {
  Clip rightOnly = expert();
  for (Frame& f : rightOnly.frames) f.hand(Hand::Left) = HandPose{};
  LearnerParams p;
  p.lagMs = 0; p.noiseMm = 0; p.mapping = LearnerParams::Mapping::Mirror;
  const Clip l = simulateLearner(rightOnly, p);
  for (std::size_t f = 0; f < l.frames.size(); ++f) {
    EXPECT_FALSE(l.frames[f].hand(Hand::Right).active);
    ASSERT_TRUE(l.frames[f].hand(Hand::Left).active);
    const glm::vec3 e = rightOnly.frames[f].hand(Hand::Right)[HandJoint::IndexTip].pose.position;
    const glm::vec3 m = l.frames[f].hand(Hand::Left)[HandJoint::IndexTip].pose.position;
    EXPECT_NEAR(m.x, -e.x, 1e-6f);
    EXPECT_NEAR(m.y, e.y, 1e-6f);
  }
}

TEST(SimulatedLearner, HandScaleAndLearning) {
  LearnerParams p;
  p.noiseMm = 0; p.handScale = 0.85;
  const Clip l = simulateLearner(expert(), p);
  const BoneLengths b = measureBoneLengths(l.frames[100].hand(Hand::Right));
  for (int j = 2; j < kHandJointCount; ++j) EXPECT_NEAR(b[j], defaultBoneLengths()[j] * 0.85f, 1e-5f);
  // Practice: lag 300 ms with learning rate 1 is 75 ms at trial 3.
  p.handScale = 1.0; p.lagMs = 300; p.learningRate = 1.0;
  const Clip t3 = simulateLearner(expert(), p, 3);
  const int k = estimateLagFrames(wristTrack(expert(), Hand::Right), wristTrack(t3, Hand::Right), 45);
  EXPECT_NEAR(k, 75.0 * 90.0 / 1000.0, 1.0);
  EXPECT_NE(t3.info.source.find("trial=3"), std::string::npos);
}

bool allFinite(const Clip& c) {
  for (const Frame& f : c.frames) {
    if (!std::isfinite(f.time)) return false;
    for (const HandPose& h : f.hands)
      for (const JointPose& j : h.joints)
        if (!isFinite(j.pose) || !std::isfinite(j.radius)) return false;
  }
  return true;
}

TEST(SimulatedLearner, NoNaNWithAnyParams) {
  const double nan = std::numeric_limits<double>::quiet_NaN(), inf = std::numeric_limits<double>::infinity();
  const std::vector<double> weird = {nan, inf, -inf, -1.0, 0.0, 1e300, -1e300};
  for (double v : weird) {
    LearnerParams p;
    p.lagMs = v; p.gain = v; p.noiseMm = v; p.tremorHz = v; p.tremorMm = v; p.dropout = v;
    p.handScale = v; p.learningRate = v; p.rate = v;
    for (int trial : {-5, 0, 1000000}) {
      const Clip l = simulateLearner(expert(), p, trial);
      EXPECT_TRUE(allFinite(l)) << v;
      EXPECT_TRUE(validateClip(l, "learner").ok()) << v;
      EXPECT_GT(l.frames.size(), 0u);
    }
  }
  LearnerParams p;
  p.mapping = static_cast<LearnerParams::Mapping>(7);  // garbage enum: treated as anatomical
  EXPECT_TRUE(allFinite(simulateLearner(expert(), p)));
  const Clip empty = simulateLearner(Clip{}, p);
  EXPECT_TRUE(empty.frames.empty());
  EXPECT_EQ(empty.info.sourceFormat, "simulated");
}

}  // namespace
}  // namespace mimesis
