// libFuzzer target: lesson scene JSON (parseLesson) with a loader that returns a tiny built-in
// clip, so the fuzzer explores the schema checks rather than clip files.
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <string_view>

#include "FuzzSupport.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/KeyframeScript.hpp"
#include "mimesis/session/Lesson.hpp"

using namespace mimesis;

namespace {

constexpr std::string_view kTinyClip =
    "mkeys 1\nclip tiny\nrate 30\nhands both\nduration 0.5\n"
    "segment a 0 0.25\nsegment b 0.25 0.5\n"
    "key 0 both\n  wrist 0.2 1.1 -0.3\n  shape relaxed\n"
    "key 0.5 both\n  wrist 0.1 1.2 -0.3\n  shape fist\n";

const Clip& tinyClip() {
  static const Clip clip = [] {
    Result<KeyframeScript> s = parseKeyframes(kTinyClip, "tiny.mkeys");
    if (!s) std::abort();
    Result<Clip> c = authorClip(*s);
    if (!c) std::abort();
    return *c;
  }();
  return clip;
}

// A folder holding a scene path and a clip file, so the scene's clip lookup finds something.
const std::string& scenePath() {
  static const std::string path = [] {
    const std::filesystem::path dir = fuzz::scratchPath(".lesson");
    std::filesystem::create_directories(dir);
    for (const char* name : {"clip.mkeys", "clip.mrec", "clip.bvh"}) {
      const std::string p = (dir / name).string();
      fuzz::writeScratch(p, reinterpret_cast<const std::uint8_t*>(kTinyClip.data()), kTinyClip.size());
    }
    return (dir / "scene.json").string();
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const ClipLoaderFn loader = [](const std::string&, const std::string& rigMap) -> Result<Clip> {
    if (rigMap == "bad") return makeError(ErrorCode::BadInput, "no such rig map", "loader");
    return tinyClip();
  };
  Result<Lesson> lesson = parseLesson(text, scenePath(), loader);
  if (!lesson) {
    if (lesson.error().message.empty()) std::abort();
    return 0;
  }
  fuzz::requireSound(lesson->clip);
  if (lesson->trials < 0) std::abort();
  return 0;
}
