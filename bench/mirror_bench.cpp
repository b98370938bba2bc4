// mirror_bench: cost of one MirrorModel::update (observer + per-frame policy) on a steady
// stream of two tracked hands. Target (issue 4): median <= 5 us per frame in Release.
#include <benchmark/benchmark.h>

#include <vector>

#include "mimesis/mirror/MirrorModel.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"

namespace {

using namespace mimesis;

void BM_MirrorUpdate(benchmark::State& state) {
  auto loaded = loadKeyframeClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/hold-and-tap.mkeys");
  if (!loaded) {
    state.SkipWithError("asset missing");
    return;
  }
  const Clip expert = *loaded;
  LearnerParams p;
  p.lagMs = 200;
  p.gain = 0.9;
  const Clip learner = simulateLearner(expert, p, 0);
  MirrorModel model(MirrorConfig{}, LessonLayout::fromClip(expert));
  model.start(0.0);
  model.endTrial(0.0);  // Watch -> Imagine
  model.endTrial(0.0);  // Imagine -> Guided: cues and all per-frame work are live
  const std::size_t n = std::min(expert.frames.size(), learner.frames.size());
  std::size_t i = 0;
  double t = 0.0;
  for (auto _ : state) {
    ObservedFrame f;
    f.time = t;
    f.expertTime = expert.frames[i].time;
    f.expert = &expert.frames[i];
    f.learner = &learner.frames[i];
    f.stage = Stage::Guided;
    benchmark::DoNotOptimize(model.update(f));
    t += 1.0 / 90.0;
    i = (i + 1) % n;
  }
  // Per-update figures: the CPU column is the cost of one update; the target is <= 5 us (median).
  state.counters["updates_per_s_cpu"] = benchmark::Counter(static_cast<double>(state.iterations()),
                                                          benchmark::Counter::kIsRate);
  state.counters["target_us"] = 5.0;
}
BENCHMARK(BM_MirrorUpdate)->Repetitions(9)->ReportAggregatesOnly(true);

}  // namespace

BENCHMARK_MAIN();
