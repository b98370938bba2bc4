// libFuzzer target: the Assimp import boundary — loadAssimpRaw (clips) or loadSkinnedMesh
// (meshes) on a scratch file. The first byte picks the extension (glTF, GLB, FBX, COLLADA) and
// the entry point; the rest is the file. One import per input rather than both: Assimp is the
// slow, uninstrumented part of every run, and libFuzzer mutates the first byte like any other,
// so every file still reaches both entry points. Coverage guidance is from our side of the
// boundary only; what this checks is that nothing Assimp hands back (or refuses) crashes us or
// leaks NaN into a clip or a mesh, and that Assimp's own crashes stay in the rehearsal child
// (AssimpIsolation.cpp) and come back as errors.
#include <array>
#include <cmath>
#include <cstdint>

#include "FuzzSupport.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"
#include "mimesis/motion_import/RigMap.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"

using namespace mimesis;

namespace {

void importClip(const std::string& path) {
  AssimpImportOptions options;
  options.maxPoses = 1 << 18;
  Result<RawClip> raw = loadAssimpRaw(path, options);
  if (!raw) return;
  for (const Pose& p : raw->poses)
    if (!isFinite(p)) std::abort();
  if (Result<RigMap> map = detectRigMap(raw->skeleton)) {
    Result<Clip> clip = buildClipFromRaw(*raw, *map);
    if (clip) fuzz::requireSound(*clip);
  }
}

void importMesh(const std::string& path) {
  Result<SkinnedMesh> mesh = loadSkinnedMesh(path);
  if (!mesh) return;
  // An accepted mesh goes to the GPU as is: every index names a vertex, every influence a joint,
  // every number is finite, parents come before children (skinning walks them in order).
  const std::size_t vertices = mesh->vertexCount();
  if (mesh->normals.size() != vertices || mesh->uvs.size() != vertices || mesh->joints.size() != vertices ||
      mesh->weights.size() != vertices || mesh->indices.size() % 3 != 0)
    std::abort();
  if (mesh->jointParents.size() != mesh->jointNames.size() || mesh->inverseBind.size() != mesh->jointNames.size())
    std::abort();
  for (std::uint32_t i : mesh->indices)
    if (i >= vertices) std::abort();
  for (std::size_t v = 0; v < vertices; ++v) {
    for (int c = 0; c < 3; ++c)
      if (!std::isfinite(mesh->positions[v][c]) || !std::isfinite(mesh->normals[v][c])) std::abort();
    for (int c = 0; c < 4; ++c) {
      if (!std::isfinite(mesh->weights[v][c]) || mesh->weights[v][c] < 0.0f) std::abort();
      if (mesh->weights[v][c] > 0.0f && mesh->joints[v][c] >= mesh->jointNames.size()) std::abort();
    }
  }
  for (std::size_t j = 0; j < mesh->jointParents.size(); ++j)
    if (mesh->jointParents[j] >= static_cast<int>(j)) std::abort();
}

}  // namespace

// Start the process that forks Assimp's rehearsal children while this one is still small.
extern "C" int LLVMFuzzerInitialize(int*, char***) {
  startAssimpIsolation();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 1) return 0;
  static const std::array<std::string, 4> paths = {fuzz::scratchPath(".gltf"), fuzz::scratchPath(".glb"),
                                                   fuzz::scratchPath(".fbx"), fuzz::scratchPath(".dae")};
  const std::string& path = paths[data[0] % paths.size()];
  fuzz::writeScratch(path, data + 1, size - 1);
  if ((data[0] & 0x4) == 0)
    importClip(path);
  else
    importMesh(path);
  return 0;
}
