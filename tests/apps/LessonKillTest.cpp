// A real session killed mid-way (issue 9): `mimesis lesson --simulate` is SIGKILLed while it
// records session.mrec; the recording must still open, with the frames of every chunk that was
// complete. (tests/motion/MrecKillTest.cpp measures the loss bound itself against a paced
// recorder; a headless lesson runs faster than real time, so here the check is readability.)
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "CliTestSupport.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

TEST(LessonKill, SigkillMidSessionLeavesAReadableRecording) {
  const fs::path dir = mimesis::testing::scratchDir("lesson-kill");
  const fs::path report = dir / "report";
  const fs::path recording = report / "session.mrec";
  const std::string scene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/clap.json";

  // Killed (within 60 s) once the recording holds a few hundred kilobytes.
  std::error_code ec;
  const KilledRun run = killWhen(
      {kMimesis, "lesson", scene, "--simulate", "--trials", "1000", "--no-html", "--report", report.string()},
      [&] { return fs::exists(recording, ec) && fs::file_size(recording, ec) > 300'000; }, 60000, 1);
  ASSERT_TRUE(run.started);
  ASSERT_FALSE(run.exitedFirst) << "the lesson ended (status " << run.status << ") before it could be killed";
  ASSERT_TRUE(run.killed());

  const mimesis::testing::CommandOutput r = mimesis::testing::runCommand(kMimesis + " inspect '" + recording.string() + "'", dir);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  // inspect reports the frame count; a killed recording still has hundreds of frames.
  const auto at = r.out.find("frames");
  ASSERT_NE(at, std::string::npos) << r.out;
  const long frames = std::stol(r.out.substr(r.out.find_first_not_of(' ', at + 6)));
  EXPECT_GT(frames, 100) << r.out;
}

}  // namespace
