// The headless lesson end to end: identical bytes on a re-run, an improving simulated learner
// sees the ghost fade, the tempo recover and the stage advance, every decision names its cause,
// and a recorded session replays through RecordingSource.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/RecordingSource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

// A short one-handed clip and a lesson that moves quickly (no watch/imagine trials, K = 2).
Lesson quickLesson(const std::filesystem::path& dir) {
  return lessonFromScene(dir, "quick.json", R"({
    "clip": ")" + assetPath("thumbs-up.mkeys") + R"(",
    "trials": 8,
    "mirror": {
      "stages": {"watchTrials": 1, "imagineTrials": 0, "advanceTrials": 2, "advanceMastery": 0.7},
      "tolerance": {"initial": 0.25, "final": 0.12}
    }
  })");
}

const char* kReportFiles[] = {"trace.json", "trials.json", "feedback.jsonl", "session.mrec", "summary.json"};

TEST(HeadlessLesson, SameRunSameBytes) {
  const auto dir = sessionTempDir("determinism");
  const Lesson lesson = quickLesson(dir);
  ASSERT_FALSE(lesson.clip.frames.empty());
  for (const char* run : {"a", "b"}) {
    SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
    Result<HeadlessResult> r = runHeadlessLesson(lesson, source, 4, (dir / run).string());
    ASSERT_TRUE(r.ok()) << r.error().describe();
  }
  for (const char* f : kReportFiles) {
    const std::string a = readBytes(dir / "a" / f), b = readBytes(dir / "b" / f);
    EXPECT_FALSE(a.empty()) << f;
    EXPECT_TRUE(a == b) << f << " differs between two identical runs";
  }
}

TEST(HeadlessLesson, ImprovingLearnerFadesGhostAndAdvances) {
  const auto dir = sessionTempDir("improving");
  const Lesson lesson = quickLesson(dir);
  ASSERT_FALSE(lesson.clip.frames.empty());
  LearnerBehaviour b = SimulatedLearnerSource::improvingLearner();
  b.base.lagMs = 400.0;  // late enough at first for the tempo to drop (350 sat at the 300 ms threshold)
  b.base.learningRate = 1.5;
  SimulatedLearnerSource source(b);
  Result<HeadlessResult> r = runHeadlessLesson(lesson, source, 8, (dir / "report").string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const auto& trials = r->trials;
  ASSERT_GE(trials.size(), 5u);
  for (const TrialRecord& t : trials)
    std::printf("trial %d %s opacity %.2f tempo %.2f score %.1f scored %d %s\n", t.trial,
                std::string(stageName(t.stage)).c_str(), t.ghostOpacity, t.tempo, t.score, t.scored,
                t.knowledgeOfResults.c_str());
  // Performed trials are scored by the offline scorer.
  int scored = 0;
  for (const TrialRecord& t : trials) scored += t.scored ? 1 : 0;
  EXPECT_GE(scored, 4);
  EXPECT_GT(trials.back().score, trials[1].score) << "the learner improves";
  // The ghost fades below its guided ceiling, the stage advances past Guided, tempo ends at 1.
  float firstGuidedOpacity = -1.0f, lastOpacity = 1.0f;
  for (const TrialRecord& t : trials)
    if (stageGuided(t.stage)) {
      if (firstGuidedOpacity < 0.0f) firstGuidedOpacity = t.ghostOpacity;
      lastOpacity = t.ghostOpacity;
    }
  const FeedbackState& fin = r->finalState;
  const float finalOpacity = stageGuided(fin.stage) ? fin.ghostOpacity : 0.0f;
  EXPECT_LT(std::min(lastOpacity, finalOpacity), firstGuidedOpacity);
  EXPECT_GT(static_cast<int>(fin.stage), static_cast<int>(Stage::Guided)) << stageName(fin.stage);
  float minTempo = 1.0f;
  for (const TrialRecord& t : trials) minTempo = std::min(minTempo, t.tempo);
  EXPECT_LT(minTempo, 1.0f) << "a learner 350 ms late is slowed down at first";
  EXPECT_FLOAT_EQ(fin.tempo, 1.0f) << "and the tempo returns to 1 as the learner improves";
}

TEST(HeadlessLesson, EveryTraceEntryNamesItsCause) {
  const auto dir = sessionTempDir("trace");
  const Lesson lesson = quickLesson(dir);
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  Result<HeadlessResult> r = runHeadlessLesson(lesson, source, 3, (dir / "report").string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const auto trace = nlohmann::json::parse(readBytes(dir / "report" / "trace.json"));
  ASSERT_TRUE(trace.is_array());
  ASSERT_FALSE(trace.empty());
  for (const auto& d : trace) {
    ASSERT_TRUE(d.contains("cause")) << d.dump();
    EXPECT_FALSE(d["cause"]["estimate"].get<std::string>().empty()) << d.dump();
    EXPECT_FALSE(d["cause"]["comparison"].get<std::string>().empty()) << d.dump();
  }
  // Report files are well formed.
  const auto trials = nlohmann::json::parse(readBytes(dir / "report" / "trials.json"));
  ASSERT_EQ(trials.size(), 3u);
  EXPECT_TRUE(trials[0].contains("stage"));
  EXPECT_TRUE(trials[0].contains("guided"));
  EXPECT_TRUE(trials[0].contains("score"));
  EXPECT_TRUE(trials[1]["report"].is_object());  // the first performed trial has a ScoreReport
  const auto summary = nlohmann::json::parse(readBytes(dir / "report" / "summary.json"));
  EXPECT_EQ(summary["trials"], 3);
  std::istringstream lines(readBytes(dir / "report" / "feedback.jsonl"));
  std::string line;
  int n = 0;
  while (std::getline(lines, line)) {
    const auto j = nlohmann::json::parse(line);
    EXPECT_TRUE(j.contains("time") && j.contains("state"));
    ++n;
  }
  EXPECT_GE(n, 2);
}

TEST(HeadlessLesson, RecordedSessionReplays) {
  const auto dir = sessionTempDir("replay");
  const Lesson lesson = quickLesson(dir);
  SimulatedLearnerSource sim(SimulatedLearnerSource::improvingLearner());
  Result<HeadlessResult> first = runHeadlessLesson(lesson, sim, 2, (dir / "sim").string());
  ASSERT_TRUE(first.ok()) << first.error().describe();
  Result<MrecFile> rec = readMrec((dir / "sim" / "session.mrec").string());
  ASSERT_TRUE(rec.ok()) << rec.error().describe();
  EXPECT_GT(rec->clip.frames.size(), 100u);
  int feedbackEvents = 0;
  for (const MrecEvent& e : rec->events) feedbackEvents += e.kind == "feedback" ? 1 : 0;
  EXPECT_GE(feedbackEvents, 2);

  // The simulated learner's last performance, replayed as a recording, is scored.
  std::vector<Clip> perf{sim.lastPerformance()};
  RecordingSource replay(perf);
  Result<HeadlessResult> r = runHeadlessLesson(lesson, replay, 2, (dir / "replay").string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->trials.size(), 2u);
  EXPECT_TRUE(r->trials[1].scored) << r->trials[1].scoreNote;
  EXPECT_GT(r->trials[1].score, 20.0);

  Result<RecordingSource> none = RecordingSource::fromFiles({(dir / "nope.mrec").string()});
  EXPECT_FALSE(none.ok());
}

}  // namespace
}  // namespace mimesis
