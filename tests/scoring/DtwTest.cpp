// The optimised DTW against the plain full-matrix reference, and the band.
#include <gtest/gtest.h>

#include <cmath>

#include "mimesis/scoring/Dtw.hpp"

namespace mimesis {
namespace {

FeatureMatrix wave(int frames, int dim, double speed, double phase) {
  FeatureMatrix m;
  m.frames = frames;
  m.dim = dim;
  m.data.resize(static_cast<std::size_t>(frames * dim));
  for (int i = 0; i < frames; ++i)
    for (int d = 0; d < dim; ++d)
      m.row(i)[d] = static_cast<float>(std::sin(0.05 * speed * i * (1 + 0.1 * d) + phase + d) +
                                       0.2 * std::sin(0.013 * i * speed * (d + 2)));
  return m;
}

TEST(Dtw, OptimisedEqualsReferenceCostOnSmallInputs) {
  for (int n : {40, 97, 150})
    for (bool openEnd : {true, false}) {
      const FeatureMatrix L = wave(n, 16, 1.1, 0.2), E = wave(n + 13, 16, 1.0, 0.0);
      DtwOptions o;
      o.openEnd = openEnd;
      o.coarseMinFrames = 1 << 30;
      const WarpPath a = alignDtw(L, E, o), b = referenceDtw(L, E, o);
      EXPECT_NEAR(a.cost, b.cost, 1e-4 * (1 + b.cost)) << n;
      EXPECT_EQ(a.expertEnd, b.expertEnd);
      EXPECT_EQ(a.learner.front(), 0);
      EXPECT_EQ(a.expert.front(), 0);
      EXPECT_EQ(a.learner.back(), n - 1);
      for (std::size_t k = 1; k < a.size(); ++k) {
        EXPECT_LE(a.learner[k] - a.learner[k - 1], 1);
        EXPECT_LE(a.expert[k] - a.expert[k - 1], 1);
        EXPECT_GE(a.learner[k] - a.learner[k - 1] + a.expert[k] - a.expert[k - 1], 1);
      }
    }
}

TEST(Dtw, CoarseToFineStaysCloseToReference) {
  const FeatureMatrix L = wave(1500, 24, 1.05, 0.1), E = wave(1400, 24, 1.0, 0.0);
  DtwOptions o;
  o.coarseMinFrames = 128;
  const WarpPath a = alignDtw(L, E, o), b = referenceDtw(L, E, o);
  EXPECT_LE(a.cost, b.cost * 1.05 + 1e-9);
  EXPECT_GE(a.cost, b.cost * (1 - 1e-5));
  EXPECT_NEAR(a.expertEnd, b.expertEnd, 10);
}

// Checkpointed backtracking (a path memory budget far below the band's direction bytes) must
// give the very path of the full direction store: same cells, cost and end, ties included.
void expectSamePath(const WarpPath& a, const WarpPath& b) {
  EXPECT_EQ(a.learner, b.learner);
  EXPECT_EQ(a.expert, b.expert);
  EXPECT_EQ(a.cost, b.cost);
  EXPECT_EQ(a.expertEnd, b.expertEnd);
}

TEST(Dtw, CheckpointedPathEqualsFullDirections) {
  for (int n : {2, 7, 40, 97, 300})
    for (bool openEnd : {true, false})
      for (std::size_t budget : {std::size_t{1}, std::size_t{200}, std::size_t{5000}}) {
        const FeatureMatrix L = wave(n, 16, 1.1, 0.2), E = wave(n + 13, 16, 1.0, 0.0);
        DtwOptions full;
        full.openEnd = openEnd;
        full.coarseMinFrames = 1 << 30;
        full.pathMemoryBytes = std::size_t{1} << 40;
        DtwOptions ck = full;
        ck.pathMemoryBytes = budget;
        SCOPED_TRACE(testing::Message() << "n " << n << " open " << openEnd << " budget " << budget);
        expectSamePath(alignDtw(L, E, ck), alignDtw(L, E, full));
      }
}

TEST(Dtw, CheckpointedPathKeepsTieOrderOnFlatInput) {
  // Small integer features: sums are exact, and holds (repeated rows) make many exact ties.
  auto steps = [](int frames, int shift) {
    FeatureMatrix m;
    m.frames = frames;
    m.dim = 8;
    m.data.resize(static_cast<std::size_t>(frames * 8));
    for (int i = 0; i < frames; ++i)
      for (int d = 0; d < 8; ++d) m.row(i)[d] = static_cast<float>(((i + shift) / 9 + d) % 3);
    return m;
  };
  for (bool openEnd : {true, false}) {
    const FeatureMatrix L = steps(180, 4), E = steps(200, 0);
    DtwOptions full;
    full.openEnd = openEnd;
    full.bandFraction = 0.3;
    full.coarseMinFrames = 1 << 30;
    full.pathMemoryBytes = std::size_t{1} << 40;
    DtwOptions ck = full;
    ck.pathMemoryBytes = 64;
    SCOPED_TRACE(openEnd);
    expectSamePath(alignDtw(L, E, ck), alignDtw(L, E, full));
    expectSamePath(alignDtw(L, L, ck), alignDtw(L, L, full));
  }
}

TEST(Dtw, CheckpointedCoarseToFineEqualsFullDirections) {
  const FeatureMatrix L = wave(1500, 24, 1.05, 0.1), E = wave(1400, 24, 1.0, 0.0);
  DtwOptions full;
  full.coarseMinFrames = 128;
  full.pathMemoryBytes = std::size_t{1} << 40;
  DtwOptions ck = full;
  ck.pathMemoryBytes = 1000;
  expectSamePath(alignDtw(L, E, ck), alignDtw(L, E, full));
}

TEST(Dtw, BandRowsAreConnected) {
  DtwOptions o;
  o.bandFraction = 0.02;
  for (auto [n, m] : {std::pair{100, 400}, std::pair{400, 100}, std::pair{1, 50}, std::pair{50, 1}}) {
    const BandRows b = makeBand(n, m, o);
    EXPECT_EQ(b.lo[0], 0);
    for (int i = 0; i < n; ++i) {
      EXPECT_LE(b.lo[static_cast<std::size_t>(i)], b.hi[static_cast<std::size_t>(i)]);
      EXPECT_LT(b.hi[static_cast<std::size_t>(i)], m);
      if (i > 0) {
        EXPECT_LE(b.lo[static_cast<std::size_t>(i)], b.hi[static_cast<std::size_t>(i) - 1] + 1);
      }
    }
  }
}

}  // namespace
}  // namespace mimesis
