// Publishing an authored scene (see ScenePublisher.hpp).
#include "mimesis/authoring/ScenePublisher.hpp"

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>

#include "mimesis/authoring/AuthoredClip.hpp"
#include "mimesis/motion/MrecWriter.hpp"

namespace mimesis {
namespace fs = std::filesystem;
namespace {

Status writeText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return makeError(ErrorCode::Io, "cannot write", path.string());
  out << text;
  out.close();
  if (!out) return makeError(ErrorCode::Io, "write failed", path.string());
  return okStatus();
}

// Removes the staging folder however publishing ends.
struct StagingFolder {
  fs::path path;
  ~StagingFolder() {
    std::error_code ec;
    if (!path.empty()) fs::remove_all(path, ec);
  }
};

}  // namespace

std::string sceneJson(const AuthoringSpec& spec, const std::string& clipFileName) {
  nlohmann::ordered_json j;
  if (!spec.name.empty()) j["name"] = spec.name;
  if (!spec.description.empty()) j["description"] = spec.description;
  j["clip"] = clipFileName;
  j["mapping"] = std::string(imitationMappingName(spec.mapping));
  j["view"] = std::string(lessonViewName(spec.view));
  return j.dump(2) + "\n";
}

Result<PublishResult> publishAuthoredScene(const Clip& take, AuthoringSpec spec, const std::string& scenePath) {
  const fs::path scene(scenePath);
  if (scene.extension() != ".json") return makeError(ErrorCode::BadInput, "the scene file must end in .json", scenePath);
  const std::string stem = scene.stem().string();
  const fs::path dir = scene.parent_path();
  PublishResult r;
  r.scenePath = scenePath;
  r.clipPath = (dir / (stem + ".mrec")).string();
  r.previewPath = (dir / (stem + ".preview.md")).string();
  Result<Clip> clip = buildAuthoredClip(take, spec, spec.name.empty() ? stem : spec.name);
  if (!clip) return clip.error();

  std::error_code ec;
  if (!dir.empty()) fs::create_directories(dir, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot create the folder: " + ec.message(), dir.string());
  StagingFolder staging{dir / ("." + stem + ".authoring")};
  fs::remove_all(staging.path, ec);
  fs::create_directories(staging.path, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot create the staging folder: " + ec.message(), staging.path.string());
  const fs::path stagedClip = staging.path / (stem + ".mrec");
  const fs::path stagedScene = staging.path / (stem + ".json");
  if (Status st = writeMrec(stagedClip.string(), *clip); !st) return st.error();
  const std::string text = sceneJson(spec, stem + ".mrec");
  if (Status st = writeText(stagedScene, text); !st) return st.error();
  Result<Lesson> lesson = loadLesson(stagedScene.string());
  if (!lesson) return lesson.error();
  lesson->scenePath = scenePath;  // what the preview and later errors name
  lesson->clipPath = r.clipPath;
  r.check = checkLesson(*lesson);
  if (Status st = writeText(r.previewPath, previewReport(*lesson, r.check)); !st) return st.error();
  r.lesson = std::move(*lesson);
  if (!r.check.passed) return r;

  // The clip first: a scene never names a clip that is not there yet.
  fs::rename(stagedClip, r.clipPath, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot move the clip into place: " + ec.message(), r.clipPath);
  fs::rename(stagedScene, scene, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot move the scene into place: " + ec.message(), scenePath);
  Result<Lesson> published = loadLesson(scenePath);
  if (!published) return published.error();
  r.lesson = std::move(*published);
  r.published = true;
  return r;
}

}  // namespace mimesis
