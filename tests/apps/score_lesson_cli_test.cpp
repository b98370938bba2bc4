// End-to-end tests of `mimesis score` (single and batch) and `mimesis lesson`.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "CliTestSupport.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

TEST(ScoreCli, ExpertAgainstItselfScoresHundredAndWritesReports) {
  const fs::path dir = scratchDir("score-identity");
  const std::string clip = kAssets + "wave.mkeys";
  CommandOutput r = runCommand(kMimesis + " score --expert " + clip + " --learner " + clip + " --json " +
                                   (dir / "r.json").string() + " --csv " + (dir / "r.csv").string(), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("Score 100"), std::string::npos) << r.out;
  const std::string json = readText(dir / "r.json");
  for (const char* key : {"\"score\"", "\"lag_ms\"", "\"gain\"", "\"mapping\"", "\"coverage\"", "\"validity\"",
                          "\"groups\"", "\"segments\"", "\"grade\""})
    EXPECT_NE(json.find(key), std::string::npos) << key;
  EXPECT_EQ(json.find("nan"), std::string::npos);
  EXPECT_FALSE(readText(dir / "r.csv").empty());
}

TEST(ScoreCli, LateLearnerIsDiagnosedLate) {
  const fs::path dir = scratchDir("score-late");
  const std::string clip = kAssets + "point-and-tap.mkeys";
  ASSERT_EQ(runCommand(kMimesis + " simulate --expert " + clip + " --lag-ms 200 --noise-mm 0 --out " +
                           (dir / "l.mrec").string(), dir).exitCode, 0);
  CommandOutput r = runCommand(kMimesis + " score --expert " + clip + " --learner " + (dir / "l.mrec").string(), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("ms late"), std::string::npos) << r.out;
}

// Two recordings are scored as streams (scoreRecordings): the same table and JSON as when the
// expert is read whole from its keyframes.
TEST(ScoreCli, TwoRecordingsScoreAsTheClipsDo) {
  const fs::path dir = scratchDir("score-recordings");
  const std::string clip = kAssets + "clap.mkeys", expert = (dir / "e.mrec").string(), learner = (dir / "l.mrec").string();
  ASSERT_EQ(runCommand(kMimesis + " convert " + clip + " " + expert, dir).exitCode, 0);
  ASSERT_EQ(runCommand(kMimesis + " simulate --expert " + clip + " --lag-ms 150 --out " + learner, dir).exitCode, 0);
  CommandOutput whole = runCommand(kMimesis + " score --mapping auto --expert " + clip + " --learner " + learner +
                                       " --json " + (dir / "whole.json").string(), dir);
  CommandOutput streamed = runCommand(kMimesis + " score --mapping auto --expert " + expert + " --learner " + learner +
                                          " --json " + (dir / "streamed.json").string(), dir);
  ASSERT_EQ(whole.exitCode, 0) << whole.err;
  ASSERT_EQ(streamed.exitCode, 0) << streamed.err;
  EXPECT_EQ(streamed.out, whole.out);
  EXPECT_EQ(readText(dir / "streamed.json"), readText(dir / "whole.json"));
  EXPECT_NE(streamed.out.find("ms late"), std::string::npos) << streamed.out;
}

TEST(ScoreCli, BatchShardsSplitTheManifestAndRecordErrors) {
  const fs::path dir = scratchDir("score-batch");
  const std::string a = kAssets + "wave.mkeys", b = kAssets + "thumbs-up.mkeys";
  writeText(dir / "m.csv", "expert,learner,id\n" + a + "," + a + ",one\n" + b + "," + b + ",two\n" + a +
                               ",missing.mrec,three\n");
  CommandOutput s0 = runCommand(kMimesis + " score --batch " + (dir / "m.csv").string() + " --out " +
                                    (dir / "s0.jsonl").string() + " --shard 0/2", dir);
  CommandOutput s1 = runCommand(kMimesis + " score --batch " + (dir / "m.csv").string() + " --out " +
                                    (dir / "s1.jsonl").string() + " --shard 1/2", dir);
  EXPECT_EQ(s0.exitCode, 2);  // row "three" fails: recorded, and the exit code says so
  EXPECT_EQ(s1.exitCode, 0) << s1.err;
  const std::string r0 = readText(dir / "s0.jsonl"), r1 = readText(dir / "s1.jsonl");
  EXPECT_NE(r0.find("\"id\":\"one\""), std::string::npos);
  EXPECT_NE(r0.find("\"id\":\"three\""), std::string::npos);
  EXPECT_NE(r0.find("\"error\""), std::string::npos);
  EXPECT_NE(r1.find("\"id\":\"two\""), std::string::npos);
  // JSON Lines: exactly one line per manifest row of the shard.
  EXPECT_EQ(std::count(r0.begin(), r0.end(), '\n'), 2);
  EXPECT_EQ(std::count(r1.begin(), r1.end(), '\n'), 1);
  EXPECT_EQ(r1.find("\"id\":\"one\""), std::string::npos);
  CommandOutput bad = runCommand(kMimesis + " score --batch " + (dir / "m.csv").string() + " --out x.jsonl --shard 2/2", dir);
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("--shard"), std::string::npos);
  writeText(dir / "bad.csv", "expert,learner,colour\n");
  CommandOutput badCol = runCommand(kMimesis + " score --batch " + (dir / "bad.csv").string() + " --out x.jsonl", dir);
  EXPECT_EQ(badCol.exitCode, 2);
  EXPECT_NE(badCol.err.find("bad.csv:1"), std::string::npos) << badCol.err;
  EXPECT_NE(badCol.err.find("colour"), std::string::npos);
}

TEST(LessonCli, SimulatedLessonIsDeterministicAndWritesEveryReport) {
  const fs::path dir = scratchDir("lesson");
  const std::string scene = kScenes + "pinch-and-release.json";
  for (const char* run : {"a", "b"}) {
    CommandOutput r = runCommand(kMimesis + " lesson " + scene + " --simulate --trials 6 --report " + (dir / run).string(), dir);
    ASSERT_EQ(r.exitCode, 0) << r.err;
  }
  for (const char* f : {"summary.json", "trials.json", "trace.json", "feedback.jsonl", "session.mrec"}) {
    ASSERT_TRUE(fs::exists(dir / "a" / f)) << f;
    EXPECT_EQ(readText(dir / "a" / f), readText(dir / "b" / f)) << f;
  }
  // The session recording is a readable .mrec.
  CommandOutput i = runCommand(kMimesis + " inspect " + (dir / "a" / "session.mrec").string(), dir);
  EXPECT_EQ(i.exitCode, 0) << i.err;
}

TEST(LessonCli, BadSceneNamesFileAndKey) {
  const fs::path dir = scratchDir("lesson-bad");
  writeText(dir / "s.json", "{\"name\":\"x\",\"clip\":\"" + kAssets + "wave.mkeys\",\"tempo\":2}");
  CommandOutput r = runCommand(kMimesis + " lesson " + (dir / "s.json").string() + " --simulate --report " + (dir / "r").string(), dir);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("s.json"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("tempo"), std::string::npos) << r.err;
}

}  // namespace
