// Validity floors (issue 17): the UI-PRMD pair protocol of bench/validity (every movement,
// subject and episode: 450 positive and 500 negative pairs per movement), Mimesis's overall
// score against the plain-DTW baseline computed in the same run. Floors are the figures
// measured with the motion-weighted body shape and the body pose match (engine/scoring/
// SCORING.md) minus 0.002, rounded down, and never below plain DTW's figure minus 0.01; and
// Mimesis must beat plain DTW on every movement. About 15 s on this 2-core machine.
#include <gtest/gtest.h>

#include <filesystem>

#include "../../bench/validity/UiPrmdPairProtocol.hpp"
#include "SharedData.hpp"

namespace mimesis {
namespace {

// Per movement m01..m10; measured: 0.9970 0.9977 0.9369 0.9623 0.9982 0.9885 1.0000 0.8959 0.9968
// 0.9987 (plain DTW 0.9968 0.9791 0.8839 0.9494 0.9911 0.9801 0.9999 0.8628 0.9962 0.9966).
constexpr double kFloor[10] = {0.995, 0.995, 0.934, 0.960, 0.996, 0.986, 0.997, 0.893, 0.994, 0.996};
constexpr double kMeanFloor = 0.975;  // measured 0.9772; plain DTW 0.9636
// Mimesis's mean lead over plain DTW in the same run (measured +0.0136).
constexpr double kMeanLead = 0.012;
// Mimesis above plain DTW on every movement. The closest are m07 (+0.00008: both separate all but
// a few of 225,000 pairs) and m01 (+0.00018; plain DTW's strength there is where the subject
// stood, SCORING.md "DTW@start"): the protocol is deterministic, so a change that loses them fails.

TEST(UiPrmdValidity, OverallScoreSeparatesCorrectFromIncorrectBetterThanPlainDtwOnEveryMovement) {
  const std::string root = std::string(MIMESIS_SHARED_DATA_DIR) + "/ui-prmd";
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd/labels.csv");
  std::string error;
  const auto takes = validity::loadTakes(root, 1, error);
  ASSERT_TRUE(error.empty()) << error;
  ASSERT_EQ(takes.size(), 1000u);
  const validity::ProtocolResult r = validity::runProtocol(takes, ScoringConfig{});
  ASSERT_TRUE(r.error.empty()) << r.error;
  std::printf("%s", validity::formatTable(r, true).c_str());
  ASSERT_EQ(r.movements.size(), 10u);
  for (std::size_t m = 0; m < 10; ++m) {
    const validity::MovementResult& mr = r.movements[m];
    SCOPED_TRACE("m" + std::to_string(mr.movement));
    EXPECT_EQ(mr.positives, 450u);
    EXPECT_EQ(mr.negatives, 500u);
    EXPECT_GE(mr.auroc[validity::kMimesis], kFloor[m]);
    EXPECT_GT(mr.auroc[validity::kMimesis], mr.auroc[validity::kPlainDtw]);
  }
  EXPECT_GE(r.mean[validity::kMimesis], kMeanFloor);
  EXPECT_GE(r.mean[validity::kMimesis], r.mean[validity::kPlainDtw] + kMeanLead);
}

}  // namespace
}  // namespace mimesis
