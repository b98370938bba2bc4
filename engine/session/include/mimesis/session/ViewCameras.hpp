// ViewCameras: how the scene is staged in the world (where the learner stands, where the facing
// model and the virtual mirror go) and the desktop/headless cameras (EyeViews) for each view.
#pragma once

#include <vector>

#include <glm/vec3.hpp>

#include "mimesis/core/Pose.hpp"
#include "mimesis/frame/EyeView.hpp"
#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/motion/Frame.hpp"

namespace mimesis {

// World frame (OpenXR stage conventions): metres, +Y up, the learner stands at the origin
// facing -Z. The shipped clips (assets/*.mkeys) hold the hands at x in [-0.2, 0.22], y in
// [1.1, 1.45], z in [-0.38, -0.28]: about 30 cm in front of an eye at 1.6 m.
struct Staging {
  static constexpr float kFacingDistance = 0.9f;     // learner's standing spot → the facing model's
  static constexpr float kEyeSeparation = 0.064f;    // stereo: eyes at ±half this along the eye's X
  static constexpr float kVerticalFovDeg = 60.0f;       // the mirror view
  static constexpr float kCloseVerticalFovDeg = 38.0f;  // first-person and side views
  static glm::vec3 defaultHead() { return {0.0f, 1.6f, 0.0f}; }        // eye when no head is tracked
  static glm::vec3 defaultHands() { return {0.04f, 1.24f, -0.32f}; }   // the clips' hand region
};

// The facing model: the expert seen as the learner's mirror image, standing kFacingDistance in
// front. Geometrically a reflection through the vertical plane z = -kFacingDistance / 2, which is
// a 180° turn about the vertical axis followed by a left–right reflection (see FrameBuilder.hpp
// for why that is the right picture for both imitation mappings). Joint frames stay proper
// rotations in OpenXR's convention for the other hand (as reflectX does), so a reflected right
// hand is a valid left hand pose.
Pose facingPose(const Pose& T_world_joint);
glm::vec3 facingPoint(const glm::vec3& p_world);

// The virtual mirror of the Mirror view: fixed furniture beside the facing model on the
// learner's right (so it does not move with the hands), turned so that from the default head the
// reflection of the default hand region appears at its centre. The surface faces +Z of the pose.
MirrorPlane facingViewMirror();

// Mean position of the position-valid, finite joints of the active hands; false when none.
bool handsCentroid(const Frame& frame, glm::vec3& out);

// The point the cameras look at: the learner's hands' centroid, else the expert's, else
// Staging::defaultHands().
glm::vec3 lookTarget(const Frame* learner, const Frame* expert);

// An axis-aligned box in the world (metres) that a camera should hold whole: a body ghost, an avatar.
struct ViewBox {
  glm::vec3 lo{0.0f}, hi{0.0f};
  bool valid = false;
  void add(const glm::vec3& p);      // grows the box to hold p (non-finite points are ignored)
  void add(const ViewBox& other);
};

// The box of a frame's position-valid, finite body joints (invalid when it has none).
ViewBox bodyBox(const Frame& frame);

// Eye views for `view`, written into `out` (caller-owned; its capacity is reused): one eye, or two
// for stereo (left eye first, at -kEyeSeparation/2 along the eye's X, then right; both with the
// same orientation, as OpenXR views are parallel). The eye looks at its target with +Y as up
// (OpenXR view frame: +X right, +Y up, looking down -Z). Field of view: symmetric, 60° vertical in
// the mirror view and 38° in the others,
// horizontal from `aspect` (width / height; invalid values count as 1).
//  FirstPerson: from the learner's head (Frame::head when tracked, else defaultHead()) at
//               lookTarget().
//  Mirror:      from the head stepped back 0.3 m and up 5 cm, at the point midway between the
//               hands and their facing image, nudged toward the mirror, so the learner's hands,
//               the facing model and the mirror are all in the picture.
//  Side:        from 0.6 m to the learner's right of the target (+X) and 8 cm above it,
//               looking across the hands at it (depth errors show as left–right offsets).
//               When the expert has body joints, or `alsoShow` is a valid box (an avatar), the
//               side camera instead looks along -X at the centre of the box holding the target,
//               the learner's and the expert's active hand joints, the expert's body and
//               `alsoShow`, from far enough (at least 0.6 m) that the box's YZ extent plus 20%
//               fits the field of view, and 8 cm above that centre.
void eyeViewsFor(ViewKind view, const Frame* learner, const Frame* expert, bool stereo, float aspect,
                 std::vector<EyeView>& out, const ViewBox* alsoShow = nullptr);

}  // namespace mimesis
