// PolicyWords: what the policy's two source files share — how a cause is written, the names
// of the settings behind derived thresholds, and the labels of cells.
#pragma once

#include <limits>
#include <string>

#include "mimesis/mirror/DecisionTrace.hpp"
#include "mimesis/mirror/MirrorTypes.hpp"

namespace mimesis::policy {

// Ranges of the quantities causes compare (DecisionCause::valueMin / valueMax).
inline constexpr double kUnbounded = std::numeric_limits<double>::max();
inline constexpr double kCount = 1e9;  // trial and frame counts

// A segment's tolerance band starts at tolerance.initial and narrows (narrowFactor, down to final).
inline constexpr const char* kToleranceKeys = "tolerance.initial,tolerance.narrowFactor,tolerance.final";

inline DecisionCause because(std::string estimate, double value, const char* cmp, double threshold,
                             std::string key, double min, double max) {
  return DecisionCause{std::move(estimate), value, cmp, threshold, std::move(key), min, max};
}

inline std::string cellLabel(int cell) {
  return std::string(handName(cellHand(cell))) + " " + std::string(handGroupName(cellGroup(cell)));
}

// The scene key of a stage's pass score.
inline std::string passScoreKey(Stage s) { return "stages." + std::string(stageName(s)) + ".passScore"; }

}  // namespace mimesis::policy
