// Validity benchmark (issue 17): the UI-PRMD pair protocol for Mimesis's overall score, its
// components and a plain-DTW baseline, as a table movement x measure. tools/bench runs it.
// Usage: mimesis_validity_bench [UI-PRMD folder] [--stride N]  (default: ../shared/data/ui-prmd,
// every episode; --stride 2 keeps episodes 1, 3, 5, ... for a quicker look; --pairs FILE writes
// every pair's metrics, overall and per group, metric scores and whole-take measures, as CSV;
// bench/validity/reweigh.py re-scores that dump with other weights or shape references).
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>

#include "TakeMeasures.hpp"
#include "UiPrmdPairProtocol.hpp"

int main(int argc, char** argv) {
  std::string root = std::string(MIMESIS_SHARED_DATA_DIR) + "/ui-prmd";
  int stride = 1;
  std::string pairsPath;  // --pairs FILE: one CSV row per scored pair (metrics per group), for analysis
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--stride") == 0 && i + 1 < argc) stride = std::max(1, std::atoi(argv[++i]));
    else if (std::strcmp(argv[i], "--pairs") == 0 && i + 1 < argc) pairsPath = argv[++i];
    else root = argv[i];
  }
  if (!std::filesystem::exists(root + "/labels.csv")) {
    std::printf("UI-PRMD not present at %s: validity benchmark skipped\n", root.c_str());
    return 0;
  }
  using Clock = std::chrono::steady_clock;
  const auto t0 = Clock::now();
  std::string error;
  const auto takes = mimesis::validity::loadTakes(root, stride, error);
  if (!error.empty()) { std::fprintf(stderr, "%s\n", error.c_str()); return 2; }
  const auto t1 = Clock::now();
  std::FILE* pairs = pairsPath.empty() ? nullptr : std::fopen(pairsPath.c_str(), "w");
  if (!pairsPath.empty() && !pairs) { std::fprintf(stderr, "cannot write %s\n", pairsPath.c_str()); return 2; }
  std::map<const mimesis::Clip*, mimesis::validity::TakeMeasures> measures;
  if (pairs)
    for (const auto& t : takes) measures[&t.clip] = mimesis::validity::measureTake(t.clip);
  bool header = false;
  auto observe = [&](const mimesis::validity::Take& ref, const mimesis::validity::Take& other,
                     const mimesis::ScoreReport& r, double dtw) {
    if (!pairs) return;
    if (!header) {
      std::fprintf(pairs, "movement,subject,ref,other,correct,dtw,score,shape_mm,posture_deg,placement_mm,lag_ms,"
                          "smoothness_loss,coverage,tempo,irregularity_ms,"
                          "s_shape,s_posture,s_placement,s_timing,s_rhythm,s_smoothness,s_coverage,s_match,match_mm,"
                          "e_reach,l_reach,e_excursion,l_excursion,e_speed,l_speed,e_accel,l_accel");
      for (const auto& g : r.groups)
        std::fprintf(pairs, ",%s:shape,%s:posture,%s:placement,%s:gain,%s:lag", g.name.c_str(), g.name.c_str(),
                     g.name.c_str(), g.name.c_str(), g.name.c_str());
      std::fprintf(pairs, "\n");
      header = true;
    }
    std::fprintf(pairs, "%d,%d,%d,%d,%d,%.6f,%.4f,%.4f,%.4f,%.4f,%.3f,%.4f,%.4f,%.4f,%.3f", ref.movement, ref.subject,
                 ref.episode, other.episode, other.correct ? 1 : 0, dtw, r.score, r.shapeMm, r.postureDeg, r.placementMm,
                 r.lagMs, r.smoothnessLoss, r.coverage, r.tempo, r.irregularityMs);
    const auto& s = r.scores;
    std::fprintf(pairs, ",%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.5f,%.4f", s.shape, s.posture, s.placement, s.timing,
                 s.rhythm, s.smoothness, s.coverage, s.hasMatch ? s.match : -1.0, s.hasMatch ? r.matchMm : -1.0);
    const auto& e = measures.at(&ref.clip);
    const auto& l = measures.at(&other.clip);
    std::fprintf(pairs, ",%.4f,%.4f,%.5f,%.5f,%.5f,%.5f,%.6f,%.6f", e.reachM, l.reachM, e.excursionM, l.excursionM,
                 e.speedMps, l.speedMps, e.accelM, l.accelM);
    for (const auto& g : r.groups)
      std::fprintf(pairs, ",%.4f,%.4f,%.4f,%.4f,%.3f", g.shapeMm, g.postureDeg, g.placementMm, g.gain, g.lagMs);
    std::fprintf(pairs, "\n");
  };
  const auto result = mimesis::validity::runProtocol(takes, mimesis::ScoringConfig{}, observe);
  if (pairs) std::fclose(pairs);
  const auto t2 = Clock::now();
  if (!result.error.empty()) { std::fprintf(stderr, "scoring failed: %s\n", result.error.c_str()); return 1; }
  std::printf("UI-PRMD pair protocol, %zu takes from %s (stride %d): AUROC correct vs incorrect\n", takes.size(),
              root.c_str(), stride);
  std::printf("%s", mimesis::validity::formatTable(result, true).c_str());
  std::printf("load %.1f s, protocol %.1f s\n", std::chrono::duration<double>(t1 - t0).count(),
              std::chrono::duration<double>(t2 - t1).count());
  return 0;
}
