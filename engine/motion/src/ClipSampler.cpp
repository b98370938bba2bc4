// Clip sampling by binary search and per-joint interpolation.
#include "mimesis/motion/ClipSampler.hpp"

#include <algorithm>

namespace mimesis {
namespace {

void interpolateJoint(const JointPose& a, const JointPose& b, float u, JointPose& out) {
  const bool aOk = a.flags != 0, bOk = b.flags != 0;
  if (aOk && bOk) {
    out.pose = interpolate(a.pose, b.pose, u);
    out.radius = a.radius + (b.radius - a.radius) * u;
    out.flags = static_cast<std::uint8_t>(a.flags & b.flags);
    return;
  }
  const JointPose& nearer = u < 0.5f ? a : b;
  out = nearer;
}

}  // namespace

void interpolateHand(const HandPose& a, const HandPose& b, float u, HandPose& out) {
  // Exactly on a frame, return it bit for bit (normalising a slerp would perturb the last bit).
  if (u <= 0.0f) { out = a; return; }
  if (u >= 1.0f) { out = b; return; }
  if (a.active != b.active) {
    out = u < 0.5f ? a : b;
    return;
  }
  out.active = a.active;
  for (int j = 0; j < kHandJointCount; ++j) interpolateJoint(a.joints[j], b.joints[j], u, out.joints[j]);
}

std::size_t frameIndexAt(const Clip& clip, double t) {
  const auto it = std::upper_bound(clip.frames.begin(), clip.frames.end(), t,
                                   [](double v, const Frame& f) { return v < f.time; });
  if (it == clip.frames.begin()) return 0;
  return static_cast<std::size_t>(it - clip.frames.begin()) - 1;
}

void sampleClip(const Clip& clip, double t, Frame& out) {
  out.time = t;
  if (clip.frames.empty()) {
    out.hands = {};
    out.hasHead = false;
    out.body.clear();
    return;
  }
  const std::size_t i = frameIndexAt(clip, t);
  const Frame& a = clip.frames[i];
  const Frame& b = clip.frames[std::min(i + 1, clip.frames.size() - 1)];
  float u = 0.0f;
  if (&a != &b && t > a.time) u = static_cast<float>(std::min(1.0, (t - a.time) / (b.time - a.time)));
  for (int h = 0; h < 2; ++h) interpolateHand(a.hands[h], b.hands[h], u, out.hands[h]);
  out.hasHead = a.hasHead && b.hasHead;
  if (out.hasHead) out.head = interpolate(a.head, b.head, u);
  else if (a.hasHead || b.hasHead) { out.hasHead = true; out.head = a.hasHead ? a.head : b.head; }
  out.body.resize(a.body.size());
  for (std::size_t j = 0; j < a.body.size() && j < b.body.size(); ++j)
    interpolateJoint(a.body[j], b.body[j], u, out.body[j]);
}

}  // namespace mimesis
