// Avatar skinning from an imported clip: mesh joints bound to clip joints by name, poses
// interpolated at a looping clip time, then carried into Mimesis's units and axes.
#include "mimesis/motion_import/AvatarPose.hpp"

#include <cmath>
#include <map>

#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"

namespace mimesis {

Result<AvatarAnimation> loadAvatar(const std::string& path) {
  Result<SkinnedMesh> mesh = loadSkinnedMesh(path);
  if (!mesh) return mesh.error();
  Result<RawClip> clip = loadAssimpRaw(path);
  if (!clip) return clip.error();
  AvatarAnimation out;
  out.mesh = std::move(*mesh);
  out.clip = std::move(*clip);
  std::map<std::string, int> byName;
  for (int j = 0; j < out.clip.jointCount(); ++j)
    byName.emplace(out.clip.skeleton.joints[static_cast<std::size_t>(j)], j);  // first wins
  out.clipJointOfMeshJoint.assign(out.mesh.jointNames.size(), -1);
  bool any = false;
  for (std::size_t j = 0; j < out.mesh.jointNames.size(); ++j) {
    auto it = byName.find(out.mesh.jointNames[j]);
    if (it == byName.end()) continue;
    out.clipJointOfMeshJoint[j] = it->second;
    any = true;
  }
  if (!any) return makeError(ErrorCode::BadInput, "no mesh joint is animated: no joint names match", path);
  if (out.clip.frameCount() == 0) return makeError(ErrorCode::BadInput, "the animation has no frames", path);
  return out;
}

void avatarSkinMatrices(const AvatarAnimation& avatar, double time, std::vector<glm::mat4>& skin) {
  const SkinnedMesh& mesh = avatar.mesh;
  const RawClip& clip = avatar.clip;
  const float unit = std::isfinite(clip.metresPerUnit) && clip.metresPerUnit > 0.0f ? clip.metresPerUnit : 1.0f;
  const glm::mat4 T_mimesis_file = glm::scale(glm::mat4(1.0f), glm::vec3(unit)) * glm::mat4_cast(clip.T_mimesis_file);

  // The two frames around the looped time and the blend between them.
  const int frames = clip.frameCount();
  const bool haveClip = frames > 0 && clip.poses.size() >= static_cast<std::size_t>(frames) * static_cast<std::size_t>(clip.jointCount());
  int f0 = 0, f1 = 0;
  float u = 0.0f;
  if (haveClip && frames > 1) {
    const double start = clip.times.front();
    const double length = clip.times.back() - start;
    double t = std::isfinite(time) ? time : 0.0;
    if (length > 0.0 && std::isfinite(length)) {
      t = std::fmod(t, length);
      if (t < 0.0) t += length;
    } else {
      t = 0.0;
    }
    t += start;
    // Binary search for the last frame at or before t (times increase).
    int lo = 0, hi = frames - 1;
    while (lo < hi) {
      const int mid = (lo + hi + 1) / 2;
      if (clip.times[static_cast<std::size_t>(mid)] <= t) lo = mid;
      else hi = mid - 1;
    }
    f0 = lo;
    f1 = lo + 1 < frames ? lo + 1 : lo;
    const double span = clip.times[static_cast<std::size_t>(f1)] - clip.times[static_cast<std::size_t>(f0)];
    u = span > 0.0 ? static_cast<float>((t - clip.times[static_cast<std::size_t>(f0)]) / span) : 0.0f;
    if (!(u >= 0.0f)) u = 0.0f;
    if (u > 1.0f) u = 1.0f;
  }

  auto ownSkin = [&](int j, glm::mat4& out) {
    if (!haveClip || static_cast<std::size_t>(j) >= avatar.clipJointOfMeshJoint.size() ||
        static_cast<std::size_t>(j) >= mesh.inverseBind.size())
      return false;
    const int c = avatar.clipJointOfMeshJoint[static_cast<std::size_t>(j)];
    if (c < 0 || c >= clip.jointCount()) return false;
    const Pose T = interpolate(clip.pose(f0, c), clip.pose(f1, c), u);
    if (!isFinite(T)) return false;
    out = T_mimesis_file * toMat4(T) * mesh.inverseBind[static_cast<std::size_t>(j)];
    for (int col = 0; col < 4; ++col)
      for (int row = 0; row < 4; ++row)
        if (!std::isfinite(out[col][row])) return false;
    return true;
  };
  skinWithAncestors(mesh, ownSkin, T_mimesis_file, skin);
}

}  // namespace mimesis
