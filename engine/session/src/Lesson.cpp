// Loading a lesson from a scene file: strict JSON reading (unknown keys and bad values are
// errors naming file and key), clip lookup, and the mapping applied to scorer and mirror model.
#include "mimesis/session/Lesson.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <iterator>
#include <optional>
#include <sstream>

#include <nlohmann/json.hpp>

#include "mimesis/mirror/JsonText.hpp"

#include "mimesis/mirror/DecisionTrace.hpp"
#include "mimesis/motion/BodySkeletonMatch.hpp"
#include "mimesis/motion/EndEffectorHands.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/MrecReader.hpp"

namespace mimesis {
namespace {

using nlohmann::json;
constexpr std::uintmax_t kMaxSceneBytes = 1u << 20;

Error keyError(const std::string& scene, const std::string& key, const std::string& message) {
  return makeError(ErrorCode::BadInput, message, scene + ": key '" + key + "'");
}

std::string join(const std::string& prefix, const std::string& key) {
  return prefix.empty() ? key : prefix + "." + key;
}

// Every key of `obj` must be one of `allowed` (the first unknown one, in sorted order, is named).
Status checkKeys(const json& obj, std::initializer_list<const char*> allowed, const std::string& scene,
                 const std::string& prefix) {
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    const bool known = std::any_of(allowed.begin(), allowed.end(), [&](const char* k) { return it.key() == k; });
    if (!known) {
      std::string list;
      for (const char* k : allowed) list += std::string(list.empty() ? "" : ", ") + k;
      return keyError(scene, join(prefix, it.key()), "unknown key (expected one of: " + list + ")");
    }
  }
  return okStatus();
}

Result<double> readNumber(const json& v, const std::string& scene, const std::string& key, double lo, double hi) {
  if (!v.is_number()) return keyError(scene, key, "must be a number");
  const double d = v.get<double>();
  if (!std::isfinite(d) || d < lo || d > hi)
    return keyError(scene, key, "must be between " + formatFixed(lo, 3) + " and " + formatFixed(hi, 3));
  return d;
}

Result<int> readInt(const json& v, const std::string& scene, const std::string& key, int lo, int hi,
                    const char* what) {
  if (!v.is_number_integer()) return keyError(scene, key, std::string("must be ") + what);
  const auto i = v.get<std::int64_t>();
  if (i < lo) return keyError(scene, key, std::string("must be ") + what);
  if (i > hi) return keyError(scene, key, std::string("must be at most ") + std::to_string(hi));
  return static_cast<int>(i);
}

Result<std::string> readString(const json& v, const std::string& scene, const std::string& key) {
  if (!v.is_string()) return keyError(scene, key, "must be a string");
  return v.get<std::string>();
}

Status readStages(const json& stages, Lesson& lesson) {
  const std::string& scene = lesson.scenePath;
  if (!stages.is_object()) return keyError(scene, "stages", "must be an object");
  for (auto it = stages.begin(); it != stages.end(); ++it) {
    int found = -1;
    for (int s = 0; s < kStageCount; ++s)
      if (it.key() == stageName(static_cast<Stage>(s))) found = s;
    const std::string key = "stages." + it.key();
    if (found < 0)
      return keyError(scene, key, "unknown stage (expected watch, imagine, guided, faded, solo or retention)");
    if (!it.value().is_object()) return keyError(scene, key, "must be an object");
    if (Status st = checkKeys(it.value(), {"passScore", "trials"}, scene, key); !st) return st;
    StageCriteria& c = lesson.stages[static_cast<std::size_t>(found)];
    if (it.value().contains("passScore")) {
      auto v = readNumber(it.value()["passScore"], scene, key + ".passScore", 0.0, 100.0);
      if (!v) return v.error();
      c.passScore = *v;
    }
    if (it.value().contains("trials")) {
      auto v = readInt(it.value()["trials"], scene, key + ".trials", 1, 10000, "a positive integer");
      if (!v) return v.error();
      c.maxTrials = *v;
    }
  }
  return okStatus();
}

// "segments": [{"name", "start", "end"}...] in clip seconds, for clips that carry none (BVH,
// glTF, CSV): ordered, each end after its start; checked against the clip once it is loaded.
Result<std::vector<Segment>> readSegments(const json& v, const std::string& scene) {
  if (!v.is_array()) return keyError(scene, "segments", "must be an array of {name, start, end}");
  std::vector<Segment> out;
  for (std::size_t i = 0; i < v.size(); ++i) {
    const std::string key = "segments." + std::to_string(i);
    if (!v[i].is_object()) return keyError(scene, key, "must be an object");
    if (Status st = checkKeys(v[i], {"end", "name", "start"}, scene, key); !st) return st.error();
    for (const char* k : {"name", "start", "end"})
      if (!v[i].contains(k)) return keyError(scene, key + "." + k, "is required");
    auto name = readString(v[i]["name"], scene, key + ".name");
    if (!name) return name.error();
    if (name->empty()) return keyError(scene, key + ".name", "must not be empty");
    auto start = readNumber(v[i]["start"], scene, key + ".start", 0.0, 1e6);
    if (!start) return start.error();
    auto end = readNumber(v[i]["end"], scene, key + ".end", 0.0, 1e6);
    if (!end) return end.error();
    if (!(*end > *start)) return keyError(scene, key + ".end", "must be after start");
    if (!out.empty() && *start < out.back().end) return keyError(scene, key + ".start", "must not be before the previous segment's end");
    out.push_back(Segment{*name, *start, *end});
  }
  return out;
}

Status readScoring(const json& scoring, Lesson& lesson) {
  const std::string& scene = lesson.scenePath;
  if (!scoring.is_object()) return keyError(scene, "scoring", "must be an object");
  if (Status st = checkKeys(scoring, {"bandFraction", "liveWindowSeconds", "references"}, scene, "scoring"); !st)
    return st;
  ScoringConfig& c = lesson.scoring;
  if (scoring.contains("bandFraction")) {
    auto v = readNumber(scoring["bandFraction"], scene, "scoring.bandFraction", 0.01, 1.0);
    if (!v) return v.error();
    c.bandFraction = *v;
  }
  if (scoring.contains("liveWindowSeconds")) {
    auto v = readNumber(scoring["liveWindowSeconds"], scene, "scoring.liveWindowSeconds", 0.1, 10.0);
    if (!v) return v.error();
    c.liveWindowSeconds = *v;
  }
  if (scoring.contains("references")) {
    const json& r = scoring["references"];
    if (!r.is_object()) return keyError(scene, "scoring.references", "must be an object");
    if (Status st = checkKeys(r, {"lagMs", "placementMm", "postureDeg", "shapeMm", "smoothness"}, scene,
                              "scoring.references");
        !st)
      return st;
    const std::pair<const char*, double*> fields[] = {
        {"shapeMm", &c.references.shapeMm},         {"postureDeg", &c.references.postureDeg},
        {"placementMm", &c.references.placementMm}, {"lagMs", &c.references.lagMs},
        {"smoothness", &c.references.smoothness}};
    for (const auto& [name, dst] : fields) {
      if (!r.contains(name)) continue;
      auto v = readNumber(r[name], scene, std::string("scoring.references.") + name, 0.001, 100000.0);
      if (!v) return v.error();
      *dst = *v;
    }
  }
  return okStatus();
}

// The clip next to the scene, else in the assets/ folder beside the scene's folder.
std::string resolveClip(const std::string& scenePath, const std::string& ref) {
  namespace fs = std::filesystem;
  const fs::path refPath(ref);
  if (refPath.is_absolute()) return ref;
  const fs::path sceneDir = fs::path(scenePath).parent_path();
  std::error_code ec;
  const fs::path nextToScene = sceneDir / refPath;
  if (fs::exists(nextToScene, ec)) return nextToScene.string();
  const fs::path inAssets = (sceneDir.empty() ? fs::path("..") : sceneDir / "..") / "assets" / refPath;
  if (fs::exists(inAssets, ec)) return inAssets.lexically_normal().string();
  return {};
}

std::string stemOf(const std::string& path) { return std::filesystem::path(path).stem().string(); }

std::string lowerExtension(const std::string& path) {
  std::string e = std::filesystem::path(path).extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
  return e;
}

}  // namespace

