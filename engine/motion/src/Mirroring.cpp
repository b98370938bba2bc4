// Mirroring by reflection in X and swapping sides.
#include "mimesis/motion/Mirroring.hpp"

#include <string>

namespace mimesis {
namespace {

// Partner of each body joint by name (left_x <-> right_x, LeftX <-> RightX), or itself.
std::vector<int> sidePartners(const Skeleton& s) {
  std::vector<int> partner(s.joints.size());
  for (std::size_t i = 0; i < s.joints.size(); ++i) {
    partner[i] = static_cast<int>(i);
    const std::string& n = s.joints[i];
    std::string other;
    for (const auto& [from, to] : {std::pair<const char*, const char*>{"left", "right"},
                                   {"right", "left"}, {"Left", "Right"}, {"Right", "Left"}}) {
      const std::string f(from);
      if (n.rfind(f, 0) == 0) { other = std::string(to) + n.substr(f.size()); break; }
    }
    if (!other.empty())
      if (auto j = s.find(other)) partner[i] = *j;
  }
  return partner;
}

}  // namespace

Pose reflectX(const Pose& p) {
  // For R' = M R M with M = diag(-1, 1, 1), the quaternion (w, x, y, z) becomes (w, x, -y, -z).
  return Pose{{-p.position.x, p.position.y, p.position.z},
              glm::quat(p.orientation.w, p.orientation.x, -p.orientation.y, -p.orientation.z)};
}

void mirrorFrame(const Frame& in, const Skeleton& body, Frame& out) {
  out.time = in.time;
  for (int h = 0; h < 2; ++h) {
    const HandPose& src = in.hands[1 - h];
    HandPose& dst = out.hands[h];
    dst.active = src.active;
    for (int j = 0; j < kHandJointCount; ++j) {
      dst.joints[j] = src.joints[j];
      dst.joints[j].pose = reflectX(src.joints[j].pose);
    }
  }
  out.hasHead = in.hasHead;
  out.head = reflectX(in.head);
  const std::vector<int> partner = sidePartners(body);
  out.body.resize(in.body.size());
  for (std::size_t j = 0; j < in.body.size(); ++j) {
    const std::size_t from = j < partner.size() ? static_cast<std::size_t>(partner[j]) : j;
    out.body[j] = in.body[from];
    out.body[j].pose = reflectX(in.body[from].pose);
  }
}

Clip mirrorClip(const Clip& clip) {
  Clip out = clip;
  out.info.name += " (mirrored)";
  for (std::size_t f = 0; f < clip.frames.size(); ++f) mirrorFrame(clip.frames[f], clip.body, out.frames[f]);
  return out;
}

}  // namespace mimesis
