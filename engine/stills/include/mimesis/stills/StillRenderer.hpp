// StillRenderer: one picture of a lesson at a moment — the expert as the session shows it, a
// learner (recorded or simulated) scored live up to that moment, composed by the session's
// FrameBuilder and drawn by the Vulkan renderer offscreen. Used by `mimesis render` and by the
// lesson report's "worst moment" images. Owns its Vulkan context; reuse it for several stills.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/mirror/FeedbackState.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/render/RgbaImage.hpp"
#include "mimesis/session/Lesson.hpp"
#include "mimesis/stills/AvatarStaging.hpp"

namespace mimesis {

struct StillRequest {
  const Lesson* lesson = nullptr;   // the expert and scoring references
  const Clip* learner = nullptr;    // null: no learner drawn, no error colours
  double expertTime = 0.0;          // seconds from the expert clip's first frame
  double learnerTime = -1.0;        // seconds from the learner's first frame (< 0: = expertTime)
  ViewKind view = ViewKind::FirstPerson;
  int width = 1280, height = 960;   // per eye
  bool stereo = false;              // two eyes, side by side in the image
  FeedbackState feedback;           // ghost opacity, cues, stage, message as shown
  bool handMeshes = false;          // draw the learner's hands with the project's skinned hand mesh
  // A skinned avatar file (glTF/GLB, FBX, COLLADA) drawn playing its own first animation at
  // expertTime, textured where the file has a base-colour texture, staged by stageAvatar
  // (AvatarStaging.hpp: scaled to learnerHeight, feet on the floor, in front of the learner,
  // facing them); every view holds it (the side camera widens to it). Empty: none.
  std::string avatarPath;
  // The learner's standing height in metres for the avatar's scale; <= 0: the expert clip's
  // (clipStandingHeight), else kDefaultLearnerHeight.
  float learnerHeight = 0.0f;
};

// The height an avatar is scaled to for `request` (see StillRequest::learnerHeight).
float avatarHeightFor(const StillRequest& request);

class StillRenderer {
 public:
  // `assetsDir` holds meshes/hand-left.gltf and meshes/hand-right.gltf (for handMeshes).
  static Result<std::unique_ptr<StillRenderer>> create(bool validation, const std::string& assetsDir);
  ~StillRenderer();
  Result<RgbaImage> render(const StillRequest& request);
  // Validation messages so far (empty without validation); `mimesis render --validate` fails on any.
  std::vector<std::string> validationMessages() const;
  std::string deviceName() const;

 private:
  StillRenderer();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mimesis
