// DecisionTrace: every decision of the mirror policy with the estimate that caused it, so a
// coach (or a test) can ask "why did the ghost fade at trial 7?" and get a number back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimesis {

enum class DecisionKind {
  Stage, GhostOpacity, Tempo, LoopSegment, Cue, Perspective, KnowledgeOfResults, Tolerance,
  Summary, ShowMe, BestAttempt, AnticipationLead, Rapport, OverImitation,
};
std::string_view decisionKindName(DecisionKind k);  // "stage", "ghost-opacity", ...

// Why: the estimate's name (with its subject, e.g. "mastery[guided] mean"), its value, the
// comparison and the threshold it crossed. `comparison` is one of ">=", ">", "<=", "<", "==".
struct DecisionCause {
  std::string estimate;
  double value = 0.0;
  std::string comparison;
  double threshold = 0.0;
};

struct Decision {
  double time = 0.0;      // session seconds
  int trial = 0;
  DecisionKind kind = DecisionKind::Stage;
  std::string subject;    // what it applies to: "right index", "segment 'pinch'", ...
  std::string from;       // old value, formatted (fixed precision) or a name
  std::string to;         // new value
  DecisionCause cause;
};

class DecisionTrace {
 public:
  DecisionTrace() { entries_.reserve(1024); }
  void add(Decision d) { entries_.push_back(std::move(d)); }
  const std::vector<Decision>& entries() const { return entries_; }
  std::size_t size() const { return entries_.size(); }
  void clear() { entries_.clear(); }

 private:
  std::vector<Decision> entries_;
};

// Deterministic number formatting used in the trace and its JSON: fixed, `digits` decimals,
// "-0" normalised to "0", non-finite as "null".
std::string formatFixed(double value, int digits = 3);

}  // namespace mimesis
