// Avatar staging: the rest pose's box measured on the CPU with the renderer's own skinning rule.
#include "mimesis/stills/AvatarStaging.hpp"

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion_import/AvatarPose.hpp"

namespace mimesis {

float clipStandingHeight(const Clip& clip) {
  if (clip.frames.empty()) return 0.0f;
  const ViewBox box = bodyBox(clip.frames.front());
  if (!box.valid) return 0.0f;
  const float h = box.hi.y - box.lo.y + 0.1f;
  return h >= 0.5f && h <= 3.0f ? h : 0.0f;
}

AvatarStage stageAvatar(const AvatarAnimation& avatar, float height) {
  std::vector<glm::mat4> skin;
  avatarSkinMatrices(avatar, 0.0, skin);
  ViewBox rest;
  for (std::size_t v = 0; v < avatar.mesh.vertexCount(); ++v) rest.add(skinnedPosition(avatar.mesh, skin, v));
  AvatarStage stage;
  if (!rest.valid) return stage;
  // The largest side: a person's height, but a long animal's length (a fox scaled to stand as
  // tall as the learner would be three metres long and fill every view).
  const glm::vec3 size = rest.hi - rest.lo;
  const float extent = std::max({size.x, size.y, size.z});
  stage.scale = extent > 1e-6f && height > 0.0f && std::isfinite(height) ? height / extent : 1.0f;
  const glm::vec3 lo = rest.lo * stage.scale, hi = rest.hi * stage.scale;
  const float halfDepth = 0.5f * (hi.z - lo.z);
  const float centreZ = std::min(-kAvatarDistance, -kAvatarNearest - halfDepth);
  const glm::vec3 shift(-0.5f * (lo.x + hi.x), -lo.y, centreZ - 0.5f * (lo.z + hi.z));
  stage.place = glm::scale(glm::translate(glm::mat4(1.0f), shift), glm::vec3(stage.scale));
  stage.box.add(lo + shift);
  stage.box.add(hi + shift);
  return stage;
}

}  // namespace mimesis
