// Hand forward kinematics: rotations accumulated from the wrist out along each finger chain.
#include "mimesis/motion/HandRig.hpp"

#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

#include "mimesis/motion/Mirroring.hpp"

namespace mimesis {
namespace {

constexpr float kDegToRad = 3.14159265358979323846f / 180.0f;

glm::quat aboutAxis(float deg, const glm::vec3& axis) {
  return glm::angleAxis(deg * kDegToRad, axis);
}

// The rest frame of each finger's first bone, right hand, wrist frame. Every bone of a finger
// is collinear in the rest pose, so one frame per finger describes the whole straight chain.
struct ChainRest {
  glm::vec3 baseDirection;  // wrist -> metacarpal joint, unit
  glm::quat frame;          // -Z along the finger, +Y dorsal (the thumb: its nail side)
};

const std::array<ChainRest, kFingerCount>& chainRests() {
  static const std::array<ChainRest, kFingerCount> k = [] {
    std::array<ChainRest, kFingerCount> r{};
    const auto& rest = restPositionsRight();
    for (int f = 0; f < kFingerCount; ++f) {
      const auto joints = fingerJoints(static_cast<Finger>(f));
      const glm::vec3 base = rest[joints[0]];
      const glm::vec3 dir = glm::normalize(rest[joints[1]] - base);
      // The thumb sits rotated about its own axis: its nail faces sideways and up, so its
      // flexion carries the tip across the palm (toward +X and -Y) rather than straight down.
      const glm::vec3 up = f == 0 ? glm::normalize(glm::vec3(-0.75f, 0.66f, 0.0f))
                                  : glm::vec3(0.0f, 1.0f, 0.0f);
      r[f].baseDirection = glm::length(base) > 0.0f ? glm::normalize(base) : glm::vec3(0.0f);
      r[f].frame = lookRotation(-dir, up);
    }
    return r;
  }();
  return k;
}

// Sign of positive abduction about the finger's own +Y: toward -X (thumb side) for index and
// middle, toward +X (little side) for ring and little.
constexpr std::array<float, kFingerCount> kAbductionSign = {1.0f, 1.0f, 1.0f, -1.0f, -1.0f};

// Right-hand joint frames in the wrist frame.
void rightHandLocal(const HandAngles& angles, const BoneLengths& bones,
                    std::array<Pose, kHandJointCount>& local) {
  const glm::vec3 kX(1.0f, 0.0f, 0.0f), kY(0.0f, 1.0f, 0.0f), kBone(0.0f, 0.0f, -1.0f);
  local[index(HandJoint::Wrist)] = Pose::identity();
  for (int f = 0; f < kFingerCount; ++f) {
    const FingerAngles& a = angles[f];
    const ChainRest& rest = chainRests()[f];
    const auto joints = fingerJoints(static_cast<Finger>(f));
    const int n = static_cast<int>(joints.size());
    glm::vec3 p = rest.baseDirection * bones[joints[0]];
    glm::quat R;
    int flex = 0;
    if (f == 0) {
      // Thumb: abduction swings the whole chain in the palm plane about the wrist's +Y, then
      // the CMC flexes the metacarpal itself.
      R = aboutAxis(a.abductDeg, kY) * rest.frame * aboutAxis(-a.flexDeg[flex++], kX);
    } else {
      R = rest.frame;  // finger metacarpals are rigid in the palm
    }
    for (int b = 0; b + 1 < n; ++b) {
      if (f != 0 && b == 1)
        R = R * aboutAxis(kAbductionSign[f] * a.abductDeg, kY) * aboutAxis(-a.flexDeg[flex++], kX);
      else if (b >= 1)
        R = R * aboutAxis(-a.flexDeg[flex++], kX);
      R = glm::normalize(R);
      local[joints[b]] = Pose{p, R};
      p += R * (kBone * bones[joints[b + 1]]);
    }
    local[joints[n - 1]] = Pose{p, R};  // the tip carries the distal bone's frame
  }
  const glm::vec3 palm = 0.5f * (local[index(HandJoint::MiddleMetacarpal)].position +
                                 local[index(HandJoint::MiddleProximal)].position);
  local[index(HandJoint::Palm)] = Pose{palm, glm::quat(1.0f, 0.0f, 0.0f, 0.0f)};
}

float sizeRatio(const BoneLengths& bones) {
  float sum = 0.0f, ref = 0.0f;
  for (int j = 0; j < kHandJointCount; ++j) {
    sum += bones[j];
    ref += defaultBoneLengths()[j];
  }
  const float r = ref > 0.0f ? sum / ref : 1.0f;
  return std::isfinite(r) && r > 0.0f ? r : 1.0f;
}

}  // namespace

const std::array<std::array<float, 3>, kFingerCount>& fingerFlexionLimits() {
  static const std::array<std::array<float, 3>, kFingerCount> k = {{
      {35.0f, 50.0f, 70.0f},   // thumb CMC, MCP, IP
      {85.0f, 100.0f, 70.0f},  // index MCP, PIP, DIP
      {85.0f, 100.0f, 70.0f},
      {85.0f, 100.0f, 70.0f},
      {85.0f, 100.0f, 70.0f},
  }};
  return k;
}

HandAngles anglesFromShape(const HandShape& shape) {
  HandAngles out{};
  for (int f = 0; f < kFingerCount; ++f) {
    for (int j = 0; j < 3; ++j) out[f].flexDeg[j] = shape.curl[f] * fingerFlexionLimits()[f][j];
    out[f].abductDeg = shape.spreadDeg[f];
  }
  return out;
}

void poseHandFromAngles(const HandAngles& angles, const Pose& T_world_wrist, Hand hand,
                        HandPose& out, const BoneLengths& bones) {
  std::array<Pose, kHandJointCount> local;
  rightHandLocal(angles, bones, local);
  const float radiusScale = sizeRatio(bones);
  for (int j = 0; j < kHandJointCount; ++j) {
    const Pose& T_wrist_joint = hand == Hand::Right ? local[j] : reflectX(local[j]);
    JointPose& jp = out.joints[j];
    jp.pose = T_world_wrist * T_wrist_joint;
    jp.radius = defaultJointRadius(j) * radiusScale;
    jp.flags = kJointFullyTracked;
  }
  // The wrist is exactly the caller's pose (composition with identity would renormalize it).
  out.joints[index(HandJoint::Wrist)].pose = T_world_wrist;
  out.active = true;
}

void poseHand(const HandShape& shape, const Pose& T_world_wrist, Hand hand, HandPose& out,
              const BoneLengths& bones) {
  poseHandFromAngles(anglesFromShape(shape), T_world_wrist, hand, out, bones);
}

glm::quat wristOrientationFromYawPitchRoll(float yawDeg, float pitchDeg, float rollDeg) {
  return glm::normalize(aboutAxis(rollDeg, {0.0f, 0.0f, 1.0f}) *
                        aboutAxis(yawDeg, {0.0f, 1.0f, 0.0f}) *
                        aboutAxis(pitchDeg, {1.0f, 0.0f, 0.0f}));
}

}  // namespace mimesis
