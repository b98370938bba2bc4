// The batch commands' progress bar (score --batch, lesson --batch).
#include "ProgressBar.hpp"

#include <fmt/core.h>
#include <unistd.h>

#include <cstdio>
#include <string>

namespace mimesis::app {

void showProgress(std::size_t done, std::size_t total) {
  if (!isatty(STDERR_FILENO) || total == 0) return;
  constexpr std::size_t kWidth = 30;
  const std::size_t filled = kWidth * done / total;
  fmt::print(stderr, "\r[{}{}] {}/{}", std::string(filled, '#'), std::string(kWidth - filled, ' '), done, total);
  if (done == total) fmt::print(stderr, "\n");
  std::fflush(stderr);
}

}  // namespace mimesis::app
