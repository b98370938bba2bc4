// Rules that turn metrics into short coach phrases; thresholds from ScoringConfig.
#include "mimesis/scoring/Diagnosis.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/core/NumberText.hpp"

namespace mimesis {
namespace {

long pct(double x) { return std::lround(std::fabs(x) * 100.0); }

// The findings of the worst-scoring groups that have any, skipping "good".
void worstFindings(const std::vector<GroupReport>& groups, std::size_t maxGroups, std::vector<std::string>& out) {
  std::vector<const GroupReport*> order;
  for (const GroupReport& g : groups) order.push_back(&g);
  std::stable_sort(order.begin(), order.end(), [](const GroupReport* a, const GroupReport* b) { return a->score < b->score; });
  std::size_t used = 0;
  for (const GroupReport* g : order) {
    if (used >= maxGroups) break;
    if (g->diagnosis.empty() || g->diagnosis.front() == "good") continue;
    out.push_back(g->diagnosis.front());
    ++used;
  }
}

}  // namespace

void diagnoseGroup(GroupReport& g, const ScoringConfig& cfg) {
  const DiagnosisThresholds& t = cfg.diagnosis;
  auto& d = g.diagnosis;
  d.clear();
  if (!g.scorable || g.validity < t.minValidity) {
    d.push_back(g.label + " not tracked enough to score (" + std::to_string(pct(g.validity)) + "% of frames)");
    return;
  }
  if (g.hasGain && g.gain < t.frozenGain) d.push_back(g.label + " does not move");
  if (std::fabs(g.lagMs) > t.lagMs)
    d.push_back(g.label + " " + printfFixed(std::fabs(g.lagMs), 0) + (g.lagMs > 0 ? " ms late" : " ms early"));
  if (g.hasGain && g.gain >= t.frozenGain && g.gain < t.gainLow)
    d.push_back(g.label + (g.finger ? " opens " : " moves ") + std::to_string(pct(1.0 - g.gain)) + "% too little");
  if (g.hasGain && g.gain > t.gainHigh)
    d.push_back(g.label + " moves " + std::to_string(pct(g.gain - 1.0)) + "% too much");
  if (g.tremorMm > t.tremorMm) d.push_back("tremor in the " + g.label);
  const double shapeRef = g.unit == "body" ? cfg.references.bodyShapeMm : cfg.references.shapeMm;
  if (g.shapeMm > shapeRef) d.push_back(g.label + " shape off by " + printfFixed(g.shapeMm, 0) + " mm");
  if (g.postureDeg > cfg.references.postureDeg)
    d.push_back(g.label + " angles off by " + printfFixed(g.postureDeg, 0) + " degrees");
  if (g.hasPlacement && g.placementMm > cfg.references.placementMm)
    d.push_back(g.label + " " + printfFixed(g.placementMm, 0) + " mm away from the expert's path");
  if (d.empty()) d.push_back("good");
}

// The body pose match beyond its reference: the movement is not the expert's at any timing
// (a shallower squat), which the per-group shape along the learner's own timing can understate.
static void matchFinding(const MetricScores& scores, double matchMm, const ScoringConfig& cfg, std::vector<std::string>& d) {
  if (scores.hasMatch && matchMm > cfg.references.bodyMatchMm)
    d.push_back("whole body " + printfFixed(matchMm, 0) + " mm off the expert's poses, however timed");
}

// "too fast (1.30x)" / "too slow overall (0.80x)": a tempo beyond the tolerance; `scope` names
// the span ("" for a segment, " overall" for the trial).
static void tempoFinding(double tempo, const char* scope, const ScoringConfig& cfg, std::vector<std::string>& d) {
  const double tol = cfg.diagnosis.tempoTolerance;
  if (tempo > 1.0 + tol || tempo < 1.0 - tol)
    d.push_back(std::string(tempo > 1.0 ? "too fast" : "too slow") + scope + " (" + printfFixed(tempo, 2) + "x)");
}

void diagnoseSegment(SegmentReport& s, const ScoringConfig& cfg) {
  auto& d = s.diagnosis;
  d.clear();
  if (!s.reached) {
    d.push_back("not reached");
    return;
  }
  if (s.coverage < cfg.diagnosis.coverageLow) d.push_back("only " + std::to_string(pct(s.coverage)) + "% of it done");
  tempoFinding(s.tempo, "", cfg, d);
  worstFindings(s.groups, 3, d);
  matchFinding(s.scores, s.matchMm, cfg, d);
  if (d.empty()) d.push_back("good");
}

void diagnoseOverall(ScoreReport& r, const ScoringConfig& cfg) {
  auto& d = r.diagnosis;
  d.clear();
  if (r.mapping == Mapping::Mirror && r.mappingAuto && r.mappingConfidence > 0.2)
    d.push_back("hands mirrored (copied like a mirror image)");
  if (r.coverage < cfg.diagnosis.coverageLow) d.push_back("stopped at " + std::to_string(pct(r.coverage)) + "% of the clip");
  tempoFinding(r.tempo, " overall", cfg, d);
  worstFindings(r.groups, 4, d);
  matchFinding(r.scores, r.matchMm, cfg, d);
  if (d.empty()) d.push_back("good");
}

}  // namespace mimesis
