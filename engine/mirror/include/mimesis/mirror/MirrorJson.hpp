// Deterministic JSON of the mirror model's outputs: the decision trace, a FeedbackState and the
// observer's estimates. Keys in a fixed order, numbers rounded to fixed decimals, so identical
// runs give identical bytes (the recorder and the golden tests rely on it).
#pragma once

#include <string>

#include "mimesis/mirror/DecisionTrace.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/mirror/MirrorObserver.hpp"

namespace mimesis {

// [{"time":..,"trial":..(1-based),"kind":"tempo","subject":..,"from":..,"to":..,
//   "cause":{"estimate":..,"value":..,"comparison":">","threshold":..,"key":"tempo.lagHighMs"}}, ...]
std::string decisionTraceToJson(const DecisionTrace& trace, int indent = -1);
std::string feedbackStateToJson(const FeedbackState& state, int indent = -1);
std::string estimatesToJson(const ObserverEstimates& estimates, int indent = -1);

}  // namespace mimesis
