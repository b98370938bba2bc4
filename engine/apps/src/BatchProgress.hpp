// The batch commands' progress line (score --batch, lesson --batch): files done / total, rate
// and time left, redrawn in place on stderr — only on a terminal and while the "mimesis.apps"
// logger prints progress (not with --quiet), so logs, CI and array jobs (stderr a file) get none
// of it. It is drawn, not logged: a line redrawn in place is a terminal's, not a log's.
#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace mimesis::app {

// "  12/40 files  30%  2.5 files/s  ETA 0:11  1 failed": what the line says after `done` of
// `total` files in `elapsedSeconds` (rate and ETA only once a file is done and time has passed).
std::string formatProgress(std::size_t done, std::size_t total, std::size_t failed, double elapsedSeconds);

class BatchProgress {
 public:
  // Draws only when `enabled`, stderr is a terminal and the apps logger is at info or below.
  BatchProgress(std::size_t total, bool enabled);
  // One more file finished (failed: it became an error row).
  void fileDone(bool failed);

 private:
  void draw() const;

  std::size_t total_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  bool drawing_;
  std::chrono::steady_clock::time_point start_;  // the wall clock only feeds this display, never a result
};

}  // namespace mimesis::app
