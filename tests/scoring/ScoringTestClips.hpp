// Synthetic two-hand clips for scoring tests: a moving, turning wrist and fingers that curl
// at different rates, with knobs for the faults the tests inject (freeze, scale, offset).
#pragma once

#include <cmath>

#include <glm/gtc/quaternion.hpp>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/HandPose.hpp"
#include "mimesis/motion/HandSkeleton.hpp"

namespace mimesis::test {

struct HandClipSpec {
  double seconds = 6.0;
  double rate = 90.0;
  bool left = true, right = true;
  double timeOffset = 0.0;        // the learner performs the clip from this expert time on
  double freezeIndexFrom = 1e9;   // the right index finger stops curling from this time on
  float handScale = 1.0f;         // uniform scale of the hand about the wrist
  glm::vec3 offset{0.0f};         // global translation
  bool namedSegments = false;     // three named segments
  double pausePeriod = 0.0;       // > 0: everything stops briefly every this many seconds
};

inline float curlAt(int finger, double t, Hand hand) {
  const double f = 0.35 + 0.12 * finger, phase = 0.7 * finger + (hand == Hand::Left ? 1.9 : 0.0);
  return static_cast<float>(0.5 - 0.5 * std::cos(2.0 * M_PI * f * t + phase));
}

// One hand at time t; `hand` decides the side (left = right reflected in X).
inline void makeHand(Hand hand, double t, const HandClipSpec& s, HandPose& out) {
  const auto& rest = restPositionsRight();
  std::array<glm::vec3, kHandJointCount> local = rest;
  for (int f = 0; f < kFingerCount; ++f) {
    double tc = t;
    if (f == 1 && hand == Hand::Right && t > s.freezeIndexFrom) tc = s.freezeIndexFrom;
    const float curl = curlAt(f, tc, hand) * (f == 0 ? 0.6f : 1.1f);  // radians per joint
    const auto chain = fingerJoints(static_cast<Finger>(f));
    for (std::size_t k = 1; k + 1 < chain.size(); ++k) {
      const glm::vec3 pivot = local[chain[k]];
      const glm::quat R = glm::angleAxis(-curl, glm::vec3(1.0f, 0.0f, 0.0f));
      for (std::size_t m = k + 1; m < chain.size(); ++m) local[chain[m]] = pivot + R * (local[chain[m]] - pivot);
    }
  }
  const float side = hand == Hand::Left ? -1.0f : 1.0f;
  const float tt = static_cast<float>(t);
  const glm::vec3 wrist = s.offset + glm::vec3(side * 0.2f + 0.12f * std::sin(2.0f * 3.14159265f * 0.4f * tt),
                                               1.2f + 0.06f * std::sin(2.0f * 3.14159265f * 0.55f * tt + side),
                                               -0.35f + 0.05f * std::cos(2.0f * 3.14159265f * 0.3f * tt));
  const glm::quat q = glm::angleAxis(0.4f * std::sin(2.0f * 3.14159265f * 0.25f * tt) * side, glm::vec3(0, 1, 0));
  const Pose T_world_wrist{wrist, q};
  std::array<glm::vec3, kHandJointCount> world{};
  for (int j = 0; j < kHandJointCount; ++j) {
    glm::vec3 p = local[static_cast<std::size_t>(j)] * s.handScale;
    p.x *= side;
    world[static_cast<std::size_t>(j)] = T_world_wrist.apply(p);
  }
  handFromPositions(world, T_world_wrist, hand, out);
}

inline Clip makeHandClip(const HandClipSpec& s) {
  Clip c;
  c.info.name = "synthetic-hands";
  c.info.source = "authored";
  c.rate = s.rate;
  const int n = static_cast<int>(std::lround(s.seconds * s.rate));
  c.frames.resize(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    Frame& f = c.frames[static_cast<std::size_t>(i)];
    f.time = i / s.rate;
    double t = f.time + s.timeOffset;
    // Time runs as t - P/(2 pi) sin(2 pi t / P): its rate drops to zero every P seconds.
    if (s.pausePeriod > 0.0) t -= s.pausePeriod / (2.0 * M_PI) * std::sin(2.0 * M_PI * t / s.pausePeriod);
    if (s.left) makeHand(Hand::Left, t, s, f.hand(Hand::Left));
    if (s.right) makeHand(Hand::Right, t, s, f.hand(Hand::Right));
  }
  if (s.namedSegments) {
    const double d = c.duration();
    c.segments = {{"reach", 0.0, d / 3}, {"curl", d / 3, 2 * d / 3}, {"release", 2 * d / 3, d + 1e-6}};
  }
  return c;
}

}  // namespace mimesis::test
