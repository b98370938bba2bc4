// Skinned-mesh import: loads the SkinnedMesh plain data (mimesis/motion/SkinnedMesh.hpp) with Assimp.
#pragma once

#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/SkinnedMesh.hpp"

namespace mimesis {

// Loads every skinned mesh of `path` (glTF/GLB, FBX, COLLADA) with Assimp: triangulated, smooth
// normals generated where missing, at most 4 weights per vertex (the strongest, renormalised).
// Errors (`where` = path): Assimp's message, no mesh with bones (BadInput), more than 65535
// joints or 2^31 indices (Limit), a missing file (Io).
Result<SkinnedMesh> loadSkinnedMesh(const std::string& path);

}  // namespace mimesis
