// The policy with simulated learners (mirror-model.md, "What proves it"). Trial errors come from
// the observer's own measurement (lag-corrected fingertip/wrist error), not from the scorer.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <set>

#include "MirrorSessionHarness.hpp"
#include "mimesis/mirror/MirrorJson.hpp"

namespace mimesis {
namespace {

using testing::HarnessSession;
using testing::loadAsset;

LearnerBehaviour improvingLearner() {
  LearnerBehaviour b;
  b.base.lagMs = 500;
  b.base.gain = 0.5;
  b.base.noiseMm = 8;
  b.base.learningRate = 0.6;
  b.base.seed = 3;
  return b;
}

void dump(const HarnessSession& s) {
  for (std::size_t i = 0; i < s.trials.size(); ++i)
    std::printf("trial %zu stage %s opacity %.2f tempo %.2f loop %d view %s score %.1f\n", i,
                std::string(stageName(s.trials[i].stage)).c_str(), s.trials[i].opacity, s.trials[i].tempo,
                s.trials[i].loopedSegment, std::string(viewName(s.trials[i].view)).c_str(), s.trials[i].score);
  for (const Decision& d : s.model.trace().entries())
    std::printf("  t=%.2f trial %d %s %s: %s -> %s (%s %.3f %s %.3f)\n", d.time, d.trial,
                std::string(decisionKindName(d.kind)).c_str(), d.subject.c_str(), d.from.c_str(), d.to.c_str(),
                d.cause.estimate.c_str(), d.cause.value, d.cause.comparison.c_str(), d.cause.threshold);
}

TEST(MirrorPolicy, ImprovingLearnerSeesGhostFadeAndTempoRise) {
  HarnessSession s(MirrorConfig{}, loadAsset("pinch-and-release.mkeys"), improvingLearner());
  for (int i = 0; i < 22; ++i) s.runTrial();
  // The ghost fades: the last guided opacity is below the first.
  float firstGuided = -1.0f, lastGuided = -1.0f;
  for (const auto& r : s.trials)
    if (stageGuided(r.stage)) {
      if (firstGuided < 0.0f) firstGuided = r.opacity;
      lastGuided = r.opacity;
    }
  // The tempo rises after slowing down.
  std::size_t slowest = 0;
  for (std::size_t i = 0; i < s.trials.size(); ++i)
    if (s.trials[i].tempo < s.trials[slowest].tempo) slowest = i;
  float laterMax = 0.0f;
  for (std::size_t i = slowest; i < s.trials.size(); ++i) laterMax = std::max(laterMax, s.trials[i].tempo);
  const bool ok = firstGuided > 0.0f && lastGuided < firstGuided && s.trials[slowest].tempo < 1.0f &&
                  laterMax > s.trials[slowest].tempo && static_cast<int>(s.trials.back().stage) >= static_cast<int>(Stage::Faded);
  if (!ok) dump(s);
  EXPECT_GT(firstGuided, 0.0f);
  EXPECT_LT(lastGuided, firstGuided);
  EXPECT_LT(s.trials[slowest].tempo, 1.0f);
  EXPECT_GT(laterMax, s.trials[slowest].tempo);
  EXPECT_GE(static_cast<int>(s.trials.back().stage), static_cast<int>(Stage::Faded));
}

TEST(MirrorPolicy, StalledSegmentIsLooped) {
  const Clip clip = loadAsset("pinch-and-release.mkeys");
  LearnerBehaviour b = improvingLearner();
  b.stallStart = 1.6;  // segment "lift"
  b.stallEnd = 2.8;
  b.stallGain = 0.3;
  b.stallNoiseMm = 8;
  HarnessSession s(MirrorConfig{}, clip, b);
  for (int i = 0; i < 14; ++i) s.runTrial();
  bool looped = false;
  for (const auto& r : s.trials) looped |= r.loopedSegment == 2;
  if (!looped) dump(s);
  EXPECT_TRUE(looped);
  bool logged = false;
  for (const Decision& d : s.model.trace().entries())
    logged |= d.kind == DecisionKind::LoopSegment && d.subject == "segment 'lift'" && d.to == "loop";
  EXPECT_TRUE(logged);
}

TEST(MirrorPolicy, MirroringLearnerGetsPerspectiveChange) {
  LearnerBehaviour b = improvingLearner();
  b.base.mapping = LearnerParams::Mapping::Mirror;
  HarnessSession s(MirrorConfig{}, loadAsset("point-and-tap.mkeys"), b);
  for (int i = 0; i < 4; ++i) s.runTrial();
  bool changed = false;
  for (const Decision& d : s.model.trace().entries())
    changed |= d.kind == DecisionKind::Perspective && d.to == "first-person" &&
               d.cause.estimate.find("mapping confidence (mirror") == 0;
  if (!changed) dump(s);
  EXPECT_TRUE(changed);
  EXPECT_EQ(s.model.estimates().mapping, ImitationMapping::Mirror);
}

TEST(MirrorPolicy, AnatomicalLearnerKeepsTheFacingView) {
  HarnessSession s(MirrorConfig{}, loadAsset("point-and-tap.mkeys"), improvingLearner());
  for (int i = 0; i < 4; ++i) s.runTrial();
  EXPECT_EQ(s.model.state().view, View::Facing);
}

TEST(MirrorPolicy, GuidanceDependentLearnerIsSteppedBack) {
  LearnerBehaviour b = improvingLearner();
  b.guidanceDependence = 4.0;
  b.dependenceOpacity = 0.04;  // leans on the ghost only once it is gone (Solo)
  HarnessSession s(MirrorConfig{}, loadAsset("pinch-and-release.mkeys"), b);
  bool steppedBack = false;
  for (int i = 0; i < 30 && !steppedBack; ++i) {
    s.runTrial();
    for (const Decision& d : s.model.trace().entries())
      steppedBack |= d.kind == DecisionKind::Stage && d.from == "solo" && d.to == "faded" &&
                     d.cause.estimate == "unguided error / guided error";
  }
  if (!steppedBack) dump(s);
  EXPECT_TRUE(steppedBack);
}

TEST(MirrorPolicy, CueRateNeverExceedsItsCeiling) {
  MirrorConfig config;
  config.cues.maxPerMinute = 6;
  config.cues.minIntervalSeconds = 0.5;
  config.cues.holdSeconds = 1.0;
  LearnerBehaviour b;
  b.base.lagMs = 400;
  b.base.gain = 0.4;
  b.base.noiseMm = 10;
  HarnessSession s(config, loadAsset("fingerspell-cab.mkeys"), b);
  s.captureFrames = true;
  for (int i = 0; i < 20; ++i) s.runTrial();
  std::vector<double> times;
  for (const Decision& d : s.model.trace().entries())
    if (d.kind == DecisionKind::Cue) times.push_back(d.time);
  ASSERT_GT(times.size(), 8u) << "the learner should need cues";
  for (std::size_t i = 0; i < times.size(); ++i) {
    int inMinute = 0;
    for (std::size_t j = i; j < times.size() && times[j] < times[i] + 60.0; ++j) ++inMinute;
    EXPECT_LE(inMinute, config.cues.maxPerMinute) << "window starting at " << times[i];
    if (i > 0) {
      EXPECT_GE(times[i] - times[i - 1], config.cues.minIntervalSeconds - 1e-9);
    }
  }
  for (const FeedbackState& f : s.frameStates) ASSERT_LE(f.cueCount, config.cues.maxActive);
}

TEST(MirrorPolicy, EveryDecisionNamesItsCause) {
  LearnerBehaviour b = improvingLearner();
  b.stallStart = 1.6;
  b.stallEnd = 2.8;
  HarnessSession s(MirrorConfig{}, loadAsset("pinch-and-release.mkeys"), b);
  for (int i = 0; i < 12; ++i) s.runTrial();
  const std::set<std::string> comparisons = {">=", ">", "<=", "<", "=="};
  ASSERT_GT(s.model.trace().size(), 10u);
  std::set<DecisionKind> kinds;
  for (const Decision& d : s.model.trace().entries()) {
    kinds.insert(d.kind);
    EXPECT_FALSE(d.cause.estimate.empty()) << decisionKindName(d.kind);
    EXPECT_TRUE(comparisons.count(d.cause.comparison)) << d.cause.comparison;
    EXPECT_TRUE(std::isfinite(d.cause.value) && std::isfinite(d.cause.threshold));
    EXPECT_FALSE(d.subject.empty());
    EXPECT_NE(d.from, d.to) << decisionKindName(d.kind);
  }
  for (DecisionKind k : {DecisionKind::Stage, DecisionKind::GhostOpacity, DecisionKind::KnowledgeOfResults,
                         DecisionKind::Summary})
    EXPECT_TRUE(kinds.count(k)) << decisionKindName(k);
  // A best attempt is earned: only once a trial passes its stage (MirrorConfig::grades).
  bool passed = false;
  for (const auto& r : s.trials) passed |= stagePerforms(r.stage) && r.score >= MirrorConfig{}.grades.passFor(r.stage);
  EXPECT_EQ(kinds.count(DecisionKind::BestAttempt) > 0, passed);
}

TEST(MirrorPolicy, IdenticalRunsGiveIdenticalTraceBytes) {
  auto run = [] {
    LearnerBehaviour b = improvingLearner();
    b.base.dropout = 0.05;
    HarnessSession s(MirrorConfig{}, loadAsset("hold-and-tap.mkeys"), b);
    for (int i = 0; i < 8; ++i) s.runTrial();
    return decisionTraceToJson(s.model.trace()) + feedbackStateToJson(s.model.state()) +
           estimatesToJson(s.model.estimates());
  };
  const std::string a = run(), b = run();
  EXPECT_GT(a.size(), 1000u);
  EXPECT_EQ(a, b);
  EXPECT_EQ(a.find("NaN"), std::string::npos);
  EXPECT_EQ(a.find("null"), std::string::npos);
}

TEST(MirrorPolicy, KnowledgeOfResultsIsPositiveAndNamesOneFocus) {
  HarnessSession s(MirrorConfig{}, loadAsset("pinch-and-release.mkeys"), improvingLearner());
  for (int i = 0; i < 5; ++i) s.runTrial();
  const std::string& kr = s.model.state().knowledgeOfResults;
  EXPECT_EQ(kr.find("Trial 5: "), 0u) << kr;
  EXPECT_EQ(kr.find("bad"), std::string::npos);
  EXPECT_EQ(kr.find("wrong"), std::string::npos);
  const auto focus = kr.find("focus on");
  const bool allWithin = kr.find("within your targets") != std::string::npos;
  EXPECT_TRUE(focus != std::string::npos || allWithin) << kr;
  if (focus != std::string::npos) {
    EXPECT_EQ(kr.find("focus on", focus + 1), std::string::npos);
  }
}

TEST(MirrorObserverChameleon, WatchingLearnerWhoMovesAlongHasAHighIndex) {
  for (double g : {0.0, 0.8}) {
    MirrorConfig config;
    config.stages.watchTrials = 3;
    LearnerBehaviour b;
    b.base.noiseMm = 2;
    HarnessSession s(config, loadAsset("point-and-tap.mkeys"), b);
    s.watchGain = g;
    for (int i = 0; i < 3; ++i) s.runTrial();
    const ObserverEstimates& e = s.model.estimates();
    if (g == 0.0) {
      EXPECT_LT(e.chameleonIndex, 0.5) << e.chameleonIndex;
    } else {
      EXPECT_GT(e.chameleonIndex, 0.8) << e.chameleonIndex;
    }
  }
}

}  // namespace
}  // namespace mimesis
