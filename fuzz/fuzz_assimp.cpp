// libFuzzer target: the Assimp import boundary — loadAssimpRaw and loadSkinnedMesh on a scratch
// file whose extension (glTF, GLB, FBX, COLLADA) the first byte picks. Assimp itself is not
// instrumented, so coverage guidance is from our side of the boundary only; what this checks is
// that nothing Assimp hands back (or refuses) crashes us or leaks NaN into a clip.
#include <array>
#include <cstdint>

#include "FuzzSupport.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"
#include "mimesis/motion_import/RigMap.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"

using namespace mimesis;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const std::array<std::string, 4> paths = {fuzz::scratchPath(".gltf"), fuzz::scratchPath(".glb"),
                                                   fuzz::scratchPath(".fbx"), fuzz::scratchPath(".dae")};
  const std::string& path = paths[data[0] % paths.size()];
  fuzz::writeScratch(path, data + 1, size - 1);
  AssimpImportOptions options;
  options.maxPoses = 1 << 18;
  Result<RawClip> raw = loadAssimpRaw(path, options);
  if (raw) {
    for (const Pose& p : raw->poses)
      if (!isFinite(p)) std::abort();
    if (Result<RigMap> map = detectRigMap(raw->skeleton)) {
      Result<Clip> clip = buildClipFromRaw(*raw, *map);
      if (clip) fuzz::requireSound(*clip);
    }
  }
  (void)loadSkinnedMesh(path);
  return 0;
}
