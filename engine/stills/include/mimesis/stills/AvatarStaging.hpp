// AvatarStaging: where an avatar stands and how big it is — scaled to the learner's height, its
// feet on the floor, centred in front of the learner and facing them.
#pragma once

#include <vector>

#include <glm/mat4x4.hpp>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis {

// motion_import/AvatarPose.hpp (stills links motion_import privately).
struct AvatarAnimation;

// Standing height when neither the command line nor the clip gives one: an adult's, metres.
constexpr float kDefaultLearnerHeight = 1.70f;
// The avatar's centre stands this far (metres) in front of the learner (-Z) ...
constexpr float kAvatarDistance = 1.2f;
// ... unless it is so deep (a long animal) that its front would come nearer than this; then it
// steps back until its front is here, so it never stands in the learner's hands.
constexpr float kAvatarNearest = 0.6f;

// The learner's standing height from a body clip: the vertical span of the first frame's valid
// body joints plus 0.1 m (joints sit at the head's centre and the ankles, not the crown and the
// soles). 0 when the clip has no body joints or the span is not plausible (under 0.5 m or over 3 m).
float clipStandingHeight(const Clip& clip);

// The placement every skin matrix of the avatar is premultiplied by: uniform scale s = height /
// H, where H is the largest side of the box of the avatar's skinned vertices at animation time 0
// — a person's standing height; for a long animal such as the Fox its length, so that it is as
// long as the learner is tall rather than three metres long — then a
// translation putting that pose's lowest vertex on the floor (y = 0), its box centred at x = 0
// and at z = -kAvatarDistance (or further back, see kAvatarNearest). Avatars are authored facing
// +Z (glTF's convention), i.e. towards the learner. `height` must be positive; an avatar whose
// pose has no extent is only moved, not scaled.
struct AvatarStage {
  glm::mat4 place{1.0f};
  float scale = 1.0f;
  ViewBox box;  // the placed avatar's box at time 0, for cameras that must hold it
};
AvatarStage stageAvatar(const AvatarAnimation& avatar, float height);

}  // namespace mimesis
