// RawClip: what an importer reads before any mapping — a named joint hierarchy with world
// poses per frame, in the file's own units and axes. Editable and validated; turned into a
// runtime Clip by buildClipFromRaw (RigMap.hpp).
#pragma once

#include <string>
#include <vector>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/Skeleton.hpp"

namespace mimesis {

struct RawClip {
  std::string source;        // file path, for messages
  std::string format;        // "bvh", "gltf", "fbx", "dae", ...
  Skeleton skeleton;         // joint names and parents (topological); groups may be empty
  // End Sites / leaf tips: for each joint, whether it is a BVH End Site (or a synthetic tip).
  std::vector<bool> isEndSite;
  double rate = 30.0;        // frames per second
  std::vector<double> times; // seconds, one per frame
  // T_world_joint for every joint of every frame: poses[frame * jointCount + joint].
  std::vector<Pose> poses;
  // Multiply positions by this to get metres (e.g. 0.01 for centimetres). Importers set it
  // from the file's declared unit or a documented guess per source.
  float metresPerUnit = 1.0f;
  // Rotation taking the file's axes to Mimesis's (Y up, -Z forward, right-handed).
  glm::quat T_mimesis_file{1.0f, 0.0f, 0.0f, 0.0f};

  int jointCount() const { return skeleton.jointCount(); }
  int frameCount() const { return static_cast<int>(times.size()); }
  const Pose& pose(int frame, int joint) const {
    return poses[static_cast<std::size_t>(frame) * static_cast<std::size_t>(jointCount()) +
                 static_cast<std::size_t>(joint)];
  }
};

}  // namespace mimesis
