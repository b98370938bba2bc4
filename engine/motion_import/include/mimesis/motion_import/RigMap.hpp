// Rig maps: from the joint names of common skeletons to the 26 OpenXR hand joints.
#pragma once

#include <array>
#include <optional>
#include <string>
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
  bool hasHand(Hand h) const;
};

// Recognises the naming of `skeleton` (Mixamo "LeftHandIndex1"/"mixamorig:…", CMU "lindex1"
// / "LeftFingerBase"/"LThumb", Unreal "index_01_l", OpenXR-style "left_index_proximal", and the
// rigs in ../shared/data) and returns the best map; an error naming the skeleton if no hand
// joint at all is recognised. `forced` selects a map by name.
Result<RigMap> detectRigMap(const Skeleton& skeleton, const std::string& forced = {});

// Names of all built-in rig maps.
std::vector<std::string> rigMapNames();

struct BuildOptions {
  bool keepBody = true;  // copy every raw joint into Frame::body with the raw skeleton
};

// Converts a raw clip into a runtime Clip: units to metres, axes to Mimesis's, hand joints
// through the rig map (filled joints listed in info.filledJoints as "left/index_metacarpal"),
// body joints into Frame::body. Validates the result (validateClip).
Result<Clip> buildClipFromRaw(const RawClip& raw, const RigMap& map, const BuildOptions& options = {});

}  // namespace mimesis
