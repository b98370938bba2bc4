// libFuzzer target: the BVH reader, both ways it runs — parseBvh + bvhToRaw on memory, and the
// streamed loadBvhRaw on a file — which must agree byte for byte, then rig mapping.
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "FuzzSupport.hpp"
#include "mimesis/motion_import/BvhDocument.hpp"
#include "mimesis/motion_import/BvhImport.hpp"
#include "mimesis/motion_import/RigMap.hpp"

using namespace mimesis;

namespace {

// Small limits keep each run fast; the limit checks themselves are what is exercised.
BvhImportOptions fuzzOptions() {
  BvhImportOptions o;
  o.limits.maxJoints = 256;
  o.limits.maxDepth = 64;
  o.limits.maxFrames = 4096;
  o.limits.maxValues = 1 << 18;
  return o;
}

bool samePoses(const RawClip& a, const RawClip& b) {
  if (a.times != b.times || a.poses.size() != b.poses.size() || a.rate != b.rate) return false;
  for (std::size_t i = 0; i < a.poses.size(); ++i)
    if (std::memcmp(&a.poses[i], &b.poses[i], sizeof(Pose)) != 0) return false;
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const BvhImportOptions options = fuzzOptions();
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  Result<BvhDocument> doc = parseBvh(text, "fuzz.bvh", options.limits);
  Result<RawClip> raw = doc ? bvhToRaw(*doc, options) : Result<RawClip>(doc.error());

  static const std::string path = fuzz::scratchPath(".bvh");
  fuzz::writeScratch(path, data, size);
  Result<RawClip> streamed = loadBvhRaw(path, options);
  // The two paths are documented to give the same result; a disagreement is a bug.
  if (raw.ok() != streamed.ok()) std::abort();
  if (!raw) return 0;
  if (!samePoses(*raw, *streamed)) std::abort();
  for (const Pose& p : raw->poses)
    if (!isFinite(p)) std::abort();

  Result<RigMap> map = detectRigMap(raw->skeleton);
  if (!map) return 0;
  BuildOptions build;
  Result<Clip> clip = buildClipFromRaw(*raw, *map, build);
  if (clip) fuzz::requireSound(*clip);
  return 0;
}
