// Internal: opening a file with Assimp and flattening its node tree; shared by the importers.
#include "AssimpScene.hpp"

#include <algorithm>
#include <cctype>
#include <fstream>
#include <optional>

#include "AssimpIsolation.hpp"

namespace mimesis::detail {

Result<AssimpScene> openAssimpScene(const std::string& path, unsigned int postProcessFlags) {
  // Checked here so a missing file is reported as Io, not as Assimp's generic parse failure.
  if (!std::ifstream(path, std::ios::binary).is_open())
    return makeError(ErrorCode::Io, "cannot open file", path);
  // Assimp has crashed on files it was given; it reads each one in a child first.
  if (std::optional<Error> refused = rehearseAssimpRead(path, postProcessFlags)) return *refused;
  AssimpScene out;
  out.importer = std::make_unique<Assimp::Importer>();
  configureImporter(*out.importer);
  try {
    Result<const aiScene*> read = readWithClaimingImporter(*out.importer, path, postProcessFlags);
    if (!read) return read.error();
    out.scene = read.value();
  } catch (...) {
    // Assimp catches its own DeadlyImportError, but a bad_alloc on a hostile file may escape.
    return makeError(ErrorCode::BadInput, "Assimp failed while reading the file", path);
  }
  return out;
}

std::vector<FlatNode> flattenNodes(const aiScene& scene) {
  std::vector<FlatNode> out;
  if (scene.mRootNode == nullptr) return out;
  // Explicit stack instead of recursion: deep chains in hostile files must not overflow.
  std::vector<std::pair<const aiNode*, int>> stack{{scene.mRootNode, -1}};
  while (!stack.empty()) {
    auto [node, parent] = stack.back();
    stack.pop_back();
    const int self = static_cast<int>(out.size());
    out.push_back(FlatNode{node, std::string(node->mName.C_Str()), parent});
    // Push children in reverse so they come out in file order.
    for (unsigned int c = node->mNumChildren; c-- > 0;)
      if (node->mChildren[c] != nullptr) stack.emplace_back(node->mChildren[c], self);
  }
  return out;
}

int findNode(const std::vector<FlatNode>& nodes, const std::string& name) {
  for (std::size_t i = 0; i < nodes.size(); ++i)
    if (nodes[i].name == name) return static_cast<int>(i);
  return -1;
}

glm::mat4 toGlm(const aiMatrix4x4& m) {
  // Assimp is row-major (a1..a4 is the first row); glm is column-major.
  return glm::mat4(m.a1, m.b1, m.c1, m.d1,   // column 0
                   m.a2, m.b2, m.c2, m.d2,   // column 1
                   m.a3, m.b3, m.c3, m.d3,   // column 2
                   m.a4, m.b4, m.c4, m.d4);  // column 3
}

std::string extensionOf(const std::string& path) {
  const auto dot = path.find_last_of('.');
  const auto slash = path.find_last_of("/\\");
  if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
  std::string ext = path.substr(dot + 1);
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return ext;
}

}  // namespace mimesis::detail
