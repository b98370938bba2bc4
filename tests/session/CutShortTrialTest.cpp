// A trial cut short (issue 16, item 8): the learner's recording ends at 40 % of the movement;
// the trial is marked (trials.json, trials.csv), the coach says so, and it is not scored as a
// full trial (no skill fusion, no pass in summary.json); a full recording is not marked.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/RecordingSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

TEST(CutShortTrial, IsMarkedSaidAndNotScoredAsAFullTrial) {
  const auto dir = sessionTempDir("cut-short");
  const std::string path = writeScene(dir, "scene.json", R"({"clip": ")" + assetPath("thumbs-up.mkeys") +
                                                             R"(", "stages": {"guided": {"passScore": 10}},
      "mirror": {"stages": {"watchTrials": 0, "imagineTrials": 0}}})");
  Result<Lesson> lesson = loadLesson(path);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  LearnerParams p;
  p.lagMs = 100;
  p.rate = lesson->clip.rate;
  const Clip full = simulateLearner(lesson->clip, p);
  Clip cut = full;
  cut.frames.resize(full.frames.size() * 4 / 10);
  RecordingSource source({cut, full});
  Result<HeadlessResult> r = runHeadlessLesson(*lesson, source, 2, (dir / "r").string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->trials.size(), 2u);
  EXPECT_TRUE(r->trials[0].cutShort);
  EXPECT_FALSE(r->trials[1].cutShort);
  EXPECT_NE(r->trials[0].knowledgeOfResults.find("was cut short (4"), std::string::npos) << r->trials[0].knowledgeOfResults;
  EXPECT_EQ(r->trials[1].knowledgeOfResults.find("cut short"), std::string::npos);

  const auto trials = nlohmann::json::parse(readBytes(dir / "r" / "trials.json"));
  EXPECT_TRUE(trials[0]["cutShort"].get<bool>());
  EXPECT_FALSE(trials[1]["cutShort"].get<bool>());
  const std::string csv = readBytes(dir / "r" / "trials.csv");
  EXPECT_NE(csv.find(",knowledge_of_results,cut_short\n"), std::string::npos);
  EXPECT_EQ(csv.substr(csv.size() - 3), ",0\n");  // the full trial, last row
  // Only the full trial can pass (pass score 10: both would, were the short one counted).
  const auto summary = nlohmann::json::parse(readBytes(dir / "r" / "summary.json"));
  EXPECT_EQ(summary["stages"]["guided"]["trials"].get<int>(), 2);
  EXPECT_EQ(summary["stages"]["guided"]["passed"].get<int>(), 1);
  // The trace says why, with the setting behind it.
  const std::string trace = readBytes(dir / "r" / "trace.json");
  EXPECT_NE(trace.find("\"key\": \"feedback.cutShortFraction\""), std::string::npos);
}

}  // namespace
}  // namespace mimesis
