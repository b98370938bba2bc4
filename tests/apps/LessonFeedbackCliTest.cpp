// `mimesis lesson` end to end on what the learner is told (issue 16): a simulated learner
// follows the scene's mapping, a mirroring or other-handed learner is told which hand to use
// and never praised, and out-of-range thresholds are exit 2 naming the key.
#include <gtest/gtest.h>

#include <filesystem>

#include <nlohmann/json.hpp>

#include "CliTestSupport.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

nlohmann::json readJson(const fs::path& p) { return nlohmann::json::parse(readText(p)); }

double bestScore(const nlohmann::json& summary) {
  double best = -1.0;
  for (const auto& s : summary["scores"])
    if (s.is_number()) best = std::max(best, s.get<double>());
  return best;
}

// Every knowledge-of-results line and message of a run, joined.
std::string allWords(const fs::path& dir) { return readText(dir / "trials.json") + readText(dir / "feedback.jsonl"); }

// The wave scene is mirror-mapped: a simulated learner with no --mapping copies mirror-wise, as
// the lesson asks, and scores like one (before: it copied anatomically and scored 0).
TEST(LessonFeedbackCli, SimulateHonoursTheScenesMirrorMapping) {
  const fs::path dir = scratchDir("lesson-wave");
  CommandOutput r = runCommand(kMimesis + " lesson " + kScenes + "wave.json --simulate --trials 4 --no-html --report " +
                                   (dir / "r").string(), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const nlohmann::json summary = readJson(dir / "r" / "summary.json");
  EXPECT_GT(bestScore(summary), 40.0) << summary.dump();
  EXPECT_EQ(allWords(dir / "r").find("You are mirroring"), std::string::npos);
  // Asking for the other mapping explicitly still gives it (and it is named).
  CommandOutput a = runCommand(kMimesis + " lesson " + kScenes + "wave.json --simulate --mapping anatomical --trials 4 "
                                   "--no-html --report " + (dir / "a").string(), dir);
  ASSERT_EQ(a.exitCode, 0) << a.err;
  EXPECT_LT(bestScore(readJson(dir / "a" / "summary.json")), bestScore(summary));
}

void expectToldWhichHand(const fs::path& report) {
  const std::string words = allWords(report);
  EXPECT_NE(words.find("You are mirroring: move your right hand"), std::string::npos) << words.substr(0, 4000);
  EXPECT_EQ(words.find("nice work"), std::string::npos);
  EXPECT_EQ(words.find("within your targets"), std::string::npos);
  EXPECT_EQ(words.find("building it step by step"), std::string::npos);
  const std::string trace = readText(report / "trace.json");
  EXPECT_NE(trace.find("\"mapping-hint\""), std::string::npos);
  EXPECT_NE(trace.find("\"to\": \"first-person\""), std::string::npos);
  // The score stays the scorer's: copying the wrong hand does not pass.
  const nlohmann::json summary = readJson(report / "summary.json");
  EXPECT_LT(bestScore(summary), 50.0) << summary.dump();
}

TEST(LessonFeedbackCli, MirroringLearnerIsToldWhichHandAndNotPraised) {
  const fs::path dir = scratchDir("lesson-mirroring");
  CommandOutput r = runCommand(kMimesis + " lesson " + kScenes + "pinch-and-release.json --simulate --mapping mirror "
                                   "--trials 4 --no-html --report " + (dir / "r").string(), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  expectToldWhichHand(dir / "r");
}

// A recording made with the other hand: the shipped learner's performance mirrored (left and
// right swapped and reflected), replayed in every trial.
TEST(LessonFeedbackCli, OtherHandRecordingIsToldWhichHand) {
  const fs::path dir = scratchDir("lesson-other-hand");
  const std::string swapped = (dir / "left.mrec").string();
  CommandOutput c = runCommand(kMimesis + " convert " + kAssets + "recordings/pinch-and-release-learner-t10.mrec " +
                                   swapped + " --mirror", dir);
  ASSERT_EQ(c.exitCode, 0) << c.err;
  CommandOutput r = runCommand(kMimesis + " lesson " + kScenes + "pinch-and-release.json --learner " + swapped +
                                   " --trials 4 --no-html --report " + (dir / "r").string(), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  expectToldWhichHand(dir / "r");
}

TEST(LessonFeedbackCli, OutOfRangeThresholdIsExitTwoNamingTheKey) {
  const fs::path dir = scratchDir("lesson-bad-threshold");
  for (const std::string& bad : {std::string("\"partPractice\":{\"lowMastery\":1.5}"),
                                 std::string("\"perspective\":{\"switchView\":3}")}) {
    writeText(dir / "s.json", "{\"clip\":\"" + kAssets + "wave.mkeys\",\"mirror\":{" + bad + "}}");
    CommandOutput r = runCommand(kMimesis + " lesson " + (dir / "s.json").string() + " --simulate --report " +
                                     (dir / "r").string(), dir);
    EXPECT_EQ(r.exitCode, 2) << bad;
    const std::string key = bad.find("lowMastery") != std::string::npos ? "mirror.partPractice.lowMastery"
                                                                         : "mirror.perspective.switchView";
    EXPECT_NE(r.err.find(key), std::string::npos) << r.err;
  }
}

}  // namespace
