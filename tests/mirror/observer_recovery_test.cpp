// The observer recovers a simulated learner's lag (±1 frame), gain (±0.05) and mapping.
#include <gtest/gtest.h>

#include <cstdio>

#include "MirrorSessionHarness.hpp"

namespace mimesis {
namespace {

using testing::loadAsset;

struct Case {
  const char* clip;
  double lagMs;
  double gain;
  LearnerParams::Mapping mapping;
  double noiseMm;
};

// One performance of the whole clip fed frame by frame; estimates read at the end.
ObserverEstimates observe(const Clip& expert, const LearnerParams& p) {
  MirrorConfig config;
  MirrorObserver observer(config, LessonLayout::fromClip(expert));
  const Clip learner = simulateLearner(expert, p, 0);
  const std::size_t n = std::min(expert.frames.size(), learner.frames.size());
  for (std::size_t i = 0; i < n; ++i) {
    ObservedFrame f;
    f.time = static_cast<double>(i) / 90.0;
    f.expertTime = expert.frames[i].time;
    f.expert = &expert.frames[i];
    f.learner = &learner.frames[i];
    f.stage = Stage::Guided;
    observer.update(f);
  }
  return observer.estimates();
}

TEST(ObserverRecovery, LagGainAndMapping) {
  const Case cases[] = {
      {"pinch-and-release.mkeys", 150, 1.0, LearnerParams::Mapping::Anatomical, 1.0},
      {"pinch-and-release.mkeys", 300, 0.8, LearnerParams::Mapping::Mirror, 1.0},
      {"point-and-tap.mkeys", 80, 1.2, LearnerParams::Mapping::Anatomical, 2.0},
      {"point-and-tap.mkeys", 220, 0.9, LearnerParams::Mapping::Mirror, 2.0},
      {"hold-and-tap.mkeys", 200, 1.1, LearnerParams::Mapping::Anatomical, 1.0},
      {"hold-and-tap.mkeys", 120, 0.85, LearnerParams::Mapping::Mirror, 1.0},
  };
  for (const Case& c : cases) {
    const Clip expert = loadAsset(c.clip);
    ASSERT_FALSE(expert.frames.empty()) << c.clip;
    LearnerParams p;
    p.lagMs = c.lagMs;
    p.gain = c.gain;
    p.mapping = c.mapping;
    p.noiseMm = c.noiseMm;
    p.seed = 7;
    const ObserverEstimates e = observe(expert, p);
    const std::string what = std::string(c.clip) + " lag " + std::to_string(c.lagMs) + " gain " +
                             std::to_string(c.gain);
    const ImitationMapping want = c.mapping == LearnerParams::Mapping::Mirror ? ImitationMapping::Mirror
                                                                               : ImitationMapping::Anatomical;
    EXPECT_EQ(e.mapping, want) << what << " confidence " << e.mappingConfidence;
    EXPECT_GT(e.mappingConfidence, 0.5) << what;
    // The learner as a whole: ±1 frame, ±0.05. Each hand alone: ±2 frames (one hand may hold
    // still for long stretches, where low-pass tracking noise dominates its window).
    ASSERT_TRUE(e.learner.valid) << what;
    EXPECT_NEAR(e.learner.lagMs, c.lagMs, 1000.0 / 90.0) << what;
    EXPECT_NEAR(e.learner.gain, c.gain, 0.05) << what;
    EXPECT_GT(e.learner.resonance, 0.9) << what;
    int checked = 0;
    for (const Resonance& r : e.hand) {
      if (!r.valid) continue;
      ++checked;
      EXPECT_NEAR(r.lagMs, c.lagMs, 2000.0 / 90.0) << what;
      EXPECT_NEAR(r.gain, c.gain, 0.05) << what;
      EXPECT_GT(r.resonance, 0.9) << what;
    }
    EXPECT_GE(checked, 1) << what;
    if (::testing::Test::HasFailure())
      for (int k = 0; k < kCellsPerSegment; ++k)
        if (e.cell[k].valid)
          std::printf("  cell %d lag %.1f gain %.3f r %.3f rms %.1f\n", k, e.cell[k].lagMs, e.cell[k].gain,
                      e.cell[k].resonance, e.cell[k].expertRmsMm);
  }
}

}  // namespace
}  // namespace mimesis
