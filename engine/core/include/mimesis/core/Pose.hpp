// Rigid transforms named by their frames: T_a_b maps points from frame b into frame a.
#pragma once

#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>

namespace mimesis {

// A rigid transform. Read `Pose T_world_wrist` as "the wrist frame expressed in world":
// T_world_wrist.apply(p_wrist) == p_world. Units: metres; orientation is a unit quaternion.
struct Pose {
  glm::vec3 position{0.0f};
  glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f};  // glm order: w, x, y, z

  static Pose identity() { return {}; }

  glm::vec3 apply(const glm::vec3& p) const { return position + orientation * p; }
  glm::vec3 rotate(const glm::vec3& v) const { return orientation * v; }
  Pose inverse() const;

  bool operator==(const Pose&) const = default;
};

// T_a_c = T_a_b * T_b_c.
Pose operator*(const Pose& T_a_b, const Pose& T_b_c);

// Interpolates positions linearly and orientations by shortest-arc slerp; u in [0, 1].
Pose interpolate(const Pose& a, const Pose& b, float u);

// Shortest-arc slerp that stays well-defined for nearly equal and opposite-sign quaternions.
glm::quat slerpShortest(const glm::quat& a, const glm::quat& b, float u);

// True if every component is finite.
bool isFinite(const glm::vec3& v);
bool isFinite(const glm::quat& q);
bool isFinite(const Pose& p);

// Rotation taking +Z to `dir` with `up` as a hint for +Y; used to build bone frames.
glm::quat lookRotation(const glm::vec3& forwardZ, const glm::vec3& upHint);

}  // namespace mimesis
