// HtmlReport: the lesson report for people — one self-contained HTML file (inline CSS and SVG,
// no script, no font, no network fetch) with the score per trial and its learning-curve fit,
// a segment × joint-group heat map, lag and gain per trial, how the guidance faded, the stage
// bands, the coach's messages, and images of expert vs learner at the worst moment when a
// renderer is supplied.
#pragma once

#include <optional>
#include <string>

#include "mimesis/core/Base64.hpp"  // the pictures are embedded with core's base64Encode
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/session/ReportData.hpp"

namespace mimesis {

// The worst moment of a run (see WorstMoment): the lowest-scoring performed trial with frames
// (the earliest on ties), at the frame whose judged expert time is nearest the trial's
// worstMomentTimes entry (the earliest on ties). Nullopt when no trial was performed.
std::optional<WorstMoment> findWorstMoment(const HeadlessResult& result);

// Never fails: missing data gives a section saying so. options.renderPng, when set, is called
// once with findWorstMoment's result; its PNG (checked for the PNG signature, at most 16 MiB)
// is embedded as a base64 data: URI with alt text; an error or a non-PNG is reported in the
// section. Deterministic: no clock, no absolute paths — the same inputs give the same bytes.
std::string buildHtmlReport(const Lesson& lesson, const HeadlessResult& result, const ReportOptions& options = {});

// The report's inline style sheet, so other reports for people (engine/progress) look alike.
const char* htmlReportStyle();

}  // namespace mimesis
