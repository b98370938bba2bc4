// Scoring benchmarks: live cost per frame, offline scoring of a 10-minute two-hand performance,
// and the optimised DTW core against the plain full-matrix reference on identical input.
#include <benchmark/benchmark.h>
#include <sys/resource.h>

#include <algorithm>
#include <cmath>
#include <vector>

#include "mimesis/motion/HandPose.hpp"
#include "mimesis/motion/HandSkeleton.hpp"
#include "mimesis/scoring/Dtw.hpp"
#include "mimesis/scoring/LiveScorer.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

// Two hands: wrists on slow loops, fingers curling at different rates; `phase` shifts the
// performance so the learner differs from the expert.
Clip benchClip(double seconds, double phase) {
  Clip c;
  c.rate = 90.0;
  c.info.name = "bench";
  const int n = static_cast<int>(seconds * c.rate);
  c.frames.resize(static_cast<std::size_t>(n));
  const auto& rest = restPositionsRight();
  for (int i = 0; i < n; ++i) {
    Frame& f = c.frames[static_cast<std::size_t>(i)];
    f.time = i / c.rate;
    const double t = f.time * (1.0 + 0.02 * phase) + phase;
    for (Hand h : {Hand::Left, Hand::Right}) {
      const float side = h == Hand::Left ? -1.0f : 1.0f;
      std::array<glm::vec3, kHandJointCount> local = rest;
      for (int fi = 0; fi < kFingerCount; ++fi) {
        const float curl = static_cast<float>(0.5 - 0.5 * std::cos(2.0 * M_PI * (0.3 + 0.1 * fi) * t + fi));
        const auto chain = fingerJoints(static_cast<Finger>(fi));
        for (std::size_t k = 1; k + 1 < chain.size(); ++k) {
          const glm::vec3 pivot = local[chain[k]];
          const glm::quat R = glm::angleAxis(-curl, glm::vec3(1, 0, 0));
          for (std::size_t m = k + 1; m < chain.size(); ++m) local[chain[m]] = pivot + R * (local[chain[m]] - pivot);
        }
      }
      const Pose T_world_wrist{glm::vec3(side * 0.2f + 0.1f * static_cast<float>(std::sin(0.9 * t)), 1.2f,
                                         -0.3f + 0.05f * static_cast<float>(std::cos(0.7 * t))),
                               glm::angleAxis(0.3f * static_cast<float>(std::sin(0.5 * t)), glm::vec3(0, 1, 0))};
      std::array<glm::vec3, kHandJointCount> world{};
      for (int j = 0; j < kHandJointCount; ++j) {
        glm::vec3 p = local[static_cast<std::size_t>(j)];
        p.x *= side;
        world[static_cast<std::size_t>(j)] = T_world_wrist.apply(p);
      }
      handFromPositions(world, T_world_wrist, h, f.hand(h));
    }
  }
  return c;
}

void BM_LiveScorerPerFrame(benchmark::State& state) {
  const Clip expert = benchClip(60.0, 0.0), learner = benchClip(60.0, 0.15);
  auto live = LiveScorer::create(expert, {}, {});
  if (!live.ok()) { state.SkipWithError("create failed"); return; }
  std::size_t i = 0;
  for (auto _ : state) {
    const FrameScore& fs = live->push(learner.frames[i]);
    benchmark::DoNotOptimize(fs.expertFrame);
    if (++i == learner.frames.size()) {
      state.PauseTiming();
      live = LiveScorer::create(expert, {}, {});
      i = 0;
      state.ResumeTiming();
    }
  }
}
BENCHMARK(BM_LiveScorerPerFrame)->ComputeStatistics("median", [](const std::vector<double>& v) {
  std::vector<double> s = v;
  std::sort(s.begin(), s.end());
  return s[s.size() / 2];
})->Repetitions(5)->Unit(benchmark::kMicrosecond);

// The whole offline pipeline on 10 minutes at 90 Hz, two hands, 10 % band.
void BM_ScorePerformance10Min(benchmark::State& state) {
  const Clip expert = benchClip(600.0, 0.0), learner = benchClip(600.0, 0.15);
  ScoringConfig cfg;
  cfg.bandFraction = 0.10;
  int segments = 0;
  for (auto _ : state) {
    auto r = scorePerformance(expert, learner, cfg);
    benchmark::DoNotOptimize(r.ok());
    if (r.ok()) segments = static_cast<int>(r->segments.size());
  }
  // Figures for the report: the target is < 1000 ms CPU per score, peak memory < 500 MB
  // (peak RSS of the whole process, the two 10-minute input clips included).
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  state.counters["frames"] = static_cast<double>(learner.frames.size());
  state.counters["segments"] = segments;
  state.counters["peak_rss_MB"] = static_cast<double>(ru.ru_maxrss) / 1024.0;
  state.counters["target_cpu_ms"] = 1000.0;
}
BENCHMARK(BM_ScorePerformance10Min)->Unit(benchmark::kMillisecond)->Iterations(3);

// DTW only on 10-minute feature matrices (48 dims): the optimised coarse-to-fine aligner.
FeatureMatrix features(int frames, double phase) {
  FeatureMatrix m;
  m.frames = frames;
  m.dim = 48;
  m.data.resize(static_cast<std::size_t>(frames) * 48);
  for (int i = 0; i < frames; ++i)
    for (int d = 0; d < 48; ++d)
      m.row(i)[d] = static_cast<float>(0.1 * std::sin(0.011 * i * (1 + 0.05 * d) + d + phase) +
                                       0.02 * std::sin(0.07 * i + 0.3 * d));
  return m;
}

void BM_AlignDtw10Min(benchmark::State& state) {
  const FeatureMatrix L = features(54000, 0.2), E = features(54000, 0.0);
  DtwOptions o;
  for (auto _ : state) benchmark::DoNotOptimize(alignDtw(L, E, o).cost);
}
BENCHMARK(BM_AlignDtw10Min)->Unit(benchmark::kMillisecond)->Iterations(3);

// Ratio: the optimised aligner (single level, same band) vs the reference on identical input.
void BM_DtwOptimisedSingleLevel(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const FeatureMatrix L = features(n, 0.2), E = features(n, 0.0);
  DtwOptions o;
  o.coarseMinFrames = 1 << 30;
  for (auto _ : state) benchmark::DoNotOptimize(alignDtw(L, E, o).cost);
}
BENCHMARK(BM_DtwOptimisedSingleLevel)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_DtwOptimisedCoarseToFine(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const FeatureMatrix L = features(n, 0.2), E = features(n, 0.0);
  DtwOptions o;
  for (auto _ : state) benchmark::DoNotOptimize(alignDtw(L, E, o).cost);
}
BENCHMARK(BM_DtwOptimisedCoarseToFine)->Arg(2000)->Unit(benchmark::kMillisecond);

void BM_DtwReference(benchmark::State& state) {
  const int n = static_cast<int>(state.range(0));
  const FeatureMatrix L = features(n, 0.2), E = features(n, 0.0);
  DtwOptions o;
  for (auto _ : state) benchmark::DoNotOptimize(referenceDtw(L, E, o).cost);
}
BENCHMARK(BM_DtwReference)->Arg(2000)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mimesis

BENCHMARK_MAIN();