Result<Clip> loadLessonClip(const std::string& path) {
  const std::string ext = lowerExtension(path);
  if (ext == ".mkeys") return loadKeyframeClip(path);
  if (ext == ".mrec") {
    Result<MrecFile> f = readMrec(path);
    if (!f) return f.error();
    return std::move(f->clip);
  }
  return makeError(ErrorCode::Unsupported, "the session reads .mkeys and .mrec clips itself; "
                                           "other formats need a clip loader", path);
}

std::string_view lessonViewName(LessonView v) {
  switch (v) {
    case LessonView::Facing: return "facing";
    case LessonView::FirstPerson: return "first-person";
    case LessonView::Side: return "side";
  }
  return "facing";
}

Result<Lesson> parseLesson(std::string_view text, const std::string& scenePath, const ClipLoaderFn& loader) {
  Lesson lesson;
  lesson.scenePath = scenePath;
  const std::string& scene = scenePath;
  Result<json> parsed = parseJsonText(text, scene);
  if (!parsed) return parsed.error();
  json doc = std::move(*parsed);
  if (!doc.is_object()) return makeError(ErrorCode::BadInput, "a scene must be a JSON object", scene);
  if (Status st = checkKeys(doc, {"clip", "description", "mapping", "mirror", "name", "rigMap", "scoring", "segments", "stages", "trials", "view"},
                            scene, "");
      !st)
    return st.error();

  if (!doc.contains("clip")) return keyError(scene, "clip", "is required (the expert clip file)");
  auto clipRef = readString(doc["clip"], scene, "clip");
  if (!clipRef) return clipRef.error();
  if (clipRef->empty()) return keyError(scene, "clip", "must not be empty");
  lesson.clipRef = *clipRef;

  if (doc.contains("name")) {
    auto v = readString(doc["name"], scene, "name");
    if (!v) return v.error();
    lesson.name = *v;
  } else {
    lesson.name = stemOf(scenePath);
  }
  if (doc.contains("description")) {
    auto v = readString(doc["description"], scene, "description");
    if (!v) return v.error();
    lesson.description = *v;
  }
  if (doc.contains("rigMap")) {
    auto v = readString(doc["rigMap"], scene, "rigMap");
    if (!v) return v.error();
    if (v->empty()) return keyError(scene, "rigMap", "must not be empty (leave the key out to detect the rig)");
    lesson.rigMap = *v;
  }
  if (doc.contains("mapping")) {
    auto v = readString(doc["mapping"], scene, "mapping");
    if (!v) return v.error();
    if (*v == "anatomical") lesson.mapping = ImitationMapping::Anatomical;
    else if (*v == "mirror") lesson.mapping = ImitationMapping::Mirror;
    else return keyError(scene, "mapping", "must be \"anatomical\" or \"mirror\"");
  }
  if (doc.contains("view")) {
    auto v = readString(doc["view"], scene, "view");
    if (!v) return v.error();
    bool known = false;
    for (LessonView view : {LessonView::Facing, LessonView::FirstPerson, LessonView::Side})
      if (*v == lessonViewName(view)) { lesson.view = view; known = true; }
    if (!known) return keyError(scene, "view", "must be \"facing\", \"first-person\" or \"side\"");
  }
  if (doc.contains("trials")) {
    auto v = readInt(doc["trials"], scene, "trials", 1, 1000, "a positive integer");
    if (!v) return v.error();
    lesson.trials = *v;
  }
  if (doc.contains("stages"))
    if (Status st = readStages(doc["stages"], lesson); !st) return st.error();
  std::optional<std::vector<Segment>> sceneSegments;
  if (doc.contains("segments")) {
    auto v = readSegments(doc["segments"], scene);
    if (!v) return v.error();
    sceneSegments = std::move(*v);
  }
  if (doc.contains("scoring"))
    if (Status st = readScoring(doc["scoring"], lesson); !st) return st.error();

  if (doc.contains("mirror")) {
    if (!doc["mirror"].is_object()) return keyError(scene, "mirror", "must be an object");
    Result<MirrorConfig> m = mirrorConfigFromJson(doc["mirror"], scene);
    if (!m) {
      Error e = m.error();
      // The mirror parser names keys inside its own object; name them from the scene's root.
      const std::string marker = ": key '";
      if (e.where.rfind(scene + marker, 0) == 0) e.where.insert(scene.size() + marker.size(), "mirror.");
      else if (e.where.empty() || e.where == scene) e.where = scene + ": key 'mirror'";
      return e;
    }
    lesson.mirror = *m;
  }
  lesson.mirror.perspective.expected = lesson.mapping;
  // Every front end starts in the scene's view: the mirror model starts there (and returns there
  // after Imagine); the desktop's side camera is a display choice on top of a facing model.
  lesson.mirror.perspective.home = lesson.view == LessonView::FirstPerson ? View::FirstPerson : View::Facing;
  // The coach's words follow the grades of the score table and each stage's pass score.
  lesson.mirror.grades.bands = lesson.scoring.grades;
  for (int s = 0; s < kStageCount; ++s)
    lesson.mirror.grades.passScore[static_cast<std::size_t>(s)] = lesson.stages[static_cast<std::size_t>(s)].passScore;
  lesson.scoring.mapping = lesson.mapping == ImitationMapping::Mirror ? Mapping::Mirror : Mapping::Anatomical;

  lesson.clipPath = resolveClip(scenePath, lesson.clipRef);
  if (lesson.clipPath.empty())
    return keyError(scene, "clip", "file '" + lesson.clipRef + "' not found next to the scene or in assets/");
  const std::string ext = lowerExtension(lesson.clipPath);
  if (!loader && !lesson.rigMap.empty() && ext != ".mkeys" && ext != ".mrec")
    return keyError(scene, "rigMap", "needs a clip loader for '" + lesson.clipRef + "' (use the mimesis command)");
  Result<Clip> clip = loader ? loader(lesson.clipPath, lesson.rigMap) : loadLessonClip(lesson.clipPath);
  if (!clip) {
    Error e = clip.error();
    e.message = "cannot load '" + lesson.clipRef + "': " + e.describe();
    // A forced rig map that does not fit the skeleton is the rigMap key's fault.
    const bool rigFault = !lesson.rigMap.empty() && e.describe().find("rig map") != std::string::npos;
    e.where = scene + (rigFault ? ": key 'rigMap'" : ": key 'clip'");
    if (e.code == ErrorCode::Internal) e.code = ErrorCode::BadInput;
    return e;
  }
  if (Status st = validateClip(*clip, lesson.clipPath); !st) return keyError(scene, "clip", st.error().describe());
  if (clip->frames.size() < 2 || !(clip->duration() > 0.0))
    return keyError(scene, "clip", "the clip needs at least two frames");
  if (sceneSegments) {
    const double clipEnd = clip->frames.back().time;
    for (std::size_t i = 0; i < sceneSegments->size(); ++i)
      if ((*sceneSegments)[i].end > clipEnd + 1e-9)
        return keyError(scene, "segments." + std::to_string(i) + ".end",
                        "is after the clip's end (" + formatFixed(clipEnd, 3) + " s)");
    clip->segments = std::move(*sceneSegments);
  }
  if (!clip->body.empty()) {
    // A body clip is taught by its end-effectors: a skeleton without them cannot be mapped.
    Result<BodyEndEffectors> effectors = findBodyEndEffectors(clip->body, lesson.clipPath);
    if (!effectors) return keyError(scene, "clip", effectors.error().describe());
    lesson.endEffectors = *effectors;
    // Without hands of its own, the body's hand joints are the hands the mirror model follows.
    attachEndEffectorHands(*clip, *effectors);
  }
  const ClipContents contents = describeContents(*clip);
  if (!contents.left && !contents.right) return keyError(scene, "clip", "the clip has no tracked hand");
  lesson.clip = std::move(*clip);
  lesson.mirror.observer.frameRateHz = lesson.clip.rate;
  return lesson;
}

Result<Clip> prepareLearnerClip(const Lesson& lesson, const Clip& recording, const std::string& where) {
  if (lesson.clip.body.empty()) return recording;
  Result<Clip> matched = matchBodySkeleton(recording, lesson.clip.body, where);
  if (!matched) return matched.error();
  attachEndEffectorHands(*matched, lesson.endEffectors);
  return matched;
}

Result<Lesson> loadLesson(const std::string& scenePath, const ClipLoaderFn& loader) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(scenePath, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot read the scene file", scenePath);
  if (size > kMaxSceneBytes) return makeError(ErrorCode::Limit, "scene file larger than 1 MiB", scenePath);
  std::ifstream in(scenePath, std::ios::binary);
  if (!in) return makeError(ErrorCode::Io, "cannot open the scene file", scenePath);
  std::ostringstream ss;
  ss << in.rdbuf();
  return parseLesson(ss.str(), scenePath, loader);
}

}  // namespace mimesis
