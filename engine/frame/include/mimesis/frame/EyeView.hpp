// EyeView: one camera the renderer draws from — a pose and an asymmetric field of view, as
// OpenXR's XrView gives them (so a headset view and a desktop camera are the same thing).
#pragma once

#include "mimesis/core/Pose.hpp"

namespace mimesis {

// Angles in radians, OpenXR XrFovf conventions: left and down are negative for a centred view.
struct FieldOfView {
  float angleLeft = -0.7f;
  float angleRight = 0.7f;
  float angleUp = 0.7f;
  float angleDown = -0.7f;
};

// T_world_eye: the eye's frame in world space, OpenXR view conventions (+X right, +Y up,
// looking down -Z). Depth range in metres.
struct EyeView {
  Pose T_world_eye;
  FieldOfView fov;
  float nearZ = 0.05f;
  float farZ = 50.0f;
};

}  // namespace mimesis
