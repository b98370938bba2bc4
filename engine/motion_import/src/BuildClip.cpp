// RawClip -> runtime Clip: units and axes to Mimesis's, body joints copied, hands through a
// rig map with the missing joints filled (BuildClipHands), then validated.
#include <cmath>

#include "BuildClipHands.hpp"
#include "mimesis/motion_import/RigMap.hpp"

namespace mimesis {
namespace {

constexpr float kBodyJointRadius = 0.03f;  // BVH carries no radii; about a wrist's thickness

std::string stemOf(const std::string& path) {
  const auto slash = path.find_last_of("/\\");
  std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (const auto dot = name.find_last_of('.'); dot != std::string::npos && dot > 0) name.erase(dot);
  return name;
}

Status checkRaw(const RawClip& raw, const RigMap& map) {
  auto bad = [&](std::string msg) { return makeError(ErrorCode::BadInput, std::move(msg), raw.source); };
  const std::size_t joints = static_cast<std::size_t>(raw.jointCount());
  if (raw.skeleton.parents.size() != joints) return bad("raw skeleton parents and joints differ in count");
  for (std::size_t j = 0; j < joints; ++j)
    if (raw.skeleton.parents[j] >= static_cast<int>(j) || raw.skeleton.parents[j] < -1)
      return bad("raw skeleton not topologically ordered at joint " + std::to_string(j));
  if (raw.poses.size() != raw.times.size() * joints) return bad("raw poses do not match frames x joints");
  if (!(raw.metresPerUnit > 0.0f) || !std::isfinite(raw.metresPerUnit)) return bad("metres per unit must be positive");
  if (!isFinite(raw.T_mimesis_file) || std::abs(glm::length(raw.T_mimesis_file) - 1.0f) > 1e-3f)
    return bad("T_mimesis_file is not a unit quaternion");
  for (const auto& hand : map.handJoints)
    for (const int r : hand)
      if (r < -1 || r >= static_cast<int>(joints))
        return bad("rig map '" + map.name + "' refers to joint " + std::to_string(r) + " of " + std::to_string(joints));
  for (const Pose& p : raw.poses)
    if (!isFinite(p)) return bad("a raw pose is not finite");
  return okStatus();
}

}  // namespace

Result<Clip> buildClipFromRaw(const RawClip& raw, const RigMap& map, const BuildOptions& options) {
  if (Status s = checkRaw(raw, map); !s) return s.error();
  const std::size_t jointCount = static_cast<std::size_t>(raw.jointCount());
  const std::size_t frames = static_cast<std::size_t>(raw.frameCount());

  Clip clip;
  clip.info.name = stemOf(raw.source);
  clip.info.source = raw.source;
  clip.info.sourceFormat = raw.format;
  clip.info.rigMap = map.name;
  clip.rate = raw.rate;
  if (options.keepBody) {
    clip.body = raw.skeleton;
    if (clip.body.groups.empty()) clip.body.groups = deriveBodyGroups(clip.body);
  }

  // Every raw joint of one frame in Mimesis axes and metres: T_mimesis_joint.
  std::vector<Pose> world(jointCount);
  auto convertFrame = [&](std::size_t f) {
    const Pose* in = raw.poses.data() + f * jointCount;
    for (std::size_t j = 0; j < jointCount; ++j)
      world[j] = Pose{raw.T_mimesis_file * (in[j].position * raw.metresPerUnit),
                      glm::normalize(raw.T_mimesis_file * in[j].orientation)};
  };

  std::array<HandFit, 2> fits;
  if (frames > 0) convertFrame(0);
  for (const Hand h : {Hand::Left, Hand::Right}) {
    fits[static_cast<std::size_t>(index(h))] =
        prepareHandFit(h, map.handJoints[static_cast<std::size_t>(index(h))], std::span<const Pose>(world));
    listFilledJoints(fits[static_cast<std::size_t>(index(h))], clip.info.filledJoints);
  }

  clip.frames.resize(frames);
  for (std::size_t f = 0; f < frames; ++f) {
    convertFrame(f);
    Frame& fr = clip.frames[f];
    fr.time = raw.times[f];
    for (const Hand h : {Hand::Left, Hand::Right})
      fillHand(fits[static_cast<std::size_t>(index(h))], world, fr.hand(h));
    if (options.keepBody) {
      fr.body.resize(jointCount);
      for (std::size_t j = 0; j < jointCount; ++j) fr.body[j] = JointPose{world[j], kBodyJointRadius, kJointFullyTracked};
    }
  }
  if (Status s = validateClip(clip, raw.source); !s) return s.error();
  return clip;
}

}  // namespace mimesis
