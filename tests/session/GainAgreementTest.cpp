// One estimator per quantity (issue 16, item 6): a simulated learner with a known gain is given
// the same gain by the score table (ScoreReport), the mirror observer's live estimate and the
// lesson report (trials.csv, frames.csv), all computed by scoring/Gain.hpp's gainOf.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <vector>

#include <nlohmann/json.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

// Column `name` of a CSV text (no quoted commas in the columns read here), one value per row.
std::vector<std::string> csvColumn(const std::string& text, const std::string& name) {
  std::istringstream in(text);
  std::string line;
  std::getline(in, line);
  auto split = [](const std::string& l) {
    std::vector<std::string> out;
    std::string cell;
    std::istringstream s(l);
    while (std::getline(s, cell, ',')) out.push_back(cell);
    if (!l.empty() && l.back() == ',') out.emplace_back();
    return out;
  };
  const std::vector<std::string> header = split(line);
  const auto col = static_cast<std::size_t>(std::find(header.begin(), header.end(), name) - header.begin());
  std::vector<std::string> values;
  while (std::getline(in, line)) {
    const std::vector<std::string> cells = split(line);
    values.push_back(col < cells.size() ? cells[col] : std::string());
  }
  return values;
}

TEST(GainAgreement, ScoreTableObserverAndReportAgreeOnASimulatedLearnersGain) {
  for (const char* clip : {"point-and-tap.mkeys", "pinch-and-release.mkeys"}) {
    for (double gain : {0.7, 1.2}) {
      const std::string what = std::string(clip) + " gain " + std::to_string(gain);
      const auto dir = sessionTempDir("gain-agreement");
      const std::string scene = writeScene(dir, "scene.json", R"({"clip": ")" + assetPath(clip) +
                                                                  R"(", "mirror": {"stages": {"watchTrials": 1, "imagineTrials": 0}}})");
      Result<Lesson> lesson = loadLesson(scene);
      ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
      LearnerBehaviour b;
      b.base.lagMs = 150.0;
      b.base.gain = gain;
      b.base.noiseMm = 2.0;
      b.base.learningRate = 0.0;  // the same gain in every trial
      b.base.seed = 3;
      SimulatedLearnerSource source(b);
      Result<HeadlessResult> res = runHeadlessLesson(*lesson, source, 3, (dir / "report").string());
      ASSERT_TRUE(res.ok()) << res.error().describe();

      const std::vector<std::string> csvGain = csvColumn(readBytes(dir / "report" / "trials.csv"), "gain");
      ASSERT_EQ(csvGain.size(), res->trials.size()) << what;
      int scored = 0;
      for (std::size_t t = 0; t < res->trials.size(); ++t) {
        const TrialRecord& tr = res->trials[t];
        if (!tr.performed || !tr.scored) continue;
        ++scored;
        // The score table's gain.
        const auto report = nlohmann::json::parse(tr.reportJson);
        ASSERT_TRUE(report["gain"].is_number()) << what << " trial " << t;
        const double table = report["gain"].get<double>();
        // Bounds: the observer ±0.05 (mirror-model.md); the table ±0.08, because the warp pairs a
        // smaller or larger learner with expert frames nearer its own samples, which pulls the
        // slope towards 1 (measured: 0.769 at 0.7, 1.160 at 1.2 on point-and-tap). The old
        // median of amplitude ratios read 0.81 and 1.11 on pinch-and-release and fails here.
        EXPECT_NEAR(table, gain, 0.08) << what << " trial " << t;
        // The report's per-trial gain is that figure.
        ASSERT_FALSE(csvGain[t].empty()) << what << " trial " << t;
        EXPECT_NEAR(std::stod(csvGain[t]), table, 1e-3) << what << " trial " << t;
        // The observer's whole-learner estimate (frames.csv's gain column) at the trial's last
        // frame with a valid fit: its window then holds this trial's movement only.
        double observed = -1.0;
        for (const FrameSample& f : res->frames)
          if (f.trial == static_cast<int>(t) && f.fitValid) observed = f.gain;
        ASSERT_GE(observed, 0.0) << what << " trial " << t;
        std::printf("%s trial %zu: table %.3f observer %.3f\n", what.c_str(), t, table, observed);
        EXPECT_NEAR(observed, gain, 0.05) << what << " trial " << t;
        EXPECT_NEAR(observed, table, 0.08) << what << " trial " << t;
      }
      EXPECT_GE(scored, 2) << what;
    }
  }
}

}  // namespace
}  // namespace mimesis
