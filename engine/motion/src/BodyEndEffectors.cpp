// Finding head, hands and feet of a body skeleton by group and joint name.
#include "mimesis/motion/BodyEndEffectors.hpp"

#include <cctype>
#include <string>

namespace mimesis {
namespace {

struct Rule {
  const char* group;
  std::array<const char*, 2> words;  // nullptr: unused
};

// Indexed by EndEffector.
constexpr Rule kRules[kEndEffectorCount] = {
    {"trunk", {"head", nullptr}},        {"left_arm", {"hand", "wrist"}}, {"right_arm", {"hand", "wrist"}},
    {"left_leg", {"foot", "ankle"}},     {"right_leg", {"foot", "ankle"}},
};

std::string squash(std::string_view name) {
  std::string out;
  for (const char c : name)
    if (std::isalnum(static_cast<unsigned char>(c))) out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::string_view endEffectorName(EndEffector e) {
  static constexpr std::string_view kNames[kEndEffectorCount] = {"head", "left hand", "right hand", "left foot",
                                                                 "right foot"};
  return kNames[static_cast<std::size_t>(e)];
}

Result<BodyEndEffectors> findBodyEndEffectors(const Skeleton& skeleton, const std::string& where) {
  BodyEndEffectors found;
  std::string lacking;
  for (int e = 0; e < kEndEffectorCount; ++e) {
    const Rule& rule = kRules[e];
    int best = -1;
    for (const JointGroup& g : skeleton.groups) {
      if (g.name != rule.group) continue;
      for (const int j : g.joints) {
        if (j < 0 || j >= skeleton.jointCount()) continue;
        const std::string n = squash(skeleton.joints[static_cast<std::size_t>(j)]);
        bool hit = false;
        for (const char* w : rule.words) hit = hit || (w != nullptr && n.find(w) != std::string::npos);
        if (hit && (best < 0 || j < best)) best = j;
      }
    }
    found.joint[static_cast<std::size_t>(e)] = best;
    if (best < 0) lacking += std::string(lacking.empty() ? "" : ", ") + std::string(endEffectorName(static_cast<EndEffector>(e)));
  }
  if (!lacking.empty()) {
    std::string groups;
    for (const JointGroup& g : skeleton.groups) groups += (groups.empty() ? "" : ", ") + g.name;
    return makeError(ErrorCode::BadInput,
                     "body skeleton '" + skeleton.name + "' (" + std::to_string(skeleton.jointCount()) +
                         " joints; groups: " + (groups.empty() ? "none" : groups) +
                         ") cannot be mapped: it lacks the joints for " + lacking +
                         " (a 'head' joint in the trunk, a 'hand'/'wrist' joint in each arm, a 'foot'/'ankle' "
                         "joint in each leg)",
                     where);
  }
  return found;
}

}  // namespace mimesis
