// Rig maps: from the joint names of common skeletons to the 26 OpenXR hand joints.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion_import/RawClip.hpp"

namespace mimesis {

// For each hand, the raw joint index that supplies each OpenXR joint, or -1 if the rig lacks
// it (then it is filled from the default hand shape, scaled to the bones that were found).
struct RigMap {
  std::string name;  // "mixamo", "cmu", "unreal", "openxr", "ui-prmd-kinect", ...
  std::array<std::array<int, kHandJointCount>, 2> handJoints{};  // [index(Hand)][joint]
  // A hand is present when its wrist is mapped; a hand without a wrist stays inactive.
  bool hasHand(Hand h) const;
  int mappedCount() const;  // joints mapped over both hands
};

// Recognises the naming of `skeleton` and returns the best map: the one that maps the most
// joints (ties: the order of rigMapNames()); an error naming the skeleton if no hand joint at
// all is recognised. `forced` selects a map by name (error if unknown or if it maps nothing).
// Names are compared after normalizeJointName, so case, separators and a "mixamorig:" (or any
// "namespace:") prefix do not matter. Built-in maps, left side shown:
//  - "openxr": "left_<handJointName>", e.g. "left_index_proximal", "left_wrist", "left_palm".
//  - "mixamo": "LeftHand"; "LeftHandThumb1..4" = thumb metacarpal, proximal, distal, tip;
//    "LeftHandIndex1..4" (Middle, Ring, Pinky) = proximal, intermediate, distal, tip.
//  - "unreal": "hand_l"; "thumb_01..03_l" = thumb metacarpal, proximal, distal;
//    "index_metacarpal_l", "index_01..03_l" = proximal, intermediate, distal (pinky = little).
//  - "cmu": cgspeed BVH "LeftHand" (wrist), "LFingers" (middle proximal: the knuckles),
//    "LThumb" (thumb metacarpal); ASF style "lhand", "lfingers", "lthumb", "lthumb1..3",
//    "lindex1..3", "lmiddle1..3", "lring1..3", "lpinky1..3". "LeftFingerBase" is recognised but
//    supplies nothing: in CMU files it sits exactly on the wrist.
// In every map a finger's missing tip is taken from the End Site ("<joint>_end", as parseBvh
// names it) of the finger's last mapped joint, when there is one.
Result<RigMap> detectRigMap(const Skeleton& skeleton, const std::string& forced = {});

// Names of all built-in rig maps, in detection tie-break order.
std::vector<std::string> rigMapNames();

// Lower case, the part after the last ':' or '|', a leading "mixamorig" dropped, and '_', '-',
// '.', ' ' removed: "mixamorig:LeftHand_Index1" -> "lefthandindex1".
std::string normalizeJointName(std::string_view name);

// Body groups from joint names: "trunk" (unsided joints: hips, spine, neck, head...),
// "left_arm" / "right_arm" (shoulder/clavicle to fingertips) and "left_leg" / "right_leg"
// (hip joint to toes). A side is read from "left"/"right" anywhere, "_l"/"_r" suffixes, "l_"/
// "r_" prefixes, or a single l/r before a limb word ("LHipJoint", "lhumerus", "RThumb"); a
// joint with no limb word of its own takes its parent's group. Empty groups are omitted.
std::vector<JointGroup> deriveBodyGroups(const Skeleton& skeleton);

struct BuildOptions {
  bool keepBody = true;  // copy every raw joint into Frame::body with the raw skeleton
};

// Converts a raw clip into a runtime Clip: units to metres, axes to Mimesis's, hand joints
// through the rig map (filled joints listed in info.filledJoints as "left/index_metacarpal"),
// body joints into Frame::body. Validates the result (validateClip).
//  - Positions: p = T_mimesis_file * (p_file * metresPerUnit); orientations T_mimesis_file * q.
//  - Body: every raw joint, fully tracked, radius 0.03 m, with the raw skeleton; groups from
//    deriveBodyGroups when the raw skeleton has none. info.name is the file name's stem.
//  - Hands: the OpenXR wrist frame is fitted to the mapped joints (fingers along -Z, thumb to
//    -X for a right hand and +X for a left, +Y dorsal); with too few joints to fit it, the raw
//    wrist joint's orientation is used. The hand scale is the median ratio of mapped joints'
//    distances from the wrist to the default hand's (frame 0), clamped to [0.5, 1.5]. A joint
//    the rig lacks is the default hand (restPositionsRight, mirrored in X for the left hand)
//    placed by the wrist frame and scale, then bent linearly along its finger so that it meets
//    the mapped joints before and after it (the wrist counts as mapped): a metacarpal lies
//    between the wrist and the proximal joint. A missing palm is the middle metacarpal–
//    proximal midpoint. Mapped joints are fully tracked; filled ones valid but not tracked.
Result<Clip> buildClipFromRaw(const RawClip& raw, const RigMap& map, const BuildOptions& options = {});

}  // namespace mimesis
