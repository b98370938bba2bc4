// EffectorErrors: what the mirror model's body cues are chosen from — per end-effector (head,
// hands, feet), where the learner's is against where the expert's aligned one is.
#pragma once

#include <glm/gtc/quaternion.hpp>

#include "mimesis/mirror/MirrorInputs.hpp"
#include "mimesis/motion/BodyEndEffectors.hpp"
#include "mimesis/motion/Frame.hpp"
#include "mimesis/mirror/MirrorTypes.hpp"

namespace mimesis {

// One body as the comparison sees it: a frame, its root joint and the turn that makes it face -Z
// (bodyPlacement(start).orientation, from the body's own first frame).
struct BodyView {
  const Frame* frame = nullptr;
  int root = 0;
  glm::quat turn{1.0f, 0.0f, 0.0f, 0.0f};
};

// out.offset[e] = turn_l (learner effector - learner root) - turn_e (expert effector - expert
// root), metres: +X the body's right, +Y up, -Z its front. Under the Mirror mapping the learner's
// left effector answers the expert's right, reflected in X. Invalid where a joint is untracked
// or the effector has no joint. Both bodies are in the expert's skeleton (the session conforms
// the learner's), so one `effectors` serves both.
void liveEffectorErrors(const BodyView& learner, const BodyView& expert, const BodyEndEffectors& effectors,
                        ImitationMapping mapping, LiveEffectorErrors& out);

}  // namespace mimesis
