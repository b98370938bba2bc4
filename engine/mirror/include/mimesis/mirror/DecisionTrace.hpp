// DecisionTrace: every decision of the mirror policy with the estimate that caused it, so a
// coach (or a test) can ask "why did the ghost fade at trial 7?" and get a number back.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace mimesis {

enum class DecisionKind {
  Stage, GhostOpacity, Tempo, LoopSegment, Cue, Perspective, KnowledgeOfResults, Tolerance,
  Summary, ShowMe, BestAttempt, AnticipationLead, Rapport, OverImitation, MappingHint,
};
std::string_view decisionKindName(DecisionKind k);  // "stage", "ghost-opacity", ...

// Why: the measured estimate's name (with its subject, e.g. "mastery[guided] mean"), its value,
// the comparison and the threshold it crossed. `comparison` is one of ">=", ">", "<=", "<", "==".
// `thresholdKey` names the setting the threshold comes from (a mirror key such as
// "stages.advanceMastery", or a scene key such as "stages.guided.passScore"; several keys
// joined by "," when the threshold is derived from them). [valueMin, valueMax] is the range the
// estimate can take; a cause whose comparison holds over the whole range explains nothing
// (tests/mirror/CauseFalsifiabilityTest.cpp walks every kind a lesson produces).
struct DecisionCause {
  std::string estimate;
  double value = 0.0;
  std::string comparison;
  double threshold = 0.0;
  std::string thresholdKey;
  double valueMin = 0.0;
  double valueMax = 0.0;
};

// True when some value in [cause.valueMin, cause.valueMax] makes the comparison false.
bool causeCanFail(const DecisionCause& cause);

struct Decision {
  double time = 0.0;      // session seconds
  int trial = 0;          // 0-based in memory; JSON writes it 1-based as every report does
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
