// HandMeshSet: the project's skinned hand meshes (assets/meshes/hand-{left,right}.gltf) loaded,
// bound to the hand skeleton and uploaded to a renderer, ready to hand to the FrameBuilder.
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/SkinnedMesh.hpp"
#include "mimesis/render/Renderer.hpp"
#include "mimesis/session/FrameBuilder.hpp"

namespace mimesis {

struct HandMeshSet {
  SkinnedMesh mesh[2];            // indexed by index(Hand)
  std::vector<int> binding[2];
  int handle[2] = {-1, -1};       // renderer mesh handles

  // Loads both meshes from `assetsDir`/meshes and adds them to `renderer`.
  Status load(const std::string& assetsDir, Renderer& renderer);
  bool loaded() const { return handle[0] >= 0 && handle[1] >= 0; }
  // Points the FrameBuilder's mesh inputs at this set (the set must outlive the call using them).
  void useIn(FrameInputs& in) const;
};

}  // namespace mimesis
