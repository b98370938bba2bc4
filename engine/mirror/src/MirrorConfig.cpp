// MirrorConfig: names of the shared enums, range checks, and the JSON reader/writer, driven by
// one table of fields so that reading, writing and the unknown-key check never disagree.
#include "mimesis/mirror/MirrorConfig.hpp"

#include <cmath>
#include <functional>
#include <variant>
#include <vector>

#include <nlohmann/json.hpp>

#include "mimesis/mirror/JsonText.hpp"

namespace mimesis {

std::string_view stageName(Stage s) {
  switch (s) {
    case Stage::Watch: return "watch";
    case Stage::Imagine: return "imagine";
    case Stage::Guided: return "guided";
    case Stage::Faded: return "faded";
    case Stage::Solo: return "solo";
    case Stage::Retention: return "retention";
  }
  return "?";
}

std::string_view viewName(View v) { return v == View::Facing ? "facing" : "first-person"; }

std::string_view imitationMappingName(ImitationMapping m) {
  return m == ImitationMapping::Anatomical ? "anatomical" : "mirror";
}

namespace {

// One configurable field: where it lives, its type (by pointer) and its allowed range.
struct Field {
  const char* section;
  const char* key;
  std::variant<double*, int*, bool*, ImitationMapping*> ptr;
  double min;
  double max;
};

std::vector<Field> fields(MirrorConfig& c) {
  auto& o = c.observer;
  auto& g = c.ghost;
  auto& t = c.tempo;
  auto& p = c.partPractice;
  auto& q = c.cues;
  auto& b = c.tolerance;
  auto& f = c.feedback;
  auto& v = c.perspective;
  auto& r = c.rapport;
  auto& s = c.stages;
  return {
      {"observer", "frameRateHz", &o.frameRateHz, 1, 1000},
      {"observer", "windowSeconds", &o.windowSeconds, 0.2, 60},
      {"observer", "lagMinMs", &o.lagMinMs, -2000, 2000},
      {"observer", "lagMaxMs", &o.lagMaxMs, -2000, 2000},
      {"observer", "minValidFraction", &o.minValidFraction, 0, 1},
      {"observer", "minExpertMotionMm", &o.minExpertMotionMm, 0, 1000},
      {"observer", "shapeReferenceMm", &o.shapeReferenceMm, 1e-3, 10000},
      {"observer", "placementReferenceMm", &o.placementReferenceMm, 1e-3, 10000},
      {"observer", "mappingSmoothingSeconds", &o.mappingSmoothingSeconds, 1e-3, 600},
      {"observer", "mappingDeltaScale", &o.mappingDeltaScale, 1e-4, 2},
      {"observer", "errorSmoothingSeconds", &o.errorSmoothingSeconds, 1e-3, 60},
      {"observer", "skillPriorError", &o.skillPriorError, 1e-3, 100},
      {"observer", "skillPriorVariance", &o.skillPriorVariance, 1e-6, 100},
      {"observer", "skillProcessNoise", &o.skillProcessNoise, 0, 10},
      {"observer", "skillObservationNoise", &o.skillObservationNoise, 1e-6, 100},
      {"observer", "overImitationThreshold", &o.overImitationThreshold, 0, 1},
      {"ghost", "ceiling", &g.ceiling, 0, 1},
      {"ghost", "floor", &g.floor, 0, 1},
      {"ghost", "fadedFloor", &g.fadedFloor, 0, 1},
      {"ghost", "step", &g.step, 1e-3, 1},
      {"ghost", "anticipationLeadMs", &g.anticipationLeadMs, 0, 2000},
      {"tempo", "floor", &t.floor, 0.05, 1},
      {"tempo", "stepDown", &t.stepDown, 0, 1},
      {"tempo", "stepUp", &t.stepUp, 0, 1},
      {"tempo", "lagHighMs", &t.lagHighMs, 0, 10000},
      {"tempo", "errorHigh", &t.errorHigh, 0, 100},
      {"tempo", "fastSegmentFraction", &t.fastSegmentFraction, 0, 1},
      {"tempo", "upMastery", &t.upMastery, 0, 1},
      {"partPractice", "gap", &p.gap, 0, 1},
      {"partPractice", "reintegrateGap", &p.reintegrateGap, 0, 1},
      {"partPractice", "maxTrials", &p.maxTrials, 1, 1000},
      {"partPractice", "cooldownTrials", &p.cooldownTrials, 0, 1000},
      {"partPractice", "minSegments", &p.minSegments, 2, 1000},
      {"partPractice", "minTrials", &p.minTrials, 0, 1000},
      {"partPractice", "lowMastery", &p.lowMastery, 0, 1},
      {"cues", "maxActive", &q.maxActive, 0, 8},
      {"cues", "minIntervalSeconds", &q.minIntervalSeconds, 0, 600},
      {"cues", "maxPerMinute", &q.maxPerMinute, 0, 600},
      {"cues", "holdSeconds", &q.holdSeconds, 0, 600},
      {"cues", "gainLow", &q.gainLow, 0, 10},
      {"cues", "gainHigh", &q.gainHigh, 0, 10},
      {"cues", "lagMs", &q.lagMs, 0, 10000},
      {"cues", "effectorReferenceMm", &q.effectorReferenceMm, 1, 10000},
      {"cues", "effectorSmoothingSeconds", &q.effectorSmoothingSeconds, 0, 60},
      {"tolerance", "initial", &b.initial, 1e-3, 10},
      {"tolerance", "final", &b.final, 1e-3, 10},
      {"tolerance", "narrowFactor", &b.narrowFactor, 0.1, 1},
      {"tolerance", "narrowAtMastery", &b.narrowAtMastery, 0, 1},
      {"feedback", "summaryEveryComplex", &f.summaryEveryComplex, 1, 1000},
      {"feedback", "summaryEverySimple", &f.summaryEverySimple, 1, 1000},
      {"feedback", "complexSegments", &f.complexSegments, 1, 1000},
      {"feedback", "showMeDelaySeconds", &f.showMeDelaySeconds, 0, 600},
      {"feedback", "showMeTempo", &f.showMeTempo, 0.05, 1},
      {"feedback", "trendPoints", &f.trendPoints, 0, 100},
      {"feedback", "scoreReference", &f.scoreReference, 1e-3, 100},
      {"feedback", "cutShortFraction", &f.cutShortFraction, 0, 1},
      {"perspective", "expected", &v.expected, 0, 0},
      {"perspective", "confidence", &v.confidence, 0, 1},
      {"perspective", "holdSeconds", &v.holdSeconds, 0, 600},
      {"perspective", "switchView", &v.switchView, 0, 0},
      {"rapport", "enabled", &r.enabled, 0, 0},
      {"rapport", "delaySeconds", &r.delaySeconds, 0, 30},
      {"rapport", "gain", &r.gain, 0, 1},
      {"stages", "watchTrials", &s.watchTrials, 0, 1000},
      {"stages", "imagineTrials", &s.imagineTrials, 0, 1000},
      {"stages", "advanceMastery", &s.advanceMastery, 0, 1},
      {"stages", "advanceTrials", &s.advanceTrials, 1, 1000},
      {"stages", "stepBackRatio", &s.stepBackRatio, 1, 100},
      {"stages", "stepBackTrials", &s.stepBackTrials, 1, 1000},
  };
}

std::string keyName(const Field& f) { return std::string(f.section) + "." + f.key; }

}  // namespace

Status validateMirrorConfig(const MirrorConfig& config, const std::string& where) {
  MirrorConfig copy = config;  // fields() needs mutable pointers; nothing is written
  for (const Field& f : fields(copy)) {
    const std::string at = where + ": key '" + keyName(f) + "'";
    double value = 0.0;
    if (auto d = std::get_if<double*>(&f.ptr)) value = **d;
    else if (auto i = std::get_if<int*>(&f.ptr)) value = **i;
    else continue;
    if (!std::isfinite(value) || value < f.min || value > f.max)
      return makeError(ErrorCode::BadInput,
                       "value " + std::to_string(value) + " outside [" + std::to_string(f.min) +
                           ", " + std::to_string(f.max) + "]",
                       at);
  }
  auto bad = [&](const char* key, const char* msg) {
    return makeError(ErrorCode::BadInput, msg, where + ": key '" + key + "'");
  };
  if (config.ghost.floor > config.ghost.ceiling) return bad("ghost.floor", "floor above ceiling");
  if (config.ghost.fadedFloor > config.ghost.floor) return bad("ghost.fadedFloor", "fadedFloor above floor");
  if (config.tolerance.final > config.tolerance.initial)
    return bad("tolerance.final", "final tolerance wider than the initial one");
  if (config.observer.lagMinMs > config.observer.lagMaxMs)
    return bad("observer.lagMinMs", "lagMinMs above lagMaxMs");
  if (config.cues.gainLow > config.cues.gainHigh) return bad("cues.gainLow", "gainLow above gainHigh");
  if (config.partPractice.reintegrateGap > config.partPractice.gap)
    return bad("partPractice.reintegrateGap", "reintegrateGap above gap");
  const GradeThresholds& gb = config.grades.bands;
  if (!(gb.ok <= gb.good && gb.good <= gb.perfect)) return bad("grades", "grade bands out of order");
  for (double p : config.grades.passScore)
    if (!std::isfinite(p) || p < 0.0 || p > 100.0) return bad("grades", "pass score outside [0, 100]");
  return okStatus();
}

Result<MirrorConfig> mirrorConfigFromJson(const nlohmann::json& json, const std::string& where) {
  MirrorConfig config;
  if (!json.is_object()) return makeError(ErrorCode::BadInput, "mirror config must be an object", where);
  std::vector<Field> table = fields(config);
  for (auto it = json.begin(); it != json.end(); ++it) {
    const std::string& section = it.key();
    bool knownSection = false;
    for (const Field& f : table) knownSection |= section == f.section;
    if (!knownSection)
      return makeError(ErrorCode::BadInput, "unknown section", where + ": key '" + section + "'");
    if (!it.value().is_object())
      return makeError(ErrorCode::BadInput, "section must be an object", where + ": key '" + section + "'");
    for (auto kv = it.value().begin(); kv != it.value().end(); ++kv) {
      const std::string at = where + ": key '" + section + "." + kv.key() + "'";
      const Field* field = nullptr;
      for (const Field& f : table)
        if (section == f.section && kv.key() == f.key) field = &f;
      if (!field) return makeError(ErrorCode::BadInput, "unknown key", at);
      const nlohmann::json& v = kv.value();
      if (auto d = std::get_if<double*>(&field->ptr)) {
        if (!v.is_number()) return makeError(ErrorCode::BadInput, "expected a number", at);
        **d = v.get<double>();
      } else if (auto i = std::get_if<int*>(&field->ptr)) {
        if (!v.is_number_integer()) return makeError(ErrorCode::BadInput, "expected an integer", at);
        const auto n = v.get<long long>();
        if (n < static_cast<long long>(field->min) || n > static_cast<long long>(field->max))
          return makeError(ErrorCode::BadInput, "value " + std::to_string(n) + " out of range", at);
        **i = static_cast<int>(n);
      } else if (auto b = std::get_if<bool*>(&field->ptr)) {
        if (!v.is_boolean()) return makeError(ErrorCode::BadInput, "expected true or false", at);
        **b = v.get<bool>();
      } else if (auto m = std::get_if<ImitationMapping*>(&field->ptr)) {
        if (!v.is_string()) return makeError(ErrorCode::BadInput, "expected \"anatomical\" or \"mirror\"", at);
        const std::string name = v.get<std::string>();
        if (name == "anatomical") **m = ImitationMapping::Anatomical;
        else if (name == "mirror") **m = ImitationMapping::Mirror;
        else return makeError(ErrorCode::BadInput, "expected \"anatomical\" or \"mirror\", got \"" + name + "\"", at);
      }
    }
  }
  if (Status s = validateMirrorConfig(config, where); !s) return s.error();
  return config;
}

Result<MirrorConfig> mirrorConfigFromJson(std::string_view text, const std::string& where) {
  Result<nlohmann::json> parsed = parseJsonText(text, where);
  if (!parsed) return parsed.error();
  nlohmann::json j = std::move(*parsed);
  return mirrorConfigFromJson(j, where);
}

std::string mirrorConfigToJson(const MirrorConfig& config) {
  MirrorConfig copy = config;
  nlohmann::ordered_json out = nlohmann::ordered_json::object();
  for (const Field& f : fields(copy)) {
    auto& sec = out[f.section];
    if (auto d = std::get_if<double*>(&f.ptr)) sec[f.key] = **d;
    else if (auto i = std::get_if<int*>(&f.ptr)) sec[f.key] = **i;
    else if (auto b = std::get_if<bool*>(&f.ptr)) sec[f.key] = **b;
    else if (auto m = std::get_if<ImitationMapping*>(&f.ptr)) sec[f.key] = std::string(imitationMappingName(**m));
  }
  return out.dump(2);
}

}  // namespace mimesis
