// loadClip: picks the reader for a file by its extension and maps raw skeletons to hands.
#include "mimesis/motion_import/ClipLoader.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>

#include "mimesis/core/Log.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"
#include "mimesis/motion_import/BvhImport.hpp"
#include "mimesis/motion_import/ClipExportImport.hpp"
#include "mimesis/motion_import/CsvJointTable.hpp"
#include "mimesis/motion_import/RigMap.hpp"
#include "mimesis/motion_import/UiPrmd.hpp"

namespace mimesis {
namespace {

enum class Reader { Bvh, Assimp, Table, JsonLines, Mrec, Keyframes };

struct Extension {
  const char* suffix;
  Reader reader;
};

// Longest suffixes first so ".csv.gz" wins over ".gz"-less matches.
constexpr Extension kExtensions[] = {
    {".csv.gz", Reader::Table}, {".txt.gz", Reader::Table}, {".bvh", Reader::Bvh},
    {".gltf", Reader::Assimp},  {".glb", Reader::Assimp},   {".fbx", Reader::Assimp},
    {".dae", Reader::Assimp},   {".csv", Reader::Table},    {".txt", Reader::Table},
    {".mrec", Reader::Mrec},    {".mkeys", Reader::Keyframes}, {".jsonl", Reader::JsonLines},
};

std::string lower(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

const Extension* findExtension(const std::string& path) {
  const std::string l = lower(path);
  for (const Extension& e : kExtensions) {
    const std::string suffix = e.suffix;
    if (l.size() > suffix.size() && l.compare(l.size() - suffix.size(), suffix.size(), suffix) == 0) return &e;
  }
  return nullptr;
}

RigMap noHands() {
  RigMap map;
  map.name = "none";
  for (auto& hand : map.handJoints) hand.fill(-1);
  return map;
}

// Raw skeleton → Clip: the forced map, else the detected one, else body only.
Result<Clip> clipFromRaw(const RawClip& raw, const LoadOptions& options) {
  RigMap map = noHands();
  if (options.rigMap != "none") {
    auto detected = detectRigMap(raw.skeleton, options.rigMap);
    if (detected) {
      map = std::move(detected.value());
    } else if (!options.rigMap.empty()) {
      Error e = detected.error();
      e.where = raw.source;
      return e;
    }
  }
  BuildOptions build;
  build.keepBody = options.keepBody;
  auto clip = buildClipFromRaw(raw, map, build);
  if (!clip) return clip.error();
  clip->info.rigMap = map.name;
  moduleLog("motion_import")
      .debug("{}: {} frames at {} Hz from {}, rig map '{}', {} joint(s) filled", raw.source, clip->frames.size(),
             clip->rate, clip->info.sourceFormat, map.name, clip->info.filledJoints.size());
  return clip;
}

}  // namespace

std::vector<std::string> supportedInputExtensions() {
  std::vector<std::string> out;
  for (const Extension& e : kExtensions) out.emplace_back(e.suffix);
  std::sort(out.begin(), out.end());
  return out;
}

Result<Clip> loadClip(const std::string& path, const LoadOptions& options) {
  const Extension* ext = findExtension(path);
  if (ext == nullptr) {
    std::string list;
    for (const std::string& s : supportedInputExtensions()) list += (list.empty() ? "" : ", ") + s;
    return makeError(ErrorCode::Unsupported, "unknown motion file type; supported: " + list, path);
  }
  if (!std::ifstream(path, std::ios::binary).is_open())
    return makeError(ErrorCode::Io, "cannot open file", path);

  switch (ext->reader) {
    case Reader::Bvh:
      if (!options.bvhViaAssimp) {
        auto raw = loadBvhRaw(path);
        if (!raw) return raw.error();
        return clipFromRaw(*raw, options);
      }
      [[fallthrough]];
    case Reader::Assimp: {
      AssimpImportOptions assimp;
      assimp.animationName = options.animationName;
      assimp.animationIndex = options.animationIndex;
      auto raw = loadAssimpRaw(path, assimp);
      if (!raw) return raw.error();
      return clipFromRaw(*raw, options);
    }
    case Reader::Table: {
      if (looksLikeClipCsv(path)) return readClipCsv(path);
      if (looksLikeUiPrmd(path)) return loadUiPrmd(path);
      auto table = loadCsvJointTable(path);
      // Named columns ("left_hand_x") give the body its groups, as a BVH's joint names do.
      if (table && table->body.groups.empty()) table->body.groups = deriveBodyGroups(table->body);
      return table;
    }
    case Reader::JsonLines:
      return readClipJsonLines(path);
    case Reader::Mrec: {
      auto file = readMrec(path);
      if (!file) return file.error();
      return std::move(file->clip);
    }
    case Reader::Keyframes:
      return loadKeyframeClip(path);
  }
  return makeError(ErrorCode::Internal, "unhandled reader", path);
}

}  // namespace mimesis
