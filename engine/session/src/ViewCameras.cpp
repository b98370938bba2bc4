// Scene staging and cameras: the facing reflection, the mirror's placement, the look-at eyes.
#include "mimesis/session/ViewCameras.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>

#include "mimesis/motion/Mirroring.hpp"

namespace mimesis {
namespace {

constexpr float kPi = 3.14159265358979323846f;

// A 180° turn about +Y placing the reflected expert kFacingDistance in front.
Pose T_world_facing() {
  return Pose{{0.0f, 0.0f, -Staging::kFacingDistance}, glm::quat(0.0f, 0.0f, 1.0f, 0.0f)};
}

glm::vec3 headOf(const Frame* learner) {
  if (learner != nullptr && learner->hasHead && isFinite(learner->head.position)) return learner->head.position;
  return Staging::defaultHead();
}

EyeView lookAt(const glm::vec3& eye, const glm::vec3& target, const FieldOfView& fov) {
  EyeView v;
  v.T_world_eye.position = eye;
  // The eye looks down -Z, so its +Z points from the target back to the eye.
  glm::vec3 back = eye - target;
  if (!(glm::length(back) > 1e-6f) || !isFinite(back)) back = glm::vec3(0.0f, 0.0f, 1.0f);
  v.T_world_eye.orientation = lookRotation(back, glm::vec3(0.0f, 1.0f, 0.0f));
  v.fov = fov;
  return v;
}

}  // namespace

Pose facingPose(const Pose& T_world_joint) { return T_world_facing() * reflectX(T_world_joint); }

glm::vec3 facingPoint(const glm::vec3& p) { return {p.x, p.y, -Staging::kFacingDistance - p.z}; }

MirrorPlane facingViewMirror() {
  MirrorPlane m;
  m.enabled = true;
  m.halfSize = glm::vec2(0.22f, 0.2f);
  const glm::vec3 hands = Staging::defaultHands();
  const glm::vec3 centre(facingPoint(hands).x + 0.46f, hands.y, facingPoint(hands).z);
  // The normal bisects the directions to the eye and to the hands: the law of reflection puts
  // the hands' image at the centre as seen from the eye.
  const glm::vec3 toEye = glm::normalize(Staging::defaultHead() - centre);
  const glm::vec3 toHands = glm::normalize(hands - centre);
  const glm::vec3 normal = glm::normalize(toEye + toHands);
  m.T_world_mirror = Pose{centre, lookRotation(normal, glm::vec3(0.0f, 1.0f, 0.0f))};
  return m;
}

void ViewBox::add(const glm::vec3& p) {
  if (!isFinite(p)) return;
  lo = valid ? glm::min(lo, p) : p;
  hi = valid ? glm::max(hi, p) : p;
  valid = true;
}

void ViewBox::add(const ViewBox& other) {
  if (!other.valid) return;
  add(other.lo);
  add(other.hi);
}

ViewBox bodyBox(const Frame& frame) {
  ViewBox box;
  for (const JointPose& j : frame.body)
    if (j.positionValid()) box.add(j.pose.position);
  return box;
}

bool handsCentroid(const Frame& frame, glm::vec3& out) {
  glm::dvec3 sum(0.0);
  int n = 0;
  for (const HandPose& hand : frame.hands) {
    if (!hand.active) continue;
    for (const JointPose& j : hand.joints)
      if (j.positionValid() && isFinite(j.pose.position)) {
        sum += glm::dvec3(j.pose.position);
        ++n;
      }
  }
  if (n == 0) return false;
  out = glm::vec3(sum / static_cast<double>(n));
  return true;
}

glm::vec3 lookTarget(const Frame* learner, const Frame* expert) {
  glm::vec3 c;
  if (learner != nullptr && handsCentroid(*learner, c)) return c;
  if (expert != nullptr && handsCentroid(*expert, c)) return c;
  return Staging::defaultHands();
}

void eyeViewsFor(ViewKind view, const Frame* learner, const Frame* expert, bool stereo, float aspect,
                 std::vector<EyeView>& out, const ViewBox* alsoShow) {
  if (!(aspect > 0.0f) || !std::isfinite(aspect)) aspect = 1.0f;
  // A desktop or report picture has no peripheral vision to serve: first-person and side views
  // narrow the field so the hands fill the picture; the mirror view keeps the wide field because
  // it must hold the hands, the facing model and the mirror together.
  const float fovDeg = view == ViewKind::Mirror ? Staging::kVerticalFovDeg : Staging::kCloseVerticalFovDeg;
  const float halfV = 0.5f * fovDeg * kPi / 180.0f;
  const float halfH = std::atan(std::tan(halfV) * aspect);
  const FieldOfView fov{-halfH, halfH, halfV, -halfV};

  const glm::vec3 target = lookTarget(learner, expert);
  glm::vec3 eye, at = target;
  switch (view) {
    case ViewKind::Mirror:
      eye = headOf(learner) + glm::vec3(0.0f, 0.05f, 0.3f);
      at = 0.5f * (target + facingPoint(target)) + glm::vec3(0.12f, 0.0f, 0.0f);
      break;
    case ViewKind::Side: {
      eye = target + glm::vec3(0.6f, 0.08f, 0.0f);
      ViewBox box;
      if (expert != nullptr) box = bodyBox(*expert);
      if (alsoShow != nullptr) box.add(*alsoShow);
      if (!box.valid) break;
      box.add(target);
      for (const Frame* f : {learner, expert})
        if (f != nullptr)
          for (const HandPose& hand : f->hands)
            if (hand.active)
              for (const JointPose& j : hand.joints)
                if (j.positionValid()) box.add(j.pose.position);
      // Looking along -X, the box's Z extent spans the width and its Y extent the height.
      const glm::vec3 centre = 0.5f * (box.lo + box.hi);
      const glm::vec3 half = 0.6f * (box.hi - box.lo);  // half extent plus 20%
      const float d = std::max({0.6f, half.y / std::tan(halfV), half.z / std::tan(halfH)}) + half.x;
      at = centre;
      eye = centre + glm::vec3(d, 0.08f, 0.0f);
      break;
    }
    case ViewKind::FirstPerson:
    default:
      eye = headOf(learner);
      break;
  }
  const EyeView centre = lookAt(eye, at, fov);
  out.clear();
  if (!stereo) {
    out.push_back(centre);
    return;
  }
  const glm::vec3 right = centre.T_world_eye.rotate(glm::vec3(1.0f, 0.0f, 0.0f));
  for (float side : {-1.0f, 1.0f}) {
    EyeView e = centre;
    e.T_world_eye.position += right * (side * 0.5f * Staging::kEyeSeparation);
    out.push_back(e);
  }
}

}  // namespace mimesis
