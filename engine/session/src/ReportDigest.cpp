// ReportDigest: reading the numbers the lesson reports show out of a trial's ScoreReport JSON.
#include "ReportDigest.hpp"

#include <cmath>

#include <nlohmann/json.hpp>

#include "mimesis/core/NumberText.hpp"

namespace mimesis::report {

namespace {

double numberOr(const nlohmann::json& obj, const char* key, double fallback) {
  if (!obj.is_object()) return fallback;
  const auto it = obj.find(key);
  if (it == obj.end() || !it->is_number()) return fallback;
  const double v = it->get<double>();
  return std::isfinite(v) ? v : fallback;
}

}  // namespace

TrialDigest digestTrial(const TrialRecord& trial) {
  TrialDigest d;
  if (trial.reportJson.empty()) return d;
  const nlohmann::json j = nlohmann::json::parse(trial.reportJson, nullptr, false);
  if (j.is_discarded() || !j.is_object()) return d;
  d.scored = true;
  if (j.contains("grade") && j["grade"].is_string()) d.grade = j["grade"].get<std::string>();
  d.lagMs = numberOr(j, "lag_ms", 0.0);
  if (j.contains("gain") && j["gain"].is_number()) {
    const double g = j["gain"].get<double>();
    if (std::isfinite(g)) d.gain = g;
  }
  if (j.contains("segments") && j["segments"].is_array()) {
    for (const auto& seg : j["segments"]) {
      if (!seg.is_object()) continue;
      SegmentScores s;
      if (seg.contains("name") && seg["name"].is_string()) s.name = seg["name"].get<std::string>();
      s.score = numberOr(seg, "score", 0.0);
      if (seg.contains("groups") && seg["groups"].is_array())
        for (const auto& g : seg["groups"]) {
          if (!g.is_object() || !g.contains("name") || !g["name"].is_string()) continue;
          if (g.contains("scorable") && g["scorable"].is_boolean() && !g["scorable"].get<bool>()) continue;
          // A score the scorer could not measure (absent or null) is "not measured", never 0.
          const double score = numberOr(g, "score", std::nan(""));
          if (!std::isfinite(score)) continue;
          s.groups.push_back({g["name"].get<std::string>(), score});
        }
      d.segments.push_back(std::move(s));
    }
  }
  return d;
}

std::string num(double v, int digits, const std::string& empty) {
  return std::isfinite(v) ? roundedFixed(v, digits) : empty;
}

}  // namespace mimesis::report
