// ReportCharts: the chart sections of report.html — score per trial with the learning curve,
// the segment × joint-group heat map, lag and gain, and the guidance over session time. Each
// returns an HTML <section> with its SVG and a text alternative (a data table in <details>).
#pragma once

#include <string>
#include <vector>

#include "ReportDigest.hpp"
#include "mimesis/session/HeadlessLesson.hpp"

namespace mimesis::report {

std::string scoreSection(const Lesson& lesson, const HeadlessResult& result);
std::string heatMapSection(const std::vector<TrialDigest>& digests);
std::string lagGainSection(const HeadlessResult& result, const std::vector<TrialDigest>& digests);
std::string guidanceSection(const HeadlessResult& result);

}  // namespace mimesis::report
