// .mrec throughput: encoding, writing and reading a 10 000-frame, two-hand 90 Hz recording.
#include <benchmark/benchmark.h>

#include <cmath>
#include <cstdio>
#include <string>
#include <unistd.h>

#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

namespace mimesis {
namespace {

constexpr int kFrames = 10000;

// Both hands fully tracked with moving joints and a head: the common live-session case.
const Clip& benchClip() {
  static const Clip clip = [] {
    Clip c;
    c.info.name = "bench";
    c.rate = 90.0;
    c.frames.resize(kFrames);
    for (int i = 0; i < kFrames; ++i) {
      Frame& f = c.frames[i];
      f.time = i / 90.0;
      f.hasHead = true;
      f.head.position = {0.0f, 1.6f, 0.001f * static_cast<float>(i)};
      for (HandPose& h : f.hands) {
        h.active = true;
        for (int j = 0; j < kHandJointCount; ++j) {
          const float t = 0.01f * static_cast<float>(i) + 0.3f * static_cast<float>(j);
          h.joints[j].pose.position = {std::sin(t), std::cos(t), 0.1f * t};
          h.joints[j].pose.orientation = glm::normalize(glm::quat(std::cos(t), std::sin(t), 0.1f, 0.2f));
          h.joints[j].radius = 0.01f;
          h.joints[j].flags = kJointFullyTracked;
        }
      }
    }
    return c;
  }();
  return clip;
}

std::string benchPath() { return "/tmp/mimesis_mrec_bench_" + std::to_string(::getpid()) + ".mrec"; }

void setRates(benchmark::State& state, std::size_t bytes) {
  state.counters["frames_per_s"] = benchmark::Counter(static_cast<double>(state.iterations()) * kFrames,
                                                      benchmark::Counter::kIsRate);
  state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations()) * static_cast<std::int64_t>(bytes));
}

void BM_MrecEncode(benchmark::State& state) {
  std::size_t bytes = 0;
  for (auto _ : state) {
    auto b = encodeMrec(benchClip());
    bytes = b->size();
    benchmark::DoNotOptimize(b->data());
  }
  setRates(state, bytes);
}
BENCHMARK(BM_MrecEncode)->Unit(benchmark::kMillisecond);

void BM_MrecDecode(benchmark::State& state) {
  const auto bytes = *encodeMrec(benchClip());
  for (auto _ : state) {
    auto f = readMrecBytes(bytes, "bench");
    benchmark::DoNotOptimize(f->clip.frames.data());
  }
  setRates(state, bytes.size());
}
BENCHMARK(BM_MrecDecode)->Unit(benchmark::kMillisecond);

void BM_MrecWriteFile(benchmark::State& state) {
  const std::string path = benchPath();
  for (auto _ : state) {
    if (!writeMrec(path, benchClip()).ok()) state.SkipWithError("write failed");
  }
  setRates(state, encodeMrec(benchClip())->size());
  std::remove(path.c_str());
}
BENCHMARK(BM_MrecWriteFile)->Unit(benchmark::kMillisecond);

// The live path: one appendFrame per frame, a chunk written and fflush'ed every 9 frames.
void BM_MrecStreamingWriter(benchmark::State& state) {
  const std::string path = benchPath();
  for (auto _ : state) {
    auto w = MrecWriter::create(path, benchClip().info, 90.0, {});
    for (const Frame& f : benchClip().frames) benchmark::DoNotOptimize(w->appendFrame(f).ok());
    if (!w->close().ok()) state.SkipWithError("close failed");
  }
  setRates(state, encodeMrec(benchClip())->size());
  std::remove(path.c_str());
}
BENCHMARK(BM_MrecStreamingWriter)->Unit(benchmark::kMillisecond);

void BM_MrecReadFile(benchmark::State& state) {
  const std::string path = benchPath();
  if (!writeMrec(path, benchClip()).ok()) state.SkipWithError("write failed");
  for (auto _ : state) {
    auto f = readMrec(path);
    benchmark::DoNotOptimize(f->clip.frames.data());
  }
  setRates(state, encodeMrec(benchClip())->size());
  std::remove(path.c_str());
}
BENCHMARK(BM_MrecReadFile)->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace mimesis

BENCHMARK_MAIN();
