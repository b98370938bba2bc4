// Validity floors (issue 17): the UI-PRMD pair protocol of bench/validity (every movement,
// subject and episode: 450 positive and 500 negative pairs per movement), Mimesis's overall
// score against the plain-DTW baseline computed in the same run. Floors are the figures
// measured when the weights were chosen (engine/scoring/SCORING.md) minus 0.005, and never
// below plain DTW's figure minus 0.01. About 12 s on this 2-core machine.
#include <gtest/gtest.h>

#include <filesystem>

#include "../../bench/validity/UiPrmdPairProtocol.hpp"
#include "SharedData.hpp"

namespace mimesis {
namespace {

// Per movement m01..m10; measured: 0.995 0.995 0.924 0.943 0.991 0.986 1.000 0.889 0.992 0.996.
constexpr double kFloor[10] = {0.990, 0.990, 0.919, 0.939, 0.986, 0.981, 0.995, 0.884, 0.987, 0.991};
constexpr double kMeanFloor = 0.966;  // measured 0.971; plain DTW 0.964

TEST(UiPrmdValidity, OverallScoreSeparatesCorrectFromIncorrectAtLeastAsWellAsPlainDtw) {
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
    EXPECT_GE(mr.auroc[validity::kMimesis], mr.auroc[validity::kPlainDtw] - 0.01);
  }
  EXPECT_GE(r.mean[validity::kMimesis], kMeanFloor);
  EXPECT_GT(r.mean[validity::kMimesis], r.mean[validity::kPlainDtw]);
}

}  // namespace
}  // namespace mimesis
