// Generic skeleton lookups and the one body layout Mimesis knows by heart (UI-PRMD Kinect).
#include "mimesis/motion/Skeleton.hpp"

namespace mimesis {

std::optional<int> Skeleton::find(std::string_view joint) const {
  for (int i = 0; i < jointCount(); ++i)
    if (joints[i] == joint) return i;
  return std::nullopt;
}

Skeleton kinectBodySkeleton() {
  Skeleton s;
  s.name = "ui-prmd-kinect";
  // Order and parents from the UI-PRMD description: 0 waist; 1–5 spine to head;
  // 6–9 and 10–13 the arms; 14–17 and 18–21 the legs.
  s.joints = {"waist", "spine", "chest", "neck", "head", "head_tip",
              "left_collar", "left_upper_arm", "left_forearm", "left_hand",
              "right_collar", "right_upper_arm", "right_forearm", "right_hand",
              "left_upper_leg", "left_lower_leg", "left_foot", "left_toes",
              "right_upper_leg", "right_lower_leg", "right_foot", "right_toes"};
  s.parents = {-1, 0, 1, 2, 3, 4, 2, 6, 7, 8, 2, 10, 11, 12, 0, 14, 15, 16, 0, 18, 19, 20};
  s.groups = {{"trunk", {0, 1, 2, 3, 4, 5}},
              {"left_arm", {6, 7, 8, 9}},
              {"right_arm", {10, 11, 12, 13}},
              {"left_leg", {14, 15, 16, 17}},
              {"right_leg", {18, 19, 20, 21}}};
  return s;
}

}  // namespace mimesis
