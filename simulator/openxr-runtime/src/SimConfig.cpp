// Reading the simulator's configuration from its JSON file and environment variables.
#include "SimConfig.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

namespace mxs {
namespace {

bool parseNumber(const std::string& text, double& out) {
  std::istringstream in(text);
  in >> out;
  return !in.fail() && in.eof();
}

bool parseBool(const std::string& text, bool& out) {
  if (text == "1" || text == "true" || text == "on") {
    out = true;
    return true;
  }
  if (text == "0" || text == "false" || text == "off") {
    out = false;
    return true;
  }
  return false;
}

// One setting: its JSON key and environment variable, applied by `set` from text.
struct Setting {
  const char* key;
  const char* env;
  bool (*set)(Config&, const std::string&);
};

bool setInt(std::int64_t& field, const std::string& text, std::int64_t lo, std::int64_t hi) {
  double v = 0.0;
  if (!parseNumber(text, v) || v < static_cast<double>(lo) || v > static_cast<double>(hi)) return false;
  field = static_cast<std::int64_t>(v);
  return static_cast<double>(field) == v;
}

bool setFloat(float& field, const std::string& text, double lo, double hi) {
  double v = 0.0;
  if (!parseNumber(text, v) || !(v >= lo && v <= hi)) return false;
  field = static_cast<float>(v);
  return true;
}

const Setting kSettings[] = {
    {"recording", "MIMESIS_XR_SIM_RECORDING", [](Config& c, const std::string& t) { c.recording = t; return true; }},
    {"rate", "MIMESIS_XR_SIM_RATE",
     [](Config& c, const std::string& t) { return parseNumber(t, c.rate) && c.rate >= 1.0 && c.rate <= 1000.0; }},
    {"lossFrame", "MIMESIS_XR_SIM_LOSS_FRAME", [](Config& c, const std::string& t) { return setInt(c.lossFrame, t, -1, 1000000000); }},
    {"exitFrame", "MIMESIS_XR_SIM_EXIT_FRAME", [](Config& c, const std::string& t) { return setInt(c.exitFrame, t, -1, 1000000000); }},
    {"dumpDir", "MIMESIS_XR_SIM_DUMP_DIR", [](Config& c, const std::string& t) { c.dumpDir = t; return true; }},
    {"dumpEvery", "MIMESIS_XR_SIM_DUMP_EVERY", [](Config& c, const std::string& t) { return setInt(c.dumpEvery, t, 1, 1000000); }},
    {"handTracking", "MIMESIS_XR_SIM_HAND_TRACKING", [](Config& c, const std::string& t) { return parseBool(t, c.handTracking); }},
    {"offerHandTracking", "MIMESIS_XR_SIM_OFFER_HAND_TRACKING",
     [](Config& c, const std::string& t) { return parseBool(t, c.offerHandTracking); }},
    {"offerStage", "MIMESIS_XR_SIM_STAGE", [](Config& c, const std::string& t) { return parseBool(t, c.offerStage); }},
    {"offerDepth", "MIMESIS_XR_SIM_DEPTH", [](Config& c, const std::string& t) { return parseBool(t, c.offerDepth); }},
    {"width", "MIMESIS_XR_SIM_WIDTH", [](Config& c, const std::string& t) {
       std::int64_t v = 0;
       if (!setInt(v, t, 16, 4096)) return false;
       c.width = static_cast<std::uint32_t>(v);
       return true;
     }},
    {"height", "MIMESIS_XR_SIM_HEIGHT", [](Config& c, const std::string& t) {
       std::int64_t v = 0;
       if (!setInt(v, t, 16, 4096)) return false;
       c.height = static_cast<std::uint32_t>(v);
       return true;
     }},
    {"headX", "MIMESIS_XR_SIM_HEAD_X", [](Config& c, const std::string& t) { return setFloat(c.headPosition[0], t, -100, 100); }},
    {"headY", "MIMESIS_XR_SIM_HEAD_Y", [](Config& c, const std::string& t) { return setFloat(c.headPosition[1], t, -100, 100); }},
    {"headZ", "MIMESIS_XR_SIM_HEAD_Z", [](Config& c, const std::string& t) { return setFloat(c.headPosition[2], t, -100, 100); }},
    {"headPitchDeg", "MIMESIS_XR_SIM_HEAD_PITCH", [](Config& c, const std::string& t) { return setFloat(c.headPitchDeg, t, -89, 89); }},
    {"headYawDeg", "MIMESIS_XR_SIM_HEAD_YAW", [](Config& c, const std::string& t) { return setFloat(c.headYawDeg, t, -360, 360); }},
    {"swingDeg", "MIMESIS_XR_SIM_SWING", [](Config& c, const std::string& t) { return setFloat(c.swingDeg, t, 0, 90); }},
    {"swingPeriod", "MIMESIS_XR_SIM_SWING_PERIOD", [](Config& c, const std::string& t) { return setFloat(c.swingPeriod, t, 0.1, 1000); }},
    {"ipd", "MIMESIS_XR_SIM_IPD", [](Config& c, const std::string& t) { return setFloat(c.ipd, t, 0, 0.2); }},
    {"verbose", "MIMESIS_XR_SIM_VERBOSE", [](Config& c, const std::string& t) { return parseBool(t, c.verbose); }},
    {"sleep", "MIMESIS_XR_SIM_SLEEP", [](Config& c, const std::string& t) { return parseBool(t, c.sleep); }},
    {"jitterMs", "MIMESIS_XR_SIM_JITTER_MS",
     [](Config& c, const std::string& t) { return parseNumber(t, c.jitterMs) && c.jitterMs >= 0.0 && c.jitterMs <= 100.0; }},
    {"dropRate", "MIMESIS_XR_SIM_DROP_RATE",
     [](Config& c, const std::string& t) { return parseNumber(t, c.dropRate) && c.dropRate >= 0.0 && c.dropRate <= 0.5; }},
    {"seed", "MIMESIS_XR_SIM_SEED", [](Config& c, const std::string& t) { return setInt(c.seed, t, 0, 1000000000); }},
};

}  // namespace

bool loadConfig(Config& out, std::string& error) {
  out = Config{};
  if (const char* file = std::getenv("MIMESIS_XR_SIM_CONFIG"); file != nullptr && *file != '\0') {
    std::ifstream in(file, std::ios::binary);
    if (!in) {
      error = std::string(file) + ": cannot read the simulator configuration (MIMESIS_XR_SIM_CONFIG)";
      return false;
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
      error = std::string(file) + ": not a JSON object";
      return false;
    }
    for (const auto& [key, value] : j.items()) {
      const Setting* s = nullptr;
      for (const Setting& k : kSettings)
        if (key == k.key) s = &k;
      if (s == nullptr) {
        error = std::string(file) + ": key '" + key + "': unknown setting";
        return false;
      }
      std::string text;
      if (value.is_string()) text = value.get<std::string>();
      else if (value.is_boolean()) text = value.get<bool>() ? "true" : "false";
      else if (value.is_number()) text = value.dump();
      if (text.empty() && !value.is_string()) {
        error = std::string(file) + ": key '" + key + "': expected a string, number or boolean";
        return false;
      }
      if (!s->set(out, text)) {
        error = std::string(file) + ": key '" + key + "': bad value " + value.dump();
        return false;
      }
    }
  }
  for (const Setting& s : kSettings) {
    const char* v = std::getenv(s.env);
    if (v == nullptr) continue;
    if (!s.set(out, v)) {
      error = std::string(s.env) + ": bad value '" + v + "'";
      return false;
    }
  }
  return true;
}

}  // namespace mxs
