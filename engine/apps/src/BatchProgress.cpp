// The batch progress line: a carriage return and the line again, padded over the previous one.
#include "BatchProgress.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>

#include "mimesis/core/Log.hpp"

namespace mimesis::app {
namespace {

std::string clockText(double seconds) {
  const auto s = static_cast<long long>(std::llround(seconds));
  if (s >= 3600) return fmt::format("{}:{:02}:{:02}", s / 3600, s / 60 % 60, s % 60);
  return fmt::format("{}:{:02}", s / 60, s % 60);
}

}  // namespace

std::string formatProgress(std::size_t done, std::size_t total, std::size_t failed, double elapsedSeconds) {
  const double percent = total == 0 ? 100.0 : 100.0 * static_cast<double>(done) / static_cast<double>(total);
  std::string line = fmt::format("{:>{}}/{} files {:>3.0f}%", done, fmt::formatted_size("{}", total), total, percent);
  if (done > 0 && elapsedSeconds > 0.0) {
    const double rate = static_cast<double>(done) / elapsedSeconds;
    line += rate >= 1.0 ? fmt::format("  {:.1f} files/s", rate) : fmt::format("  {:.1f} s/file", 1.0 / rate);
    line += "  ETA " + clockText(static_cast<double>(total - done) / rate);
  }
  if (failed > 0) line += fmt::format("  {} failed", failed);
  return line;
}

BatchProgress::BatchProgress(std::size_t total, bool enabled)
    : total_(total),
      drawing_(enabled && total > 0 && moduleLog("apps").should_log(spdlog::level::info) && isatty(STDERR_FILENO) == 1),
      start_(std::chrono::steady_clock::now()) {
  draw();
}

void BatchProgress::fileDone(bool failed) {
  ++done_;
  if (failed) ++failed_;
  draw();
}

void BatchProgress::draw() const {
  if (!drawing_) return;
  const double elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
  // Padding clears what a longer previous line left; the last draw ends the line.
  fmt::print(stderr, "\r{:<60}", formatProgress(done_, total_, failed_, elapsed));
  if (done_ == total_) fmt::print(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace mimesis::app
