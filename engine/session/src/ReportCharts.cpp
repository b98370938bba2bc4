// ReportCharts: the chart sections of report.html, each an SVG plus a data table for people
// who cannot see it.
#include "ReportCharts.hpp"

#include <algorithm>
#include <cmath>
#include <map>

#include <nlohmann/json.hpp>

#include "mimesis/session/Svg.hpp"
#include "SvgHeatMap.hpp"
#include "mimesis/session/SvgLineChart.hpp"
#include "mimesis/session/ReportLearningCurve.hpp"

namespace mimesis::report {
namespace {

using svg::escape;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

enum SeriesStyle : unsigned { kLine = 1, kStep = 2, kMarkers = 4, kDashed = 8, kRightAxis = 16 };

svg::Series series(std::string name, const char* colour, unsigned style) {
  svg::Series s;
  s.name = std::move(name);
  s.colour = colour;
  s.line = (style & kLine) != 0;
  s.step = (style & kStep) != 0;
  s.markers = (style & kMarkers) != 0;
  s.dashed = (style & kDashed) != 0;
  s.rightAxis = (style & kRightAxis) != 0;
  return s;
}

// Consecutive trials of one stage become one band, on the trial axis or the session clock.
std::vector<svg::Band> stageBands(const HeadlessResult& r, bool sessionTime) {
  std::vector<svg::Band> bands;
  for (const TrialRecord& t : r.trials) {
    const double x0 = sessionTime ? t.startTime : t.trial + 0.5;
    const double x1 = sessionTime ? t.endTime : t.trial + 1.5;
    const std::string label(stageName(t.stage));
    if (!bands.empty() && bands.back().label == label) {
      bands.back().x1 = x1;
      continue;
    }
    bands.push_back({x0, x1, label, svg::stageTint(t.stage)});
  }
  return bands;
}

// A chart over the trial axis (trial 1 at x = 1), with the stages as bands behind it.
svg::LineChart perTrialChart(const HeadlessResult& r, std::string title, std::string yLabel) {
  svg::LineChart c;
  c.title = std::move(title);
  c.xLabel = "trial";
  c.yLabel = std::move(yLabel);
  c.xMin = 0.5;
  c.xMax = static_cast<double>(r.trials.size()) + 0.5;
  c.bands = stageBands(r, false);
  return c;
}

std::string details(const std::string& summary, const std::string& header, const std::string& rows) {
  return "<details><summary>" + summary + "</summary>\n<table>\n<thead><tr>" + header + "</tr></thead>\n<tbody>\n" +
         rows + "</tbody>\n</table></details>\n";
}

std::string fitRow(const LearningCurveFit& f, bool chosen) {
  return "<tr><td>" + escape(f.modelName()) + (chosen ? " (drawn)" : "") + "</td><td>" + escape(f.formula()) +
         "</td><td>" + (f.model == LearningCurveFit::Model::None ? "\u2013" : svg::n(f.a, 3)) + "</td><td>" +
         (f.model == LearningCurveFit::Model::None ? "\u2013" : svg::n(f.b, 3)) + "</td><td>" +
         (f.model == LearningCurveFit::Model::None ? "\u2013" : svg::n(f.rmse, 2)) + "</td><td>" +
         std::to_string(f.points) + "</td></tr>\n";
}

}  // namespace

std::string scoreSection(const Lesson& lesson, const HeadlessResult& r) {
  std::vector<ScorePoint> pts;
  svg::Series scores = series("score (performed trials)", svg::kBlue, kLine | kMarkers);
  for (const TrialRecord& t : r.trials)
    if (t.performed) {
      pts.push_back({static_cast<double>(t.trial + 1), t.score});
      scores.points.push_back({static_cast<double>(t.trial + 1), t.score});
    }
  const LearningCurveFits fits = fitLearningCurve(pts);
  const LearningCurveFit& best = fits.best();

  svg::LineChart c = perTrialChart(r, "Score per trial", "score (0\u2013100)");
  c.yMin = 0.0;
  c.yMax = 100.0;
  c.series.push_back(scores);
  if (best.model != LearningCurveFit::Model::None) {
    svg::Series curve = series("fitted " + best.modelName(), svg::kVermillion, kLine | kDashed);
    const double last = static_cast<double>(r.trials.size());
    for (double x = pts.front().trial; x <= last + 1e-9; x += 0.25) curve.points.push_back({x, best.predict(x)});
    c.series.push_back(curve);
  }
  std::string desc = std::to_string(pts.size()) + " performed trial(s) out of " + std::to_string(r.trials.size()) + ".";
  if (!pts.empty()) desc += " First score " + svg::n(pts.front().score, 1) + ", last " + svg::n(pts.back().score, 1) + ".";
  if (best.model != LearningCurveFit::Model::None)
    desc += " Best fit (" + best.modelName() + "): " + best.formula() + ", RMSE " + svg::n(best.rmse, 2) + " points.";
  c.description = desc;

  std::string o = "<section id=\"scores\">\n<h2>Score per trial and learning curve</h2>\n";
  o += "<p>" + escape(desc) + " Background bands show the stage of each trial.</p>\n";
  o += svg::renderLineChart(c, "chart-scores");
  o += "<h3>Learning-curve fits</h3>\n<p>Least squares on log(100 \u2212 score) against the trial number n "
       "(deficits clamped to 0.5\u2013100). b &gt; 0 means the gap to a perfect score is closing.</p>\n";
  o += "<table class=\"fits\">\n<thead><tr><th>model</th><th>formula</th><th>a</th><th>b</th><th>RMSE (points)</th>"
       "<th>points</th></tr></thead>\n<tbody>\n";
  o += fitRow(fits.powerLaw, &best == &fits.powerLaw && best.model != LearningCurveFit::Model::None);
  o += fitRow(fits.exponential, &best == &fits.exponential && best.model != LearningCurveFit::Model::None);
  o += "</tbody>\n</table>\n";
  std::string rows;
  for (const TrialRecord& t : r.trials) {
    const StageCriteria& crit = lesson.stages[static_cast<std::size_t>(t.stage)];
    rows += "<tr><td>" + std::to_string(t.trial + 1) + "</td><td>" + std::string(stageName(t.stage)) + "</td><td>" +
            (t.performed ? svg::n(t.score, 1) : "watched") + "</td><td>" + svg::n(crit.passScore, 0) + "</td><td>" +
            (!t.performed ? "\u2013" : t.cutShort ? "no (cut short)" : t.score >= crit.passScore ? "yes" : "no") +
            "</td></tr>\n";
  }
  o += details("Scores as a table", "<th>trial</th><th>stage</th><th>score</th><th>pass score</th><th>passed</th>", rows);
  return o + "</section>\n";
}

std::string heatMapSection(const std::vector<TrialDigest>& digests) {
  // Rows and columns in order of first appearance; values are means over the scored trials.
  std::vector<std::string> rows, cols;
  std::map<std::pair<std::string, std::string>, std::pair<double, int>> acc;
  int scored = 0;
  for (const TrialDigest& d : digests) {
    if (!d.scored) continue;
    ++scored;
    for (const SegmentScores& s : d.segments) {
      if (std::find(rows.begin(), rows.end(), s.name) == rows.end()) rows.push_back(s.name);
      for (const GroupScore& g : s.groups) {
        if (std::find(cols.begin(), cols.end(), g.name) == cols.end()) cols.push_back(g.name);
        auto& a = acc[{s.name, g.name}];
        a.first += g.score;
        a.second += 1;
      }
    }
  }
  std::string o = "<section id=\"heatmap\">\n<h2>Segments \u00d7 joint groups</h2>\n";
  if (rows.empty() || cols.empty()) {
    o += "<p>No trial was scored, so there is no segment \u00d7 joint-group breakdown.</p>\n";
    return o + "</section>\n";
  }
  svg::HeatMap m;
  m.title = "Mean score by segment and joint group";
  m.description = "Mean over " + std::to_string(scored) + " scored trial(s) of each joint group's score within each "
                  "segment of the clip; higher is better; hatched cells were not measured.";
  m.rowLabel = "segment";
  m.columnLabel = "joint group";
  m.rows = rows;
  m.columns = cols;
  m.unit = "points";
  // The ramp spans the scores present (from a multiple of 10, at most 50) so differences show.
  double lowest = 100.0;
  for (const auto& [key, a] : acc) lowest = std::min(lowest, a.first / a.second);
  m.lo = std::min(50.0, 10.0 * std::floor(lowest / 10.0));
  m.hi = 100.0;
  std::string tableRows;
  for (const std::string& row : rows) {
    tableRows += "<tr><th scope=\"row\">" + escape(row) + "</th>";
    for (const std::string& col : cols) {
      const auto it = acc.find({row, col});
      const double v = it == acc.end() ? kNaN : it->second.first / it->second.second;
      m.values.push_back(v);
      tableRows += "<td>" + (std::isfinite(v) ? svg::n(v, 1) : std::string("\u2013")) + "</td>";
    }
    tableRows += "</tr>\n";
  }
  std::string header = "<th>segment</th>";
  for (const std::string& col : cols) header += "<th>" + escape(col) + "</th>";
  o += "<p>" + escape(m.description) + "</p>\n";
  o += svg::renderHeatMap(m, "chart-heatmap");
  o += details("Heat map as a table", header, tableRows);
  return o + "</section>\n";
}

std::string lagGainSection(const HeadlessResult& r, const std::vector<TrialDigest>& digests) {
  svg::LineChart c = perTrialChart(r, "Lag and gain per trial", "lag (ms, > 0: late)");
  c.yRightLabel = "gain (learner on expert, 1 = same size)";
  c.yRightMin = 0.0;
  svg::Series lag = series("lag (ms)", svg::kBlue, kLine | kMarkers);
  svg::Series gain = series("gain", svg::kOrange, kLine | kMarkers | kDashed | kRightAxis);
  std::string rows;
  for (std::size_t i = 0; i < r.trials.size() && i < digests.size(); ++i) {
    const double x = static_cast<double>(r.trials[i].trial + 1);
    const TrialDigest& d = digests[i];
    lag.points.push_back({x, d.scored ? d.lagMs : kNaN});
    gain.points.push_back({x, d.gain ? *d.gain : kNaN});
    if (d.scored)
      rows += "<tr><td>" + std::to_string(r.trials[i].trial + 1) + "</td><td>" + svg::n(d.lagMs, 0) + "</td><td>" +
              (d.gain ? svg::n(*d.gain, 2) : std::string("\u2013")) + "</td></tr>\n";
  }
  c.series = {lag, gain};
  c.description = "Per scored trial, the median lag of the learner behind the expert (left axis, ms) and the movement "
                  "amplitude relative to the expert (right axis, 1 = same size).";

  // Live: the mirror model's running fit over session time, thinned to at most ~600 points.
  svg::LineChart live;
  live.title = "Live lag and gain over the session";
  live.xLabel = "session time (s)";
  live.yLabel = "lag (ms)";
  live.yRightLabel = "gain";
  live.yRightMin = 0.0;
  live.bands = stageBands(r, true);
  live.description = "The mirror model's running estimate of the learner's lag (left axis) and gain (right axis) "
                     "while performing; gaps where it had no valid fit.";
  svg::Series liveLag = series("live lag (ms)", svg::kBlue, kLine);
  svg::Series liveGain = series("live gain", svg::kOrange, kLine | kDashed | kRightAxis);
  const std::size_t stride = std::max<std::size_t>(1, (r.frames.size() + 599) / 600);
  for (std::size_t i = 0; i < r.frames.size(); i += stride) {
    const FrameSample& f = r.frames[i];
    liveLag.points.push_back({f.time, f.fitValid ? f.lagMs : kNaN});
    liveGain.points.push_back({f.time, f.fitValid ? f.gain : kNaN});
  }
  live.series = {liveLag, liveGain};

  std::string o = "<section id=\"lag-gain\">\n<h2>Lag and gain</h2>\n<p>" + escape(c.description) + "</p>\n";
  o += svg::renderLineChart(c, "chart-lag-gain");
  o += svg::renderLineChart(live, "chart-live-lag");
  o += details("Lag and gain as a table", "<th>trial</th><th>lag (ms)</th><th>gain</th>", rows);
  return o + "</section>\n";
}

std::string guidanceSection(const HeadlessResult& r) {
  // The feedback timeline: one state per change, held until the next.
  svg::Series ghost = series("ghost opacity", svg::kGreen, kLine | kStep);
  svg::Series tempo = series("tempo (\u00d7 recorded speed)", svg::kPurple, kLine | kStep | kDashed);
  double maxTempo = 1.0, lastTime = 0.0;
  for (const std::string& line : r.feedbackLog) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("time") || !j["time"].is_number() || !j.contains("state") ||
        !j["state"].is_object())
      continue;
    const auto& st = j["state"];
    const double t = j["time"].get<double>();
    const double g = st.contains("ghostOpacity") && st["ghostOpacity"].is_number() ? st["ghostOpacity"].get<double>() : kNaN;
    const double v = st.contains("tempo") && st["tempo"].is_number() ? st["tempo"].get<double>() : kNaN;
    if (!std::isfinite(t)) continue;
    ghost.points.push_back({t, g});
    tempo.points.push_back({t, v});
    if (std::isfinite(v)) maxTempo = std::max(maxTempo, v);
    lastTime = std::max(lastTime, t);
  }
  const double end = r.trials.empty() ? lastTime : std::max(lastTime, r.trials.back().endTime);
  if (!ghost.points.empty()) {  // hold the last state to the end of the session
    ghost.points.push_back({end, ghost.points.back().y});
    tempo.points.push_back({end, tempo.points.back().y});
  }
  svg::LineChart c;
  c.title = "How the guidance faded";
  c.xLabel = "session time (s)";
  c.yLabel = "ghost opacity (0\u20131) / tempo (\u00d7)";
  c.yMin = 0.0;
  c.yMax = std::min(maxTempo, 4.0) + 0.05;
  c.xMin = 0.0;
  c.xMax = end > 0.0 ? end : 1.0;
  c.bands = stageBands(r, true);
  c.series = {ghost, tempo};
  c.description = "The ghost's opacity and the expert's playback tempo chosen by the mirror model over session time, "
                  "from feedback.jsonl; background bands are the stages.";
  std::string rows;
  for (const TrialRecord& t : r.trials)
    rows += "<tr><td>" + std::to_string(t.trial + 1) + "</td><td>" + std::string(stageName(t.stage)) + "</td><td>" +
            svg::n(t.startTime, 1) + "</td><td>" + svg::n(t.ghostOpacity, 2) + "</td><td>" + svg::n(t.tempo, 2) +
            "</td><td>" + (t.loopedSegmentName.empty() ? "whole clip" : escape(t.loopedSegmentName)) + "</td></tr>\n";
  std::string o = "<section id=\"guidance\">\n<h2>How the guidance faded</h2>\n<p>" + escape(c.description) + "</p>\n";
  o += svg::renderLineChart(c, "chart-guidance");
  o += details("Guidance per trial as a table",
               "<th>trial</th><th>stage</th><th>start (s)</th><th>ghost opacity</th><th>tempo</th><th>practised</th>",
               rows);
  return o + "</section>\n";
}

}  // namespace mimesis::report
