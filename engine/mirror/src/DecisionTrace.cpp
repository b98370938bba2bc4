// DecisionTrace: kind names and the fixed number formatting shared with the JSON output.
#include "mimesis/mirror/DecisionTrace.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/core/NumberText.hpp"

namespace mimesis {

std::string_view decisionKindName(DecisionKind k) {
  switch (k) {
    case DecisionKind::Stage: return "stage";
    case DecisionKind::GhostOpacity: return "ghost-opacity";
    case DecisionKind::Tempo: return "tempo";
    case DecisionKind::LoopSegment: return "loop-segment";
    case DecisionKind::Cue: return "cue";
    case DecisionKind::Perspective: return "perspective";
    case DecisionKind::KnowledgeOfResults: return "knowledge-of-results";
    case DecisionKind::Tolerance: return "tolerance";
    case DecisionKind::Summary: return "summary";
    case DecisionKind::ShowMe: return "show-me";
    case DecisionKind::BestAttempt: return "best-attempt";
    case DecisionKind::AnticipationLead: return "anticipation-lead";
    case DecisionKind::Rapport: return "rapport";
    case DecisionKind::OverImitation: return "over-imitation";
    case DecisionKind::MappingHint: return "mapping-hint";
  }
  return "?";
}

bool causeCanFail(const DecisionCause& c) {
  const double lo = c.valueMin, hi = c.valueMax, t = c.threshold;
  if (!(lo <= hi) || !std::isfinite(t)) return false;
  if (c.comparison == ">=") return lo < t;   // some value below the threshold
  if (c.comparison == ">") return lo <= t;
  if (c.comparison == "<=") return hi > t;
  if (c.comparison == "<") return hi >= t;
  if (c.comparison == "==") return lo < hi || lo != t;
  return false;
}

std::string formatFixed(double value, int digits) {
  if (!std::isfinite(value)) return "null";
  return roundedFixed(value, std::clamp(digits, 0, 9));
}

}  // namespace mimesis
