// Puppet hands: the hand rig posed from what the desktop user set.
#include "mimesis/sim/PuppetHandSource.hpp"

namespace mimesis {

PuppetState defaultPuppet() {
  PuppetState s;
  s.hands[index(Hand::Left)].p_world_wrist = {-0.12f, 1.15f, -0.22f};
  s.hands[index(Hand::Right)].p_world_wrist = {0.12f, 1.15f, -0.22f};
  for (PuppetHand& h : s.hands) h.shape.curl.fill(0.15f);
  return s;
}

void posePuppet(const PuppetState& state, Frame& out) {
  for (Hand h : {Hand::Left, Hand::Right}) {
    const PuppetHand& p = state.hands[static_cast<std::size_t>(index(h))];
    HandPose& pose = out.hand(h);
    if (!p.active) {
      pose = HandPose{};
      continue;
    }
    Pose T_world_wrist;
    T_world_wrist.position = p.p_world_wrist;
    T_world_wrist.orientation = wristOrientationFromYawPitchRoll(p.yawDeg, p.pitchDeg, p.rollDeg);
    poseHand(p.shape, T_world_wrist, h, pose);
  }
  out.hasHead = false;
  out.body.clear();
}

Status PuppetHandSource::beginTrial(const TrialContext& context) {
  const double span = context.expertShown != nullptr ? context.expertShown->duration() : 0.0;
  trialLength_ = span + 1.0;
  return okStatus();
}

bool PuppetHandSource::poll(double trialTime, const FeedbackState&, Frame& out) {
  if (trialTime > trialLength_) return false;
  posePuppet(*state_, out);
  return true;
}

}  // namespace mimesis
