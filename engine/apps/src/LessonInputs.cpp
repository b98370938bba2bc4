// Scene and recording loading shared by the lesson, render, desktop and headset commands.
#include "LessonInputs.hpp"

#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis::app {

Result<Lesson> loadSceneLesson(const std::string& scenePath) {
  return loadLesson(scenePath, [](const std::string& path, const std::string& rigMap) {
    LoadOptions options;
    options.rigMap = rigMap;
    return loadClip(path, options);
  });
}

Result<std::vector<Clip>> loadRecordings(const std::vector<std::string>& paths, const Lesson* lesson) {
  std::vector<Clip> recordings;
  for (const std::string& path : paths) {
    Result<Clip> c = loadClip(path);
    if (!c) return c.error();
    if (c->frames.size() < 2) return makeError(ErrorCode::BadInput, "the recording has under two frames", path);
    if (lesson != nullptr) {
      Result<Clip> ready = prepareLearnerClip(*lesson, *c, path);
      if (!ready) return ready.error();
      *c = std::move(*ready);
    }
    recordings.push_back(std::move(*c));
  }
  return recordings;
}

}  // namespace mimesis::app
