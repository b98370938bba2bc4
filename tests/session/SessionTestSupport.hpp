// Helpers for the session tests: temporary scene files and reading report files back.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace mimesis::testing {

inline std::filesystem::path sessionTempDir(const std::string& name) {
  const auto dir = std::filesystem::path(MIMESIS_BINARY_DIR) / "tests" / "session-tmp" / name;
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

inline std::string assetPath(const std::string& name) { return std::string(MIMESIS_SOURCE_DIR) + "/assets/" + name; }

inline std::string writeScene(const std::filesystem::path& dir, const std::string& file, const std::string& text) {
  const auto p = dir / file;
  std::ofstream(p, std::ios::binary) << text;
  return p.string();
}

inline std::string readBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace mimesis::testing
