// Retargeting by rescaling bones along their own directions.
#include "mimesis/motion/Retargeting.hpp"

#include <algorithm>
#include <vector>

#include <glm/geometric.hpp>

namespace mimesis {

void retargetHand(const HandPose& in, const BoneLengths& target, HandPose& out) {
  out = in;
  // Joint order is topological except the palm (0), whose parent is the wrist (1): do the
  // wrist's children in index order after the wrist; the palm's children are none.
  for (int j = 0; j < kHandJointCount; ++j) {
    const int parent = handJointParent(j);
    if (parent < 0) continue;
    const JointPose& a = in.joints[parent];
    const JointPose& b = in.joints[j];
    if (!a.positionValid() || !b.positionValid()) continue;
    const glm::vec3 bone = b.pose.position - a.pose.position;
    const float len = glm::length(bone);
    if (!(len > 1e-7f)) continue;
    out.joints[j].pose.position = out.joints[parent].pose.position + bone * (target[j] / len);
  }
}

BoneLengths measureBoneLengths(const HandPose& hand) {
  BoneLengths len{};
  for (int j = 0; j < kHandJointCount; ++j) {
    const int parent = handJointParent(j);
    if (parent < 0 || !hand.active) continue;
    if (!hand.joints[j].positionValid() || !hand.joints[parent].positionValid()) continue;
    len[j] = glm::length(hand.joints[j].pose.position - hand.joints[parent].pose.position);
  }
  return len;
}

BoneLengths estimateBoneLengths(const Clip& clip, Hand hand, double window) {
  std::array<std::vector<float>, kHandJointCount> samples;
  double firstValid = -1.0;
  for (const Frame& f : clip.frames) {
    const HandPose& h = f.hand(hand);
    if (!h.usable()) continue;
    if (firstValid < 0.0) firstValid = f.time;
    if (f.time - firstValid >= window) break;
    const BoneLengths l = measureBoneLengths(h);
    for (int j = 0; j < kHandJointCount; ++j)
      if (l[j] > 0.0f) samples[j].push_back(l[j]);
  }
  const BoneLengths& def = defaultBoneLengths();
  BoneLengths out{};
  std::vector<float> ratios;
  for (int j = 0; j < kHandJointCount; ++j) {
    auto& s = samples[j];
    if (s.empty()) continue;
    std::nth_element(s.begin(), s.begin() + static_cast<std::ptrdiff_t>(s.size() / 2), s.end());
    out[j] = s[s.size() / 2];
    if (def[j] > 0.0f) ratios.push_back(out[j] / def[j]);
  }
  float scale = 1.0f;
  if (!ratios.empty()) {
    std::nth_element(ratios.begin(), ratios.begin() + static_cast<std::ptrdiff_t>(ratios.size() / 2), ratios.end());
    scale = ratios[ratios.size() / 2];
  }
  for (int j = 0; j < kHandJointCount; ++j)
    if (samples[j].empty()) out[j] = def[j] * scale;
  return out;
}

void retargetClip(Clip& clip, const BoneLengths& left, const BoneLengths& right) {
  HandPose tmp;
  for (Frame& f : clip.frames) {
    retargetHand(f.hand(Hand::Left), left, tmp);
    f.hand(Hand::Left) = tmp;
    retargetHand(f.hand(Hand::Right), right, tmp);
    f.hand(Hand::Right) = tmp;
  }
}

}  // namespace mimesis
