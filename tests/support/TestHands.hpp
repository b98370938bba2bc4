// Small deterministic hand clips for tests: a moving wrist and fingers that curl over time.
#pragma once

#include <cmath>

#include "mimesis/motion/Clip.hpp"

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

}  // namespace mimesis::testing
