// The OpenXR hand skeleton (XR_EXT_hand_tracking): 26 joints, their order, names, parents,
// feedback joint groups, default bone lengths and the flat rest pose of a right hand.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>

#include <glm/vec3.hpp>

namespace mimesis {

inline constexpr int kHandJointCount = 26;

// Joint indices in XR_HAND_JOINT_*_EXT order; values equal the OpenXR enum values.
enum class HandJoint : std::uint8_t {
  Palm = 0, Wrist,
  ThumbMetacarpal, ThumbProximal, ThumbDistal, ThumbTip,
  IndexMetacarpal, IndexProximal, IndexIntermediate, IndexDistal, IndexTip,
  MiddleMetacarpal, MiddleProximal, MiddleIntermediate, MiddleDistal, MiddleTip,
  RingMetacarpal, RingProximal, RingIntermediate, RingDistal, RingTip,
  LittleMetacarpal, LittleProximal, LittleIntermediate, LittleDistal, LittleTip,
};

constexpr int index(HandJoint j) { return static_cast<int>(j); }

enum class Hand : std::uint8_t { Left = 0, Right = 1 };
constexpr int index(Hand h) { return static_cast<int>(h); }
constexpr Hand opposite(Hand h) { return h == Hand::Left ? Hand::Right : Hand::Left; }
std::string_view handName(Hand h);  // "left" / "right"

enum class Finger : std::uint8_t { Thumb = 0, Index, Middle, Ring, Little };
inline constexpr int kFingerCount = 5;
std::string_view fingerName(Finger f);  // "thumb", "index", ...

// Joint groups used for feedback, per hand (scoring.md): wrist/palm and one per finger.
enum class HandGroup : std::uint8_t { WristPalm = 0, Thumb, Index, Middle, Ring, Little };
inline constexpr int kHandGroupCount = 6;
std::string_view handGroupName(HandGroup g);  // "wrist", "thumb", "index", ...

// "palm", "wrist", "thumb_metacarpal", ... "little_tip" (OpenXR names without prefix/suffix).
std::string_view handJointName(int joint);
std::optional<int> handJointFromName(std::string_view name);

// Parent of each joint in the kinematic chain (-1 for the wrist). The palm hangs off the wrist.
int handJointParent(int joint);
HandGroup handJointGroup(int joint);
bool isFingertip(int joint);

// The 4 or 5 joints of a finger, proximal to distal: thumb has metacarpal, proximal, distal,
// tip; the others metacarpal, proximal, intermediate, distal, tip.
std::span<const std::uint8_t> fingerJoints(Finger f);

// Bone length of each joint: distance to its parent, metres, for an average adult hand.
// The wrist's entry is 0. The palm's is wrist-to-palm-centre.
const std::array<float, kHandJointCount>& defaultBoneLengths();

// Positions of the flat, open right hand in the wrist frame (metres). OpenXR joint frames:
// +Y out of the back of the hand, +Z from the joint toward the wrist, so fingers point to -Z
// and, for a right hand, the thumb lies toward -X. A left hand is this reflected in X.
const std::array<glm::vec3, kHandJointCount>& restPositionsRight();

}  // namespace mimesis
