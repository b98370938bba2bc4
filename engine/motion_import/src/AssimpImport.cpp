// Assimp import of animated skeletons: picks an animation, samples it, composes world poses.
#include "mimesis/motion_import/AssimpImport.hpp"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <optional>

#include <assimp/config.h>
#include <assimp/postprocess.h>
#include <glm/gtc/matrix_transform.hpp>
#include <glm/gtc/quaternion.hpp>

#include "AssimpScene.hpp"

namespace mimesis {
namespace {

using detail::FlatNode;

constexpr double kDefaultTicksPerSecond = 30.0;
constexpr double kMaxDurationSeconds = 24.0 * 3600.0;
constexpr double kMinKeyRate = 20.0;    // below this, keys are keyframes, not captured frames
constexpr double kMaxKeyRate = 240.0;
constexpr double kFallbackRate = 30.0;

double ticksPerSecond(const aiAnimation& anim) {
  return anim.mTicksPerSecond > 0.0 && std::isfinite(anim.mTicksPerSecond) ? anim.mTicksPerSecond
                                                                           : kDefaultTicksPerSecond;
}

// Key search: the index of the last key with time <= t (0 if t is before every key).
template <typename Key>
unsigned int keyBefore(const Key* keys, unsigned int count, double t) {
  const Key* it = std::upper_bound(keys, keys + count, t,
                                   [](double value, const Key& k) { return value < k.mTime; });
  const auto after = static_cast<unsigned int>(it - keys);
  return after == 0 ? 0 : after - 1;
}

// Fraction of the way from key i to key i+1 at time t, clamped to [0, 1].
template <typename Key>
float fraction(const Key* keys, unsigned int i, unsigned int count, double t) {
  if (i + 1 >= count) return 0.0f;
  const double span = keys[i + 1].mTime - keys[i].mTime;
  if (!(span > 0.0)) return 0.0f;
  return static_cast<float>(std::clamp((t - keys[i].mTime) / span, 0.0, 1.0));
}

glm::vec3 sampleVec(const aiVectorKey* keys, unsigned int count, double t) {
  const unsigned int i = keyBefore(keys, count, t);
  const float u = fraction(keys, i, count, t);
  const aiVector3D& a = keys[i].mValue;
  const aiVector3D& b = keys[std::min(i + 1, count - 1)].mValue;
  return glm::mix(glm::vec3(a.x, a.y, a.z), glm::vec3(b.x, b.y, b.z), u);
}

glm::quat sampleQuat(const aiQuatKey* keys, unsigned int count, double t) {
  const unsigned int i = keyBefore(keys, count, t);
  const float u = fraction(keys, i, count, t);
  const aiQuaternion& a = keys[i].mValue;
  const aiQuaternion& b = keys[std::min(i + 1, count - 1)].mValue;
  return slerpShortest(glm::quat(a.w, a.x, a.y, a.z), glm::quat(b.w, b.x, b.y, b.z), u);
}

// A node's rest transform split into translation, rotation and scale, used for the
// components an animation channel does not key.
struct Trs {
  glm::vec3 t{0.0f};
  glm::quat r{1.0f, 0.0f, 0.0f, 0.0f};
  glm::vec3 s{1.0f};
};

Trs decompose(const aiMatrix4x4& m) {
  aiVector3D s, t;
  aiQuaternion r;
  m.Decompose(s, r, t);
  return Trs{{t.x, t.y, t.z}, glm::quat(r.w, r.x, r.y, r.z), {s.x, s.y, s.z}};
}

glm::mat4 compose(const glm::vec3& t, const glm::quat& r, const glm::vec3& s) {
  glm::mat4 m = glm::mat4_cast(glm::normalize(r));
  m[0] *= s.x;
  m[1] *= s.y;
  m[2] *= s.z;
  m[3] = glm::vec4(t, 1.0f);
  return m;
}

// World matrix → rigid pose: translation kept (with any ancestor scale baked in), scale and
// shear dropped from the rotation. A mirroring matrix has its X axis flipped back so the
// orientation stays a proper rotation.
Pose rigidPart(const glm::mat4& m) {
  Pose p;
  p.position = glm::vec3(m[3]);
  glm::vec3 x(m[0]), y(m[1]), z(m[2]);
  const float lx = glm::length(x), ly = glm::length(y), lz = glm::length(z);
  if (!(lx > 1e-12f && ly > 1e-12f && lz > 1e-12f)) return p;
  x /= lx;
  y /= ly;
  z /= lz;
  if (glm::dot(glm::cross(x, y), z) < 0.0f) x = -x;
  const glm::quat q = glm::quat_cast(glm::mat3(x, y, z));
  p.orientation = isFinite(q) ? glm::normalize(q) : glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
  return p;
}

// Median spacing of the keys of the most densely keyed channel, in ticks; 0 when no channel
// has two keys. This is the file's own frame period (a BVH's Frame Time, a baked glTF's 1/24 s).
double keyPeriodTicks(const aiAnimation& anim) {
  const aiNodeAnim* best = nullptr;
  unsigned int bestCount = 1;
  for (unsigned int c = 0; c < anim.mNumChannels; ++c) {
    const aiNodeAnim* ch = anim.mChannels[c];
    if (ch == nullptr) continue;
    const unsigned int n = std::max(ch->mNumPositionKeys, ch->mNumRotationKeys);
    if (n > bestCount) { best = ch; bestCount = n; }
  }
  if (best == nullptr) return 0.0;
  std::vector<double> gaps;
  if (best->mNumRotationKeys >= best->mNumPositionKeys) {
    for (unsigned int k = 1; k < best->mNumRotationKeys; ++k)
      gaps.push_back(best->mRotationKeys[k].mTime - best->mRotationKeys[k - 1].mTime);
  } else {
    for (unsigned int k = 1; k < best->mNumPositionKeys; ++k)
      gaps.push_back(best->mPositionKeys[k].mTime - best->mPositionKeys[k - 1].mTime);
  }
  std::nth_element(gaps.begin(), gaps.begin() + static_cast<std::ptrdiff_t>(gaps.size() / 2), gaps.end());
  const double gap = gaps[gaps.size() / 2];
  return gap > 0.0 && std::isfinite(gap) ? gap : 0.0;
}

// The sampling period in ticks: forced rate, else the key period when it is a capture-like rate
// (20–240 fps), else 30 fps (sparse keys are hand-set keyframes meant to be interpolated).
double samplePeriodTicks(const aiAnimation& anim, double tps, double forcedRate) {
  if (forcedRate > 0.0) return tps / forcedRate;
  const double keyed = keyPeriodTicks(anim);
  if (keyed > 0.0) {
    const double keyedRate = tps / keyed;
    if (keyedRate >= kMinKeyRate && keyedRate <= kMaxKeyRate) return keyed;
    if (keyedRate > kMaxKeyRate) return tps / kMaxKeyRate;
  }
  return tps / kFallbackRate;
}

// Last key time over every channel, in ticks; files disagree on whether mDuration covers it.
double lastKeyTicks(const aiAnimation& anim) {
  double last = 0.0;
  for (unsigned int c = 0; c < anim.mNumChannels; ++c) {
    const aiNodeAnim* ch = anim.mChannels[c];
    if (ch == nullptr) continue;
    if (ch->mNumPositionKeys > 0) last = std::max(last, ch->mPositionKeys[ch->mNumPositionKeys - 1].mTime);
    if (ch->mNumRotationKeys > 0) last = std::max(last, ch->mRotationKeys[ch->mNumRotationKeys - 1].mTime);
    if (ch->mNumScalingKeys > 0) last = std::max(last, ch->mScalingKeys[ch->mNumScalingKeys - 1].mTime);
  }
  return last;
}

std::optional<double> metadataNumber(const aiScene& scene, const char* key) {
  const aiMetadata* md = scene.mMetaData;
  if (md == nullptr) return std::nullopt;
  if (float f = 0; md->Get(key, f)) return f;
  if (double d = 0; md->Get(key, d)) return d;
  if (int32_t i = 0; md->Get(key, i)) return i;
  if (uint64_t u = 0; md->Get(key, u)) return static_cast<double>(u);
  return std::nullopt;
}

std::string animationList(const aiScene& scene) {
  std::string names;
  for (unsigned int a = 0; a < scene.mNumAnimations; ++a) {
    if (a > 0) names += ", ";
    names += std::to_string(a) + " '" + scene.mAnimations[a]->mName.C_Str() + "'";
  }
  return names.empty() ? "none" : names;
}

Result<const aiAnimation*> chooseAnimation(const aiScene& scene, const AssimpImportOptions& o,
                                           const std::string& path) {
  if (scene.mNumAnimations == 0) return static_cast<const aiAnimation*>(nullptr);
  if (!o.animationName.empty()) {
    for (unsigned int a = 0; a < scene.mNumAnimations; ++a)
      if (o.animationName == scene.mAnimations[a]->mName.C_Str()) return scene.mAnimations[a];
    return makeError(ErrorCode::BadInput,
                     "no animation named '" + o.animationName + "'; the file has " + animationList(scene),
                     path);
  }
  if (o.animationIndex < 0 || static_cast<unsigned int>(o.animationIndex) >= scene.mNumAnimations)
    return makeError(ErrorCode::BadInput,
                     "no animation with index " + std::to_string(o.animationIndex) + "; the file has " +
                         animationList(scene),
                     path);
  return scene.mAnimations[o.animationIndex];
}

}  // namespace

Result<std::vector<std::string>> listAssimpAnimations(const std::string& path) {
  auto opened = detail::openAssimpScene(path, 0);
  if (!opened) return opened.error();
  std::vector<std::string> names;
  for (unsigned int a = 0; a < opened->scene->mNumAnimations; ++a)
    names.emplace_back(opened->scene->mAnimations[a]->mName.C_Str());
  return names;
}

Result<RawClip> loadAssimpRaw(const std::string& path, const AssimpImportOptions& options) {
  // No post-processing: only the node graph, bone names and animation keys are needed.
  auto opened = detail::openAssimpScene(path, 0);
  if (!opened) return opened.error();
  const aiScene& scene = *opened->scene;
  const std::vector<FlatNode> nodes = detail::flattenNodes(scene);

  auto chosen = chooseAnimation(scene, options, path);
  if (!chosen) return chosen.error();
  const aiAnimation* anim = chosen.value();

  // Which nodes are joints: mesh bones, plus every node the chosen animation moves.
  std::vector<bool> isJoint(nodes.size(), false);
  std::vector<const aiNodeAnim*> channelOf(nodes.size(), nullptr);
  for (unsigned int m = 0; m < scene.mNumMeshes; ++m) {
    const aiMesh* mesh = scene.mMeshes[m];
    for (unsigned int b = 0; mesh != nullptr && b < mesh->mNumBones; ++b) {
      const int n = detail::findNode(nodes, mesh->mBones[b]->mName.C_Str());
      if (n >= 0) isJoint[n] = true;
    }
  }
  if (anim != nullptr) {
    for (unsigned int c = 0; c < anim->mNumChannels; ++c) {
      const aiNodeAnim* ch = anim->mChannels[c];
      if (ch == nullptr) continue;
      const int n = detail::findNode(nodes, ch->mNodeName.C_Str());
      if (n < 0 || channelOf[n] != nullptr) continue;  // channel for a missing node: ignored
      channelOf[n] = ch;
      isJoint[n] = true;
    }
  }

  RawClip raw;
  raw.source = path;
  raw.format = detail::extensionOf(path);
  std::vector<int> jointNodes;       // joint → node
  std::vector<int> jointOfNode(nodes.size(), -1);
  for (std::size_t n = 0; n < nodes.size(); ++n) {
    if (!isJoint[n]) continue;
    int parentJoint = -1;
    for (int a = nodes[n].parent; a >= 0; a = nodes[a].parent)
      if (jointOfNode[a] >= 0) { parentJoint = jointOfNode[a]; break; }
    jointOfNode[n] = static_cast<int>(jointNodes.size());
    jointNodes.push_back(static_cast<int>(n));
    raw.skeleton.joints.push_back(nodes[n].name);
    raw.skeleton.parents.push_back(parentJoint);
  }
  if (jointNodes.empty())
    return makeError(ErrorCode::BadInput, "no skeleton: the file has no bones and no animated nodes", path);
  raw.skeleton.name = "assimp-" + raw.format;
  for (int n : jointNodes) {
    // Assimp names a BVH End Site "EndSite_<joint>" and makes it a mesh bone.
    const bool leaf = nodes[n].node->mNumChildren == 0;
    raw.isEndSite.push_back(raw.format == "bvh" && leaf && nodes[n].name.rfind("EndSite_", 0) == 0);
  }

  // Timing: sample at a fixed period in ticks from tick 0 to the last key.
  double tps = kDefaultTicksPerSecond, periodTicks = tps / kFallbackRate, durationTicks = 0.0;
  if (options.sampleRate < 0.0 || !std::isfinite(options.sampleRate) || options.sampleRate > 10000.0)
    return makeError(ErrorCode::BadInput, "sample rate must be in (0, 10000] frames per second", path);
  if (anim != nullptr) {
    tps = ticksPerSecond(*anim);
    durationTicks = std::max(anim->mDuration, lastKeyTicks(*anim));
    const double seconds = durationTicks / tps;
    if (!std::isfinite(seconds) || seconds < 0.0 || seconds > kMaxDurationSeconds)
      return makeError(ErrorCode::Limit,
                       "animation '" + std::string(anim->mName.C_Str()) + "' declares an absurd duration (" +
                           std::to_string(seconds) + " s)",
                       path);
    periodTicks = samplePeriodTicks(*anim, tps, options.sampleRate);
  } else {
    raw.format += "+rest-pose";
  }
  // Whole periods from tick 0, plus one last frame at the exact end when the duration is not a
  // whole number of periods, so the clip lasts as long as the animation (1e-3: float key drift).
  const double periods = durationTicks / periodTicks;
  const double wholePeriods = std::floor(periods + 1e-3);
  const bool partialEnd = periods - wholePeriods > 1e-3;
  const double frameCountD = wholePeriods + 1.0 + (partialEnd ? 1.0 : 0.0);
  const double poseCount = frameCountD * static_cast<double>(jointNodes.size());
  if (!std::isfinite(poseCount) || poseCount > static_cast<double>(options.maxPoses))
    return makeError(ErrorCode::Limit,
                     "clip would hold " + std::to_string(static_cast<long long>(poseCount)) +
                         " joint poses, more than the limit of " + std::to_string(options.maxPoses),
                     path);
  const int frameCount = static_cast<int>(frameCountD);

  // Units and axes (see the header for the conventions per format).
  raw.rate = tps / periodTicks;
  if (raw.format.rfind("fbx", 0) == 0) {
    const auto cmPerUnit = metadataNumber(scene, "UnitScaleFactor");
    raw.metresPerUnit = cmPerUnit && *cmPerUnit > 0.0 ? static_cast<float>(*cmPerUnit / 100.0) : 0.01f;
    const auto up = metadataNumber(scene, "UpAxis");
    const auto upSign = metadataNumber(scene, "UpAxisSign");
    if (up && *up == 2.0) {
      const float sign = upSign && *upSign < 0.0 ? -1.0f : 1.0f;
      raw.T_mimesis_file = glm::angleAxis(-sign * glm::half_pi<float>(), glm::vec3(1.0f, 0.0f, 0.0f));
    }
  }

  // Rest transforms, for nodes or components the animation leaves alone.
  std::vector<Trs> rest(nodes.size());
  for (std::size_t n = 0; n < nodes.size(); ++n) rest[n] = decompose(nodes[n].node->mTransformation);

  raw.times.resize(static_cast<std::size_t>(frameCount));
  raw.poses.resize(static_cast<std::size_t>(frameCount) * jointNodes.size());
  std::vector<glm::mat4> world(nodes.size());
  for (int f = 0; f < frameCount; ++f) {
    const double t = partialEnd && f == frameCount - 1 ? durationTicks : f * periodTicks;
    raw.times[static_cast<std::size_t>(f)] = t / tps;
    for (std::size_t n = 0; n < nodes.size(); ++n) {
      glm::mat4 local;
      if (const aiNodeAnim* ch = channelOf[n]) {
        Trs trs = rest[n];
        if (ch->mNumPositionKeys > 0) trs.t = sampleVec(ch->mPositionKeys, ch->mNumPositionKeys, t);
        if (ch->mNumRotationKeys > 0) trs.r = sampleQuat(ch->mRotationKeys, ch->mNumRotationKeys, t);
        if (ch->mNumScalingKeys > 0) trs.s = sampleVec(ch->mScalingKeys, ch->mNumScalingKeys, t);
        local = compose(trs.t, trs.r, trs.s);
      } else {
        local = detail::toGlm(nodes[n].node->mTransformation);
      }
      world[n] = nodes[n].parent >= 0 ? world[static_cast<std::size_t>(nodes[n].parent)] * local : local;
    }
    for (std::size_t j = 0; j < jointNodes.size(); ++j) {
      Pose p = rigidPart(world[static_cast<std::size_t>(jointNodes[j])]);
      if (!isFinite(p))
        return makeError(ErrorCode::BadInput,
                         "non-finite transform for node '" + raw.skeleton.joints[j] + "' at frame " +
                             std::to_string(f),
                         path);
      raw.poses[static_cast<std::size_t>(f) * jointNodes.size() + j] = p;
    }
  }
  return raw;
}

}  // namespace mimesis
