// Offline scorer: identity, determinism, monotonicity, invariance, recovery of known faults.
#include <gtest/gtest.h>

#include <cmath>

#include "ScoringTestClips.hpp"
#include "mimesis/motion/Mirroring.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

using test::HandClipSpec;
using test::makeHandClip;

ScoreReport score(const Clip& e, const Clip& l, ScoringConfig cfg = {}) {
  auto r = scorePerformance(e, l, cfg);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return r.ok() ? r.value() : ScoreReport{};
}

const GroupReport* group(const ScoreReport& r, const std::string& name) {
  for (const GroupReport& g : r.groups)
    if (g.name == name) return &g;
  return nullptr;
}

LearnerParams clean() {
  LearnerParams p;
  p.lagMs = 0;
  p.noiseMm = 0;
  p.gain = 1.0;
  return p;
}

TEST(Scorer, IdentityScoresHundredWithZeroErrors) {
  HandClipSpec spec;
  spec.pausePeriod = 2.0;
  const Clip e = makeHandClip(spec);
  const ScoreReport r = score(e, e);
  EXPECT_NEAR(r.score, 100.0, 1e-3);
  EXPECT_EQ(r.grade, Grade::Perfect);
  EXPECT_LT(r.shapeMm, 1e-3);
  EXPECT_LT(r.postureDeg, 0.05);
  EXPECT_LT(r.placementMm, 1e-3);
  EXPECT_EQ(r.lagMs, 0.0);
  EXPECT_NEAR(r.coverage, 1.0, 1e-9);
  EXPECT_NEAR(r.validity, 1.0, 1e-9);
  ASSERT_TRUE(r.hasGain);
  EXPECT_NEAR(r.gain, 1.0, 1e-3);
  ASSERT_EQ(r.groups.size(), 12u);
  for (const GroupReport& g : r.groups) {
    EXPECT_NEAR(g.score, 100.0, 1e-3) << g.name;
    EXPECT_EQ(g.diagnosis, std::vector<std::string>{"good"}) << g.name;
  }
  EXPECT_EQ(r.diagnosis, std::vector<std::string>{"good"});
  EXPECT_GE(r.segments.size(), 2u);  // automatic segmentation at speed minima
  for (const SegmentReport& s : r.segments) {
    EXPECT_TRUE(s.automatic);
    EXPECT_EQ(s.grade, Grade::Perfect) << s.name;
  }
}

TEST(Scorer, IdenticalInputsGiveIdenticalBytes) {
  HandClipSpec spec;
  spec.namedSegments = true;
  const Clip e = makeHandClip(spec);
  LearnerParams p;
  p.noiseMm = 3;
  p.lagMs = 120;
  p.dropout = 0.1;
  const Clip l = simulateLearner(e, p);
  const ScoreReport a = score(e, l), b = score(e, l);
  EXPECT_EQ(toJson(a), toJson(b));
  EXPECT_EQ(toCsv(a), toCsv(b));
  EXPECT_EQ(formatTable(a), formatTable(b));
  const std::string json = toJson(a);
  for (const char* key : {"\"score\"", "\"lag_ms\"", "\"gain\"", "\"mapping\"", "\"mapping_confidence\"",
                          "\"coverage\"", "\"validity\"", "\"groups\"", "\"segments\"", "\"diagnosis\"", "\"grade\""})
    EXPECT_NE(json.find(key), std::string::npos) << key;
  ASSERT_EQ(a.segments.size(), 3u);
  EXPECT_EQ(a.segments[1].name, "curl");
  EXPECT_NE(toCsv(a).find("curl,right/index,"), std::string::npos);
  std::cout << formatTable(a);
}

TEST(Scorer, NoiseLowersShapeAndScoreMonotonically) {
  const Clip e = makeHandClip({});
  double lastShape = -1, lastScore = 101;
  for (double noise : {0.0, 2.0, 5.0, 10.0}) {
    LearnerParams p = clean();
    p.noiseMm = noise;
    const ScoreReport r = score(e, simulateLearner(e, p));
    EXPECT_GT(r.shapeMm, lastShape) << noise;
    EXPECT_LT(r.score, lastScore) << noise;
    lastShape = r.shapeMm;
    lastScore = r.score;
  }
}

