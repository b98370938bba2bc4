// Runs a shell command for end-to-end tests and captures its exit code, stdout and stderr.
#pragma once

#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace mimesis::testing {

struct CommandOutput {
  int exitCode = -1;
  std::string out;
  std::string err;
};

inline std::string readText(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Runs `command` through /bin/sh with a 120 s timeout (a hang fails the test, not the suite).
inline CommandOutput runCommand(const std::string& command, const std::filesystem::path& scratch) {
  const auto outPath = scratch / "stdout.txt";
  const auto errPath = scratch / "stderr.txt";
  const std::string full = "timeout 120 " + command + " >'" + outPath.string() + "' 2>'" + errPath.string() + "'";
  const int status = std::system(full.c_str());
  CommandOutput r;
  r.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = readText(outPath);
  r.err = readText(errPath);
  return r;
}

// A fresh scratch folder per test under the system temp dir. The process id keeps two test runs
// on one machine (two checkouts, or ctest -j with the same test binary) out of each other's way:
// with one shared folder, one run's clean-up deleted the other's reports mid-run.
inline std::filesystem::path scratchDir(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("mimesis-test-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline void writeText(const std::filesystem::path& p, const std::string& text) {
  std::ofstream out(p, std::ios::binary);
  out << text;
}

}  // namespace mimesis::testing
