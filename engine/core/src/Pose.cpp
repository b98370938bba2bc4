// Pose algebra. Kept out of line so callers do not pull GLM's heavier headers.
#include "mimesis/core/Pose.hpp"

#include <cmath>
#include <glm/geometric.hpp>

namespace mimesis {

Pose Pose::inverse() const {
  const glm::quat inv = glm::conjugate(orientation);
  return Pose{inv * -position, inv};
}

Pose operator*(const Pose& T_a_b, const Pose& T_b_c) {
  return Pose{T_a_b.apply(T_b_c.position), glm::normalize(T_a_b.orientation * T_b_c.orientation)};
}

glm::quat slerpShortest(const glm::quat& a, glm::quat const& bIn, float u) {
  glm::quat b = bIn;
  float d = glm::dot(a, b);
  if (d < 0.0f) {
    b = -b;
    d = -d;
  }
  // Near-identical rotations: nlerp avoids dividing by sin(theta) ~ 0.
  if (d > 0.9995f) return glm::normalize(a * (1.0f - u) + b * u);
  const float theta = std::acos(d);
  const float s = std::sin(theta);
  const float wa = std::sin((1.0f - u) * theta) / s;
  const float wb = std::sin(u * theta) / s;
  return glm::normalize(a * wa + b * wb);
}

Pose interpolate(const Pose& a, const Pose& b, float u) {
  return Pose{a.position + (b.position - a.position) * u,
              slerpShortest(a.orientation, b.orientation, u)};
}

bool isFinite(const glm::vec3& v) {
  return std::isfinite(v.x) && std::isfinite(v.y) && std::isfinite(v.z);
}
bool isFinite(const glm::quat& q) {
  return std::isfinite(q.x) && std::isfinite(q.y) && std::isfinite(q.z) && std::isfinite(q.w);
}
bool isFinite(const Pose& p) { return isFinite(p.position) && isFinite(p.orientation); }

glm::quat lookRotation(const glm::vec3& forwardZ, const glm::vec3& upHint) {
  const float len = glm::length(forwardZ);
  if (!(len > 1e-9f)) return glm::quat(1, 0, 0, 0);
  const glm::vec3 z = forwardZ / len;
  glm::vec3 x = glm::cross(upHint, z);
  if (glm::length(x) < 1e-6f) {
    // up is parallel to forward: pick any perpendicular axis, deterministically.
    x = glm::cross(std::abs(z.x) < 0.9f ? glm::vec3(1, 0, 0) : glm::vec3(0, 1, 0), z);
  }
  x = glm::normalize(x);
  const glm::vec3 y = glm::cross(z, x);
  return glm::normalize(glm::quat_cast(glm::mat3(x, y, z)));
}

}  // namespace mimesis
