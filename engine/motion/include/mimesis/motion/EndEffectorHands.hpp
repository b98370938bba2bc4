// Hands for a body clip that tracked none: each hand's wrist placed at the body's hand
// end-effector, so everything that follows hands (the live scorer, the mirror model's
// resonance, lag, cues and part practice, the ghost hands) follows a body lesson's hands too.
#pragma once

#include "mimesis/motion/BodyEndEffectors.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// For each hand that no frame of `clip` has active: in every frame where the body's hand joint
// has a valid position, the hand is active with only its wrist and palm valid (fingers
// untracked, so no finger is scored from a shape the body never measured): the wrist at the
// hand joint, oriented with +Z from the hand toward its parent joint (the forearm) and +X
// perpendicular to that and the clip's +Y (up); the palm 4 cm along -Z. Hands the clip
// already has are kept. No head pose is added: a head makes the scorer place hands relative to
// it, and the body's own head joint is scored in the trunk group already. Returns whether a
// hand was added.
bool attachEndEffectorHands(Clip& clip, const BodyEndEffectors& effectors);

}  // namespace mimesis
