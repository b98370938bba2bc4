// Skinning a mesh by a hand: binding mesh joints to OpenXR hand joints by name, and the skin
// matrices of a HandPose (what the renderer's GPU skinning multiplies vertices by).
#pragma once

#include <string_view>
#include <vector>

#include <glm/mat4x4.hpp>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/HandPose.hpp"
#include "mimesis/motion/SkinnedMesh.hpp"

namespace mimesis {

// The hand joint a mesh joint name denotes, or -1. Accepts the OpenXR enum spelling
// ("XR_HAND_JOINT_INDEX_TIP_EXT", any case) and ours (handJointName: "index_tip").
int handJointFromMeshJointName(std::string_view name);

// Binds a mesh's joints to hand joints by OpenXR joint name ("XR_HAND_JOINT_INDEX_TIP_EXT" or
// our handJointName spelling — accept both), -1 where a mesh joint is not a hand joint.
// One entry per mesh joint. Compute once per mesh; it allocates.
std::vector<int> bindMeshToHand(const SkinnedMesh& mesh);

// Rigid transform as a 4×4 matrix (column vectors, glm convention): T.apply(p) == M · (p, 1).
glm::mat4 toMat4(const Pose& T);

// Skin matrices of `mesh` posed by `hand`: skin[j] = T_world_joint(binding[j]) · inverseBind[j],
// mapping mesh-space vertices to world space (metres, the hand's world frame).
//
// A mesh joint that is unbound (binding -1 or out of range) or whose hand joint is unusable
// (hand inactive, position or orientation not valid, or not finite) moves rigidly with its
// nearest usable ancestor in the mesh's hierarchy, keeping its rest (bind-time) relation to it:
// T_world_j = T_world_a · inverse(inverseBind[a]) · inverse(inverseBind[j]), hence simply
// skin[j] = skin[a]. With no usable ancestor, skin[j] is the identity (the vertex stays where the
// mesh put it) — callers should not draw a hand that is not usable.
//
// `skin` is caller-owned; it is resized to mesh.jointCount() only when its size differs, so a
// reused vector never allocates. `binding` must come from bindMeshToHand(mesh); entries beyond its
// size count as unbound. Deterministic; no NaN for any input (non-finite poses are unusable).
void handSkinMatrices(const SkinnedMesh& mesh, const std::vector<int>& binding, const HandPose& hand,
                      std::vector<glm::mat4>& skin);

// Fills `skin` (resized to the mesh's joints) from `ownSkin(j, m)`, which sets a joint's own
// skin matrix and returns true when it has one. A joint without its own takes its nearest
// ancestor's that has one, else `fallback`. Parents are checked on the way (a broken file may
// hold cycles or out-of-range parents) and at most jointCount steps are taken. Used by hands
// (handSkinMatrices) and animated avatars alike.
template <typename OwnSkin>
void skinWithAncestors(const SkinnedMesh& mesh, OwnSkin&& ownSkin, const glm::mat4& fallback,
                       std::vector<glm::mat4>& skin) {
  const int n = mesh.jointCount();
  if (skin.size() != static_cast<std::size_t>(n)) skin.resize(static_cast<std::size_t>(n));
  for (int j = 0; j < n; ++j) {
    glm::mat4& out = skin[static_cast<std::size_t>(j)];
    if (ownSkin(j, out)) continue;
    out = fallback;
    int a = j;
    for (int step = 0; step < n; ++step) {
      a = static_cast<std::size_t>(a) < mesh.jointParents.size() ? mesh.jointParents[static_cast<std::size_t>(a)] : -1;
      if (a < 0 || a >= n) break;
      glm::mat4 m;
      if (ownSkin(a, m)) {
        out = m;
        break;
      }
    }
  }
}

// Skins one vertex on the CPU exactly as the renderer's shader does: Σ_i w_i · skin[joint_i] ·
// (p, 1). For tests and picking; `v` must be a valid vertex index.
glm::vec3 skinnedPosition(const SkinnedMesh& mesh, const std::vector<glm::mat4>& skin, std::size_t v);

}  // namespace mimesis
