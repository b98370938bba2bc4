// Projection and view matrices for OpenXR-style eye views in Vulkan clip space.
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "mimesis/render/Renderer.hpp"

namespace mimesis {

// Same construction as OpenXR's reference projection for Vulkan: asymmetric frustum from the
// four half-angles, Y pointing down in clip space, depth mapped to [0, 1].
glm::mat4 projectionFromFov(const FieldOfView& fov, float nearZ, float farZ) {
  const float tanLeft = std::tan(fov.angleLeft);
  const float tanRight = std::tan(fov.angleRight);
  const float tanUp = std::tan(fov.angleUp);
  const float tanDown = std::tan(fov.angleDown);
  const float width = tanRight - tanLeft;
  const float height = tanDown - tanUp;  // negative: Vulkan's Y points down
  glm::mat4 p(0.0f);
  p[0][0] = 2.0f / width;
  p[2][0] = (tanRight + tanLeft) / width;
  p[1][1] = 2.0f / height;
  p[2][1] = (tanUp + tanDown) / height;
  p[2][2] = -farZ / (farZ - nearZ);
  p[3][2] = -(farZ * nearZ) / (farZ - nearZ);
  p[2][3] = -1.0f;
  return p;
}

glm::mat4 viewFromEye(const Pose& T_world_eye) {
  const Pose T_eye_world = T_world_eye.inverse();
  glm::mat4 m = glm::mat4_cast(T_eye_world.orientation);
  m[3] = glm::vec4(T_eye_world.position, 1.0f);
  return m;
}

}  // namespace mimesis
