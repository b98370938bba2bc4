// The span summary (ScoreSummary.hpp).
#include "ScoreSummary.hpp"

#include <algorithm>
#include <optional>

#include "mimesis/scoring/Gain.hpp"

namespace mimesis::detail {

// Weight of each reported group in the shape mean: 1, except a body's root group (the trunk),
// which takes ScoringConfig::bodyTrunkShapeShare of the body's total.
std::vector<double> shapeWeights(const StreamLayout& layout, const std::vector<int>& groups, const ScoringConfig& cfg) {
  std::vector<double> w(groups.size(), 1.0);
  int bodyGroups = 0;
  for (int g : groups) bodyGroups += layout.groups[static_cast<std::size_t>(g)].unit == static_cast<int>(UnitKind::Body);
  const double share = std::clamp(cfg.bodyTrunkShapeShare, 0.0, 0.95);
  for (std::size_t k = 0; k < groups.size(); ++k) {
    const TrackGroup& g = layout.groups[static_cast<std::size_t>(groups[k])];
    if (g.unit == static_cast<int>(UnitKind::Body) && g.isUnitRoot && bodyGroups > 1)
      w[k] = share / (1.0 - share) * static_cast<double>(bodyGroups - 1);
  }
  return w;
}

// `match`: the span's body pose match, when measured (PoseMatch.hpp).
Summary summarise(const std::vector<GroupReport>& groups, const std::vector<double>& shapeWeight,
                  const TimingMetrics& timing, const detail::PoseMatch& match, const ScoringConfig& cfg) {
  Summary s;
  double nScore = 0, nPosture = 0, nPlace = 0, nSmooth = 0, nAll = 0, wShape = 0, shapeRef = 0;
  for (std::size_t k = 0; k < groups.size(); ++k) {
    const GroupReport& g = groups[k];
    s.validity += g.validity;
    ++nAll;
    if (!g.scorable) continue;
    const double w = shapeWeight[k];
    s.shapeMm += w * g.shapeMm;
    shapeRef += w * (g.unit == "body" ? cfg.references.bodyShapeMm : cfg.references.shapeMm);
    wShape += w;
    s.tremorMm = std::max(s.tremorMm, g.tremorMm);
    ++nScore;
    // Means over the groups where the metric was measured: an unmeasured one is not a zero.
    if (g.scores.hasPosture) { s.postureDeg += g.postureDeg; ++nPosture; }
    if (g.hasSmoothness) { s.smoothnessLoss += g.smoothnessLoss; ++nSmooth; }
    if (g.hasPlacement) { s.placementMm += g.placementMm; ++nPlace; }
  }
  if (nAll > 0) s.validity /= nAll;
  if (wShape > 0) { s.shapeMm /= wShape; shapeRef /= wShape; }
  if (nPosture > 0) { s.postureDeg /= nPosture; s.hasPosture = true; }
  if (nSmooth > 0) { s.smoothnessLoss /= nSmooth; s.hasSmoothness = true; }
  if (nPlace > 0) { s.placementMm /= nPlace; s.hasPlacement = true; }
  if (const std::optional<double> g = learnerGain(groups)) { s.gain = *g; s.hasGain = true; }
  const ScoreReferences& ref = cfg.references;
  s.scores.shape = scoreFromError(s.shapeMm, shapeRef);
  s.scores.posture = scoreFromError(s.postureDeg, ref.postureDeg);
  s.scores.placement = scoreFromError(s.placementMm, ref.placementMm);
  s.scores.timing = scoreFromError(std::fabs(timing.lagMs), ref.lagMs);
  s.scores.rhythm = scoreFromError(timing.irregularityMs, ref.irregularityMs);
  s.scores.smoothness = scoreFromError(s.smoothnessLoss, ref.smoothness);
  s.scores.coverage = 100.0 * std::clamp(timing.coverage, 0.0, 1.0);
  s.scores.hasPosture = s.hasPosture;
  s.scores.hasPlacement = s.hasPlacement;
  s.scores.hasSmoothness = s.hasSmoothness;
  if (!s.hasPosture) s.scores.posture = 0.0;
  if (!s.hasPlacement) s.scores.placement = 0.0;
  if (!s.hasSmoothness) s.scores.smoothness = 0.0;
  s.scores.hasMatch = match.measured;
  s.scores.match = match.measured ? scoreFromError(match.mm, ref.bodyMatchMm) : 0.0;
  s.score = nScore > 0 ? combineScores(s.scores, cfg.weights, true) : 0.0;
  return s;
}

}  // namespace mimesis::detail
