// Built-in rig maps: the joint names of common skeletons for each OpenXR hand joint, and
// choosing the map that recognises the most of a skeleton.
#include "mimesis/motion_import/RigMap.hpp"

#include <algorithm>
#include <cctype>
#include <map>

namespace mimesis {
namespace {

using Candidates = std::array<std::vector<std::string>, kHandJointCount>;

constexpr std::array<const char*, 4> kFingerWords = {"index", "middle", "ring", "pinky"};

char digit(int k) { return static_cast<char>('0' + k); }

// First joint of a non-thumb finger chain (its metacarpal), for finger word k of kFingerWords.
int fingerBase(std::size_t k) { return index(HandJoint::IndexMetacarpal) + 5 * static_cast<int>(k); }

Candidates openxrNames(Hand h) {
  Candidates c;
  for (int j = 0; j < kHandJointCount; ++j)
    c[static_cast<std::size_t>(j)].push_back(normalizeJointName(std::string(handName(h)) + "_" +
                                                                 std::string(handJointName(j))));
  return c;
}

Candidates mixamoNames(Hand h) {
  const std::string s = std::string(handName(h)) + "hand";
  Candidates c;
  c[index(HandJoint::Wrist)].push_back(s);
  for (int k = 0; k < 4; ++k)
    c[static_cast<std::size_t>(index(HandJoint::ThumbMetacarpal) + k)].push_back(s + "thumb" + std::to_string(k + 1));
  for (std::size_t f = 0; f < kFingerWords.size(); ++f)
    for (int k = 0; k < 4; ++k)
      c[static_cast<std::size_t>(fingerBase(f) + 1 + k)].push_back(s + kFingerWords[f] + std::to_string(k + 1));
  return c;
}

Candidates unrealNames(Hand h) {
  const std::string s = h == Hand::Left ? "l" : "r";
  Candidates c;
  c[index(HandJoint::Wrist)].push_back("hand" + s);
  for (int k = 0; k < 3; ++k)
    c[static_cast<std::size_t>(index(HandJoint::ThumbMetacarpal) + k)].push_back(std::string("thumb0").append(1, digit(k + 1)).append(s));
  for (std::size_t f = 0; f < kFingerWords.size(); ++f) {
    c[static_cast<std::size_t>(fingerBase(f))].push_back(std::string(kFingerWords[f]) + "metacarpal" + s);
    for (int k = 0; k < 3; ++k)
      c[static_cast<std::size_t>(fingerBase(f) + 1 + k)].push_back(std::string(kFingerWords[f]).append(1, '0').append(1, digit(k + 1)).append(s));
  }
  return c;
}

Candidates cmuNames(Hand h) {
  const std::string side(handName(h));
  const std::string s = h == Hand::Left ? "l" : "r";
  Candidates c;
  c[index(HandJoint::Wrist)] = {side + "hand", s + "hand"};
  c[index(HandJoint::ThumbMetacarpal)] = {s + "thumb", s + "thumb1"};
  c[index(HandJoint::ThumbProximal)] = {s + "thumb2"};
  c[index(HandJoint::ThumbDistal)] = {s + "thumb3"};
  for (std::size_t f = 0; f < kFingerWords.size(); ++f)
    for (int k = 0; k < 3; ++k)
      c[static_cast<std::size_t>(fingerBase(f) + 1 + k)].push_back(s + kFingerWords[f] + std::to_string(k + 1));
  c[index(HandJoint::MiddleProximal)].push_back(s + "fingers");
  return c;
}

struct MapDef {
  const char* name;
  Candidates (*names)(Hand);
};
constexpr std::array<MapDef, 4> kMaps = {{
    {"openxr", &openxrNames}, {"mixamo", &mixamoNames}, {"unreal", &unrealNames}, {"cmu", &cmuNames}}};

// The joint index for each normalised name; the first joint wins when two normalise alike.
std::map<std::string, int, std::less<>> indexByName(const Skeleton& skeleton) {
  std::map<std::string, int, std::less<>> m;
  for (int i = 0; i < skeleton.jointCount(); ++i)
    m.emplace(normalizeJointName(skeleton.joints[static_cast<std::size_t>(i)]), i);
  return m;
}

// A finger's missing tip from the End Site of its last mapped joint.
void tipsFromEndSites(const Skeleton& skeleton, std::array<int, kHandJointCount>& joints) {
  for (int f = 0; f < kFingerCount; ++f) {
    const auto chain = fingerJoints(static_cast<Finger>(f));
    const int tip = chain.back();
    if (joints[static_cast<std::size_t>(tip)] >= 0) continue;
    for (std::size_t k = chain.size() - 1; k-- > 0;) {
      const int last = joints[chain[k]];
      if (last < 0) continue;
      const std::string endName = skeleton.joints[static_cast<std::size_t>(last)] + "_end";
      for (int i = last + 1; i < skeleton.jointCount(); ++i)
        if (skeleton.parents[static_cast<std::size_t>(i)] == last && skeleton.joints[static_cast<std::size_t>(i)] == endName)
          joints[static_cast<std::size_t>(tip)] = i;
      break;
    }
  }
}

RigMap applyMap(const MapDef& def, const Skeleton& skeleton,
                const std::map<std::string, int, std::less<>>& byName) {
  RigMap map;
  map.name = def.name;
  for (const Hand h : {Hand::Left, Hand::Right}) {
    auto& joints = map.handJoints[static_cast<std::size_t>(index(h))];
    joints.fill(-1);
    const Candidates c = def.names(h);
    for (std::size_t j = 0; j < c.size(); ++j)
      for (const std::string& n : c[j])
        if (const auto it = byName.find(n); it != byName.end()) {
          joints[j] = it->second;
          break;
        }
    tipsFromEndSites(skeleton, joints);
  }
  return map;
}

std::string skeletonSummary(const Skeleton& s) {
  std::string out = "'" + s.name + "' (" + std::to_string(s.jointCount()) + " joints";
  for (int i = 0; i < s.jointCount() && i < 6; ++i) out += (i ? ", " : ": ") + s.joints[static_cast<std::size_t>(i)];
  if (s.jointCount() > 6) out += ", ...";
  return out + ")";
}

}  // namespace

bool RigMap::hasHand(Hand h) const { return handJoints[static_cast<std::size_t>(index(h))][index(HandJoint::Wrist)] >= 0; }

int RigMap::mappedCount() const {
  int n = 0;
  for (const auto& hand : handJoints)
    for (const int j : hand) n += j >= 0 ? 1 : 0;
  return n;
}

std::string normalizeJointName(std::string_view name) {
  if (const auto cut = name.find_last_of(":|"); cut != std::string_view::npos) name.remove_prefix(cut + 1);
  std::string out;
  out.reserve(name.size());
  for (const char ch : name) {
    if (ch == '_' || ch == '-' || ch == '.' || ch == ' ') continue;
    out += static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
  }
  if (out.rfind("mixamorig", 0) == 0) out.erase(0, 9);
  return out;
}

std::vector<std::string> rigMapNames() {
  std::vector<std::string> names;
  for (const MapDef& d : kMaps) names.emplace_back(d.name);
  return names;
}

Result<RigMap> detectRigMap(const Skeleton& skeleton, const std::string& forced) {
  const std::string where = "skeleton '" + skeleton.name + "'";
  if (skeleton.parents.size() != skeleton.joints.size())
    return makeError(ErrorCode::BadInput, "skeleton parents and joints differ in count", where);
  const auto byName = indexByName(skeleton);
  if (!forced.empty()) {
    for (const MapDef& d : kMaps) {
      if (forced != d.name) continue;
      RigMap map = applyMap(d, skeleton, byName);
      if (map.mappedCount() == 0)
        return makeError(ErrorCode::BadInput,
                         "rig map '" + forced + "' recognises no hand joint of skeleton " + skeletonSummary(skeleton), where);
      return map;
    }
    std::string known;
    for (const MapDef& d : kMaps) known += std::string(known.empty() ? "" : ", ") + d.name;
    return makeError(ErrorCode::BadInput, "unknown rig map '" + forced + "' (known: " + known + ")", where);
  }
  std::optional<RigMap> best;
  for (const MapDef& d : kMaps) {
    RigMap map = applyMap(d, skeleton, byName);
    if (!best || map.mappedCount() > best->mappedCount()) best = std::move(map);
  }
  if (!best || best->mappedCount() == 0)
    return makeError(ErrorCode::BadInput, "no hand joint recognised in skeleton " + skeletonSummary(skeleton), where);
  return std::move(*best);
}

}  // namespace mimesis
