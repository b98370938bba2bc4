// Loading the project's hand meshes for the renderer (see HandMeshSet.hpp).
#include "mimesis/stills/HandMeshSet.hpp"

#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"

namespace mimesis {

Status HandMeshSet::load(const std::string& assetsDir, Renderer& renderer) {
  for (Hand h : {Hand::Left, Hand::Right}) {
    const int i = index(h);
    Result<SkinnedMesh> m = loadSkinnedMesh(assetsDir + "/meshes/hand-" + (h == Hand::Left ? "left" : "right") + ".gltf");
    if (!m) return m.error();
    mesh[i] = std::move(*m);
    binding[i] = bindMeshToHand(mesh[i]);
    Result<int> added = renderer.addMesh(mesh[i]);
    if (!added) return added.error();
    handle[i] = *added;
  }
  return okStatus();
}

void HandMeshSet::useIn(FrameInputs& in) const {
  for (int i = 0; i < 2; ++i) {
    in.handMesh[i] = handle[i];
    in.handMeshData[i] = &mesh[i];
    in.handMeshBinding[i] = &binding[i];
  }
}

}  // namespace mimesis
