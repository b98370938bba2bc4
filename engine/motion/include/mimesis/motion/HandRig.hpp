// HandRig: forward kinematics of an OpenXR hand from finger curl/spread and a wrist pose.
#pragma once

#include <array>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/HandPose.hpp"
#include "mimesis/motion/Retargeting.hpp"

namespace mimesis {

// Joint angles of one finger, degrees. `flexDeg` are the three flexion joints proximal to
// distal: MCP, PIP, DIP for the fingers; CMC, MCP, IP for the thumb. Positive flexion bends
// toward the palm. `abductDeg` is the sideways rotation at the finger's base (MCP; the thumb's
// CMC, in the plane of the palm), positive = away from the middle finger: the index and the
// thumb toward the thumb side, the ring and little toward the little side, the middle toward
// the thumb side.
struct FingerAngles {
  std::array<float, 3> flexDeg{0.0f, 0.0f, 0.0f};
  float abductDeg = 0.0f;
  bool operator==(const FingerAngles&) const = default;
};

// Indexed by Finger (thumb, index, middle, ring, little).
using HandAngles = std::array<FingerAngles, kFingerCount>;

// A hand shape as a coach thinks of it. `curl` in [0, 1]: 0 = straight (the rest pose of
// restPositionsRight()), 1 = fully flexed, spread over the joints in the anatomical ratios of
// fingerFlexionLimits(). `spreadDeg` = abduction in degrees, same sign as FingerAngles.
struct HandShape {
  std::array<float, kFingerCount> curl{};
  std::array<float, kFingerCount> spreadDeg{};
  bool operator==(const HandShape&) const = default;
};

// Flexion of each joint at curl 1, degrees, indexed [finger][joint] as FingerAngles::flexDeg.
// Fingers: MCP 85, PIP 100, DIP 70 (DIP about 2/3 of PIP, as the coupled tendon gives);
// thumb: CMC 35, MCP 50, IP 70.
const std::array<std::array<float, 3>, kFingerCount>& fingerFlexionLimits();

// Curl is linear in every joint: angle = curl * limit. Spread maps to abduction unchanged.
// Values are used as given (no clamping), so callers validate ranges.
HandAngles anglesFromShape(const HandShape& shape);

// Forward kinematics. Writes all 26 joints of `out` (caller-owned; no allocation), fully
// tracked, `active` true, radii defaultJointRadius() scaled with the hand's size.
//
// Frames: `T_world_wrist` is the OpenXR wrist frame (+Y out of the back of the hand, +Z from
// the fingers toward the forearm; for a right hand +X is the little-finger side). The right hand
// is computed in its wrist frame from the rest layout of restPositionsRight() with `bones`
// (metres, indexed as defaultBoneLengths(): each joint's distance to its parent); the left hand
// is its reflection, so poseHandFromAngles(a, T, Left) == reflectX(poseHandFromAngles(a,
// reflectX(T), Right)) joint by joint.
//
// Orientations are accumulated along each chain, so they agree exactly with the bones. Each
// joint carries the frame of the bone that starts at it (OpenXR: -Z points along that bone
// toward the fingertip, +Y dorsal); a tip carries its distal bone's frame; the palm carries the
// wrist's orientation and lies midway along the middle metacarpal.
void poseHandFromAngles(const HandAngles& angles, const Pose& T_world_wrist, Hand hand,
                        HandPose& out, const BoneLengths& bones = defaultBoneLengths());

// poseHandFromAngles(anglesFromShape(shape), ...).
void poseHand(const HandShape& shape, const Pose& T_world_wrist, Hand hand, HandPose& out,
              const BoneLengths& bones = defaultBoneLengths());

// Wrist orientation from yaw/pitch/roll in degrees about the world's axes (Y up, -Z forward),
// applied in the order pitch, yaw, roll: R = Rz(roll) * Ry(yaw) * Rx(pitch). All zero = palm
// down, fingers forward. pitch > 0 raises the fingers (90 = fingers up, palm forward); yaw > 0
// turns the fingers (or, for an upright hand, the palm) toward -X, to the left; roll > 0 turns
// about the forward axis, counter-clockwise as seen by the performer: the back of a flat hand
// tips toward -X, an upright hand leans left (waving is roll). For a right hand roll -90 is the
// hand-shake pose (thumb up, palm left). The order keeps each angle meaning one visible motion.
glm::quat wristOrientationFromYawPitchRoll(float yawDeg, float pitchDeg, float rollDeg);

}  // namespace mimesis
