// The FrameBuilder's bodies: the wrists that carry hands, the learner's own body and its
// per-group error colours.
#include <glm/geometric.hpp>

#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/ErrorColours.hpp"
#include "mimesis/session/ViewCameras.hpp"

#include "FrameParts.hpp"

namespace mimesis::frame_parts {
namespace {

// The normalised error of the learner's body group `name` (see the header), when measured.
std::optional<float> bodyGroupError(const FrameInputs& in, const std::string& name, bool root) {
  const FrameScore* score = in.bodyScore != nullptr ? in.bodyScore : in.score;
  if (score == nullptr || !score->tracked || in.scoreGroupNames == nullptr) return std::nullopt;
  const std::vector<std::string>& names = *in.scoreGroupNames;
  for (std::size_t g = 0; g < names.size() && g < score->groups.size(); ++g) {
    if (names[g] != "body/" + name) continue;
    const GroupFrameError& e = score->groups[g];
    if (!e.valid) return std::nullopt;
    const ScoreReferences refs = in.scoring != nullptr ? in.scoring->references : ScoreReferences{};
    float r = std::max(ratio(e.shapeMm, refs.bodyShapeMm), ratio(e.postureDeg, refs.postureDeg));
    if (root) r = std::max(r, ratio(e.placementMm, refs.placementMm));
    return r;
  }
  return std::nullopt;
}

}  // namespace

glm::vec3 learnerEye(const FrameInputs& in) {
  return in.learner != nullptr && in.learner->hasHead && isFinite(in.learner->head.position) ? in.learner->head.position
                                                                                              : Staging::defaultHead();
}

// The body joint that carries side `side`'s hand: the wrist, by its usual names (CMU/Mixamo
// "LeftHand", Kinect/UI-PRMD "left_hand", "WristLeft", "left_wrist"; case, separators and a
// "prefix:" ignored). -1 when the skeleton has none.
int bodyWristJoint(const Skeleton& skeleton, Hand side) {
  static const char* const kLeft[] = {"lefthand", "handleft", "leftwrist", "wristleft", "lhand", "lwrist"};
  static const char* const kRight[] = {"righthand", "handright", "rightwrist", "wristright", "rhand", "rwrist"};
  for (const char* want : side == Hand::Left ? kLeft : kRight)
    if (const int j = findBodyJoint(skeleton, want); j >= 0) return j;
  return -1;
}

// The learner's own body, solid, each joint coloured by its group's error (see the header).
void addLearnerBody(const FrameInputs& in, const Pose& placement, bool firstPerson, FrameDescription& out, Fill& fill) {
  DrawnSkeleton& b = nextSlot(out.bodies, fill.bodies);
  const std::vector<JointPose>& body = in.learner->body;
  const std::size_t n = body.size();
  const Skeleton* sk = in.learnerBodySkeleton;
  const bool haveSkeleton = sk != nullptr && sk->parents.size() == n;
  b.p_world.resize(n);
  b.parents.resize(n);
  b.valid.resize(n);
  b.jointColour.assign(n, neutralHandColour());
  const glm::vec3 eye = learnerEye(in);
  for (std::size_t j = 0; j < n; ++j) {
    const glm::vec3 p = placement.apply(body[j].pose.position);
    const bool ok = body[j].positionValid() && isFinite(p) &&
                    !(firstPerson && glm::distance(p, eye) < kGhostHeadClearance);
    b.p_world[j] = ok ? p : glm::vec3(0.0f);
    b.valid[j] = ok;
    const int parent = haveSkeleton ? sk->parents[j] : -1;
    b.parents[j] = parent >= 0 && static_cast<std::size_t>(parent) < n ? parent : -1;
  }
  if (haveSkeleton) {
    std::vector<bool> grouped(n, false);
    for (const JointGroup& g : sk->groups) {
      bool root = false;
      for (int j : g.joints) root = root || (j >= 0 && static_cast<std::size_t>(j) < n && sk->parents[static_cast<std::size_t>(j)] < 0);
      const std::optional<float> e = bodyGroupError(in, g.name, root);
      for (int j : g.joints)
        if (j >= 0 && static_cast<std::size_t>(j) < n) {
          grouped[static_cast<std::size_t>(j)] = true;
          if (e) b.jointColour[static_cast<std::size_t>(j)] = errorColour(*e);
        }
    }
    const std::optional<float> other = bodyGroupError(in, "other", false);
    for (std::size_t j = 0; j < n; ++j)
      if (!grouped[j] && other) b.jointColour[j] = errorColour(*other);
  }
  b.jointRadius = DrawnSkeleton{}.jointRadius;
  b.colour = neutralHandColour();
  b.opacity = 1.0f;
  b.reflect = true;
}

}  // namespace mimesis::frame_parts
