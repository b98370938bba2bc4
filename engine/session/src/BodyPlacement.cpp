// Staging a body clip on the learner's spot: the start frame's heading and root, by joint names.
#include "mimesis/session/BodyPlacement.hpp"

#include <cctype>
#include <cmath>
#include <string>

#include <glm/gtc/quaternion.hpp>

namespace mimesis {
namespace {

// Left/right joint pairs that span a body's width, in order of preference: hips (CMU, Mixamo,
// Kinect/UI-PRMD, generic), then shoulders (upper arms).
struct SidePair {
  const char* left;
  const char* right;
};
constexpr SidePair kWidthPairs[] = {
    {"leftupleg", "rightupleg"},       {"leftupperleg", "rightupperleg"}, {"lefthip", "righthip"},
    {"hipleft", "hipright"},           {"lhipjoint", "rhipjoint"},        {"leftthigh", "rightthigh"},
    {"leftarm", "rightarm"},           {"leftupperarm", "rightupperarm"}, {"leftshoulder", "rightshoulder"},
    {"shoulderleft", "shoulderright"},
};

const JointPose* validJoint(const Frame& f, int j) {
  if (j < 0 || static_cast<std::size_t>(j) >= f.body.size()) return nullptr;
  const JointPose& p = f.body[static_cast<std::size_t>(j)];
  return p.positionValid() && isFinite(p.pose.position) ? &p : nullptr;
}

}  // namespace

int bodyRootJoint(const Frame& frame, const Skeleton* skeleton) {
  if (skeleton != nullptr && skeleton->parents.size() == frame.body.size())
    for (std::size_t j = 0; j < skeleton->parents.size(); ++j)
      if (skeleton->parents[j] < 0) return static_cast<int>(j);
  return 0;
}

int findBodyJoint(const Skeleton& skeleton, const char* key) {
  for (std::size_t j = 0; j < skeleton.joints.size(); ++j) {
    const std::string& raw = skeleton.joints[j];
    const std::size_t colon = raw.rfind(':');
    std::string k;
    for (char c : colon == std::string::npos ? raw : raw.substr(colon + 1))
      if (std::isalnum(static_cast<unsigned char>(c)) != 0) k += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (k == key) return static_cast<int>(j);
  }
  return -1;
}

Pose bodyPlacement(const Frame& start, const Skeleton* skeleton) {
  const JointPose* root = validJoint(start, bodyRootJoint(start, skeleton));
  if (root == nullptr) return Pose::identity();
  Pose T;
  if (skeleton != nullptr && skeleton->joints.size() == start.body.size())
    for (const SidePair& pair : kWidthPairs) {
      const JointPose* l = validJoint(start, findBodyJoint(*skeleton, pair.left));
      const JointPose* r = validJoint(start, findBodyJoint(*skeleton, pair.right));
      if (l == nullptr || r == nullptr) continue;
      const glm::vec3 right = r->pose.position - l->pose.position;
      if (std::hypot(right.x, right.z) < 0.05f) continue;  // too short on the floor to give a heading
      // A turn θ about +Y takes (x, z) to (x cosθ + z sinθ, −x sinθ + z cosθ): θ = atan2(z, x)
      // brings the body's right onto +X, so it faces −Z.
      T.orientation = glm::angleAxis(std::atan2(right.z, right.x), glm::vec3(0.0f, 1.0f, 0.0f));
      break;
    }
  const glm::vec3 turned = T.orientation * root->pose.position;
  T.position = glm::vec3(-turned.x, 0.0f, -turned.z);
  return T;
}

void placeFrame(const Pose& T_world_clip, Frame& frame) {
  for (JointPose& j : frame.body) j.pose = T_world_clip * j.pose;
  for (Hand h : {Hand::Left, Hand::Right})
    for (JointPose& j : frame.hand(h).joints) j.pose = T_world_clip * j.pose;
  if (frame.hasHead) frame.head = T_world_clip * frame.head;
}

const Frame* placedForView(const Frame* frame, const Frame* start, const Skeleton* skeleton, Frame& scratch) {
  if (frame == nullptr || start == nullptr || frame->body.empty()) return frame;
  scratch = *frame;
  placeFrame(bodyPlacement(*start, skeleton), scratch);
  return &scratch;
}

}  // namespace mimesis
