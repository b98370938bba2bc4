// A real session killed mid-way (issue 9): `mimesis lesson --simulate` is SIGKILLed while it
// records session.mrec; the recording must still open, with the frames of every chunk that was
// complete. (tests/motion/MrecKillTest.cpp measures the loss bound itself against a paced
// recorder; a headless lesson runs faster than real time, so here the check is readability.)
#include <gtest/gtest.h>

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "RunCommand.hpp"

namespace fs = std::filesystem;

namespace {

const std::string kMimesis = MIMESIS_BINARY;

TEST(LessonKill, SigkillMidSessionLeavesAReadableRecording) {
  const fs::path dir = mimesis::testing::scratchDir("lesson-kill");
  const fs::path report = dir / "report";
  const fs::path recording = report / "session.mrec";
  const std::string scene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/clap.json";

  const pid_t pid = ::fork();
  if (pid == 0) {
    // Quiet child: its output is not part of the test.
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    ::execl(kMimesis.c_str(), kMimesis.c_str(), "lesson", scene.c_str(), "--simulate", "--trials", "1000",
            "--no-html", "--report", report.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ASSERT_GT(pid, 0);
  // Wait (at most 60 s) until the recording holds a few hundred kilobytes, then kill.
  std::error_code ec;
  bool exited = false;
  int status = 0;
  for (int i = 0; i < 60000; ++i) {
    if (::waitpid(pid, &status, WNOHANG) == pid) {
      exited = true;
      break;
    }
    if (fs::exists(recording, ec) && fs::file_size(recording, ec) > 300'000) break;
    const timespec pause{0, 1'000'000};
    ::nanosleep(&pause, nullptr);
  }
  if (!exited) {
    ::kill(pid, SIGKILL);
    ::waitpid(pid, &status, 0);
  }
  ASSERT_FALSE(exited) << "the lesson ended (status " << status << ") before it could be killed";
  ASSERT_TRUE(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);

  const mimesis::testing::CommandOutput r = mimesis::testing::runCommand(kMimesis + " inspect '" + recording.string() + "'", dir);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  // inspect reports the frame count; a killed recording still has hundreds of frames.
  const auto at = r.out.find("frames");
  ASSERT_NE(at, std::string::npos) << r.out;
  const long frames = std::stol(r.out.substr(r.out.find_first_not_of(' ', at + 6)));
  EXPECT_GT(frames, 100) << r.out;
}

}  // namespace
