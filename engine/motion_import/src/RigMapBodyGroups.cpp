// Body joint groups (trunk, arms, legs) read from joint names, for body clips from any rig.
#include <array>
#include <string_view>

#include "mimesis/motion_import/RigMap.hpp"

namespace mimesis {
namespace {

enum class Side { None, Left, Right };
enum class Part { None, Arm, Leg, Trunk };

constexpr std::array<std::string_view, 9> kLegWords = {"upleg", "leg", "thigh", "femur", "tibia",
                                                       "knee", "shin", "calf", "hip"};
constexpr std::array<std::string_view, 7> kFootWords = {"foot", "ankle", "toe", "heel", "ball",
                                                        "fibula", "patella"};
constexpr std::array<std::string_view, 19> kArmWords = {
    "shoulder", "clavicle", "collar", "humerus", "arm",    "elbow", "radius",
    "ulna",     "wrist",    "hand",   "finger",  "thumb",  "index", "middle",
    "ring",     "pinky",    "little", "palm",    "scapula"};

template <std::size_t N>
bool startsWithAny(std::string_view s, const std::array<std::string_view, N>& words) {
  for (const std::string_view w : words)
    if (s.substr(0, w.size()) == w) return true;
  return false;
}
template <std::size_t N>
bool containsAny(std::string_view s, const std::array<std::string_view, N>& words) {
  for (const std::string_view w : words)
    if (s.find(w) != std::string_view::npos) return true;
  return false;
}

bool limbWordAt(std::string_view s) {
  return startsWithAny(s, kLegWords) || startsWithAny(s, kFootWords) || startsWithAny(s, kArmWords);
}

// Side from a lower-cased name that still has its separators ("hand_l", "l_foot").
Side sideOf(std::string_view raw, std::string_view n) {
  if (n.find("left") != std::string_view::npos) return Side::Left;
  if (n.find("right") != std::string_view::npos) return Side::Right;
  auto sep = [](char c) { return c == '_' || c == '.' || c == '-' || c == ' '; };
  if (raw.size() > 2 && sep(raw[raw.size() - 2])) {
    if (raw.back() == 'l') return Side::Left;
    if (raw.back() == 'r') return Side::Right;
  }
  if (raw.size() > 2 && sep(raw[1])) {
    if (raw[0] == 'l') return Side::Left;
    if (raw[0] == 'r') return Side::Right;
  }
  // A single l/r glued to a limb word: "lhipjoint", "rthumb", "lhumerus" (but not "lowerback").
  if (n.size() > 1 && (n[0] == 'l' || n[0] == 'r') && limbWordAt(n.substr(1)))
    return n[0] == 'l' ? Side::Left : Side::Right;
  return Side::None;
}

Part partOf(std::string_view n) {
  if (containsAny(n, kArmWords)) {
    // "forearm", "upperarm" are arms; "hip" inside "hipjoint" is a leg; "hips" is the pelvis.
    return Part::Arm;
  }
  if (containsAny(n, kLegWords) || containsAny(n, kFootWords)) return Part::Leg;
  return Part::None;
}

}  // namespace

std::vector<JointGroup> deriveBodyGroups(const Skeleton& skeleton) {
  // Group index per joint: 0 trunk, 1 left_arm, 2 right_arm, 3 left_leg, 4 right_leg.
  static constexpr std::array<std::string_view, 5> kNames = {"trunk", "left_arm", "right_arm",
                                                             "left_leg", "right_leg"};
  const int count = skeleton.jointCount();
  std::vector<int> group(static_cast<std::size_t>(count), 0);
  for (int i = 0; i < count; ++i) {
    const std::string& name = skeleton.joints[static_cast<std::size_t>(i)];
    std::string lower = name;
    if (const auto cut = lower.find_last_of(":|"); cut != std::string::npos) lower.erase(0, cut + 1);
    for (char& c : lower) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const std::string n = normalizeJointName(name);
    const int parent = i < static_cast<int>(skeleton.parents.size()) ? skeleton.parents[static_cast<std::size_t>(i)] : -1;
    const int inherited = parent >= 0 && parent < i ? group[static_cast<std::size_t>(parent)] : 0;
    const Side side = sideOf(lower, n);
    Part part = partOf(n);
    if (n.rfind("hips", 0) == 0 || n == "hip" || n == "pelvis") part = Part::Trunk;
    if (side == Side::None || part == Part::Trunk || part == Part::None) {
      // Unsided or unknown: inside a limb it belongs to the limb ("LeftHand_end"), else trunk.
      group[static_cast<std::size_t>(i)] = inherited;
      continue;
    }
    const int base = part == Part::Arm ? 1 : 3;
    group[static_cast<std::size_t>(i)] = base + (side == Side::Left ? 0 : 1);
  }
  std::vector<JointGroup> groups;
  for (int g = 0; g < 5; ++g) {
    JointGroup jg{std::string(kNames[static_cast<std::size_t>(g)]), {}};
    for (int i = 0; i < count; ++i)
      if (group[static_cast<std::size_t>(i)] == g) jg.joints.push_back(i);
    if (!jg.joints.empty()) groups.push_back(std::move(jg));
  }
  return groups;
}

}  // namespace mimesis
