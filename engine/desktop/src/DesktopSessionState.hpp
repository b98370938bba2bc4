// DesktopSession::Impl: the state the desktop window loop keeps between frames, shared by the
// files that make up the session: DesktopWindow.cpp (window, GPU and ImGui set-up and
// teardown), DesktopInput.cpp (keys, mouse, the input script), DesktopFrameLoop.cpp (composing,
// drawing and timing one displayed frame) and DesktopSession.cpp (the HandSource calls, the
// panels' observer, screenshots).
#pragma once

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>

#include <chrono>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "mimesis/desktop/DesktopSession.hpp"
#include "mimesis/render/Renderer.hpp"
#include "mimesis/render/WindowSwapchain.hpp"
#include "mimesis/sim/PuppetHandSource.hpp"
#include "mimesis/stills/HandMeshSet.hpp"
#include "mimesis/ui/DesktopPanels.hpp"

namespace mimesis {

struct DesktopSession::Impl {
  const Lesson* lesson = nullptr;
  DesktopOptions options;
  std::unique_ptr<HandSource> inner;   // null: the puppet
  PuppetState puppet = defaultPuppet();
  PuppetHandSource puppetSource{&puppet};

  GLFWwindow* window = nullptr;
  bool glfwReady = false, imguiReady = false, imguiGlfwReady = false;
  std::unique_ptr<VulkanContext> context;
  VkSurfaceKHR surface = VK_NULL_HANDLE;
  std::unique_ptr<Renderer> renderer;
  std::unique_ptr<WindowSwapchain> swapchain;

  DesktopModel model;
  DesktopControls controls;
  FrameDescription frame;
  std::vector<EyeView> eyes;
  const TrialContext* trial = nullptr;
  Frame expert, learner, preview, viewExpert, viewLearner;
  bool haveLearner = false;
  std::optional<Frame> learnerBodyStart;  // the first learner frame with a body: places it
  double trialTime = 0.0;
  double speedCredit = 0.0;
  long shown = 0;
  std::size_t nextEvent = 0;
  bool scriptMouseDown = false, scriptRelease = false, scriptMouse = false;
  ImVec2 scriptMousePos{0.0f, 0.0f};
  float orbitYaw = 0.0f, orbitPitch = 0.0f, zoom = 1.0f;
  double lastX = 0.0, lastY = 0.0;
  std::deque<int> pendingKeys;  // GLFW keys pressed since the last frame (shift in bit 16)
  std::string stopReason;
  std::optional<Error> failure;
  HandMeshSet handMeshes;  // --hand-mesh
  // Frame times (--frame-times): one entry per displayed frame.
  using Clock = std::chrono::steady_clock;
  std::vector<DesktopFrameTime> frameTimes;
  Clock::time_point lastFrameEnd{};
  double panelsMs = 0.0;  // the panels' building in the current frame
  static double msSince(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

  // Releases the GPU objects, ImGui and the window in reverse creation order (DesktopWindow.cpp).
  ~Impl();

  // ---- input (DesktopInput.cpp) ----
  // One key press: pause, views, speed, the puppet's active hand and its shape, help, quit.
  void onKey(int key, bool shift);
  // A script's key name ("space", "shift+1", "]") as a GLFW key; GLFW_KEY_UNKNOWN if none.
  static int keyFromName(const std::string& name, bool& shift);
  // The input script's events due at the current displayed frame.
  void applyScript();
  // Mouse outside the panels: right drag moves the puppet's active wrist (Shift: depth), left
  // drag orbits the camera, the wheel zooms (scroll arrives through ImGui's IO).
  void applyMouse(const EyeView& eye);

  // ---- composing and drawing (DesktopFrameLoop.cpp) ----
  // The frame description and the orbit camera's eye for the current state.
  void compose(const FeedbackState& guidance);
  // One displayed frame. Returns false when the user or the frame budget ends the session.
  bool showFrame(const FeedbackState& guidance);
};

}  // namespace mimesis
