// Exact single-level DTW (issue 17 item 5): time and peak memory of alignDtw on 54,000 x 78
// frames with a 5,400-frame band (bandFraction 0.1), full direction store (one byte per band
// cell, the old path memory) against checkpointed backtracking (the default budget), each in
// its own child process so its peak RSS is its own. The two paths must be identical.
// Usage: mimesis_dtw_path_bench [frames]   (default 54000; the band stays 10 %)
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <string>

#include "BenchClock.hpp"
#include "mimesis/scoring/Dtw.hpp"

namespace {

using namespace mimesis;
using mimesis::bench::cpuSeconds;
using mimesis::bench::wallSeconds;

// 78 smooth channels (padded to 80), the learner a slowly drifting time warp of the expert.
FeatureMatrix features(int frames, bool learner) {
  FeatureMatrix m;
  m.frames = frames;
  m.dim = 80;
  m.data.assign(static_cast<std::size_t>(frames) * 80, 0.0f);
  for (int i = 0; i < frames; ++i) {
    const double t = learner ? i + 40.0 * std::sin(2e-4 * i) + 15 : i;
    for (int d = 0; d < 78; ++d)
      m.row(i)[d] = static_cast<float>(0.1 * std::sin(0.011 * t * (1 + 0.05 * d) + d) + 0.02 * std::sin(0.07 * t + 0.3 * d));
  }
  return m;
}

struct Outcome {
  double cpu = 0, wall = 0, peakMb = 0, cost = 0;
  std::uint64_t pathHash = 0;
  double pathSize = 0;
};

Outcome runChild(int frames, std::size_t budget) {
  int fds[2];
  if (pipe(fds) != 0) std::exit(2);
  const pid_t pid = fork();
  if (pid == 0) {
    close(fds[0]);
    const FeatureMatrix L = features(frames, true), E = features(frames, false);
    DtwOptions o;
    o.coarseMinFrames = 1 << 30;  // one level: exact banded DTW
    o.pathMemoryBytes = budget;
    rusage before{};
    getrusage(RUSAGE_SELF, &before);
    const double c0 = cpuSeconds(), w0 = wallSeconds();
    const WarpPath w = alignDtw(L, E, o);
    Outcome out;
    out.cpu = cpuSeconds() - c0;
    out.wall = wallSeconds() - w0;
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    out.peakMb = static_cast<double>(ru.ru_maxrss) / 1024.0;
    out.cost = w.cost;
    out.pathSize = static_cast<double>(w.size());
    std::uint64_t h = 1469598103934665603ull;
    for (std::size_t k = 0; k < w.size(); ++k)
      h = (h ^ (static_cast<std::uint64_t>(w.learner[k]) << 32 ^ static_cast<std::uint32_t>(w.expert[k]))) * 1099511628211ull;
    out.pathHash = h;
    if (write(fds[1], &out, sizeof out) != static_cast<ssize_t>(sizeof out)) _exit(6);
    _exit(0);
  }
  close(fds[1]);
  Outcome out;
  const bool got = read(fds[0], &out, sizeof out) == static_cast<ssize_t>(sizeof out);
  close(fds[0]);
  int ws = 0;
  waitpid(pid, &ws, 0);
  if (!got) { std::fprintf(stderr, "child failed (status %d)\n", ws); std::exit(1); }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  const int frames = argc > 1 ? std::atoi(argv[1]) : 54000;
  if (frames < 2) return 2;
  // Input alone (both feature matrices), for reading the peaks below.
  const double inputMb = 2.0 * frames * 80 * 4 / (1024.0 * 1024.0);
  std::printf("== exact DTW, one level, %d x %d frames x 78 dims, band %d (10 %%); inputs %.1f MB\n", frames, frames,
              static_cast<int>(std::ceil(0.1 * frames)), inputMb);
  std::printf("%-26s %8s %8s %10s %16s\n", "path store", "CPU s", "wall s", "peak MB", "cost");
  const Outcome full = runChild(frames, std::size_t{1} << 50);
  std::printf("%-26s %8.2f %8.2f %10.1f %16.6f\n", "full directions (old)", full.cpu, full.wall, full.peakMb, full.cost);
  std::fflush(stdout);
  const Outcome ck = runChild(frames, DtwOptions{}.pathMemoryBytes);
  std::printf("%-26s %8.2f %8.2f %10.1f %16.6f\n", "checkpointed (default)", ck.cpu, ck.wall, ck.peakMb, ck.cost);
  const bool same = full.pathHash == ck.pathHash && full.pathSize == ck.pathSize && full.cost == ck.cost;
  std::printf("time ratio checkpointed/full %.3f (CPU), peak %.1f -> %.1f MB, paths %s\n", ck.cpu / full.cpu, full.peakMb,
              ck.peakMb, same ? "identical" : "DIFFER");
  return same ? 0 : 1;
}
