// Generic skeletons with named joint groups, for body clips (arms, trunk, legs) and BVH rigs.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace mimesis {

struct JointGroup {
  std::string name;         // e.g. "left_arm", "trunk"
  std::vector<int> joints;  // indices into Skeleton::joints
  bool operator==(const JointGroup&) const = default;
};

// Joint names and parents in topological order (a parent comes before its children).
struct Skeleton {
  std::string name;                 // e.g. "ui-prmd-kinect", "cmu-bvh"
  std::vector<std::string> joints;
  std::vector<int> parents;         // -1 for roots
  std::vector<JointGroup> groups;

  int jointCount() const { return static_cast<int>(joints.size()); }
  std::optional<int> find(std::string_view joint) const;
  bool empty() const { return joints.empty(); }
  bool operator==(const Skeleton&) const = default;
};

// The 22-joint Kinect v2 skeleton of UI-PRMD with groups trunk, left_arm, right_arm,
// left_leg, right_leg (joint order and parents as in the dataset's description).
Skeleton kinectBodySkeleton();

}  // namespace mimesis
