// MirrorJson: ordered_json with rounded numbers (4 decimals; times 4 decimals = 0.1 ms).
#include "mimesis/mirror/MirrorJson.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "mimesis/core/NumberText.hpp"

namespace mimesis {
namespace {

using Json = nlohmann::ordered_json;

// Rounded to 4 decimals and printed by nlohmann's shortest round-trip form: deterministic.
Json num(double v) {
  if (!std::isfinite(v)) return nullptr;
  return roundedTo(v, 4);
}

Json resonanceJson(const Resonance& r) {
  Json j = Json::object();
  j["valid"] = r.valid;
  j["lagMs"] = num(r.lagMs);
  j["gain"] = num(r.gain);
  j["resonance"] = num(r.resonance);
  j["expertRmsMm"] = num(r.expertRmsMm);
  return j;
}

}  // namespace

std::string decisionTraceToJson(const DecisionTrace& trace, int indent) {
  Json out = Json::array();
  for (const Decision& d : trace.entries()) {
    Json j = Json::object();
    j["time"] = num(d.time);
    j["trial"] = d.trial + 1;  // 1-based, as trials.json, trials.csv and report.html
    j["kind"] = std::string(decisionKindName(d.kind));
    j["subject"] = d.subject;
    j["from"] = d.from;
    j["to"] = d.to;
    Json c = Json::object();
    c["estimate"] = d.cause.estimate;
    c["value"] = num(d.cause.value);
    c["comparison"] = d.cause.comparison;
    c["threshold"] = num(d.cause.threshold);
    c["key"] = d.cause.thresholdKey;
    j["cause"] = std::move(c);
    out.push_back(std::move(j));
  }
  return out.dump(indent);
}

std::string feedbackStateToJson(const FeedbackState& s, int indent) {
  Json j = Json::object();
  j["stage"] = std::string(stageName(s.stage));
  j["trial"] = s.trial;
  j["ghostOpacity"] = num(s.ghostOpacity);
  j["tempo"] = num(s.tempo);
  j["loopedSegment"] = s.loopedSegment;
  Json cues = Json::array();
  for (int i = 0; i < s.cueCount && i < kMaxCues; ++i) {
    const Cue& c = s.cues[static_cast<std::size_t>(i)];
    Json cj = Json::object();
    if (c.onBody) {
      cj["effector"] = std::string(endEffectorName(c.effector));
    } else {
      cj["hand"] = std::string(handName(c.hand));
      cj["group"] = std::string(handGroupName(c.group));
    }
    cj["message"] = c.message;
    cj["issuedAt"] = num(c.issuedAt);
    cj["expiresAt"] = num(c.expiresAt);
    cues.push_back(std::move(cj));
  }
  j["cues"] = std::move(cues);
  j["view"] = std::string(viewName(s.view));
  j["message"] = s.message;
  j["knowledgeOfResults"] = s.knowledgeOfResults;
  Json sm = Json::object();
  sm["offered"] = s.showMe.offered;
  sm["trial"] = s.showMe.trial;
  sm["availableAfterSeconds"] = num(s.showMe.availableAfterSeconds);
  sm["worstMomentTime"] = num(s.showMe.worstMomentTime);
  sm["tempo"] = num(s.showMe.tempo);
  j["showMe"] = std::move(sm);
  j["bestAttemptTrial"] = s.bestAttemptTrial;
  j["showBestAttempt"] = s.showBestAttempt;
  j["anticipationLeadSeconds"] = num(s.anticipationLeadSeconds);
  j["rapportActive"] = s.rapportActive;
  j["rapportHead"] = Json::array({num(s.rapportHead.w), num(s.rapportHead.x), num(s.rapportHead.y),
                                  num(s.rapportHead.z)});
  j["lessonComplete"] = s.lessonComplete;
  return j.dump(indent);
}

std::string estimatesToJson(const ObserverEstimates& e, int indent) {
  Json j = Json::object();
  Json hands = Json::object();
  for (Hand h : {Hand::Left, Hand::Right}) hands[std::string(handName(h))] = resonanceJson(e.hand[static_cast<std::size_t>(index(h))]);
  j["hands"] = std::move(hands);
  j["learner"] = resonanceJson(e.learner);
  Json cells = Json::object();
  for (int c = 0; c < kCellsPerSegment; ++c) {
    Json cj = resonanceJson(e.cell[static_cast<std::size_t>(c)]);
    cj["liveError"] = e.liveValid[static_cast<std::size_t>(c)] ? num(e.liveError[static_cast<std::size_t>(c)]) : Json(nullptr);
    cells[std::string(handName(cellHand(c))) + " " + std::string(handGroupName(cellGroup(c)))] = std::move(cj);
  }
  j["cells"] = std::move(cells);
  j["mapping"] = std::string(imitationMappingName(e.mapping));
  j["mappingConfidence"] = num(e.mappingConfidence);
  j["resonanceAnatomical"] = num(e.resonanceAnatomical);
  j["resonanceMirror"] = num(e.resonanceMirror);
  j["chameleonIndex"] = num(e.chameleonIndex);
  j["chameleonFrames"] = e.chameleonFrames;
  j["segment"] = e.segment;
  j["inDoNotCopy"] = e.inDoNotCopy;
  j["judgedExpertTime"] = num(e.judgedExpertTime);
  return j.dump(indent);
}

}  // namespace mimesis
