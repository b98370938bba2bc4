// Hand mesh skinning: name binding and per-joint skin matrices, with unusable joints following
// their nearest usable ancestor so a half-tracked hand never tears the mesh apart.
#include "mimesis/motion/MeshSkinning.hpp"

#include <cctype>
#include <cmath>
#include <string>

#include <glm/gtc/quaternion.hpp>

namespace mimesis {
namespace {

bool usableJoint(const HandPose& hand, int j) {
  if (!hand.active || j < 0 || j >= kHandJointCount) return false;
  const JointPose& jp = hand.joints[static_cast<std::size_t>(j)];
  return jp.positionValid() && jp.orientationValid() && isFinite(jp.pose);
}

bool finiteMatrix(const glm::mat4& m) {
  for (int c = 0; c < 4; ++c)
    for (int r = 0; r < 4; ++r)
      if (!std::isfinite(m[c][r])) return false;
  return true;
}

}  // namespace

int handJointFromMeshJointName(std::string_view name) {
  std::string s(name);
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  constexpr std::string_view kPrefix = "xr_hand_joint_";
  constexpr std::string_view kSuffix = "_ext";
  if (s.size() > kPrefix.size() + kSuffix.size() && s.compare(0, kPrefix.size(), kPrefix) == 0 &&
      s.compare(s.size() - kSuffix.size(), kSuffix.size(), kSuffix) == 0)
    s = s.substr(kPrefix.size(), s.size() - kPrefix.size() - kSuffix.size());
  const std::optional<int> j = handJointFromName(s);
  return j ? *j : -1;
}

std::vector<int> bindMeshToHand(const SkinnedMesh& mesh) {
  std::vector<int> binding(mesh.jointNames.size(), -1);
  for (std::size_t j = 0; j < mesh.jointNames.size(); ++j) binding[j] = handJointFromMeshJointName(mesh.jointNames[j]);
  return binding;
}

glm::mat4 toMat4(const Pose& T) {
  glm::mat4 m = glm::mat4_cast(T.orientation);
  m[3] = glm::vec4(T.position, 1.0f);
  return m;
}

void handSkinMatrices(const SkinnedMesh& mesh, const std::vector<int>& binding, const HandPose& hand,
                      std::vector<glm::mat4>& skin) {
  auto boundJoint = [&](int j) {
    return static_cast<std::size_t>(j) < binding.size() ? binding[static_cast<std::size_t>(j)] : -1;
  };
  auto ownSkin = [&](int j, glm::mat4& out) {
    const int h = boundJoint(j);
    if (!usableJoint(hand, h) || static_cast<std::size_t>(j) >= mesh.inverseBind.size()) return false;
    out = toMat4(hand.joints[static_cast<std::size_t>(h)].pose) * mesh.inverseBind[static_cast<std::size_t>(j)];
    return finiteMatrix(out);
  };
  skinWithAncestors(mesh, ownSkin, glm::mat4(1.0f), skin);
}

glm::vec3 skinnedPosition(const SkinnedMesh& mesh, const std::vector<glm::mat4>& skin, std::size_t v) {
  const glm::vec4 p(mesh.positions[v], 1.0f);
  glm::vec4 sum(0.0f);
  for (int i = 0; i < 4; ++i) {
    const float w = mesh.weights[v][i];
    const std::size_t j = mesh.joints[v][i];
    if (w != 0.0f && j < skin.size()) sum += w * (skin[j] * p);
  }
  return glm::vec3(sum);
}

}  // namespace mimesis
