// ProgressHtml: charts over sessions (the lesson report's SvgLineChart) and the sessions table.
#include "mimesis/progress/ProgressHtml.hpp"

#include <filesystem>
#include <fstream>
#include <limits>

#include <fmt/core.h>

#include "mimesis/session/HtmlReport.hpp"
#include "mimesis/session/Svg.hpp"
#include "mimesis/session/SvgLineChart.hpp"

namespace mimesis {
namespace {

using svg::escape;

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

svg::Series makeSeries(std::string name, const char* colour, bool line, bool markers) {
  svg::Series s;
  s.name = std::move(name);
  s.colour = colour;
  s.line = line;
  s.markers = markers;
  return s;
}

std::string chartFor(const SceneProgress& p, int index) {
  svg::LineChart c;
  c.title = "Scores over sessions: " + p.lesson;
  c.description = fmt::format(
      "Mean and best practice score of each of the {} session(s) of {}, the delayed-retention test score where the "
      "session began with one, and the stage reached at the end of each session on the right axis.",
      p.sessions.size(), p.lesson);
  c.xLabel = "session";
  c.yLabel = "score (0-100)";
  c.yRightLabel = "stage reached (0 watch ... 5 retention)";
  c.yMin = 0.0;
  c.yMax = 100.0;
  c.yRightMin = 0.0;
  c.yRightMax = 5.0;
  c.xMin = 0.5;
  c.xMax = static_cast<double>(p.sessions.size()) + 0.5;
  svg::Series mean = makeSeries("mean practice score", svg::kBlue, true, true);
  svg::Series best = makeSeries("best score", svg::kGreen, true, false);
  best.dashed = true;
  svg::Series retention = makeSeries("delayed-retention test", svg::kVermillion, false, true);
  svg::Series stage = makeSeries("stage reached", svg::kPurple, true, false);
  stage.step = true;
  stage.rightAxis = true;
  for (std::size_t i = 0; i < p.sessions.size(); ++i) {
    const SessionSummary& s = p.sessions[i];
    const double x = static_cast<double>(i + 1);
    mean.points.push_back({x, s.meanScore >= 0.0 ? s.meanScore : kNaN});
    best.points.push_back({x, s.bestScore >= 0.0 ? s.bestScore : kNaN});
    if (s.hasRetentionTest) retention.points.push_back({x, s.retentionScore});
    stage.points.push_back({x, static_cast<double>(s.stageReached)});
  }
  c.series = {mean, best, retention, stage};
  return renderLineChart(c, "progress-" + std::to_string(index));
}

std::string score(double v) { return v >= 0.0 ? svg::n(v, 1) : std::string("\u2013"); }

std::string sessionsTable(const SceneProgress& p) {
  std::string o =
      "<table>\n<thead><tr><th>#</th><th>day</th><th>front end</th><th>stages</th><th>trials</th>"
      "<th>mean</th><th>best</th><th>delayed-retention test</th><th>finished</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < p.sessions.size(); ++i) {
    const SessionSummary& s = p.sessions[i];
    const std::string test = s.hasRetentionTest
                                 ? svg::n(s.retentionScore, 1) + (s.retentionPassed ? " (passed)" : " (below pass)")
                                 : std::string("\u2013");
    o += "<tr><td>" + std::to_string(i + 1) + "</td><td>" + escape(s.started.iso()) + "</td><td>" + escape(s.frontEnd) +
         "</td><td>" + escape(std::string(stageName(s.startStage))) + " \u2192 " +
         escape(std::string(stageName(s.stageReached))) + (s.lessonComplete ? " (complete)" : "") + "</td><td>" +
         std::to_string(s.trials) + "</td><td>" + score(s.meanScore) + "</td><td>" + score(s.bestScore) + "</td><td>" +
         test + "</td><td>" + (s.finished ? "yes" : "no (stopped)") + "</td></tr>\n";
  }
  return o + "</tbody>\n</table>\n";
}

}  // namespace

std::string buildProgressHtml(const std::string& learner, const std::vector<SceneProgress>& scenes,
                              const std::string& today) {
  std::string o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'\">\n<title>Mimesis progress \u2014 " +
                  escape(learner) + "</title>\n<style>" + htmlReportStyle() +
                  "</style>\n</head>\n<body>\n<header>\n<h1>Progress: " + escape(learner) + "</h1>\n";
  std::size_t sessions = 0;
  for (const SceneProgress& p : scenes) sessions += p.sessions.size();
  o += "<p>" + std::to_string(sessions) + " session(s) of " + std::to_string(scenes.size()) + " scene(s), as of " +
       escape(today) + ".</p>\n</header>\n<main>\n";
  int index = 0;
  for (const SceneProgress& p : scenes) {
    o += "<section>\n<h2>" + escape(p.lesson) + "</h2>\n<dl class=\"summary\">\n";
    o += "<dt>scene</dt><dd>" + escape(p.scene) + "</dd>\n";
    o += "<dt>stage reached</dt><dd>" + escape(std::string(stageName(p.stageReached))) +
         (p.lessonComplete ? " (lesson complete)" : "") + "</dd>\n";
    o += "<dt>trend</dt><dd>" + escape(p.trend) + "</dd>\n";
    o += "<dt>last retention test</dt><dd>" +
         (p.hasRetentionTest ? escape(p.lastRetention.started.localDay()) + ", score " +
                                   svg::n(p.lastRetention.retentionScore, 1) +
                                   (p.lastRetention.retentionPassed ? " (passed)" : " (below the pass score)")
                             : std::string("none yet")) +
         "</dd>\n";
    const std::string when = p.dueInDays > 0    ? "in " + std::to_string(p.dueInDays) + " day(s)"
                             : p.dueInDays == 0 ? std::string("today")
                                                : "overdue by " + std::to_string(-p.dueInDays) + " day(s)";
    o += "<dt>due</dt><dd>" + escape(p.dueDay) + " (" + escape(when) + "): " + escape(p.dueWhat) + "</dd>\n</dl>\n";
    o += "<figure>\n" + chartFor(p, index++) + "</figure>\n";
    o += "<details><summary>Sessions</summary>\n" + sessionsTable(p) + "</details>\n</section>\n";
  }
  o += "</main>\n</body>\n</html>\n";
  return o;
}

Status writeProgressHtml(const std::string& dir, const std::string& learner, const std::vector<SceneProgress>& scenes,
                         const std::string& today) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(dir, ec);
  if (ec || !fs::is_directory(dir, ec)) return makeError(ErrorCode::Io, "cannot create the report folder", dir);
  const fs::path path = fs::path(dir) / "progress.html";
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return makeError(ErrorCode::Io, "cannot create the file", path.string());
  out << buildProgressHtml(learner, scenes, today);
  out.close();
  if (!out) return makeError(ErrorCode::Io, "cannot write the file", path.string());
  return okStatus();
}

}  // namespace mimesis
