// Crash safety of live recording (issue 9): a child process streams frames with MrecWriter and is
// killed with SIGKILL mid-session; the file must read and lose at most 100 ms of frames.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <string>

#include "MrecTestClip.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

namespace fs = std::filesystem;
using namespace mimesis;

namespace {

constexpr double kRate = 90.0;        // the headset's tracking rate
constexpr double kMaxLossSeconds = 0.1;

// The child: streams 90 Hz frames (paced at 1 ms each, so it is surely mid-session when the
// parent kills it) and reports each appended frame index on `progressFd`. Never returns.
[[noreturn]] void recordUntilKilled(const std::string& path, int progressFd) {
  const Clip source = testclip::makeMrecTestClip(2);
  Frame frame = source.frames[0];
  frame.body.clear();
  Result<MrecWriter> writer = MrecWriter::create(path, source.info, kRate, Skeleton{});
  if (!writer) ::_exit(3);
  for (std::uint32_t i = 0; i < 1'000'000; ++i) {
    frame.time = i / kRate;
    frame.hands[0].joints[0].pose.position.x = static_cast<float>(i);  // identifies the frame
    if (!writer->appendFrame(frame)) ::_exit(4);
    if (i % 30 == 0 && !writer->appendEvent(MrecEvent{frame.time, "feedback", "{\"tick\":" + std::to_string(i) + "}"}))
      ::_exit(5);
    if (::write(progressFd, &i, sizeof i) != static_cast<ssize_t>(sizeof i)) ::_exit(6);
    const timespec pause{0, 1'000'000};
    ::nanosleep(&pause, nullptr);
  }
  ::_exit(7);  // not reached in the test: the parent kills us long before
}

struct KillOutcome {
  std::int64_t lastAppended = -1;  // highest frame index the child reported appended
  int signal = 0;
};

// Forks a recorder, waits until it reports frame `killAfter`, SIGKILLs it, then drains the pipe
// (whatever the child wrote before dying is still there) for the true last appended frame.
KillOutcome killRecorderAfter(const std::string& path, std::uint32_t killAfter) {
  int fds[2];
  if (::pipe(fds) != 0) return {};
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::close(fds[0]);
    recordUntilKilled(path, fds[1]);
  }
  ::close(fds[1]);
  KillOutcome out;
  std::uint32_t index = 0;
  bool killed = false;
  while (::read(fds[0], &index, sizeof index) == static_cast<ssize_t>(sizeof index)) {
    out.lastAppended = index;
    if (!killed && index >= killAfter) {
      ::kill(pid, SIGKILL);
      killed = true;
    }
  }
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  out.signal = WIFSIGNALED(status) ? WTERMSIG(status) : -WEXITSTATUS(status);
  return out;
}

}  // namespace

TEST(MrecKill, SigkillMidSessionLosesAtMostOneHundredMilliseconds) {
  const fs::path dir = fs::temp_directory_path() / "mimesis-test-mrec-kill";
  fs::remove_all(dir);
  fs::create_directories(dir);
  // Several kill points, so the kill lands at different places within a chunk.
  for (std::uint32_t killAfter : {40u, 95u, 131u, 202u, 257u}) {
    const std::string path = (dir / ("kill-" + std::to_string(killAfter) + ".mrec")).string();
    const KillOutcome k = killRecorderAfter(path, killAfter);
    ASSERT_EQ(k.signal, SIGKILL) << "the recorder should have died by SIGKILL";
    ASSERT_GE(k.lastAppended, static_cast<std::int64_t>(killAfter));

    Result<MrecFile> file = readMrec(path);
    ASSERT_TRUE(file.ok()) << file.error().describe();
    const std::vector<Frame>& frames = file->clip.frames;
    ASSERT_FALSE(frames.empty());
    // Every frame read is one the child appended, in order, intact.
    for (std::size_t i = 0; i < frames.size(); ++i) {
      ASSERT_EQ(frames[i].hands[0].joints[0].pose.position.x, static_cast<float>(i));
      ASSERT_DOUBLE_EQ(frames[i].time, static_cast<double>(i) / kRate);
    }
    const auto read = static_cast<std::int64_t>(frames.size());
    ASSERT_LE(read, k.lastAppended + 1);
    // Lost: frames appended but not in the file, measured in the recording's own time.
    const double lostSeconds = static_cast<double>(k.lastAppended + 1 - read) / kRate;
    EXPECT_LE(lostSeconds, kMaxLossSeconds + 1e-9) << "killed after " << killAfter << ": appended "
                                                   << k.lastAppended + 1 << ", read " << read;
    EXPECT_FALSE(file->events.empty());
    // The file was never closed; the reader says so rather than pretending it was.
    EXPECT_FALSE(file->recovery.detail.empty());
  }
}

TEST(MrecKill, SlowTrackerStillFlushesByTime) {
  // At 10 Hz a 9-frame chunk would span 0.9 s; maxChunkSeconds must cut it at 0.1 s.
  const fs::path path = fs::temp_directory_path() / "mimesis-test-mrec-slow.mrec";
  const Clip source = testclip::makeMrecTestClip(2);
  Frame frame = source.frames[0];
  frame.body.clear();
  Result<MrecWriter> writer = MrecWriter::create(path.string(), source.info, 10.0, Skeleton{});
  ASSERT_TRUE(writer.ok());
  for (int i = 0; i < 7; ++i) {
    frame.time = i / 10.0;
    ASSERT_TRUE(writer->appendFrame(frame).ok());
    // Without close(): what is on disk now is what a SIGKILL would leave.
    Result<MrecFile> file = readMrec(path.string());
    ASSERT_TRUE(file.ok()) << file.error().describe();
    const double lost = frame.time - (file->clip.frames.empty() ? -0.1 : file->clip.frames.back().time);
    EXPECT_LE(lost, kMaxLossSeconds + 1e-9) << "after frame " << i;
  }
}
