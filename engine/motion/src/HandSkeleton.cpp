// Tables of the OpenXR hand skeleton. Bone lengths are round figures for an adult hand
// (about 19 cm wrist to middle tip); retargeting replaces them with the learner's own.
#include "mimesis/motion/HandSkeleton.hpp"

#include <glm/geometric.hpp>

namespace mimesis {
namespace {

constexpr std::array<std::string_view, kHandJointCount> kNames = {
    "palm", "wrist",
    "thumb_metacarpal", "thumb_proximal", "thumb_distal", "thumb_tip",
    "index_metacarpal", "index_proximal", "index_intermediate", "index_distal", "index_tip",
    "middle_metacarpal", "middle_proximal", "middle_intermediate", "middle_distal", "middle_tip",
    "ring_metacarpal", "ring_proximal", "ring_intermediate", "ring_distal", "ring_tip",
    "little_metacarpal", "little_proximal", "little_intermediate", "little_distal", "little_tip"};

constexpr std::array<int, kHandJointCount> kParents = {
    1, -1,
    1, 2, 3, 4,
    1, 6, 7, 8, 9,
    1, 11, 12, 13, 14,
    1, 16, 17, 18, 19,
    1, 21, 22, 23, 24};

constexpr std::array<std::uint8_t, 4> kThumb = {2, 3, 4, 5};
constexpr std::array<std::uint8_t, 5> kIndex = {6, 7, 8, 9, 10};
constexpr std::array<std::uint8_t, 5> kMiddle = {11, 12, 13, 14, 15};
constexpr std::array<std::uint8_t, 5> kRing = {16, 17, 18, 19, 20};
constexpr std::array<std::uint8_t, 5> kLittle = {21, 22, 23, 24, 25};

// Metacarpal base (CMC) offset from the wrist and the direction of each finger's chain in
// the flat hand, right hand, wrist frame. Lengths per bone below.
struct FingerLayout {
  glm::vec3 base;
  glm::vec3 direction;
  std::array<float, 4> bones;  // metacarpal, proximal, (intermediate), distal-to-tip
  int boneCount;
};
const std::array<FingerLayout, 5>& layouts() {
  static const std::array<FingerLayout, 5> k = {{
      {{-0.020f, -0.008f, -0.018f}, glm::normalize(glm::vec3(-0.55f, -0.05f, -0.83f)),
       {0.046f, 0.032f, 0.027f, 0.0f}, 3},
      {{-0.012f, 0.0f, -0.022f}, glm::normalize(glm::vec3(-0.12f, 0.0f, -0.99f)),
       {0.066f, 0.041f, 0.024f, 0.022f}, 4},
      {{0.000f, 0.0f, -0.022f}, glm::vec3(0.0f, 0.0f, -1.0f), {0.064f, 0.045f, 0.028f, 0.024f},
       4},
      {{0.011f, -0.002f, -0.021f}, glm::normalize(glm::vec3(0.12f, 0.0f, -0.99f)),
       {0.060f, 0.042f, 0.027f, 0.023f}, 4},
      {{0.021f, -0.005f, -0.019f}, glm::normalize(glm::vec3(0.25f, 0.0f, -0.97f)),
       {0.055f, 0.033f, 0.019f, 0.021f}, 4},
  }};
  return k;
}

std::array<glm::vec3, kHandJointCount> buildRest() {
  std::array<glm::vec3, kHandJointCount> p{};
  p[index(HandJoint::Wrist)] = glm::vec3(0.0f);
  for (int f = 0; f < kFingerCount; ++f) {
    const FingerLayout& L = layouts()[f];
    auto joints = fingerJoints(static_cast<Finger>(f));
    glm::vec3 cur = L.base;
    p[joints[0]] = cur;
    for (int b = 0; b < L.boneCount; ++b) {
      cur += L.direction * L.bones[b];
      p[joints[b + 1]] = cur;
    }
  }
  // Palm: centre of the middle metacarpal bone (OpenXR's definition).
  p[index(HandJoint::Palm)] =
      0.5f * (p[index(HandJoint::MiddleMetacarpal)] + p[index(HandJoint::MiddleProximal)]);
  return p;
}

}  // namespace

std::string_view handName(Hand h) { return h == Hand::Left ? "left" : "right"; }

std::string_view fingerName(Finger f) {
  constexpr std::array<std::string_view, 5> k = {"thumb", "index", "middle", "ring", "little"};
  return k[static_cast<int>(f)];
}

std::string_view handGroupName(HandGroup g) {
  constexpr std::array<std::string_view, 6> k = {"wrist", "thumb", "index",
                                                 "middle", "ring", "little"};
  return k[static_cast<int>(g)];
}

std::string_view handJointName(int joint) {
  if (joint < 0 || joint >= kHandJointCount) return "invalid";
  return kNames[joint];
}

std::optional<int> handJointFromName(std::string_view name) {
  for (int i = 0; i < kHandJointCount; ++i)
    if (kNames[i] == name) return i;
  return std::nullopt;
}

int handJointParent(int joint) { return kParents.at(joint); }

HandGroup handJointGroup(int joint) {
  if (joint <= 1) return HandGroup::WristPalm;
  if (joint <= 5) return HandGroup::Thumb;
  return static_cast<HandGroup>(2 + (joint - 6) / 5);
}

bool isFingertip(int joint) {
  return joint == 5 || joint == 10 || joint == 15 || joint == 20 || joint == 25;
}

std::span<const std::uint8_t> fingerJoints(Finger f) {
  switch (f) {
    case Finger::Thumb: return kThumb;
    case Finger::Index: return kIndex;
    case Finger::Middle: return kMiddle;
    case Finger::Ring: return kRing;
    case Finger::Little: return kLittle;
  }
  return kIndex;
}

const std::array<glm::vec3, kHandJointCount>& restPositionsRight() {
  static const auto k = buildRest();
  return k;
}

const std::array<float, kHandJointCount>& defaultBoneLengths() {
  static const auto k = [] {
    std::array<float, kHandJointCount> len{};
    const auto& p = restPositionsRight();
    for (int j = 0; j < kHandJointCount; ++j) {
      const int parent = kParents[j];
      len[j] = parent < 0 ? 0.0f : glm::length(p[j] - p[parent]);
    }
    return len;
  }();
  return k;
}

}  // namespace mimesis
