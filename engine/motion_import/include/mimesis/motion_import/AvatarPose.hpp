// AvatarPose: a skinned avatar file (glTF/GLB, FBX, COLLADA) with its animation, and its skin
// matrices at any clip time — what the renderer needs to draw e.g. Fox.glb or CesiumMan.glb moving.
#pragma once

#include <string>
#include <vector>

#include <glm/mat4x4.hpp>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/SkinnedMesh.hpp"
#include "mimesis/motion_import/RawClip.hpp"

namespace mimesis {

// A skinned mesh, its first animation sampled by loadAssimpRaw, and which clip joint drives each
// mesh joint (matched by name; -1 where the clip has no joint of that name).
struct AvatarAnimation {
  SkinnedMesh mesh;
  RawClip clip;
  std::vector<int> clipJointOfMeshJoint;  // one per mesh joint

  double duration() const { return clip.times.empty() ? 0.0 : clip.times.back() - clip.times.front(); }
};

// Loads the mesh (loadSkinnedMesh) and the first animation (loadAssimpRaw; a file without one
// gives its rest pose) of `path` and binds them by joint name. Errors (`where` = path): those of
// the two loaders, and BadInput when no mesh joint names a clip joint.
Result<AvatarAnimation> loadAvatar(const std::string& path);

// Skin matrices at clip time `time` (seconds; the animation loops: time is taken modulo its
// duration, negative times wrap too; non-finite times count as 0). Poses are interpolated between
// the two nearest sampled frames (lerp / shortest-arc slerp).
//   skin[j] = S · R · T_file_joint(time) · inverseBind[j]
// where T_file_joint is the clip's world pose of the bound joint (file units and axes), R =
// clip.T_mimesis_file and S = uniform scale by clip.metresPerUnit: the skinned vertices come out in
// Mimesis's world (metres, Y up). A mesh joint without a clip joint moves rigidly with its nearest
// bound ancestor (skin[j] = skin[ancestor]), or by S · R alone when it has none. Scale in the
// file's joint transforms is not animated here (RawClip keeps unit orientations): a joint whose
// bind matrix holds scale keeps that scale as bound.
// `skin` is caller-owned and resized only when its size differs from mesh.jointCount().
void avatarSkinMatrices(const AvatarAnimation& avatar, double time, std::vector<glm::mat4>& skin);

}  // namespace mimesis
