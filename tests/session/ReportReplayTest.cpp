// Re-running a session from its recording: the same lesson replayed from session.mrec gives the
// same files byte for byte, and a recording cut short by a crash replays its finished trials.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "SessionTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/SessionReplaySource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

Lesson replayLesson(const std::filesystem::path& dir) {
  return lessonFromScene(dir, "replay.json", R"({
    "clip": ")" + assetPath("point-and-tap.mkeys") + R"(",
    "mirror": {"stages": {"watchTrials": 1, "imagineTrials": 0, "advanceTrials": 2, "advanceMastery": 0.7}}
  })");
}

TEST(ReportReplay, SessionRerunFromItsRecordingGivesTheSameBytes) {
  const auto dir = sessionTempDir("replay-bytes");
  const Lesson lesson = replayLesson(dir);
  ASSERT_FALSE(lesson.clip.frames.empty());
  LearnerBehaviour b = SimulatedLearnerSource::improvingLearner();
  b.base.dropout = 0.05;  // untracked frames must replay exactly too
  SimulatedLearnerSource learner(b);
  Result<HeadlessResult> first = runHeadlessLesson(lesson, learner, 6, (dir / "live").string());
  ASSERT_TRUE(first.ok()) << first.error().describe();

  Result<SessionReplaySource> replay = SessionReplaySource::fromFile((dir / "live" / "session.mrec").string());
  ASSERT_TRUE(replay.ok()) << replay.error().describe();
  EXPECT_EQ(replay->trialCount(), 6);
  EXPECT_TRUE(replay->recoveryNote().empty());
  Result<HeadlessResult> again = runHeadlessLesson(lesson, *replay, replay->trialCount(), (dir / "replay").string());
  ASSERT_TRUE(again.ok()) << again.error().describe();
  for (const char* f : {"trials.json", "trace.json", "feedback.jsonl", "summary.json", "session.mrec", "report.html",
                        "trials.csv", "frames.csv"})
    EXPECT_TRUE(readBytes(dir / "live" / f) == readBytes(dir / "replay" / f)) << f << " differs after a re-run";
  // Asking for more trials than were recorded is an error, not a hang or a crash.
  Result<SessionReplaySource> short1 = SessionReplaySource::fromFile((dir / "live" / "session.mrec").string());
  ASSERT_TRUE(short1.ok());
  Result<HeadlessResult> over = runHeadlessLesson(lesson, *short1, 7, (dir / "over").string());
  ASSERT_FALSE(over.ok());
  EXPECT_NE(over.error().message.find("6 complete trial"), std::string::npos) << over.error().describe();
}

TEST(ReportReplay, CrashCutRecordingReplaysItsFinishedTrials) {
  const auto dir = sessionTempDir("replay-torn");
  const Lesson lesson = replayLesson(dir);
  ASSERT_FALSE(lesson.clip.frames.empty());
  SimulatedLearnerSource learner(SimulatedLearnerSource::improvingLearner());
  Result<HeadlessResult> full = runHeadlessLesson(lesson, learner, 4, (dir / "live").string());
  ASSERT_TRUE(full.ok()) << full.error().describe();
  // Cut the file in the middle of the last trial, as a killed process would leave it.
  const std::string bytes = readBytes(dir / "live" / "session.mrec");
  const double lastStart = full->trials.back().startTime, end = full->trials.back().endTime;
  const auto cut = static_cast<std::size_t>(static_cast<double>(bytes.size()) * (lastStart + 0.5 * (end - lastStart)) / end);
  std::ofstream(dir / "cut.mrec", std::ios::binary) << bytes.substr(0, cut);
  Result<MrecFile> read = readMrec((dir / "cut.mrec").string());
  ASSERT_TRUE(read.ok()) << read.error().describe();
  Result<SessionReplaySource> replay = SessionReplaySource::fromRecording(*read, "cut.mrec");
  ASSERT_TRUE(replay.ok()) << replay.error().describe();
  EXPECT_EQ(replay->trialCount(), 3);
  EXPECT_FALSE(replay->recoveryNote().empty());
  Result<HeadlessResult> again = runHeadlessLesson(lesson, *replay, replay->trialCount(), (dir / "replay").string());
  ASSERT_TRUE(again.ok()) << again.error().describe();
  ASSERT_EQ(again->trials.size(), 3u);
  for (std::size_t i = 0; i < 3; ++i) {
    EXPECT_EQ(again->trials[i].score, full->trials[i].score) << i;
    EXPECT_EQ(again->trials[i].reportJson, full->trials[i].reportJson) << i;
  }
  // A performance (no trial events) is not a session.
  Result<SessionReplaySource> perf = SessionReplaySource::fromFile(assetPath("wave.mkeys"));
  EXPECT_FALSE(perf.ok());
}

}  // namespace
}  // namespace mimesis
