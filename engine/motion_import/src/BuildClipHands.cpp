// Hands from a rig: the OpenXR wrist frame fitted to the mapped joints, and the missing joints
// taken from the default hand, bent along each finger to meet the joints the rig does have.
#include "BuildClipHands.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/mat3x3.hpp>

namespace mimesis {
namespace {

constexpr float kMinScale = 0.5f;  // a child's hand; below this the rig's "hand" is not anatomical
constexpr float kMaxScale = 1.5f;

bool isThumb(int j) { return j >= index(HandJoint::ThumbMetacarpal) && j <= index(HandJoint::ThumbTip); }
bool isFinger(int j) { return j >= index(HandJoint::IndexMetacarpal); }

// Rotation taking the rest-frame pair (r1, r2) onto the world pair (w1, w2): first vectors
// exactly, second ones as near as the first allows. False when either pair is degenerate.
bool fitTwoVectors(glm::vec3 r1, glm::vec3 r2, glm::vec3 w1, glm::vec3 w2, glm::quat& out) {
  auto frame = [](glm::vec3 a, glm::vec3 b, glm::mat3& m) {
    const float la = glm::length(a);
    if (!(la > 1e-6f)) return false;
    const glm::vec3 e1 = a / la;
    const glm::vec3 p = b - glm::dot(b, e1) * e1;
    const float lp = glm::length(p);
    if (!(lp > 1e-3f * std::max(glm::length(b), 1e-6f)) || !(lp > 1e-7f)) return false;
    const glm::vec3 e2 = p / lp;
    m = glm::mat3(e1, e2, glm::cross(e1, e2));
    return true;
  };
  glm::mat3 rest, world;
  if (!frame(r1, r2, rest) || !frame(w1, w2, world)) return false;
  out = glm::normalize(glm::quat_cast(world * glm::transpose(rest)));
  return isFinite(out);
}

// Smallest rotation taking direction a to direction b (both non-zero).
glm::quat swing(glm::vec3 a, glm::vec3 b) {
  a = glm::normalize(a);
  b = glm::normalize(b);
  const float d = glm::dot(a, b);
  if (d < -0.9999f) {
    glm::vec3 axis = glm::cross(glm::vec3(1, 0, 0), a);
    if (glm::length(axis) < 1e-3f) axis = glm::cross(glm::vec3(0, 1, 0), a);
    return glm::angleAxis(3.14159265f, glm::normalize(axis));
  }
  const glm::vec3 c = glm::cross(a, b);
  return glm::normalize(glm::quat(1.0f + d, c.x, c.y, c.z));
}

// Mean offset from the wrist of the mapped joints that pass `pick`, in world and in rest.
template <typename Pick>
bool meanOffset(const HandFit& fit, std::span<const Pose> joints, Pick pick, glm::vec3& world, glm::vec3& rest) {
  const glm::vec3 w = joints[static_cast<std::size_t>(fit.raw[index(HandJoint::Wrist)])].position;
  world = rest = glm::vec3(0.0f);
  int n = 0;
  for (int j = 0; j < kHandJointCount; ++j) {
    if (j == index(HandJoint::Wrist) || fit.raw[static_cast<std::size_t>(j)] < 0 || !pick(j)) continue;
    world += joints[static_cast<std::size_t>(fit.raw[static_cast<std::size_t>(j)])].position - w;
    rest += fit.rest[static_cast<std::size_t>(j)];
    ++n;
  }
  if (n == 0) return false;
  world /= static_cast<float>(n);
  rest /= static_cast<float>(n);
  return glm::length(world) > 1e-6f && glm::length(rest) > 1e-6f;
}

// T_world_wrist's orientation in OpenXR's convention, from the mapped joints: the fingers give
// the long axis, the thumb (or index against ring/little) the roll. Falls back on the raw
// wrist joint's own orientation for whatever the joints cannot determine.
glm::quat fitWristOrientation(const HandFit& fit, std::span<const Pose> joints) {
  const glm::quat rawWrist = joints[static_cast<std::size_t>(fit.raw[index(HandJoint::Wrist)])].orientation;
  glm::vec3 fingersW, fingersR, rollW, rollR;
  const bool haveFingers = meanOffset(fit, joints, isFinger, fingersW, fingersR);
  bool haveRoll = meanOffset(fit, joints, isThumb, rollW, rollR);
  if (!haveRoll) {
    glm::vec3 iW, iR, oW, oR;
    auto indexSide = [](int j) { return j >= index(HandJoint::IndexMetacarpal) && j <= index(HandJoint::IndexTip); };
    auto outerSide = [](int j) { return j >= index(HandJoint::RingMetacarpal); };
    if (meanOffset(fit, joints, indexSide, iW, iR) && meanOffset(fit, joints, outerSide, oW, oR)) {
      rollW = iW - oW;
      rollR = iR - oR;
      haveRoll = true;
    }
  }
  glm::quat q;
  if (haveFingers && haveRoll && fitTwoVectors(fingersR, rollR, fingersW, rollW, q)) return q;
  if (haveFingers) return glm::normalize(swing(rawWrist * fingersR, fingersW) * rawWrist);
  if (haveRoll) return glm::normalize(swing(rawWrist * rollR, rollW) * rawWrist);
  return rawWrist;
}

}  // namespace

HandFit prepareHandFit(Hand hand, const std::array<int, kHandJointCount>& mapped, std::span<const Pose> frame0) {
  HandFit fit;
  fit.hand = hand;
  fit.raw = mapped;
  fit.present = mapped[index(HandJoint::Wrist)] >= 0;
  const float mirror = hand == Hand::Left ? -1.0f : 1.0f;  // the left hand is the right reflected in X
  for (int j = 0; j < kHandJointCount; ++j) {
    glm::vec3 r = restPositionsRight()[static_cast<std::size_t>(j)];
    r.x *= mirror;
    fit.rest[static_cast<std::size_t>(j)] = r;
  }
  if (!fit.present || frame0.empty()) return fit;
  const glm::vec3 w = frame0[static_cast<std::size_t>(mapped[index(HandJoint::Wrist)])].position;
  std::vector<float> ratios;
  for (int j = 0; j < kHandJointCount; ++j) {
    const int r = mapped[static_cast<std::size_t>(j)];
    if (j == index(HandJoint::Wrist) || r < 0) continue;
    const float restLen = glm::length(fit.rest[static_cast<std::size_t>(j)]);
    const float len = glm::length(frame0[static_cast<std::size_t>(r)].position - w);
    if (restLen > 0.01f && len > 1e-4f) ratios.push_back(len / restLen);
  }
  if (!ratios.empty()) {
    std::sort(ratios.begin(), ratios.end());
    const std::size_t n = ratios.size();
    const float median = n % 2 ? ratios[n / 2] : 0.5f * (ratios[n / 2 - 1] + ratios[n / 2]);
    fit.scale = std::clamp(median, kMinScale, kMaxScale);
  }
  return fit;
}

void fillHand(const HandFit& fit, std::span<const Pose> joints, HandPose& out) {
  out = HandPose{};
  if (!fit.present) return;
  const Pose T_world_wrist{joints[static_cast<std::size_t>(fit.raw[index(HandJoint::Wrist)])].position,
                           fitWristOrientation(fit, joints)};
  auto restToWorld = [&](int j) { return T_world_wrist.rotate(fit.scale * fit.rest[static_cast<std::size_t>(j)]); };
  std::array<glm::vec3, kHandJointCount> p{};
  p[index(HandJoint::Wrist)] = T_world_wrist.position;
  for (int f = 0; f < kFingerCount; ++f) {
    const auto chain = fingerJoints(static_cast<Finger>(f));
    // Walk the chain from the wrist; between two mapped joints a and b the default shape hung
    // from a misses b by `miss`, which is spread over the gap in proportion to rest arc length.
    int a = index(HandJoint::Wrist);
    std::size_t k = 0;
    while (k < chain.size()) {
      std::size_t b = k;
      while (b < chain.size() && fit.raw[chain[b]] < 0) ++b;
      glm::vec3 miss(0.0f);
      float total = 0.0f;
      if (b < chain.size()) {
        const glm::vec3 pb = joints[static_cast<std::size_t>(fit.raw[chain[b]])].position;
        miss = pb - (p[static_cast<std::size_t>(a)] + restToWorld(chain[b]) - restToWorld(a));
        int prev = a;
        for (std::size_t i = k; i <= b; ++i) {
          total += glm::length(fit.rest[chain[i]] - fit.rest[static_cast<std::size_t>(prev)]);
          prev = chain[i];
        }
      }
      float arc = 0.0f;
      int prev = a;
      for (std::size_t i = k; i < b; ++i) {
        arc += glm::length(fit.rest[chain[i]] - fit.rest[static_cast<std::size_t>(prev)]);
        prev = chain[i];
        const float u = total > 1e-9f ? arc / total : 0.0f;
        p[chain[i]] = p[static_cast<std::size_t>(a)] + restToWorld(chain[i]) - restToWorld(a) + u * miss;
      }
      if (b < chain.size()) {
        p[chain[b]] = joints[static_cast<std::size_t>(fit.raw[chain[b]])].position;
        a = chain[b];
      }
      k = b + 1;
    }
  }
  const int palm = index(HandJoint::Palm);
  p[palm] = fit.raw[palm] >= 0 ? joints[static_cast<std::size_t>(fit.raw[palm])].position
                                : 0.5f * (p[index(HandJoint::MiddleMetacarpal)] + p[index(HandJoint::MiddleProximal)]);
  handFromPositions(p, T_world_wrist, fit.hand, out);
  for (int j = 0; j < kHandJointCount; ++j)
    if (fit.raw[static_cast<std::size_t>(j)] < 0)
      out.joints[static_cast<std::size_t>(j)].flags = kPositionValid | kOrientationValid;
}

void listFilledJoints(const HandFit& fit, std::vector<std::string>& out) {
  if (!fit.present) return;
  for (int j = 0; j < kHandJointCount; ++j)
    if (fit.raw[static_cast<std::size_t>(j)] < 0)
      out.push_back(std::string(handName(fit.hand)) + "/" + std::string(handJointName(j)));
}

}  // namespace mimesis
