// Small deterministic hands for tests: a clip with a moving wrist and fingers that curl over time,
// and one frame of two posed hands.
#pragma once

#include <cmath>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/HandRig.hpp"

namespace mimesis::testing {

// A right (and optionally left) hand that moves its wrist in a circle and curls all fingers.
inline Clip makeWavingClip(int frames = 90, double rate = 90.0, bool twoHands = true) {
  Clip clip;
  clip.info.name = "test-wave";
  clip.info.source = "test";
  clip.rate = rate;
  const auto& rest = restPositionsRight();
  for (int f = 0; f < frames; ++f) {
    Frame fr;
    fr.time = f / rate;
    const float phase = static_cast<float>(2.0 * 3.14159265358979 * f / frames);
    for (Hand h : {Hand::Left, Hand::Right}) {
      if (h == Hand::Left && !twoHands) continue;
      const float side = h == Hand::Right ? 1.0f : -1.0f;
      Pose T_world_wrist{{side * 0.2f + 0.05f * std::cos(phase), 1.2f + 0.05f * std::sin(phase), -0.35f},
                         glm::angleAxis(0.3f * std::sin(phase), glm::vec3(0, 0, 1))};
      std::array<glm::vec3, kHandJointCount> p{};
      const float curl = 0.5f + 0.5f * std::sin(phase);
      for (int j = 0; j < kHandJointCount; ++j) {
        glm::vec3 local = rest[j];
        // Fold fingertip-ward joints toward the palm (-Y) proportionally to how far out they are.
        local.y -= curl * 0.3f * std::max(0.0f, -local.z - 0.08f);
        if (h == Hand::Left) local.x = -local.x;
        p[j] = T_world_wrist.apply(local);
      }
      handFromPositions(p, T_world_wrist, h, fr.hand(h));
    }
    fr.hasHead = true;
    fr.head = Pose{{0, 1.6f, 0}, glm::quat(1, 0, 0, 0)};
    clip.frames.push_back(fr);
  }
  return clip;
}

// Both hands tracked, palms down, wrists at the given world positions; the left one half curled
// (so the two hands differ), the right one relaxed.
inline Frame twoPosedHands(const glm::vec3& p_world_leftWrist, const glm::vec3& p_world_rightWrist) {
  Frame f;
  HandShape curled;
  curled.curl.fill(0.5f);
  poseHand(curled, Pose{p_world_leftWrist, glm::quat(1, 0, 0, 0)}, Hand::Left, f.hand(Hand::Left));
  poseHand(HandShape{}, Pose{p_world_rightWrist, glm::quat(1, 0, 0, 0)}, Hand::Right, f.hand(Hand::Right));
  return f;
}

}  // namespace mimesis::testing
