// Causes that can fail (issue 16, item 1): every decision a lesson produces compares a measured
// quantity with a threshold a setting owns, and the comparison is false for some value the
// quantity can take. A cause such as "trial score >= 0" or "stage guided == guided" explains
// nothing and fails here.
#include <gtest/gtest.h>

#include <map>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "MirrorSessionHarness.hpp"

namespace mimesis {
namespace {

using testing::HarnessSession;
using testing::loadAsset;

// Every key a scene can set that a threshold may come from: the mirror settings and the
// per-stage pass scores.
std::set<std::string> settingKeys() {
  std::set<std::string> keys;
  const nlohmann::json j = nlohmann::json::parse(mirrorConfigToJson(MirrorConfig{}));
  for (auto sec = j.begin(); sec != j.end(); ++sec)
    for (auto kv = sec.value().begin(); kv != sec.value().end(); ++kv) keys.insert(sec.key() + "." + kv.key());
  for (int s = 0; s < kStageCount; ++s) keys.insert("stages." + std::string(stageName(static_cast<Stage>(s))) + ".passScore");
  return keys;
}

std::vector<std::string> splitKeys(const std::string& joined) {
  std::vector<std::string> out;
  std::stringstream ss(joined);
  for (std::string k; std::getline(ss, k, ',');) out.push_back(k);
  return out;
}

LearnerBehaviour learner(double lagMs, double gain, double noiseMm, double rate, std::uint64_t seed) {
  LearnerBehaviour b;
  b.base.lagMs = lagMs;
  b.base.gain = gain;
  b.base.noiseMm = noiseMm;
  b.base.learningRate = rate;
  b.base.seed = seed;
  return b;
}

// Lessons that between them produce every kind of decision.
std::vector<Decision> decisionsOfSeveralLessons() {
  std::vector<Decision> all;
  auto run = [&](const MirrorConfig& c, const char* clip, LearnerBehaviour b, int trials) {
    HarnessSession s(c, loadAsset(clip), b);
    for (int i = 0; i < trials; ++i) s.runTrial();
    const auto& e = s.model.trace().entries();
    all.insert(all.end(), e.begin(), e.end());
  };
  run(MirrorConfig{}, "pinch-and-release.mkeys", learner(500, 0.5, 8, 0.6, 3), 22);  // improves
  LearnerBehaviour stall = learner(500, 0.5, 8, 0.6, 3);
  stall.stallStart = 1.6;
  stall.stallEnd = 2.8;
  stall.stallGain = 0.3;
  run(MirrorConfig{}, "pinch-and-release.mkeys", stall, 14);                         // part practice
  run(MirrorConfig{}, "pinch-and-release.mkeys", learner(600, 0.3, 15, 0.0, 5), 10);  // bad everywhere
  LearnerBehaviour mirror = learner(500, 0.5, 8, 0.6, 3);
  mirror.base.mapping = LearnerParams::Mapping::Mirror;
  run(MirrorConfig{}, "point-and-tap.mkeys", mirror, 4);                              // confusion
  LearnerBehaviour dependent = learner(500, 0.5, 8, 0.6, 3);
  dependent.guidanceDependence = 4.0;
  dependent.dependenceOpacity = 0.04;
  run(MirrorConfig{}, "pinch-and-release.mkeys", dependent, 30);                     // step back
  // Rapport: a watching learner whose head is tracked (the simulated learners have none).
  MirrorConfig rapport;
  rapport.rapport.enabled = true;
  rapport.rapport.delaySeconds = 0.5;
  const Clip clip = loadAsset("fist-pumps.mkeys");
  MirrorModel model(rapport, LessonLayout::fromClip(clip));
  model.start(0.0);
  model.beginTrial();
  for (int i = 0; i < 90; ++i) {
    Frame learnerFrame = clip.frames[static_cast<std::size_t>(i) % clip.frames.size()];
    learnerFrame.hasHead = i < 60;  // tracked for 2/3 s, then lost
    learnerFrame.head.orientation = glm::angleAxis(0.01f * static_cast<float>(i), glm::vec3(0, 1, 0));
    ObservedFrame f;
    f.time = i / 90.0;
    f.expert = &clip.frames[static_cast<std::size_t>(i) % clip.frames.size()];
    f.learner = &learnerFrame;
    f.stage = model.state().stage;
    model.update(f);
  }
  const auto& e = model.trace().entries();
  all.insert(all.end(), e.begin(), e.end());
  return all;
}

TEST(CauseFalsifiability, TautologiesAreRecognised) {
  EXPECT_FALSE(causeCanFail({"trial score", 50, ">=", 0, "x", 0, 100}));
  EXPECT_FALSE(causeCanFail({"stage guided", 2, "==", 2, "x", 2, 2}));
  EXPECT_FALSE(causeCanFail({"mastery", 0.5, "<=", 1, "x", 0, 1}));
  EXPECT_TRUE(causeCanFail({"mastery", 0.9, ">=", 0.8, "x", 0, 1}));
  EXPECT_TRUE(causeCanFail({"trial score", 40, "<", 70, "x", 0, 100}));
}

TEST(CauseFalsifiability, EveryDecisionKindOfALessonHasACauseThatCanFail) {
  const std::set<std::string> keys = settingKeys();
  std::map<DecisionKind, int> kinds;
  for (const Decision& d : decisionsOfSeveralLessons()) {
    ++kinds[d.kind];
    const std::string what = std::string(decisionKindName(d.kind)) + " '" + d.subject + "' because " + d.cause.estimate +
                             " " + formatFixed(d.cause.value) + " " + d.cause.comparison + " " +
                             formatFixed(d.cause.threshold) + " [" + d.cause.thresholdKey + "]";
    EXPECT_TRUE(causeCanFail(d.cause)) << "true for every value in [" << d.cause.valueMin << ", " << d.cause.valueMax
                                       << "]: " << what;
    EXPECT_GE(d.cause.value, d.cause.valueMin) << what;
    EXPECT_LE(d.cause.value, d.cause.valueMax) << what;
    ASSERT_FALSE(d.cause.thresholdKey.empty()) << what;
    for (const std::string& k : splitKeys(d.cause.thresholdKey)) {
      EXPECT_TRUE(keys.count(k)) << "threshold key '" << k << "' is no setting: " << what;
      EXPECT_NE(k, d.cause.estimate) << "compared with itself: " << what;
    }
  }
  for (DecisionKind k : {DecisionKind::Stage, DecisionKind::GhostOpacity, DecisionKind::Tempo, DecisionKind::LoopSegment,
                         DecisionKind::Cue, DecisionKind::Perspective, DecisionKind::KnowledgeOfResults,
                         DecisionKind::Tolerance, DecisionKind::Summary, DecisionKind::ShowMe, DecisionKind::BestAttempt,
                         DecisionKind::AnticipationLead, DecisionKind::Rapport, DecisionKind::OverImitation,
                         DecisionKind::MappingHint})
    EXPECT_GT(kinds[k], 0) << "no lesson produced " << decisionKindName(k);
}

}  // namespace
}  // namespace mimesis
