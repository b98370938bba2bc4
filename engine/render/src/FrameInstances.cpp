// Turns a FrameDescription into primitive instances and mesh draws, in the order the renderer
// draws them: solid (reflected first), ghost (reflected first), highlight halos.
#include <cmath>

#include "RendererImpl.hpp"
#include "mimesis/motion/HandSkeleton.hpp"

namespace mimesis::render {
namespace {

constexpr float kSolidOpacity = 0.999f;   // at or above: drawn solid
constexpr float kHiddenOpacity = 0.001f;  // at or below: not drawn

bool finite(const glm::vec3& p) { return std::isfinite(p.x) && std::isfinite(p.y) && std::isfinite(p.z); }

float jointRadius(const JointPose& j, int joint) {
  return j.radius > 0.0f && std::isfinite(j.radius) ? j.radius : defaultJointRadius(joint);
}

// Bones of the hand plus a web joining the fingers' proximal knuckles, which reads as a palm.
void appendHand(const DrawnHand& hand, std::vector<PrimitiveInstance>& out) {
  const HandPose& pose = hand.pose;
  if (!pose.active) return;
  auto usable = [&](int j) { return pose.joints[j].positionValid() && finite(pose.joints[j].pose.position); };
  auto colour = [&](int j) {
    glm::vec4 c = hand.jointColour[j];
    c.w *= hand.opacity;
    return c;
  };
  auto capsule = [&](int a, int b) {
    if (!usable(a) || !usable(b)) return;
    out.push_back({glm::vec4(pose.joints[a].pose.position, jointRadius(pose.joints[a], a)),
                   glm::vec4(pose.joints[b].pose.position, jointRadius(pose.joints[b], b)), colour(a), colour(b)});
  };
  for (int j = 0; j < kHandJointCount; ++j) {
    const int parent = handJointParent(j);
    if (parent >= 0) capsule(parent, j);
  }
  const int knuckles[] = {index(HandJoint::IndexProximal), index(HandJoint::MiddleProximal),
                          index(HandJoint::RingProximal), index(HandJoint::LittleProximal)};
  for (int k = 0; k + 1 < 4; ++k) capsule(knuckles[k], knuckles[k + 1]);
  capsule(index(HandJoint::ThumbProximal), index(HandJoint::IndexProximal));
}

void appendHalos(const DrawnHand& hand, std::vector<PrimitiveInstance>& out) {
  if (!hand.pose.active || hand.highlightedJoints == 0 || hand.opacity <= kHiddenOpacity) return;
  for (int j = 0; j < kHandJointCount; ++j) {
    if ((hand.highlightedJoints & (1u << j)) == 0) continue;
    const JointPose& jp = hand.pose.joints[j];
    if (!jp.positionValid() || !finite(jp.pose.position)) continue;
    const float r = jointRadius(jp, j) * 1.45f + 0.002f;
    glm::vec4 c = hand.highlightColour;
    c.w = 0.35f * c.w;
    out.push_back({glm::vec4(jp.pose.position, r), glm::vec4(jp.pose.position, r), c, c});
  }
}

void appendSkeleton(const DrawnSkeleton& s, std::vector<PrimitiveInstance>& out) {
  const std::size_t n = s.p_world.size();
  const bool perJoint = s.jointColour.size() == n;
  auto colour = [&](std::size_t i) {
    glm::vec4 c = perJoint ? s.jointColour[i] : s.colour;
    c.w *= s.opacity;
    return c;
  };
  auto ok = [&](std::size_t i) { return (s.valid.empty() || (i < s.valid.size() && s.valid[i])) && finite(s.p_world[i]); };
  for (std::size_t i = 0; i < n; ++i) {
    if (!ok(i)) continue;
    const int parent = i < s.parents.size() ? s.parents[i] : -1;
    const bool parentOk = parent >= 0 && static_cast<std::size_t>(parent) < n && ok(static_cast<std::size_t>(parent));
    const std::size_t from = parentOk ? static_cast<std::size_t>(parent) : i;
    out.push_back({glm::vec4(s.p_world[from], s.jointRadius), glm::vec4(s.p_world[i], s.jointRadius), colour(from), colour(i)});
  }
}

template <typename Item, typename Append>
void appendRange(const std::vector<Item>& items, bool ghost, bool reflected, FrameInstances& out,
                 InstanceRange& range, Append append) {
  range.first = static_cast<std::uint32_t>(out.all.size());
  for (const Item& item : items) {
    if (item.opacity <= kHiddenOpacity) continue;
    if ((item.opacity < kSolidOpacity) != ghost || item.reflect != reflected) continue;
    append(item, out.all);
  }
  range.count = static_cast<std::uint32_t>(out.all.size()) - range.first;
}

}  // namespace

Status buildFrameInstances(const FrameDescription& frame, const std::vector<int>& meshJointCounts,
                           FrameInstances& out) {
  out.all.clear();
  out.solidMeshes.clear();
  out.ghostMeshes.clear();
  out.skin.clear();
  out.skinColour.clear();
  // Hands and skeletons share ranges: each range is filled from both lists.
  auto fill = [&](bool ghost, bool reflected, InstanceRange& range) {
    InstanceRange handsPart, bodiesPart;
    appendRange(frame.hands, ghost, reflected, out, handsPart, appendHand);
    appendRange(frame.bodies, ghost, reflected, out, bodiesPart, appendSkeleton);
    range.first = handsPart.first;
    range.count = handsPart.count + bodiesPart.count;
  };
  fill(false, true, out.solidReflected);
  fill(false, false, out.solid);
  fill(true, true, out.ghostReflected);
  fill(true, false, out.ghost);
  out.halos.first = static_cast<std::uint32_t>(out.all.size());
  for (const DrawnHand& h : frame.hands) appendHalos(h, out.all);
  out.halos.count = static_cast<std::uint32_t>(out.all.size()) - out.halos.first;

  for (std::size_t i = 0; i < frame.meshes.size(); ++i) {
    const DrawnMesh& m = frame.meshes[i];
    if (m.mesh < 0 || static_cast<std::size_t>(m.mesh) >= meshJointCounts.size())
      return makeError(ErrorCode::BadInput, "mesh handle " + std::to_string(m.mesh) + " was not added",
                       "frame.meshes[" + std::to_string(i) + "]");
    const int joints = meshJointCounts[static_cast<std::size_t>(m.mesh)];
    if (static_cast<int>(m.skin.size()) != joints)
      return makeError(ErrorCode::BadInput,
                       "mesh has " + std::to_string(joints) + " joints but " + std::to_string(m.skin.size()) +
                           " skin matrices were given",
                       "frame.meshes[" + std::to_string(i) + "]");
    if (m.opacity <= kHiddenOpacity) continue;
    FrameInstances::MeshDraw draw;
    draw.mesh = m.mesh;
    draw.skinBase = static_cast<std::uint32_t>(out.skin.size());
    draw.colour = m.colour;
    draw.colour.w *= m.opacity;
    draw.reflect = m.reflect;
    out.skin.insert(out.skin.end(), m.skin.begin(), m.skin.end());
    if (!m.jointColour.empty() && m.jointColour.size() != m.skin.size())
      return makeError(ErrorCode::BadInput,
                       std::to_string(m.jointColour.size()) + " joint colours for " + std::to_string(m.skin.size()) +
                           " joints",
                       "frame.meshes[" + std::to_string(i) + "]");
    for (std::size_t j = 0; j < m.skin.size(); ++j) {
      glm::vec4 c = m.jointColour.empty() ? m.colour : m.jointColour[j];
      c.w = draw.colour.w;
      out.skinColour.push_back(c);
    }
    (m.opacity < kSolidOpacity ? out.ghostMeshes : out.solidMeshes).push_back(draw);
  }
  return okStatus();
}

}  // namespace mimesis::render
