// Shared set-up of the end-to-end tests of the `mimesis` command (tests/apps): where the binary,
// the assets and the scenes are, the shipped learner recordings, a command run inside a folder,
// and a run killed mid-way. Needs MIMESIS_BINARY and MIMESIS_SOURCE_DIR (tests/apps/CMakeLists.txt).
#pragma once

#include <signal.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "RunCommand.hpp"

namespace mimesis::testing {


inline const std::string kMimesis = MIMESIS_BINARY;
inline const std::string kSource = MIMESIS_SOURCE_DIR;
inline const std::string kAssets = kSource + "/assets/";
inline const std::string kScenes = kSource + "/scenes/";

// The shipped recording of trial k (1–10) of the pinch-and-release learner.
inline std::string shippedRecording(int k) {
  return kAssets + "recordings/pinch-and-release-learner-t" + (k < 10 ? "0" : "") + std::to_string(k) + ".mrec";
}

// The command run inside `dir`, so scene files and reports are found and written there.
inline CommandOutput runIn(const std::filesystem::path& dir, const std::string& command) {
  return runCommand("sh -c \"cd '" + dir.string() + "' && " + command + "\"", dir);
}

// A run of `argv` (argv[0] the program) killed with SIGKILL once `ready()` holds, polled every
// `pauseMs` at most `polls` times; its output goes to /dev/null. `started` is false when fork
// failed; `exitedFirst` when the run ended on its own before it could be killed.
struct KilledRun {
  bool started = false;
  bool exitedFirst = false;
  int status = 0;
  bool killed() const { return WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL; }
};

template <typename Ready>
KilledRun killWhen(const std::vector<std::string>& argv, Ready&& ready, int polls, long pauseMs) {
  KilledRun run;
  const pid_t pid = ::fork();
  if (pid == 0) {
    std::freopen("/dev/null", "w", stdout);
    std::freopen("/dev/null", "w", stderr);
    std::vector<char*> args;
    for (const std::string& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    ::execv(args[0], args.data());
    ::_exit(127);
  }
  if (pid < 0) return run;
  run.started = true;
  for (int i = 0; i < polls; ++i) {
    if (::waitpid(pid, &run.status, WNOHANG) == pid) {
      run.exitedFirst = true;
      return run;
    }
    if (ready()) break;
    const timespec pause{0, pauseMs * 1'000'000};
    ::nanosleep(&pause, nullptr);
  }
  ::kill(pid, SIGKILL);
  ::waitpid(pid, &run.status, 0);
  return run;
}

}  // namespace mimesis::testing
