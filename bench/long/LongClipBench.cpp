// Long clips (issue 17): (1) alignment on looped shipped clips from 10 s to 30 min with lags
// -500..+500 ms: the reported lag must be the injected one (within 2 frames), not a repetition
// off; (2) the cost of a two-hand score at 1, 2, 5 and 10 minutes: load (reading both .mrec
// files), align (features and DTW alone) and score (scorePerformance, end to end after load),
// CPU seconds and the peak RSS of a child process that only loads and scores; then the same
// score as `mimesis score` runs it on two recordings (scoreRecordings: read as streams, never
// held whole) in a second child: its CPU seconds end to end, its peak RSS, and whether its JSON
// report is byte-identical to the first child's.
// Usage: mimesis_long_clip_bench [--quick] [--cost]  (--quick: lengths up to 5 min, cost up to
// 5 min; --cost: the cost table only)
//        mimesis_long_clip_bench --write-pair MINUTES DIR  (writes the cost table's pair,
// DIR/expert.mrec and DIR/learner.mrec, for `/usr/bin/time -v mimesis score ...`)
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>
#include <string>
#include <vector>

#include "../../tests/scoring/LongClipTestClips.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"
#include "BenchClock.hpp"
#include "mimesis/scoring/Dtw.hpp"
#include "mimesis/scoring/Features.hpp"
#include "mimesis/scoring/MotionStream.hpp"
#include "mimesis/scoring/RecordingScorer.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace {

using namespace mimesis;
using mimesis::bench::cpuSeconds;

int alignmentSweep(bool quick) {
  std::printf("== alignment on looped clips: reported lag (ms) for each injected lag; * = wrong by > 2 frames\n");
  const std::vector<double> lengths = quick ? std::vector<double>{10, 60, 300}
                                            : std::vector<double>{10, 60, 120, 300, 600, 1200, 1800};
  const double lags[] = {-500, -150, 150, 500};
  int wrong = 0;
  std::printf("%-11s %7s", "clip", "length");
  for (double l : lags) std::printf(" %8.0f", l);
  std::printf("   score s\n");
  for (const char* name : {"clap", "wave", "fist-pumps"}) {
    auto clip = loadClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/" + name + ".mkeys");
    if (!clip.ok()) { std::fprintf(stderr, "%s\n", clip.error().describe().c_str()); return 2; }
    for (double seconds : lengths) {
      const Clip expert = test::loopClip(*clip, seconds);
      std::printf("%-11s %6.0fs", name, seconds);
      double cpu = 0.0;
      for (double lag : lags) {
        LearnerParams p;
        p.lagMs = lag;
        p.seed = 7;
        const Clip learner = simulateLearner(expert, p);
        const double c0 = cpuSeconds();
        auto r = scorePerformance(expert, learner, ScoringConfig{});
        cpu += cpuSeconds() - c0;
        if (!r.ok()) { std::printf("  error: %s\n", r.error().describe().c_str()); return 1; }
        const bool ok = std::fabs(r->lagMs - lag) <= 2 * 1000.0 / expert.rate + 1e-6;
        wrong += ok ? 0 : 1;
        std::printf(" %7.0f%s", r->lagMs, ok ? " " : "*");
      }
      std::printf("   %.2f\n", cpu / 4);
      std::fflush(stdout);
    }
  }
  std::printf("%d wrong\n", wrong);
  return wrong == 0 ? 0 : 1;
}

// One cost measurement in a child process, so its peak RSS is its own.
// FNV-1a of a report's JSON, so two children can tell whether their reports are the same bytes.
double digest(const ScoreReport& r) {
  std::uint64_t h = 1469598103934665603ull;
  for (const char c : toJson(r)) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return static_cast<double>(h >> 12);  // 52 bits: exact in a double
}

void costChild(const std::string& expertPath, const std::string& learnerPath, int fd) {
  const double c0 = cpuSeconds();
  auto e = readMrec(expertPath);
  auto l = readMrec(learnerPath);
  const double c1 = cpuSeconds();
  if (!e.ok() || !l.ok()) _exit(3);
  rusage loaded{};
  getrusage(RUSAGE_SELF, &loaded);
  // The score first, so that the peak RSS read after it is load + score alone.
  const double c2 = cpuSeconds();
  auto r = scorePerformance(e->clip, l->clip, ScoringConfig{});
  const double c3 = cpuSeconds();
  if (!r.ok()) _exit(5);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  // Align alone, as the scorer does it (anatomical, both hands, default band).
  const StreamLayout layout = makeStreamLayout(e->clip);
  double alignCpu = 0.0, dtwCpu = 0.0;
  {
    const double a0 = cpuSeconds();
    const MotionStream es = buildStream(e->clip, layout, {}), ls = buildStream(l->clip, layout, {});
    UnitMask units{true, true, false};
    const FeatureMatrix ef = buildFeatures(es, units), lf = buildFeatures(ls, units);
    const double d0 = cpuSeconds();
    const WarpPath w = alignDtw(lf, ef, dtwOptionsFor(ScoringConfig{}, e->clip.rate, l->clip.rate));
    alignCpu = cpuSeconds() - a0;
    dtwCpu = cpuSeconds() - d0;
    if (w.size() == 0) _exit(4);
  }
  const double out[8] = {c1 - c0, alignCpu, c3 - c2, static_cast<double>(ru.ru_maxrss) / 1024.0, r->lagMs,
                        static_cast<double>(loaded.ru_maxrss) / 1024.0, dtwCpu, digest(*r)};
  if (write(fd, out, sizeof out) != static_cast<ssize_t>(sizeof out)) _exit(6);
  _exit(0);
}