TEST(Scorer, LagIsRecoveredAndLowersTimingMonotonically) {
  const Clip e = makeHandClip({});
  double lastTiming = 101, lastScore = 101;
  for (double lag : {0.0, 100.0, 200.0, 400.0}) {
    LearnerParams p = clean();
    p.lagMs = lag;
    const ScoreReport r = score(e, simulateLearner(e, p));
    EXPECT_NEAR(r.lagMs, lag, 1000.0 / 90.0 + 1e-6) << lag;  // ±1 frame
    if (lag > 0) {
      EXPECT_LT(r.scores.timing, lastTiming) << lag;
      EXPECT_LT(r.score, lastScore) << lag;
    }
    lastTiming = r.scores.timing;
    lastScore = r.score;
  }
}

TEST(Scorer, GainIsRecoveredAndAmplitudeLossLowersScore) {
  const Clip e = makeHandClip({});
  double lastScore = 101, lastGain = 2;
  for (double gain : {1.0, 0.8, 0.6, 0.4}) {
    LearnerParams p = clean();
    p.gain = gain;
    const ScoreReport r = score(e, simulateLearner(e, p));
    ASSERT_TRUE(r.hasGain);
    // The simulated learner scales the wrist path exactly; finger shapes are scaled and then
    // given back their bone lengths, so their amplitude shrinks less: only the order is pinned.
    EXPECT_LT(r.gain, lastGain) << gain;
    lastGain = r.gain;
    for (const char* name : {"left/wrist", "right/wrist"}) {
      const GroupReport* w = group(r, name);
      ASSERT_NE(w, nullptr);
      EXPECT_NEAR(w->gain, gain, 0.05) << gain << " " << name;
    }
    EXPECT_LT(r.score, lastScore + (gain == 1.0 ? 1.0 : 0.0)) << gain;
    lastScore = r.score;
  }
}

TEST(Scorer, FingerFreezeLowersThatFingerMonotonically) {
  const Clip e = makeHandClip({});
  double lastShape = -1, lastScore = 101;
  for (double from : {1e9, 4.5, 3.0, 1.5, 0.0}) {
    HandClipSpec s;
    s.freezeIndexFrom = from;
    const ScoreReport r = score(e, makeHandClip(s));
    const GroupReport* g = group(r, "right/index");
    ASSERT_NE(g, nullptr);
    EXPECT_GT(g->shapeMm, lastShape) << from;
    EXPECT_LT(g->score, lastScore) << from;
    lastShape = g->shapeMm;
    lastScore = g->score;
    if (from == 0.0) {
      EXPECT_NE(g->diagnosis.front().find("right index finger does not move"), std::string::npos) << g->diagnosis.front();
    }
  }
}

TEST(Scorer, InvariantToTranslationAndHandSize) {
  const Clip e = makeHandClip({});
  HandClipSpec moved;
  moved.offset = glm::vec3(1.5f, -0.4f, 2.0f);
  const ScoreReport t = score(e, makeHandClip(moved));
  EXPECT_GT(t.score, 99.9) << formatTable(t);
  HandClipSpec big;
  big.handScale = 1.25f;
  const ScoreReport r = score(e, makeHandClip(big));
  EXPECT_GT(r.score, 99.0);
  EXPECT_LT(r.shapeMm, 1.0);
}

TEST(Scorer, MirroredPerformanceUnderMirrorMapping) {
  const Clip e = makeHandClip({});
  const Clip l = mirrorClip(e);
  ScoringConfig cfg;
  cfg.mapping = Mapping::Mirror;
  EXPECT_GT(score(e, l, cfg).score, 99.9);
  cfg.mapping = Mapping::Auto;
  const ScoreReport a = score(e, l, cfg);
  EXPECT_EQ(a.mapping, Mapping::Mirror);
  EXPECT_GT(a.mappingConfidence, 0.5);
  EXPECT_GT(a.score, 99.9);
  EXPECT_NE(a.diagnosis.front().find("hands mirrored"), std::string::npos);
  const ScoreReport n = score(e, e, cfg);
  EXPECT_EQ(n.mapping, Mapping::Anatomical);
  EXPECT_GT(n.mappingConfidence, 0.5);
  cfg.mapping = Mapping::Anatomical;
  EXPECT_LT(score(e, l, cfg).score, 80.0);
}

