// Simulated learners: the expert resampled late, rescaled, perturbed, mirrored, dropped, resized.
#include "mimesis/motion/SimulatedLearner.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtx/quaternion.hpp>

#include "DeterministicRandom.hpp"
#include "mimesis/core/NumberText.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion/Mirroring.hpp"
#include "mimesis/motion/Retargeting.hpp"

namespace mimesis {
namespace {

constexpr double kTwoPi = 6.283185307179586;
constexpr double kNoiseCutoffHz = 2.0;
constexpr double kMeanBurstSeconds = 0.3;
// Independent random streams of one seed (DeterministicRandom's `stream`).
enum Stream : std::uint64_t { kNoiseStream = 1, kTremorStream = 2, kDropoutStream = 3 };

double finiteOr(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

// The params actually used: clamped, non-finite replaced, learning applied.
struct Effective {
  double lag = 0.0;  // seconds
  double gain = 1.0;
  double noise = 0.0;  // metres
  double tremorHz = 0.0;
  double tremor = 0.0;  // metres
  bool mirror = false;
  double dropout = 0.0;
  double handScale = 1.0;
  double rate = 90.0;
};

Effective effectiveParams(const LearnerParams& p, int trial) {
  Effective e;
  e.rate = std::clamp(finiteOr(p.rate, 90.0), 1.0, 1000.0);
  const double lr = std::clamp(finiteOr(p.learningRate, 0.0), 0.0, 10.0);
  const double practice = std::pow(1.0 + std::max(trial, 0), -lr);
  e.lag = std::clamp(finiteOr(p.lagMs, 0.0), -10000.0, 10000.0) * 1e-3 * practice;
  e.gain = 1.0 + (std::clamp(finiteOr(p.gain, 1.0), 0.0, 10.0) - 1.0) * practice;
  e.noise = std::clamp(finiteOr(p.noiseMm, 0.0), 0.0, 1000.0) * 1e-3 * practice;
  e.tremorHz = std::clamp(finiteOr(p.tremorHz, 0.0), 0.0, e.rate / 2.0);
  e.tremor = std::clamp(finiteOr(p.tremorMm, 0.0), 0.0, 1000.0) * 1e-3;
  e.mirror = p.mapping == LearnerParams::Mapping::Mirror;
  e.dropout = std::clamp(finiteOr(p.dropout, 0.0), 0.0, 1.0);
  e.handScale = std::clamp(finiteOr(p.handScale, 1.0), 0.25, 4.0);
  return e;
}

// The clip's mean pose of one hand: wrist position and rotation, and joint positions in the
// wrist frame. `valid` false when the hand is never usable.
struct MeanHand {
  bool valid = false;
  glm::vec3 wrist{0.0f};
  glm::quat orientation{1.0f, 0.0f, 0.0f, 0.0f};
  std::array<glm::vec3, kHandJointCount> local{};
  // Mean direction (unit, wrist frame) of the bone from each joint's parent to the joint.
  std::array<glm::vec3, kHandJointCount> boneDirection{};
};

// Bone vector parent -> j in the wrist frame, or zero when either end is invalid.
glm::vec3 localBone(const HandPose& hp, const Pose& inv, int j) {
  const int parent = handJointParent(j);
  if (parent < 0 || !hp.joints[j].positionValid() || !hp.joints[parent].positionValid()) return glm::vec3(0.0f);
  return inv.rotate(hp.joints[j].pose.position - hp.joints[parent].pose.position);
}

MeanHand meanHand(const Clip& clip, Hand h) {
  MeanHand m;
  glm::dvec3 wrist(0.0);
  glm::dvec4 q(0.0);
  std::array<glm::dvec3, kHandJointCount> local{};
  std::array<glm::dvec3, kHandJointCount> bones{};
  std::array<double, kHandJointCount> count{};
  double n = 0.0;
  glm::quat first(1.0f, 0.0f, 0.0f, 0.0f);
  for (const Frame& f : clip.frames) {
    const HandPose& hp = f.hand(h);
    if (!hp.usable()) continue;
    const Pose& T = hp.wrist();
    if (n == 0.0) first = T.orientation;
    const glm::quat o = glm::dot(first, T.orientation) < 0.0f ? -T.orientation : T.orientation;
    wrist += glm::dvec3(T.position);
    q += glm::dvec4(o.x, o.y, o.z, o.w);
    const Pose inv = T.inverse();
    for (int j = 0; j < kHandJointCount; ++j) {
      if (!hp.joints[j].positionValid()) continue;
      local[j] += glm::dvec3(inv.apply(hp.joints[j].pose.position));
      const glm::vec3 b = localBone(hp, inv, j);
      if (glm::length(b) > 1e-7f) bones[j] += glm::dvec3(glm::normalize(b));
      count[j] += 1.0;
    }
    n += 1.0;
  }
  if (n == 0.0) return m;
  m.valid = true;
  m.wrist = glm::vec3(wrist / n);
  const double len = glm::length(q);
  if (len > 1e-9) m.orientation = glm::quat(static_cast<float>(q.w / len), static_cast<float>(q.x / len),
                                            static_cast<float>(q.y / len), static_cast<float>(q.z / len));
  for (int j = 0; j < kHandJointCount; ++j) {
    if (count[j] > 0.0) m.local[j] = glm::vec3(local[j] / count[j]);
    const double boneLen = glm::length(bones[j]);
    m.boneDirection[j] = boneLen > 1e-9 ? glm::vec3(bones[j] / boneLen) : glm::vec3(0.0f);
  }
  return m;
}

// Rotation `q` with its difference from `mean` scaled by `gain` (angle about the same axis).
glm::quat scaleRotation(const glm::quat& q, const glm::quat& mean, double gain) {
  glm::quat rel = q * glm::conjugate(mean);
  if (rel.w < 0.0f) rel = -rel;
  const double s = std::sqrt(static_cast<double>(rel.x) * rel.x + static_cast<double>(rel.y) * rel.y +
                             static_cast<double>(rel.z) * rel.z);
  if (!(s > 1e-7)) return q;
  const double angle = 2.0 * std::atan2(s, static_cast<double>(rel.w)) * gain;
  const glm::vec3 axis(static_cast<float>(rel.x / s), static_cast<float>(rel.y / s), static_cast<float>(rel.z / s));
  return glm::normalize(glm::angleAxis(static_cast<float>(angle), axis) * mean);
}

// Per-hand random state: smoothed noise per joint and axis, tremor, dropout chain.
struct HandNoise {
  std::array<glm::dvec3, kHandJointCount> noise{};
  glm::dvec3 tremorDirection{0.0, 1.0, 0.0};
  double tremorPhase = 0.0;
  bool dropped = false;
};

glm::dvec3 gaussian3(detail::DeterministicRandom& r) {
  const double x = r.gaussian(), y = r.gaussian(), z = r.gaussian();
  return {x, y, z};
}

// Writes the learner's hand from the expert's sampled hand `e` (gain, size, noise, tremor).
void performHand(const HandPose& e, const MeanHand& mean, const Effective& p, const HandNoise& hn,
                 const glm::dvec3& tremor, HandPose& out) {
  if (!e.usable()) {  // no wrist, or a non-finite joint: nothing trustworthy to imitate
    out = HandPose{};
    return;
  }
  out = e;
  if (p.gain != 1.0 && mean.valid) {
    // Wrist: position and rotation about their means. Fingers: each bone's direction in the
    // wrist frame turned about the clip's mean direction by `gain` times its angle, keeping
    // its length, rebuilt from the wrist outward; this scales curl-like motion without
    // stretching bones. Each joint's orientation turns with the bone that starts at it.
    const Pose& T = e.wrist();
    const Pose inv = T.inverse();
    const Pose Tg{mean.wrist + (T.position - mean.wrist) * static_cast<float>(p.gain),
                  scaleRotation(T.orientation, mean.orientation, p.gain)};
    std::array<glm::vec3, kHandJointCount> local{};
    std::array<glm::quat, kHandJointCount> turn;
    turn.fill(glm::quat(1.0f, 0.0f, 0.0f, 0.0f));
    for (int j = 0; j < kHandJointCount; ++j) {
      const int parent = handJointParent(j);
      const glm::vec3 b = localBone(e, inv, j);
      const float len = glm::length(b);
      if (parent < 0 || !(len > 1e-7f) || glm::length(mean.boneDirection[j]) < 0.5f) {
        local[j] = inv.apply(e.joints[j].pose.position);
        continue;
      }
      const glm::quat toActual = glm::rotation(mean.boneDirection[j], b / len);
      turn[j] = scaleRotation(toActual, glm::quat(1.0f, 0.0f, 0.0f, 0.0f), p.gain) * glm::conjugate(toActual);
      local[j] = local[parent] + turn[j] * b;
    }
    for (int j = 0; j < kHandJointCount; ++j) {
      JointPose& jp = out.joints[j];
      if (jp.positionValid()) jp.pose.position = Tg.apply(local[j]);
      // The bone starting at j ends at the next joint of its finger; a tip keeps its own bone.
      // The wrist and palm turn with the wrist only.
      const int next = j + 1 < kHandJointCount && handJointParent(j + 1) == j ? j + 1 : j;
      const glm::quat R_wrist_joint = glm::conjugate(T.orientation) * e.joints[j].pose.orientation;
      const glm::quat own = j <= index(HandJoint::Wrist) ? glm::quat(1.0f, 0.0f, 0.0f, 0.0f) : turn[next];
      jp.pose.orientation = glm::normalize(Tg.orientation * (own * R_wrist_joint));
    }
  }
  if (p.handScale != 1.0) {
    BoneLengths target = defaultBoneLengths();
    for (float& l : target) l *= static_cast<float>(p.handScale);
    HandPose tmp;
    retargetHand(out, target, tmp);
    out = tmp;
    for (JointPose& jp : out.joints) jp.radius *= static_cast<float>(p.handScale);
  }
  for (int j = 0; j < kHandJointCount; ++j) {
    JointPose& jp = out.joints[j];
    if (!jp.positionValid()) continue;
    jp.pose.position += glm::vec3(tremor + hn.noise[j]);
  }
}

std::string num(double v) { return shortestText(v); }

}  // namespace

std::string describeLearner(const LearnerParams& p, int trial) {
  return "simulated learner: lagMs=" + num(p.lagMs) + " gain=" + num(p.gain) + " noiseMm=" + num(p.noiseMm) +
         " tremorHz=" + num(p.tremorHz) + " tremorMm=" + num(p.tremorMm) + " mapping=" +
         (p.mapping == LearnerParams::Mapping::Mirror ? "mirror" : "anatomical") + " dropout=" + num(p.dropout) +
         " handScale=" + num(p.handScale) + " learningRate=" + num(p.learningRate) +
         " seed=" + std::to_string(p.seed) + " rate=" + num(p.rate) + " trial=" + std::to_string(trial);
}

Clip simulateLearner(const Clip& expertIn, const LearnerParams& params, int trial) {
  const Effective p = effectiveParams(params, trial);
  Clip out;
  out.info.name = expertIn.info.name + " (simulated learner)";
  out.info.source = describeLearner(params, trial);
  out.info.sourceFormat = "simulated";
  out.rate = p.rate;
  out.body = expertIn.body;
  if (expertIn.frames.empty()) return out;
  const Clip mirrored = p.mirror ? mirrorClip(expertIn) : Clip{};
  const Clip& expert = p.mirror ? mirrored : expertIn;

  const std::array<MeanHand, 2> mean = {meanHand(expert, Hand::Left), meanHand(expert, Hand::Right)};
  const double t0 = expert.frames.front().time;
  const double span = expert.frames.back().time - t0;
  const double wanted = std::floor(span * p.rate + 1e-9) + 1.0;
  const double cap = 10.0 * static_cast<double>(expert.frames.size()) + 1000.0;
  const std::size_t n = static_cast<std::size_t>(std::clamp(std::isfinite(wanted) ? wanted : 1.0, 1.0, cap));

  detail::DeterministicRandom noiseRng(params.seed, kNoiseStream);
  detail::DeterministicRandom tremorRng(params.seed, kTremorStream);
  detail::DeterministicRandom dropRng(params.seed, kDropoutStream);
  const double a = std::exp(-kTwoPi * kNoiseCutoffHz / p.rate);  // AR(1) pole for the cutoff
  const double innovation = std::sqrt(std::max(0.0, 1.0 - a * a));
  // Two-state burst chain with stationary loss fraction `dropout` and mean burst length L.
  double burst = std::max(1.0, kMeanBurstSeconds * p.rate);
  if (p.dropout < 1.0) burst = std::max(burst, p.dropout / (1.0 - p.dropout));
  const double leaveLoss = 1.0 / burst;
  const double enterLoss = p.dropout < 1.0 ? std::min(1.0, p.dropout / ((1.0 - p.dropout) * burst)) : 1.0;

  std::array<HandNoise, 2> hn{};
  for (HandNoise& h : hn) {
    for (glm::dvec3& v : h.noise) v = gaussian3(noiseRng) * p.noise;
    glm::dvec3 d = gaussian3(tremorRng);
    const double len = glm::length(d);
    h.tremorDirection = len > 1e-9 ? d / len : glm::dvec3(0.0, 1.0, 0.0);
    h.tremorPhase = kTwoPi * tremorRng.uniform();
    h.dropped = dropRng.uniform() < p.dropout;
  }

  out.frames.resize(n);
  Frame sample;
  for (std::size_t f = 0; f < n; ++f) {
    Frame& fr = out.frames[f];
    fr.time = t0 + static_cast<double>(f) / p.rate;
    sampleClip(expert, fr.time - p.lag, sample);
    for (Hand h : {Hand::Left, Hand::Right}) {
      HandNoise& st = hn[index(h)];
      // Every random state advances every frame, whatever happens to the hand, so one
      // parameter's change never reshuffles another's randomness.
      if (f > 0) {
        for (glm::dvec3& v : st.noise) v = v * a + gaussian3(noiseRng) * (innovation * p.noise);
        const double u = dropRng.uniform();
        st.dropped = st.dropped ? !(u < leaveLoss) : (u < enterLoss);
      }
      if (p.dropout >= 1.0) st.dropped = true;
      const glm::dvec3 tremor =
          st.tremorDirection * (p.tremor * std::sin(kTwoPi * p.tremorHz * (fr.time - t0) + st.tremorPhase));
      const HandPose& e = sample.hand(h);
      if (!e.active || st.dropped) {
        fr.hand(h) = HandPose{};
        continue;
      }
      performHand(e, mean[index(h)], p, st, tremor, fr.hand(h));
    }
    fr.hasHead = sample.hasHead;
    fr.head = sample.head;
    fr.body = sample.body;
  }
  return out;
}

}  // namespace mimesis
