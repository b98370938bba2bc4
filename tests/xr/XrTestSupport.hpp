// Helpers for the xr tests: the simulator runtime chosen through XR_RUNTIME_JSON, simulator
// settings set per test (and cleared after), a short lesson, and files read back.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>

#include "mimesis/session/Lesson.hpp"

namespace mimesis::testing {

// Sets environment variables for one test and restores a clean simulator environment after.
class XrEnvironment {
 public:
  XrEnvironment() {
    ::setenv("XR_RUNTIME_JSON", MIMESIS_XR_SIM_MANIFEST, 1);
    ::unsetenv("XR_ENABLE_API_LAYERS");
    set("MIMESIS_XR_SIM_WIDTH", "256");
    set("MIMESIS_XR_SIM_HEIGHT", "192");
  }
  ~XrEnvironment() {
    for (const auto& [name, value] : set_) ::unsetenv(name.c_str());
    ::unsetenv("XR_ENABLE_API_LAYERS");
  }
  void set(const std::string& name, const std::string& value) {
    ::setenv(name.c_str(), value.c_str(), 1);
    set_[name] = value;
  }

 private:
  std::map<std::string, std::string> set_;
};

inline std::filesystem::path xrTempDir(const std::string& name) {
  const auto dir = std::filesystem::path(MIMESIS_BINARY_DIR) / "tests" / "xr-tmp" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string readFileBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A one-handed clip (90 Hz) and a lesson that moves quickly: one watch trial, then practice.
inline Result<Lesson> quickXrLesson(const std::filesystem::path& dir) {
  const auto scene = dir / "quick.json";
  std::ofstream(scene, std::ios::binary) << R"({
    "clip": ")" + std::string(MIMESIS_SOURCE_DIR) + R"(/assets/thumbs-up.mkeys",
    "trials": 3,
    "mirror": {
      "stages": {"watchTrials": 1, "imagineTrials": 0, "advanceTrials": 2, "advanceMastery": 0.7},
      "tolerance": {"initial": 0.25, "final": 0.12}
    }
  })";
  return loadLesson(scene.string());
}

}  // namespace mimesis::testing
