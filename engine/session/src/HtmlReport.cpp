// HtmlReport: report.html — the document, its summary, the worst moment with the renderer's
// images, the coach's messages and the trial table; the charts come from ReportCharts.
//
// Sections, in order: header and summary · score per trial + learning curve · heat map ·
// lag and gain · guidance · worst moment · coach's messages · trials · files.
#include "mimesis/session/HtmlReport.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <vector>

#include <nlohmann/json.hpp>

#include "ReportCharts.hpp"
#include "ReportDigest.hpp"
#include "mimesis/core/Base64.hpp"
#include "mimesis/session/Svg.hpp"

namespace mimesis {
namespace {

using svg::escape;

constexpr std::size_t kMaxPngBytes = 16u << 20;
constexpr std::size_t kMaxMessages = 300;  // the coach's list stays readable on long runs

// Inline CSS only: no fonts or files are fetched; print-friendly; high-contrast text.
constexpr const char* kStyle = R"css(
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"DejaVu Sans",sans-serif;margin:24px auto;max-width:1100px;padding:0 16px;color:#222;background:#fff;line-height:1.45}
h1{font-size:1.7em;margin-bottom:0.2em}h2{border-bottom:2px solid #0072B2;padding-bottom:4px;margin-top:2em}
table{border-collapse:collapse;margin:8px 0;font-size:0.92em}th,td{border:1px solid #bbb;padding:3px 8px;text-align:left;vertical-align:top}
thead th{background:#eef3f8}dl.summary{display:grid;grid-template-columns:max-content auto;gap:2px 16px}dl.summary dt{font-weight:600}
svg.chart{max-width:100%;height:auto;display:block;margin:8px 0;font-family:inherit}
svg .ct{font-size:15px;font-weight:600;fill:#222}svg .al{font-size:12px;fill:#222;text-anchor:middle}
svg .xt{font-size:11px;fill:#222;text-anchor:middle}svg .yt{font-size:11px;fill:#222;text-anchor:end}
svg .yt2{font-size:11px;fill:#222;text-anchor:start}svg .lg{font-size:12px;fill:#222}svg .bl{font-size:11px;fill:#444;text-anchor:middle}
svg .hc{font-size:11px;fill:#222;text-anchor:start}svg .hr{font-size:12px;fill:#222;text-anchor:end}svg .cv{font-size:11px;text-anchor:middle}
figure{margin:8px 0}figure img{max-width:100%;border:1px solid #bbb}figcaption{font-size:0.9em;color:#444}
.note{background:#fbf0d9;border-left:4px solid #E69F00;padding:6px 10px}details{margin:6px 0}summary{cursor:pointer;color:#0072B2}
ol.coach li{margin:2px 0}.t{color:#555;font-variant-numeric:tabular-nums}
)css";

}  // namespace

const char* htmlReportStyle() { return kStyle; }

namespace {

bool isPng(const std::string& bytes) {
  static const unsigned char kSig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  if (bytes.size() < 8) return false;
  for (std::size_t i = 0; i < 8; ++i)
    if (static_cast<unsigned char>(bytes[i]) != kSig[i]) return false;
  return true;
}

std::string summarySection(const Lesson& lesson, const HeadlessResult& r) {
  int performed = 0;
  double best = 0.0;
  for (const TrialRecord& t : r.trials)
    if (t.performed) {
      ++performed;
      best = std::max(best, t.score);
    }
  std::string o = "<section id=\"summary\">\n<h2>Summary</h2>\n<dl class=\"summary\">\n";
  auto item = [&](const std::string& k, const std::string& v) { o += "<dt>" + k + "</dt><dd>" + v + "</dd>\n"; };
  item("clip", escape(lesson.clipRef) + " (" + std::to_string(lesson.clip.frames.size()) + " frames, " +
                   svg::n(lesson.clip.duration(), 2) + " s, " + std::to_string(lesson.clip.segments.size()) +
                   " segments)");
  item("mapping", std::string(imitationMappingName(lesson.mapping)));
  item("trials", std::to_string(r.trials.size()) + " (" + std::to_string(performed) + " performed)");
  item("stopped", escape(r.stopReason));
  item("final stage", std::string(stageName(r.finalState.stage)) +
                          (r.finalState.lessonComplete ? " \u2014 lesson complete" : ""));
  item("final guidance", "ghost opacity " + svg::n(r.finalState.ghostOpacity, 2) + ", tempo " +
                             svg::n(r.finalState.tempo, 2) + "\u00d7");
  item("best score", performed ? svg::n(best, 1) : std::string("\u2013"));
  item("decisions", std::to_string(r.decisions) + " (every one with its cause in trace.json)");
  return o + "</dl>\n</section>\n";
}

std::string worstMomentSection(const Lesson& lesson, const HeadlessResult& r, const ReportOptions& options) {
  std::string o = "<section id=\"worst-moment\">\n<h2>Worst moment: expert vs learner</h2>\n";
  const std::optional<WorstMoment> w = findWorstMoment(r);
  if (!w) return o + "<p>No trial was performed, so there is no worst moment.</p>\n</section>\n";
  std::string seg;
  for (const Segment& s : lesson.clip.segments)
    if (w->expertTime >= s.start && w->expertTime < s.end) seg = s.name;
  const std::string what = "trial " + std::to_string(w->trial + 1) + " (" + std::string(stageName(w->stage)) +
                           " stage, score " + svg::n(w->trialScore, 1) + "), expert at " + svg::n(w->expertTime, 2) + " s" + (seg.empty() ? "" : " in '" + seg + "'") +
                           ", learner frame " + std::to_string(w->learnerFrame) + " of session.mrec at session time " +
                           svg::n(w->sessionTime, 2) + " s";
  o += "<p>The lowest-scoring trial and the moment of its largest error: " + escape(what) + ".</p>\n";
  if (!options.renderPng) return o + "<p class=\"note\">No renderer available: images of the expert and the learner "
                                     "at this moment are not included.</p>\n</section>\n";
  Result<std::string> png = options.renderPng(*w);
  if (!png) return o + "<p class=\"note\">The renderer failed: " + escape(png.error().describe()) + "</p>\n</section>\n";
  if (!isPng(*png) || png->size() > kMaxPngBytes)
    return o + "<p class=\"note\">The renderer did not return a PNG image (or one above 16 MiB); nothing embedded.</p>\n"
               "</section>\n";
  const std::string alt = "Expert (ghost) and learner hands side by side at the worst moment: " + what + ".";
  o += "<figure><img src=\"data:image/png;base64," + base64Encode(*png) + "\" alt=\"" + escape(alt) + "\">\n";
  o += "<figcaption>" + escape(alt) + "</figcaption></figure>\n";
  return o + "</section>\n";
}

// The coach's lines (stage messages, knowledge of results) and new cues, from the feedback log.
std::string coachSection(const HeadlessResult& r) {
  std::string items;
  std::size_t count = 0, dropped = 0;
  std::string lastMessage, lastKr;
  std::vector<std::string> lastCues;
  auto add = [&](double t, int trial, const std::string& kind, const std::string& text) {
    if (text.empty()) return;
    if (count++ >= kMaxMessages) {
      ++dropped;
      return;
    }
    items += "<li><span class=\"t\">" + svg::n(t, 1) + " s, trial " + std::to_string(trial + 1) + "</span> \u2014 " +
             kind + ": " + escape(text) + "</li>\n";
  };
  for (const std::string& line : r.feedbackLog) {
    const nlohmann::json j = nlohmann::json::parse(line, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("state") || !j["state"].is_object()) continue;
    const auto& st = j["state"];
    const double t = j.contains("time") && j["time"].is_number() ? j["time"].get<double>() : 0.0;
    const int trial = st.contains("trial") && st["trial"].is_number_integer() ? st["trial"].get<int>() : 0;
    auto str = [&](const char* key) {
      return st.contains(key) && st[key].is_string() ? st[key].get<std::string>() : std::string();
    };
    const std::string msg = str("message"), kr = str("knowledgeOfResults");
    if (msg != lastMessage) add(t, trial, "coach", msg);
    if (kr != lastKr) add(t, trial, "result", kr);
    lastMessage = msg;
    lastKr = kr;
    std::vector<std::string> cues;
    if (st.contains("cues") && st["cues"].is_array())
      for (const auto& c : st["cues"])
        if (c.is_object() && c.contains("message") && c["message"].is_string()) cues.push_back(c["message"].get<std::string>());
    for (const std::string& c : cues)
      if (std::find(lastCues.begin(), lastCues.end(), c) == lastCues.end()) add(t, trial, "cue", c);
    lastCues = cues;
  }
  std::string o = "<section id=\"coach\">\n<h2>The coach's messages</h2>\n";
  if (items.empty()) return o + "<p>The coach said nothing in this session.</p>\n</section>\n";
  o += "<ol class=\"coach\">\n" + items + "</ol>\n";
  if (dropped > 0) o += "<p>\u2026 and " + std::to_string(dropped) + " more (see feedback.jsonl).</p>\n";
  return o + "</section>\n";
}

std::string trialsSection(const HeadlessResult& r, const std::vector<report::TrialDigest>& digests) {
  std::string o = "<section id=\"trials\">\n<h2>Trials</h2>\n<table>\n<thead><tr><th>trial</th><th>stage</th>"
                  "<th>ghost</th><th>tempo</th><th>practised</th><th>score</th><th>grade</th><th>lag (ms)</th>"
                  "<th>gain</th><th>after the trial</th></tr></thead>\n<tbody>\n";
  for (std::size_t i = 0; i < r.trials.size(); ++i) {
    const TrialRecord& t = r.trials[i];
    const report::TrialDigest& d = digests[i];
    o += "<tr><td>" + std::to_string(t.trial + 1) + "</td><td>" + std::string(stageName(t.stage)) + "</td><td>" +
         svg::n(t.ghostOpacity, 2) + "</td><td>" + svg::n(t.tempo, 2) + "</td><td>" +
         (t.loopedSegmentName.empty() ? "whole clip" : escape(t.loopedSegmentName)) + "</td><td>" +
         (t.performed ? svg::n(t.score, 1) + (t.cutShort ? " (cut short)" : "") : "watched") + "</td><td>" + escape(d.grade) + "</td><td>" +
         (d.scored ? svg::n(d.lagMs, 0) : "") + "</td><td>" + (d.gain ? svg::n(*d.gain, 2) : "") + "</td><td>" +
         escape(t.knowledgeOfResults.empty() ? t.scoreNote : t.knowledgeOfResults) + "</td></tr>\n";
  }
  return o + "</tbody>\n</table>\n</section>\n";
}

}  // namespace

std::optional<WorstMoment> findWorstMoment(const HeadlessResult& r) {
  int worst = -1;
  for (std::size_t i = 0; i < r.trials.size(); ++i) {
    const TrialRecord& t = r.trials[i];
    if (!t.performed || t.frames <= 0 || !std::isfinite(t.score)) continue;
    if (worst < 0 || t.score < r.trials[static_cast<std::size_t>(worst)].score) worst = static_cast<int>(i);
  }
  if (worst < 0) return std::nullopt;
  const TrialRecord& t = r.trials[static_cast<std::size_t>(worst)];
  WorstMoment w;
  w.trial = t.trial;
  w.stage = t.stage;
  w.trialScore = t.score;
  const auto wi = static_cast<std::size_t>(worst);
  w.expertTime = wi < r.worstMomentTimes.size() && r.worstMomentTimes[wi] >= 0.0 ? r.worstMomentTimes[wi] : 0.0;
  double bestGap = 0.0;
  int inTrial = 0;
  for (std::size_t i = 0; i < r.frames.size(); ++i) {
    const FrameSample& f = r.frames[i];
    if (f.trial != t.trial) continue;
    const double gap = std::abs(f.judgedExpertTime - w.expertTime);
    if (w.learnerFrame < 0 || gap < bestGap) {
      bestGap = gap;
      w.learnerFrame = static_cast<int>(i);
      w.trialFrame = inTrial;
      w.sessionTime = f.time;
    }
    ++inTrial;
  }
  if (w.learnerFrame < 0) return std::nullopt;
  return w;
}

std::string buildHtmlReport(const Lesson& lesson, const HeadlessResult& r, const ReportOptions& options) {
  std::vector<report::TrialDigest> digests;
  digests.reserve(r.trials.size());
  for (const TrialRecord& t : r.trials) digests.push_back(report::digestTrial(t));

  std::string o = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                  "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                  // No fetches of any kind: a file opened offline shows everything.
                  "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                  "style-src 'unsafe-inline'; img-src data:\">\n"
                  "<title>Mimesis lesson report \u2014 " + escape(lesson.name) + "</title>\n<style>" + kStyle +
                  "</style>\n</head>\n<body>\n<header>\n<h1>Lesson report: " + escape(lesson.name) + "</h1>\n";
  if (!lesson.description.empty()) o += "<p>" + escape(lesson.description) + "</p>\n";
  o += "<nav aria-label=\"Sections\"><a href=\"#summary\">Summary</a> \u00b7 <a href=\"#scores\">Scores</a> \u00b7 "
       "<a href=\"#heatmap\">Heat map</a> \u00b7 <a href=\"#lag-gain\">Lag and gain</a> \u00b7 <a href=\"#guidance\">"
       "Guidance</a> \u00b7 <a href=\"#worst-moment\">Worst moment</a> \u00b7 <a href=\"#coach\">Coach</a> \u00b7 "
       "<a href=\"#trials\">Trials</a></nav>\n</header>\n<main>\n";
  o += summarySection(lesson, r);
  o += report::scoreSection(lesson, r);
  o += report::heatMapSection(digests);
  o += report::lagGainSection(r, digests);
  o += report::guidanceSection(r);
  o += worstMomentSection(lesson, r, options);
  o += coachSection(r);
  o += trialsSection(r, digests);
  o += "<section id=\"files\">\n<h2>Files</h2>\n<p>Next to this report: <code>summary.json</code>, "
       "<code>trials.json</code> (per trial, with the full score reports), <code>trials.csv</code>, "
       "<code>frames.csv</code>, <code>trace.json</code> (every decision of the mirror model with its cause), "
       "<code>feedback.jsonl</code> and <code>session.mrec</code> (the learner's frames with the feedback timeline; "
       "<code>mimesis lesson SCENE --replay session.mrec</code> re-runs this session).</p>\n</section>\n";
  o += "</main>\n<footer><p>Written by Mimesis. Colours: Okabe\u2013Ito and a viridis-like ramp, chosen to be "
       "readable with colour-vision deficiencies; every chart has a table in text.</p></footer>\n</body>\n</html>\n";
  return o;
}

}  // namespace mimesis
