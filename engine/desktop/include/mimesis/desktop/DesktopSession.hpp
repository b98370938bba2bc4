// DesktopSession: the desktop front end as a HandSource. The shared lesson driver
// (runHeadlessLesson) asks it for the learner's hands each session frame; before answering it
// shows the frame in a GLFW window — the expert as the session shows it, the learner's hands (a
// puppet, a recording or a simulated learner), the Dear ImGui panels — and handles input. So the
// desktop runs exactly the pipeline and stage flow of the headless and headset front ends.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mimesis/desktop/DesktopFrameTimes.hpp"
#include "mimesis/desktop/DesktopScript.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/session/HandSource.hpp"
#include "mimesis/session/Lesson.hpp"
#include "mimesis/session/SessionRunner.hpp"

namespace mimesis {

struct AuthoringSpec;  // mimesis/authoring/AuthoringSpec.hpp

struct DesktopOptions {
  int width = 1280, height = 800;
  long frames = 0;                 // displayed frames before stopping (0: until the window closes)
  std::string screenshot;          // PNG of the last displayed frame (with --frames)
  std::vector<ScriptEvent> script;
  bool validate = false;           // Vulkan validation; messages are reported at the end
  bool frameTimes = false;         // keep each displayed frame's times (DesktopFrameTimes.hpp)
  bool handMeshes = false;
  std::string assetsDir;
  std::string recordingPath;       // shown in the recording panel
  // Authoring (mimesis author --desktop): when set, the timeline panel edits this spec over the
  // lesson's clip (the take, drawn as the ghost) and the script's authoring actions apply to
  // it; borrowed, must outlive the session. Null in a lesson: authoring actions are an error.
  AuthoringSpec* authoring = nullptr;
};

class DesktopSession : public HandSource {
 public:
  // `inner` gives the learner's hands; null means the puppet. `lesson` is borrowed.
  static Result<std::unique_ptr<DesktopSession>> create(const Lesson& lesson, std::unique_ptr<HandSource> inner,
                                                        std::string sourceName, const DesktopOptions& options);
  ~DesktopSession() override;

  Status beginTrial(const TrialContext& context) override;
  bool poll(double trialTime, const FeedbackState& guidance, Frame& out) override;
  void endTrial() override;
  std::string stopRequest() const override { return stopReason(); }

  // Taps for LessonObserver: keep the panels' view of the session current.
  LessonObserver observer();

  // Why the session stopped early ("window closed", "N frames shown"), empty if it did not.
  const std::string& stopReason() const;
  // A failure inside the window loop (Vulkan, window system), which ends the lesson.
  const std::optional<Error>& failure() const;
  long framesShown() const;
  // Each displayed frame's phases (empty unless DesktopOptions::frameTimes).
  const std::vector<DesktopFrameTime>& frameTimes() const;
  std::vector<std::string> validationMessages() const;
  // Renders the current picture again into a PNG (after the lesson ended, for --screenshot).
  Status writeScreenshot(const std::string& path);

  struct Impl;

 private:
  DesktopSession();
  std::unique_ptr<Impl> impl_;
};

}  // namespace mimesis