// The streamed score (scoreRecordings, as `mimesis score` on two .mrec files), in its own child.
void streamedChild(const std::string& expertPath, const std::string& learnerPath, int fd) {
  const double c0 = cpuSeconds();
  auto r = scoreRecordings(expertPath, learnerPath, ScoringConfig{});
  const double c1 = cpuSeconds();
  if (!r.ok()) _exit(5);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const double out[4] = {c1 - c0, static_cast<double>(ru.ru_maxrss) / 1024.0, r->lagMs, digest(*r)};
  if (write(fd, out, sizeof out) != static_cast<ssize_t>(sizeof out)) _exit(6);
  _exit(0);
}

// Runs `child` in a fork and reads its N doubles; false when it failed.
template <std::size_t N, typename Child>
bool runChild(Child child, double (&out)[N]) {
  malloc_trim(0);  // the child's peak RSS should not include the parent's freed clips
  int fds[2];
  if (pipe(fds) != 0) return false;
  const pid_t pid = fork();
  if (pid == 0) { close(fds[0]); child(fds[1]); }
  close(fds[1]);
  const bool got = read(fds[0], out, sizeof out) == static_cast<ssize_t>(sizeof out);
  close(fds[0]);
  int ws = 0;
  waitpid(pid, &ws, 0);
  return got;
}

// The cost table's pair at `minutes`: the looped clap and a learner 150 ms late.
bool writePair(const Clip& clap, int minutes, const std::string& ep, const std::string& lp) {
  const Clip expert = test::loopClip(clap, minutes * 60.0);
  LearnerParams p;
  p.lagMs = 150;
  const Clip learner = simulateLearner(expert, p);
  return writeMrec(ep, expert) && writeMrec(lp, learner);
}

int costTable(bool quick) {
  std::printf("== cost of a two-hand score (CPU s; peak RSS of a process that loads both .mrec and scores)\n");
  std::printf("(align: streams, features and DTW as the scorer runs them; dtw: of which alignDtw; score: scorePerformance)\n");
  std::printf("(streamed: scoreRecordings end to end, as `mimesis score` on two .mrec, in its own process; same: its\n"
              " JSON report is byte-identical to scorePerformance's on the loaded clips)\n");
  std::printf("%7s %8s %8s %8s %8s %10s %8s %14s %10s %12s %5s\n", "minutes", "load", "align", "dtw", "score", "peak MB",
              "lag ms", "MB after load", "streamed", "streamed MB", "same");
  auto clip = loadClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/clap.mkeys");
  if (!clip.ok()) return 2;
  const std::string dir = "/tmp/mimesis_long_clip_bench_" + std::to_string(getpid());
  std::string cmd = "mkdir -p " + dir;
  if (std::system(cmd.c_str()) != 0) return 2;
  int status = 0;
  for (int minutes : quick ? std::vector<int>{1, 2, 5} : std::vector<int>{1, 2, 5, 10}) {
    const std::string ep = dir + "/expert.mrec", lp = dir + "/learner.mrec";
    if (!writePair(*clip, minutes, ep, lp)) return 2;
    double out[8] = {}, st[4] = {};
    if (!runChild([&](int fd) { costChild(ep, lp, fd); }, out) ||
        !runChild([&](int fd) { streamedChild(ep, lp, fd); }, st)) {
      std::printf("%7d child failed\n", minutes);
      status = 1;
      continue;
    }
    const bool same = st[3] == out[7] && st[2] == out[4];
    if (!same) status = 1;
    std::printf("%7d %8.3f %8.3f %8.3f %8.3f %10.1f %8.0f %14.1f %10.3f %12.1f %5s\n", minutes, out[0], out[1], out[6], out[2],
                out[3], out[4], out[5], st[0], st[1], same ? "yes" : "NO");
    std::fflush(stdout);
  }
  cmd = "rm -rf " + dir;
  if (std::system(cmd.c_str()) != 0) status = 1;
  return status;
}

}  // namespace

int main(int argc, char** argv) {
  bool quick = false, costOnly = false;
  if (argc == 4 && std::strcmp(argv[1], "--write-pair") == 0) {
    auto clip = loadClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/clap.mkeys");
    const std::string dir = argv[3];
    return clip.ok() && writePair(*clip, std::atoi(argv[2]), dir + "/expert.mrec", dir + "/learner.mrec") ? 0 : 2;
  }
  for (int i = 1; i < argc; ++i) {
    quick = quick || std::strcmp(argv[i], "--quick") == 0;
    costOnly = costOnly || std::strcmp(argv[i], "--cost") == 0;
  }
  const int c = costTable(quick);  // first, while this process is still small
  const int a = costOnly ? 0 : alignmentSweep(quick);
  return a != 0 ? a : c;
}
