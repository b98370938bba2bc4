// Internal: opening a file with Assimp and flattening its node tree; shared by the importers.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include <assimp/Importer.hpp>
#include <assimp/scene.h>
#include <glm/mat4x4.hpp>

#include "mimesis/core/Error.hpp"

namespace mimesis::detail {

// Owns the Assimp importer, and so the scene it returned; `scene` is borrowed from `importer`.
struct AssimpScene {
  std::unique_ptr<Assimp::Importer> importer;
  const aiScene* scene = nullptr;
};

// Opens `path` with the given aiPostProcessSteps, after a clean rehearsal of the same read in a
// child process (AssimpIsolation.hpp). Errors name the file: Io if it cannot be opened; BadInput
// with Assimp's own message, for contents no importer of the extension recognises, or for a
// crash in the rehearsal; Limit when the rehearsal ran out of memory or CPU time.
Result<AssimpScene> openAssimpScene(const std::string& path, unsigned int postProcessFlags);

// One node of the scene graph in depth-first order, so parents come before children.
struct FlatNode {
  const aiNode* node = nullptr;  // borrowed from the scene
  std::string name;
  int parent = -1;               // index into the flat list
};
std::vector<FlatNode> flattenNodes(const aiScene& scene);

// Index of the first node named `name`, or -1.
int findNode(const std::vector<FlatNode>& nodes, const std::string& name);

glm::mat4 toGlm(const aiMatrix4x4& m);

// Lower-case extension without the dot ("glb"), for RawClip::format.
std::string extensionOf(const std::string& path);

}  // namespace mimesis::detail
