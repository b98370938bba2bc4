// Synthetic Kinect-skeleton body clips for scoring tests: a rest pose (UI-PRMD joint order) and
// a builder that poses it frame by frame, so each test states only the movement it needs.
#pragma once

#include <cmath>
#include <functional>

#include <glm/gtc/quaternion.hpp>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/Skeleton.hpp"

namespace mimesis::test {

// Kinect-like rest pose (UI-PRMD skeleton order), metres: standing, arms down. Joint 7 is the
// left shoulder, 8 and 9 the left elbow and hand; 11 the right shoulder, 12 and 13 its elbow, hand.
inline const glm::vec3 kRestPose[22] = {
    {0.0f, 1.0f, 2.0f},    {0.0f, 1.15f, 2.0f},  {0.0f, 1.35f, 2.0f},   {0.0f, 1.5f, 2.0f},
    {0.0f, 1.6f, 2.0f},    {0.0f, 1.75f, 2.0f},  {-0.08f, 1.45f, 2.0f}, {-0.2f, 1.45f, 2.0f},
    {-0.2f, 1.17f, 2.0f},  {-0.2f, 0.92f, 2.0f}, {0.08f, 1.45f, 2.0f},  {0.2f, 1.45f, 2.0f},
    {0.2f, 1.17f, 2.0f},   {0.2f, 0.92f, 2.0f},  {-0.1f, 0.95f, 2.0f},  {-0.1f, 0.5f, 2.0f},
    {-0.1f, 0.08f, 2.0f},  {-0.1f, 0.05f, 1.88f}, {0.1f, 0.95f, 2.0f},  {0.1f, 0.5f, 2.0f},
    {0.1f, 0.08f, 2.0f},   {0.1f, 0.05f, 1.88f}};

// A clip of `frames` at `rate` Hz; `pose(frame, time, p)` edits a copy of the rest pose.
inline Clip makeKinectClip(int frames, double rate, const std::function<void(int, double, glm::vec3 (&)[22])>& pose) {
  Clip c;
  c.info.name = "synthetic-body";
  c.body = kinectBodySkeleton();
  c.rate = rate;
  c.frames.resize(static_cast<std::size_t>(frames));
  for (int i = 0; i < frames; ++i) {
    Frame& f = c.frames[static_cast<std::size_t>(i)];
    f.time = i / rate;
    glm::vec3 p[22];
    for (int j = 0; j < 22; ++j) p[j] = kRestPose[j];
    pose(i, f.time, p);
    f.body.resize(22);
    for (int j = 0; j < 22; ++j) {
      f.body[static_cast<std::size_t>(j)].pose.position = p[j];
      f.body[static_cast<std::size_t>(j)].flags = kPositionValid;
    }
  }
  return c;
}

// Rotates the right arm (elbow, hand) about the right shoulder by `rad` (abduction), and the left
// arm about the left shoulder by `-leftRad` (held out: the tests' fault).
inline void abductArms(glm::vec3 (&p)[22], float rad, float leftRad) {
  const glm::quat right = glm::angleAxis(rad, glm::vec3(0, 0, 1)), left = glm::angleAxis(-leftRad, glm::vec3(0, 0, 1));
  for (int j : {12, 13}) p[j] = p[11] + right * (p[j] - p[11]);
  for (int j : {8, 9}) p[j] = p[7] + left * (p[j] - p[7]);
}

}  // namespace mimesis::test
