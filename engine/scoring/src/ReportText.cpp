// ScoreReport as CSV (segment × group rows) and as a readable text table.
#include <cmath>
#include <string>

#include "mimesis/core/NumberText.hpp"
#include "mimesis/core/CsvText.hpp"
#include "mimesis/scoring/ScoreReport.hpp"

namespace mimesis {
namespace {

// printf's rounding (the table's numbers always were), non-finite as 0, no "-0.00".
std::string num(double v, int decimals) {
  return printfFixed(std::isfinite(v) ? v : 0.0, decimals, NegativeZero::Drop);
}

std::string joined(const std::vector<std::string>& v, const char* sep) {
  std::string s;
  for (std::size_t i = 0; i < v.size(); ++i) { if (i) s += sep; s += v[i]; }
  return s;
}

void csvRow(std::string& out, const std::string& segment, const GroupReport& g) {
  out += csvCell(segment) + "," + csvCell(g.name) + "," + num(g.score, 2) + "," + std::string(gradeName(g.grade)) + "," +
         num(g.shapeMm, 3) + "," + (g.scores.hasPosture ? num(g.postureDeg, 3) : "") + "," +
         (g.hasPlacement ? num(g.placementMm, 3) : "") + "," + num(g.lagMs, 3) + "," +
         (g.hasGain ? num(g.gain, 3) : "") + "," + num(g.tremorMm, 3) + "," +
         (g.hasSmoothness ? num(g.smoothnessLoss, 3) : "") + "," + num(g.validity, 3) + "," +
         csvCell(joined(g.diagnosis, "; ")) + "\n";
}

// A value, or "-" when it was not measured.
std::string numOr(bool measured, double v, int decimals) { return measured ? num(v, decimals) : "-"; }

std::string pad(std::string s, std::size_t w) {
  if (s.size() < w) s.append(w - s.size(), ' ');
  return s;
}

}  // namespace

std::string toCsv(const ScoreReport& r) {
  std::string out = "segment,group,score,grade,shape_mm,posture_deg,placement_mm,lag_ms,gain,tremor_mm,"
                    "smoothness_loss,validity,diagnosis\n";
  for (const GroupReport& g : r.groups) csvRow(out, "all", g);
  for (const SegmentReport& s : r.segments)
    for (const GroupReport& g : s.groups) csvRow(out, s.name, g);
  return out;
}

std::string formatTable(const ScoreReport& r) {
  std::string o;
  o += "Score " + num(r.score, 1) + "  (" + std::string(gradeName(r.grade)) + ")   expert '" + r.expertName +
       "' " + num(r.expertDuration, 2) + " s, learner '" + r.learnerName + "' " + num(r.learnerDuration, 2) + " s\n";
  o += "mapping " + std::string(mappingName(r.mapping)) + (r.mappingAuto ? " (auto, confidence " + num(r.mappingConfidence, 2) + ")" : "") +
       "   anchor " + r.anchor + "   lag " + num(r.lagMs, 0) + " ms   tempo " + num(r.tempo, 2) + "x   gain " +
       (r.hasGain ? num(r.gain, 2) : std::string("-")) + "\n";
  o += "coverage " + num(r.coverage * 100.0, 0) + "%   validity " + num(r.validity * 100.0, 0) + "%   shape " +
       num(r.shapeMm, 1) + " mm   posture " + numOr(r.scores.hasPosture, r.postureDeg, 1) + " deg   placement " +
       numOr(r.scores.hasPlacement, r.placementMm, 1) + " mm   irregularity " + num(r.irregularityMs, 0) + " ms" +
       (r.scores.hasMatch ? "   match " + num(r.matchMm, 1) + " mm" : "") + "\n";
  const MetricScores& sc = r.scores;
  o += "scores: shape " + num(sc.shape, 0) + "  posture " + numOr(sc.hasPosture, sc.posture, 0) + "  placement " +
       numOr(sc.hasPlacement, sc.placement, 0) + "  timing " + num(sc.timing, 0) + "  rhythm " +
       numOr(sc.hasRhythm, sc.rhythm, 0) + "  smoothness " +
       numOr(sc.hasSmoothness, sc.smoothness, 0) + "  coverage " + num(sc.coverage, 0) +
       (sc.hasMatch ? "  match " + num(sc.match, 0) : "") +
       (sc.hasSmoothness && sc.hasPosture && sc.hasPlacement ? "" : "   (-: not measured)") + "\n";
  o += "diagnosis: " + joined(r.diagnosis, "; ") + "\n\n";
  o += pad("group", 16) + pad("score", 7) + pad("grade", 8) + pad("shape", 8) + pad("posture", 8) + pad("place", 8) +
       pad("lag", 7) + pad("gain", 6) + pad("valid", 6) + "diagnosis\n";
  std::string unit;
  for (const GroupReport& g : r.groups) {
    if (g.unit != unit) {
      unit = g.unit;
      o += "[" + unit + (unit == "body" ? "" : " hand") + "]\n";
    }
    o += pad("  " + g.name.substr(g.name.find('/') + 1), 16) + pad(num(g.score, 1), 7) + pad(std::string(gradeName(g.grade)), 8) +
         pad(num(g.shapeMm, 1), 8) + pad(numOr(g.scores.hasPosture, g.postureDeg, 1), 8) +
         pad(numOr(g.hasPlacement, g.placementMm, 1), 8) +
         pad(num(g.lagMs, 0), 7) + pad(g.hasGain ? num(g.gain, 2) : "-", 6) + pad(num(g.validity * 100.0, 0) + "%", 6) +
         joined(g.diagnosis, "; ") + "\n";
  }
  o += "\n" + pad("segment", 16) + pad("expert s", 14) + pad("score", 7) + pad("grade", 8) + pad("lag", 7) +
       pad("tempo", 7) + pad("cover", 7) + "diagnosis\n";
  for (const SegmentReport& s : r.segments)
    o += pad(s.name, 16) + pad(num(s.start, 2) + "-" + num(s.end, 2), 14) + pad(num(s.score, 1), 7) +
         pad(std::string(gradeName(s.grade)), 8) + pad(num(s.lagMs, 0), 7) + pad(num(s.tempo, 2), 7) +
         pad(num(s.coverage * 100.0, 0) + "%", 7) + joined(s.diagnosis, "; ") + "\n";
  return o;
}

}  // namespace mimesis
