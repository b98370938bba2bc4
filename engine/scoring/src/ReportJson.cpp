// ScoreReport as JSON (schema: ../SCORE_REPORT.md). Key order is fixed (ordered_json) and
// numbers are rounded, so identical reports give identical bytes.
#include <cmath>

#include <nlohmann/json.hpp>

#include "mimesis/core/NumberText.hpp"

#include "mimesis/scoring/ScoreReport.hpp"

namespace mimesis {
namespace {

using json = nlohmann::ordered_json;

// Non-finite as 0 (the schema has numbers there), no "-0.0".
double r3(double v) { return std::isfinite(v) ? roundedTo(v, 3) : 0.0; }
double r2(double v) { return std::isfinite(v) ? roundedTo(v, 2) : 0.0; }

json scoresJson(const MetricScores& s) {
  json j;
  j["shape"] = r2(s.shape);
  j["posture"] = s.hasPosture ? json(r2(s.posture)) : json(nullptr);
  j["placement"] = s.hasPlacement ? json(r2(s.placement)) : json(nullptr);
  j["timing"] = r2(s.timing);
  j["rhythm"] = s.hasRhythm ? json(r2(s.rhythm)) : json(nullptr);
  j["smoothness"] = s.hasSmoothness ? json(r2(s.smoothness)) : json(nullptr);
  j["coverage"] = r2(s.coverage);
  j["match"] = s.hasMatch ? json(r2(s.match)) : json(nullptr);
  return j;
}

json groupJson(const GroupReport& g) {
  json j;
  j["name"] = g.name;
  j["label"] = g.label;
  j["unit"] = g.unit;
  j["scorable"] = g.scorable;
  j["score"] = r2(g.score);
  j["grade"] = std::string(gradeName(g.grade));
  j["shape_mm"] = r3(g.shapeMm);
  j["posture_deg"] = g.scores.hasPosture ? json(r3(g.postureDeg)) : json(nullptr);
  j["placement_mm"] = g.hasPlacement ? json(r3(g.placementMm)) : json(nullptr);
  j["lag_ms"] = r3(g.lagMs);
  j["gain"] = g.hasGain ? json(r3(g.gain)) : json(nullptr);
  j["tremor_mm"] = r3(g.tremorMm);
  j["smoothness_loss"] = g.hasSmoothness ? json(r3(g.smoothnessLoss)) : json(nullptr);
  j["validity"] = r3(g.validity);
  j["scores"] = scoresJson(g.scores);
  j["diagnosis"] = g.diagnosis;
  return j;
}

}  // namespace

std::string toJson(const ScoreReport& r, const JsonOptions& opt) {
  json j;
  j["schema"] = "mimesis.score/1";
  j["score"] = r2(r.score);
  j["grade"] = std::string(gradeName(r.grade));
  j["lag_ms"] = r3(r.lagMs);
  j["tempo"] = r3(r.tempo);
  j["irregularity_ms"] = r3(r.irregularityMs);
  j["gain"] = r.hasGain ? json(r3(r.gain)) : json(nullptr);
  j["mapping"] = std::string(mappingName(r.mapping));
  j["mapping_auto"] = r.mappingAuto;
  j["mapping_confidence"] = r3(r.mappingConfidence);
  j["coverage"] = r3(r.coverage);
  j["validity"] = r3(r.validity);
  j["anchor"] = r.anchor;
  json m;
  m["shape_mm"] = r3(r.shapeMm);
  m["posture_deg"] = r.scores.hasPosture ? json(r3(r.postureDeg)) : json(nullptr);
  m["placement_mm"] = r.scores.hasPlacement ? json(r3(r.placementMm)) : json(nullptr);
  m["tremor_mm"] = r3(r.tremorMm);
  m["smoothness_loss"] = r.scores.hasSmoothness ? json(r3(r.smoothnessLoss)) : json(nullptr);
  m["match_mm"] = r.scores.hasMatch ? json(r3(r.matchMm)) : json(nullptr);
  m["anatomical_cost_per_step"] = r3(r.anatomicalCostPerStep * 1e6);
  m["mirror_cost_per_step"] = r3(r.mirrorCostPerStep * 1e6);
  j["metrics"] = m;
  j["scores"] = scoresJson(r.scores);
  json ex, le;
  ex["name"] = r.expertName;
  ex["frames"] = r.expertFrames;
  ex["duration_s"] = r3(r.expertDuration);
  le["name"] = r.learnerName;
  le["frames"] = r.learnerFrames;
  le["duration_s"] = r3(r.learnerDuration);
  j["expert"] = ex;
  j["learner"] = le;
  j["diagnosis"] = r.diagnosis;
  json groups = json::array();
  for (const GroupReport& g : r.groups) groups.push_back(groupJson(g));
  j["groups"] = groups;
  json segs = json::array();
  for (const SegmentReport& s : r.segments) {
    json sj;
    sj["name"] = s.name;
    sj["automatic"] = s.automatic;
    sj["start_s"] = r3(s.start);
    sj["end_s"] = r3(s.end);
    sj["learner_start_s"] = r3(s.learnerStart);
    sj["learner_end_s"] = r3(s.learnerEnd);
    sj["reached"] = s.reached;
    sj["score"] = r2(s.score);
    sj["grade"] = std::string(gradeName(s.grade));
    sj["lag_ms"] = r3(s.lagMs);
    sj["tempo"] = r3(s.tempo);
    sj["irregularity_ms"] = r3(s.irregularityMs);
    sj["coverage"] = r3(s.coverage);
    sj["validity"] = r3(s.validity);
    sj["match_mm"] = s.scores.hasMatch ? json(r3(s.matchMm)) : json(nullptr);
    sj["scores"] = scoresJson(s.scores);
    sj["diagnosis"] = s.diagnosis;
    json sg = json::array();
    for (const GroupReport& g : s.groups) sg.push_back(groupJson(g));
    sj["groups"] = sg;
    segs.push_back(sj);
  }
  j["segments"] = segs;
  if (opt.includeWarp) {
    json wj = json::array();
    for (std::size_t k = 0; k < r.warpLearner.size() && k < r.warpExpert.size(); ++k)
      wj.push_back(json::array({r.warpLearner[k], r.warpExpert[k]}));
    j["warp"] = wj;
  }
  // A one-line dump is meant to be embedded (JSON Lines, other documents): no line end.
  return opt.indent < 0 ? j.dump() : j.dump(opt.indent) + "\n";
}

}  // namespace mimesis