TEST(Scorer, UnfinishedAttemptReportsCoverage) {
  HandClipSpec spec;
  spec.namedSegments = true;
  const Clip e = makeHandClip(spec);
  Clip l = e;
  l.segments.clear();
  l.frames.resize(l.frames.size() * 6 / 10);
  const ScoreReport r = score(e, l);
  EXPECT_NEAR(r.coverage, 0.6, 0.03);
  ASSERT_EQ(r.segments.size(), 3u);
  EXPECT_EQ(r.segments[0].grade, Grade::Perfect);
  EXPECT_FALSE(r.segments[2].reached);
  EXPECT_EQ(r.segments[2].grade, Grade::Miss);
  EXPECT_NE(r.diagnosis.front().find("stopped at"), std::string::npos);
}

TEST(Scorer, NaNInfAndDropoutNeverLeakIntoOutputs) {
  const Clip e = makeHandClip({});
  LearnerParams p = clean();
  p.dropout = 0.3;
  p.noiseMm = 2;
  Clip l = simulateLearner(e, p);
  const float bad[] = {std::nanf(""), INFINITY, -INFINITY};
  for (std::size_t f = 0; f < l.frames.size(); f += 7) {
    HandPose& h = l.frames[f].hand(f % 2 ? Hand::Left : Hand::Right);
    h.joints[static_cast<std::size_t>(f % kHandJointCount)].pose.position.y = bad[f % 3];
    h.joints[static_cast<std::size_t>(f % kHandJointCount)].flags = kJointFullyTracked;
    if (f % 21 == 0) h.joints[1].pose.orientation.w = std::nanf("");
  }
  const ScoreReport r = score(e, l);
  EXPECT_TRUE(std::isfinite(r.score));
  EXPECT_LT(r.validity, 0.9);
  EXPECT_GT(r.validity, 0.4);
  const std::string all = toJson(r) + toCsv(r) + formatTable(r);
  for (const char* s : {"nan", "NaN", "inf", "Inf"}) EXPECT_EQ(all.find(s), std::string::npos) << s;
  // The same with NaN in the expert.
  const ScoreReport r2 = score(l, e);
  EXPECT_TRUE(std::isfinite(r2.score));
}

TEST(Scorer, RejectsUnscorableInputsWithErrors) {
  const Clip e = makeHandClip({});
  Clip untracked = e;
  for (Frame& f : untracked.frames) f.hands = {};
  auto r = scorePerformance(e, untracked, {});
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::BadInput);
  Clip backwards = e;
  backwards.frames[5].time = backwards.frames[4].time;
  EXPECT_FALSE(scorePerformance(backwards, e, {}).ok());
  Clip empty;
  EXPECT_FALSE(scorePerformance(e, empty, {}).ok());
  Clip badRate = e;
  badRate.rate = std::nan("");
  EXPECT_FALSE(scorePerformance(badRate, e, {}).ok());
}

TEST(Scorer, TremorIsDiagnosed) {
  const Clip e = makeHandClip({});
  LearnerParams p = clean();
  p.tremorHz = 8;
  p.tremorMm = 4;
  const ScoreReport r = score(e, simulateLearner(e, p));
  const GroupReport* w = group(r, "left/wrist");
  ASSERT_NE(w, nullptr);
  bool found = false;
  for (const auto& d : w->diagnosis) found = found || d == "tremor in the left wrist";
  EXPECT_TRUE(found) << w->diagnosis.front() << " tremor " << w->tremorMm;
}

}  // namespace
}  // namespace mimesis
