// Real data: UI-PRMD Kinect takes. Correct repetitions must score higher against a correct
// reference than incorrect ones (AUROC per exercise), and far higher than other exercises.
//
// Protocol (subsampled to stay fast): for every exercise m01..m10 and subject s01..s05 the
// reference ("expert") is the correct take e01; positives are the same subject's correct takes
// e02..e04, negatives the same subject's incorrect takes e01..e03. AUROC per exercise =
// P(score(positive) > score(negative)) over all positive × negative pairs of that exercise
// (ties count half), pooled over subjects. Cross-exercise: each subject's m_k e01 reference
// against m_{k+1} e02. The full protocol, with the plain-DTW baseline, is UiPrmdValidityTest.cpp.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "SharedData.hpp"
#include "mimesis/motion_import/UiPrmd.hpp"
#include "mimesis/scoring/Scorer.hpp"

#define MIMESIS_UIPRMD_MEAN_AUROC_FLOOR 0.94  // measured 0.953 (0.837 before the issue-17 weights)
#define MIMESIS_UIPRMD_MIN_AUROC_FLOOR 0.78  // measured 0.800 (m08; 0.649 before)

namespace mimesis {
namespace {

const std::string kRoot = std::string(MIMESIS_SHARED_DATA_DIR) + "/ui-prmd";

std::string takePath(int m, int s, int e, bool correct) {
  char buf[256];
  if (correct)
    std::snprintf(buf, sizeof buf, "%s/Segmented Movements/Kinect/Positions/m%02d_s%02d_e%02d_positions.txt.gz",
                  kRoot.c_str(), m, s, e);
  else
    std::snprintf(buf, sizeof buf,
                  "%s/Incorrect Segmented Movements/Kinect/Positions/m%02d_s%02d_e%02d_positions_inc.txt.gz",
                  kRoot.c_str(), m, s, e);
  return buf;
}

const Clip* take(int m, int s, int e, bool correct) {
  static std::map<std::string, Clip> cache;
  const std::string p = takePath(m, s, e, correct);
  auto it = cache.find(p);
  if (it != cache.end()) return &it->second;
  if (!std::filesystem::exists(p)) return nullptr;
  auto c = loadUiPrmd(p);
  if (!c.ok()) {
    ADD_FAILURE() << c.error().describe();
    return nullptr;
  }
  return &cache.emplace(p, std::move(c.value())).first->second;
}

double scoreOf(const Clip& e, const Clip& l) {
  auto r = scorePerformance(e, l, {});
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return r.ok() ? r->score : 0.0;
}

TEST(UiPrmdScoring, CorrectTakesBeatIncorrectAndOtherExercises) {
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd/labels.csv");
  double aurocSum = 0.0, sameSum = 0.0, incSum = 0.0, otherSum = 0.0;
  int exercises = 0, nSame = 0, nInc = 0, nOther = 0;
  double minAuroc = 1.0;
  for (int m = 1; m <= 10; ++m) {
    std::vector<double> pos, neg;
    for (int s = 1; s <= 5; ++s) {
      const Clip* ref = take(m, s, 1, true);
      if (!ref) continue;
      for (int e = 2; e <= 4; ++e)
        if (const Clip* c = take(m, s, e, true)) pos.push_back(scoreOf(*ref, *c));
      for (int e = 1; e <= 3; ++e)
        if (const Clip* c = take(m, s, e, false)) neg.push_back(scoreOf(*ref, *c));
      if (const Clip* other = take(m % 10 + 1, s, 2, true)) {
        otherSum += scoreOf(*ref, *other);
        ++nOther;
      }
    }
    if (pos.empty() || neg.empty()) continue;
    double wins = 0.0;
    for (double p : pos)
      for (double n : neg) wins += p > n ? 1.0 : (p == n ? 0.5 : 0.0);
    const double auroc = wins / static_cast<double>(pos.size() * neg.size());
    double mp = 0, mn = 0;
    for (double p : pos) mp += p;
    for (double n : neg) mn += n;
    mp /= static_cast<double>(pos.size());
    mn /= static_cast<double>(neg.size());
    std::printf("m%02d  AUROC %.3f  mean score correct %.1f  incorrect %.1f  (%zu x %zu pairs)\n", m, auroc, mp, mn,
                pos.size(), neg.size());
    aurocSum += auroc;
    minAuroc = std::min(minAuroc, auroc);
    sameSum += mp * static_cast<double>(pos.size());
    nSame += static_cast<int>(pos.size());
    incSum += mn * static_cast<double>(neg.size());
    nInc += static_cast<int>(neg.size());
    ++exercises;
  }
  ASSERT_EQ(exercises, 10);
  const double meanAuroc = aurocSum / exercises, same = sameSum / nSame, inc = incSum / nInc,
               other = otherSum / nOther;
  std::printf("mean AUROC %.3f (min %.3f); mean score correct %.1f, incorrect %.1f, other exercise %.1f\n",
              meanAuroc, minAuroc, same, inc, other);
  // Floors pinned a little under the measured figures (see engine/scoring/SCORE_REPORT.md).
  EXPECT_GE(meanAuroc, MIMESIS_UIPRMD_MEAN_AUROC_FLOOR);
  EXPECT_GE(minAuroc, MIMESIS_UIPRMD_MIN_AUROC_FLOOR);
  EXPECT_GT(same, inc);
  EXPECT_GT(inc, other + 10.0);
}

}  // namespace
}  // namespace mimesis
