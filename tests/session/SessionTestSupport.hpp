// Helpers for the session tests: temporary scene files, lessons loaded from them, and reading
// report files back.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include <gtest/gtest.h>

#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/Lesson.hpp"

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

// The lesson of the scene `text` written to dir/file. A scene that does not load fails the test
// and gives an empty lesson (no clip frames), which the caller's ASSERT on its clip stops at.
inline Lesson lessonFromScene(const std::filesystem::path& dir, const std::string& file, const std::string& text) {
  Result<Lesson> l = loadLesson(writeScene(dir, file, text));
  EXPECT_TRUE(l.ok()) << (l.ok() ? "" : l.error().describe());
  return l.ok() ? *l : Lesson{};
}

// The frame builder's inputs for an expert and a learner frame, with the feedback shown and the
// expert's body skeleton where given; the rest at FrameInputs' defaults.
inline FrameInputs frameInputs(const Frame* expert, const Frame* learner, const FeedbackState* feedback = nullptr,
                               const Skeleton* bodySkeleton = nullptr) {
  FrameInputs in;
  in.expert = expert;
  in.learner = learner;
  in.feedback = feedback;
  in.bodySkeleton = bodySkeleton;
  return in;
}

inline std::string readBytes(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace mimesis::testing
