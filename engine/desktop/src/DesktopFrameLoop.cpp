// One displayed desktop frame: composing the frame description and the orbit camera, then
// acquiring, drawing, presenting and timing it (see DesktopSessionState.hpp).
#include "DesktopSessionState.hpp"

#include <imgui_impl_glfw.h>

#include <algorithm>
#include <chrono>
#include <cmath>

#include "mimesis/core/Pose.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/ViewCameras.hpp"

namespace mimesis {

void DesktopSession::Impl::compose(const FeedbackState& guidance) {
  FeedbackState shownState = guidance;
  if (!controls.followModelView) shownState.view = controls.view == ViewKind::Mirror ? View::Facing : View::FirstPerson;
  const Frame* expertFrame = &expert;
  if (controls.paused && controls.scrubbing) {
    // Scrubbing shows the expert clip at the chosen time (looping within a chosen segment).
    double t = controls.previewTime;
    if (controls.previewSegment >= 0 && controls.previewSegment < static_cast<int>(lesson->clip.segments.size())) {
      const Segment& s = lesson->clip.segments[static_cast<std::size_t>(controls.previewSegment)];
      const double start = s.start - lesson->clip.frames.front().time;
      t = start + std::fmod(std::max(0.0, t - start), std::max(1e-3, s.end - s.start));
    }
    sampleClip(lesson->clip, lesson->clip.frames.front().time + t, preview);
    expertFrame = &preview;
  }
  FrameInputs in;
  in.expert = trial != nullptr || expertFrame == &preview ? expertFrame : nullptr;
  in.learner = haveLearner ? &learner : nullptr;
  in.feedback = &shownState;
  in.scoring = &lesson->scoring;
  in.cellErrors = &model.estimates.liveError;
  in.cellValid = &model.estimates.liveValid;
  in.view = controls.view;
  in.mapping = lesson->mapping;
  in.bodySkeleton = lesson->clip.body.empty() ? nullptr : &lesson->clip.body;  // the body ghost's bones
  // Both bodies on the learner's spot; a learner recording's body is in the clip's skeleton.
  in.bodyStart = lesson->clip.body.empty() ? nullptr : &lesson->clip.frames.front();
  in.learnerBodySkeleton = in.bodySkeleton;
  in.learnerBodyStart = learnerBodyStart ? &*learnerBodyStart : nullptr;
  if (trial != nullptr && trial->liveScore != nullptr && trial->liveScore->tracked) {
    in.bodyScore = trial->liveScore;  // the hands keep the mirror model's cell errors
    in.scoreGroupNames = trial->scoreGroupNames;
  }
  if (options.handMeshes) handMeshes.useIn(in);
  buildFrameDescription(in, frame);
  frame.panel.clear();  // the Lesson panel shows the stage and the coach's words
  ViewKind view = frame.view;
  if (!controls.followModelView && controls.view == ViewKind::Side) view = frame.view = ViewKind::Side;
  const VkExtent2D extent = swapchain->extent();
  const float aspect = extent.height > 0 ? static_cast<float>(extent.width) / static_cast<float>(extent.height) : 1.0f;
  const Frame* shownExpert = placedForView(in.expert, in.bodyStart, in.bodySkeleton, viewExpert);
  const Frame* shownLearner = placedForView(in.learner, in.learnerBodyStart, in.learnerBodySkeleton, viewLearner);
  eyeViewsFor(view, shownLearner, shownExpert, false, aspect, eyes);
  // The orbit camera turns the view about what it looks at.
  const glm::vec3 target = lookTarget(shownLearner, shownExpert);
  EyeView& e = eyes[0];
  glm::vec3 offset = e.T_world_eye.position - target;
  const glm::quat yaw = glm::angleAxis(orbitYaw, glm::vec3(0.0f, 1.0f, 0.0f));
  const glm::vec3 right = glm::normalize(glm::cross(glm::vec3(0.0f, 1.0f, 0.0f), offset) + glm::vec3(1e-6f, 0.0f, 0.0f));
  const glm::quat pitch = glm::angleAxis(orbitPitch, right);
  offset = yaw * (pitch * offset) * zoom;
  e.T_world_eye.position = target + offset;
  e.T_world_eye.orientation = lookRotation(offset, glm::vec3(0.0f, 1.0f, 0.0f));
}

bool DesktopSession::Impl::showFrame(const FeedbackState& guidance) {
  DesktopFrameTime time;
  const Clock::time_point start = Clock::now();
  if (shown > 0) time.sessionMs = std::chrono::duration<double, std::milli>(start - lastFrameEnd).count();
  glfwPollEvents();
  if (glfwWindowShouldClose(window)) controls.quit = true;
  applyScript();
  if (failure) return false;
  while (!pendingKeys.empty()) {
    const int k = pendingKeys.front();
    pendingKeys.pop_front();
    onKey(k & 0xffff, (k >> 16) != 0);
  }
  ImGui_ImplGlfw_NewFrame();
  if (scriptMouse) {
    ImGuiIO& io = ImGui::GetIO();
    io.MousePos = scriptMousePos;
    io.MouseDown[0] = scriptMouseDown;
  }
  compose(guidance);
  if (!eyes.empty()) applyMouse(eyes[0]);
  time.composeMs = msSince(start);
  Clock::time_point phase = Clock::now();
  auto acquired = swapchain->acquire();
  if (!acquired) {
    failure = acquired.error();
    return false;
  }
  time.acquireMs = msSince(phase);
  if (acquired->target != nullptr) {
    const ViewTarget vt{eyes[0], acquired->target};
    panelsMs = 0.0;
    phase = Clock::now();
    if (Status s = renderer->draw(frame, std::span<const ViewTarget>(&vt, 1), acquired->sync); !s) {
      failure = s.error();
      return false;
    }
    time.drawMs = msSince(phase);
    time.panelsMs = panelsMs;
    phase = Clock::now();
    if (Status s = swapchain->present(*acquired); !s) {
      failure = s.error();
      return false;
    }
    time.presentMs = msSince(phase);
  }
  time.gpuMs = renderer->lastTimings().gpuMs;
  lastFrameEnd = Clock::now();
  time.totalMs = shown > 0 ? time.sessionMs + std::chrono::duration<double, std::milli>(lastFrameEnd - start).count() : msSince(start);
  if (options.frameTimes) frameTimes.push_back(time);
  ++shown;
  model.framesRecorded = shown;
  if (controls.quit) stopReason = "window closed";
  if (options.frames > 0 && shown >= options.frames) stopReason = std::to_string(shown) + " frames shown";
  return stopReason.empty();
}

}  // namespace mimesis
