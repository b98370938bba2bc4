// Helpers for the progress tests: the clap lesson, fixed times, a stored session, scratch files.
#pragma once

#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <string>

#include "mimesis/mirror/MirrorInputs.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/progress/ProgressStore.hpp"
#include "mimesis/progress/Timestamp.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis::testing {

inline Lesson clapLesson() {
  Result<Lesson> l = loadLesson(std::string(MIMESIS_SOURCE_DIR) + "/scenes/clap.json",
                                [](const std::string& path, const std::string& rigMap) {
                                  LoadOptions o;
                                  o.rigMap = rigMap;
                                  return loadClip(path, o);
                                });
  if (!l) ADD_FAILURE() << l.error().describe();
  return l ? std::move(*l) : Lesson{};
}

inline Timestamp at(const std::string& iso) {
  Result<Timestamp> t = parseTimestamp(iso, "test");
  if (!t) ADD_FAILURE() << t.error().describe();
  return t ? *t : Timestamp{};
}

// A session that reached `stage` with every cell observed at a low error.
inline LastSession learnedSession(const Lesson& lesson, Stage stage, const std::string& started) {
  LastSession s;
  s.started = at(started);
  s.lengthSeconds = 120.0;
  s.stageReached = stage;
  s.segments = LessonLayout::fromClip(lesson.clip).segmentCount();
  s.hasEstimates = true;
  for (SkillBank* b : {&s.estimates.guided, &s.estimates.unguided}) {
    b->configure(s.segments, kCellsPerSegment, 0.5, 1.0);
    for (int seg = 0; seg < s.segments; ++seg)
      for (int c = 0; c < kCellsPerSegment; ++c) b->at(seg, c).observe(0.05, 0.0, 0.01);
  }
  return s;
}

inline std::filesystem::path scratch(const std::string& name) {
  const auto dir = std::filesystem::temp_directory_path() / ("mimesis-progress-" + std::to_string(getpid()) + "-" + name);
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace mimesis::testing

#include <fstream>
#include <sstream>

namespace mimesis::testing {
inline std::string readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace mimesis::testing
