// Internal: the base-colour texture of a skinned mesh's material, decoded to RGBA (stb_image).
#pragma once

#include <string>
#include <vector>

#include <assimp/scene.h>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/SkinnedMesh.hpp"

namespace mimesis::detail {

// The one base-colour (glTF) or diffuse (FBX, COLLADA) texture that every mesh in `meshes` uses,
// decoded: embedded ("*N", compressed PNG/JPEG or raw BGRA texels) or a file beside `path`. Meshes
// that name different textures, or none, give an empty texture (the renderer then draws the
// mesh's colour alone), as does a file naming none at all. A texture that is named but cannot be
// read or decoded is BadInput naming it and `path`: a silently untextured avatar hides a broken file.
Result<MeshTexture> loadBaseColourTexture(const aiScene& scene, const std::vector<unsigned int>& meshes,
                                          const std::string& path);

}  // namespace mimesis::detail
