// ProgressHtml: the progress report for people — one self-contained HTML file (inline CSS and
// SVG, no script, no network), styled as the lesson report: per scene, the scores over sessions
// with the delayed-retention tests and the stage reached, a table of the sessions, what is due.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/progress/ProgressSchedule.hpp"

namespace mimesis {

// Deterministic: the same progress and day give the same bytes.
std::string buildProgressHtml(const std::string& learner, const std::vector<SceneProgress>& scenes,
                              const std::string& today);

// Writes DIR/progress.html (DIR created).
Status writeProgressHtml(const std::string& dir, const std::string& learner, const std::vector<SceneProgress>& scenes,
                         const std::string& today);

}  // namespace mimesis
