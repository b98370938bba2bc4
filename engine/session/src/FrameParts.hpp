// What the FrameBuilder's two files share (FrameBuilder.cpp: hands, target, facing model, mirror,
// panel; FrameBuilderBody.cpp: the bodies' joints, wrists and colours).
#pragma once

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "mimesis/session/FrameBuilder.hpp"

namespace mimesis::frame_parts {

// Counters into out's vectors, so existing elements (and their own vectors) are reused.
struct Fill {
  std::size_t hands = 0, bodies = 0, meshes = 0, labels = 0, panel = 0;
};

template <typename T>
T& nextSlot(std::vector<T>& v, std::size_t& used) {
  if (used == v.size()) v.emplace_back();
  return v[used++];
}

inline float ratio(double value, double reference) {
  if (!std::isfinite(value) || !(reference > 0.0) || !std::isfinite(reference)) return 0.0f;
  return static_cast<float>(std::clamp(value / reference, 0.0, 1e6));
}

constexpr float kGhostHeadClearance = 0.25f;  // metres, see the header

// The learner's eye: Frame::head when tracked, else Staging::defaultHead().
glm::vec3 learnerEye(const FrameInputs& in);

// The body joint that carries side `side`'s hand (the wrist, by its usual names); -1 when none.
int bodyWristJoint(const Skeleton& skeleton, Hand side);

// The learner's own body, solid, each joint coloured by its group's error (FrameBuilder.hpp).
void addLearnerBody(const FrameInputs& in, const Pose& placement, bool firstPerson, FrameDescription& out, Fill& fill);

}  // namespace mimesis::frame_parts
