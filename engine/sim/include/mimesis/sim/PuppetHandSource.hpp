// PuppetHandSource: hands a person drives at a desktop — each hand's wrist position and
// orientation and its shape (finger curls, spread) — as a HandSource. The desktop maps the mouse
// and keys onto a PuppetState; this turns the state into tracked hands with the hand rig.
#pragma once

#include <array>

#include "mimesis/motion/HandRig.hpp"
#include "mimesis/session/HandSource.hpp"

namespace mimesis {

struct PuppetHand {
  bool active = true;
  glm::vec3 p_world_wrist{0.0f};   // metres, world (+Y up, the learner looks down -Z)
  float yawDeg = 0.0f, pitchDeg = 0.0f, rollDeg = 0.0f;  // wristOrientationFromYawPitchRoll
  HandShape shape;
};

struct PuppetState {
  std::array<PuppetHand, 2> hands{};  // indexed by index(Hand)
};

// Both hands relaxed, palms down, in front of the learner where the shipped clips put hands.
PuppetState defaultPuppet();

// Writes the puppet's hands into `out` (time untouched, no head, no body).
void posePuppet(const PuppetState& state, Frame& out);

class PuppetHandSource : public HandSource {
 public:
  // `state` is borrowed and read at every poll (the desktop changes it between frames).
  explicit PuppetHandSource(const PuppetState* state) : state_(state) {}
  Status beginTrial(const TrialContext& context) override;
  // The puppet as it is now; the trial ends one second after the expert span shown ends.
  bool poll(double trialTime, const FeedbackState& guidance, Frame& out) override;

 private:
  const PuppetState* state_;
  double trialLength_ = 0.0;
};

}  // namespace mimesis
