// The desktop window loop inside a HandSource (see DesktopSession.hpp).
// Section index: window and GPU set-up; input (keys, mouse, script); composing and drawing a
// frame; the HandSource calls; screenshots.
#include "mimesis/desktop/DesktopSession.hpp"

#include "mimesis/stills/HandMeshSet.hpp"

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <deque>
#include <filesystem>
#include <optional>

#include "mimesis/core/LoadedModules.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion/HandShapePresets.hpp"
#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"
#include "mimesis/render/Renderer.hpp"
#include "mimesis/render/WindowSwapchain.hpp"
#include "mimesis/session/BodyPlacement.hpp"
#include "mimesis/session/FrameBuilder.hpp"
#include "mimesis/session/ViewCameras.hpp"
#include "mimesis/sim/PuppetHandSource.hpp"
#include "mimesis/ui/DesktopPanels.hpp"
#include "mimesis/ui/TimelinePanel.hpp"

#include "DesktopAuthoring.hpp"

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

  ~Impl() {
    swapchain.reset();
    renderer.reset();
    if (surface != VK_NULL_HANDLE) vkDestroySurfaceKHR(context->instance(), surface, nullptr);
    context.reset();
    if (imguiGlfwReady) ImGui_ImplGlfw_Shutdown();
    if (imguiReady) ImGui::DestroyContext();
    if (window != nullptr) glfwDestroyWindow(window);
    if (glfwReady) glfwTerminate();
  }

  // ---- input ---------------------------------------------------------------------------------

  void onKey(int key, bool shift) {
    PuppetHand& hand = puppet.hands[static_cast<std::size_t>(controls.activeHand)];
    switch (key) {
      case GLFW_KEY_SPACE: controls.paused = !controls.paused; break;
      case GLFW_KEY_V:
        controls.followModelView = false;
        controls.view = static_cast<ViewKind>((static_cast<int>(controls.view) + 1) % 3);
        break;
      case GLFW_KEY_M: controls.followModelView = true; break;
      case GLFW_KEY_LEFT_BRACKET: controls.speed = std::max(0.25f, controls.speed * 0.5f); break;
      case GLFW_KEY_RIGHT_BRACKET: controls.speed = std::min(4.0f, controls.speed * 2.0f); break;
      case GLFW_KEY_TAB: controls.activeHand = 1 - controls.activeHand; break;
      case GLFW_KEY_1: case GLFW_KEY_2: case GLFW_KEY_3: case GLFW_KEY_4: case GLFW_KEY_5: {
        float& c = hand.shape.curl[static_cast<std::size_t>(key - GLFW_KEY_1)];
        c = std::clamp(c + (shift ? -0.25f : 0.25f), 0.0f, 1.0f);
        break;
      }
      case GLFW_KEY_F: if (auto s = handShapePreset("fist")) hand.shape = *s; break;
      case GLFW_KEY_O: if (auto s = handShapePreset("open")) hand.shape = *s; break;
      case GLFW_KEY_P: if (auto s = handShapePreset("point")) hand.shape = *s; break;
      case GLFW_KEY_H: case GLFW_KEY_F1: controls.showHelp = !controls.showHelp; break;
      case GLFW_KEY_ESCAPE: controls.quit = true; break;
      default: break;
    }
  }

  static int keyFromName(const std::string& name, bool& shift) {
    shift = name.rfind("shift+", 0) == 0;
    const std::string k = shift ? name.substr(6) : name;
    if (k == "space") return GLFW_KEY_SPACE;
    if (k == "tab") return GLFW_KEY_TAB;
    if (k == "esc") return GLFW_KEY_ESCAPE;
    if (k == "[") return GLFW_KEY_LEFT_BRACKET;
    if (k == "]") return GLFW_KEY_RIGHT_BRACKET;
    if (k.size() == 1 && k[0] >= '1' && k[0] <= '5') return GLFW_KEY_1 + (k[0] - '1');
    if (k.size() == 1 && k[0] >= 'a' && k[0] <= 'z') return GLFW_KEY_A + (k[0] - 'a');
    return GLFW_KEY_UNKNOWN;
  }

  void applyScript() {
    if (scriptRelease) {
      scriptMouseDown = false;
      scriptRelease = false;
    }
    static const char* fingers[kFingerCount] = {"thumb", "index", "middle", "ring", "little"};
    while (nextEvent < options.script.size() && options.script[nextEvent].frame <= shown) {
      const ScriptEvent& e = options.script[nextEvent++];
      PuppetHand& hand = puppet.hands[static_cast<std::size_t>(controls.activeHand)];
      if (isAuthoringAction(e.action)) {
        Status st = options.authoring != nullptr
                        ? applyAuthoringEvent(e, *options.authoring, lesson->clip.duration(), controls)
                        : Status(makeError(ErrorCode::BadInput, "'" + e.action + "' is an authoring action (mimesis author --desktop)",
                                           "input script, frame " + std::to_string(e.frame)));
        if (!st && !failure) failure = st.error();
      } else if (e.action == "key") {
        bool shift = false;
        onKey(keyFromName(e.name, shift), shift);
      } else if (e.action == "move" || e.action == "click") {
        scriptMouse = true;
        scriptMousePos = ImVec2(static_cast<float>(e.x), static_cast<float>(e.y));
        if (e.action == "click") {
          scriptMouseDown = true;
          scriptRelease = true;
        }
      } else if (e.action == "wrist") {
        hand.p_world_wrist = glm::vec3(static_cast<float>(e.x), static_cast<float>(e.y), static_cast<float>(e.z));
      } else if (e.action == "curl") {
        for (int f = 0; f < kFingerCount; ++f)
          if (e.name == fingers[f]) hand.shape.curl[static_cast<std::size_t>(f)] = static_cast<float>(e.x);
      }
    }
  }

  // Mouse outside the panels: right drag moves the puppet's active wrist (Shift: depth), left
  // drag orbits the camera, the wheel zooms (scroll arrives through ImGui's IO).
  void applyMouse(const EyeView& eye) {
    double x = 0.0, y = 0.0;
    glfwGetCursorPos(window, &x, &y);
    const float dx = static_cast<float>(x - lastX), dy = static_cast<float>(y - lastY);
    lastX = x;
    lastY = y;
    const ImGuiIO& io = ImGui::GetIO();
    if (io.WantCaptureMouse) return;
    const bool shift = glfwGetKey(window, GLFW_KEY_LEFT_SHIFT) == GLFW_PRESS;
    if (glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_RIGHT) == GLFW_PRESS) {
      PuppetHand& hand = puppet.hands[static_cast<std::size_t>(controls.activeHand)];
      const glm::vec3 right = eye.T_world_eye.rotate({1.0f, 0.0f, 0.0f});
      const glm::vec3 up = eye.T_world_eye.rotate({0.0f, 1.0f, 0.0f});
      const glm::vec3 forward = eye.T_world_eye.rotate({0.0f, 0.0f, -1.0f});
      const float s = 0.0012f;
      hand.p_world_wrist += shift ? forward * (-dy * s) : right * (dx * s) + up * (-dy * s);
    }
    if (glfwGetMouseButton(window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) {
      orbitYaw -= dx * 0.005f;
      orbitPitch = std::clamp(orbitPitch - dy * 0.005f, -1.2f, 1.2f);
    }
    if (io.MouseWheel != 0.0f) zoom = std::clamp(zoom * std::pow(0.9f, io.MouseWheel), 0.3f, 3.0f);
  }

  // ---- composing and drawing -----------------------------------------------------------------

  void compose(const FeedbackState& guidance) {
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

  // One displayed frame. Returns false when the user or the frame budget ends the session.
  bool showFrame(const FeedbackState& guidance) {
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
};

// ---- set-up ----------------------------------------------------------------------------------

DesktopSession::DesktopSession() : impl_(std::make_unique<Impl>()) {}
DesktopSession::~DesktopSession() = default;

Result<std::unique_ptr<DesktopSession>> DesktopSession::create(const Lesson& lesson, std::unique_ptr<HandSource> inner,
                                                               std::string sourceName, const DesktopOptions& options) {
  std::unique_ptr<DesktopSession> d(new DesktopSession());
  Impl& s = *d->impl_;
  s.lesson = &lesson;
  s.options = options;
  s.inner = std::move(inner);
  s.controls.puppet = s.inner ? nullptr : &s.puppet;
  s.model.lessonName = lesson.name;
  s.model.sourceName = std::move(sourceName);
  // Folder and file only: the panel stays readable (and screenshots stable) wherever it runs.
  const std::filesystem::path rec(options.recordingPath);
  s.model.recordingPath = (rec.parent_path().filename() / rec.filename()).string();
  s.model.expertDuration = lesson.clip.duration();
  // The scene's default view: facing and first-person follow the mirror model, which starts in
  // it (Lesson.cpp sets perspective.home); the side camera is a display override from the first
  // frame.
  if (lesson.view == LessonView::Side) {
    s.controls.followModelView = false;
    s.controls.view = ViewKind::Side;
  }
  for (const Segment& seg : lesson.clip.segments) s.model.segmentNames.push_back(seg.name);

  // GLFW, Xlib extensions and the driver's WSI load libraries of their own; they stay loaded
  // (LoadedModules.hpp says why).
  const PinModulesLoadedInScope keepWindowLibrariesLoaded;
  if (glfwInit() != GLFW_TRUE)
    return makeError(ErrorCode::Device, "cannot open a window: glfwInit failed (no display? set DISPLAY or use xvfb-run)", "desktop");
  s.glfwReady = true;
  if (glfwVulkanSupported() != GLFW_TRUE)
    return makeError(ErrorCode::Device, "GLFW finds no Vulkan loader", "glfwVulkanSupported");
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  s.window = glfwCreateWindow(options.width, options.height, ("Mimesis — " + lesson.name).c_str(), nullptr, nullptr);
  if (s.window == nullptr) return makeError(ErrorCode::Device, "glfwCreateWindow failed", "desktop");
  glfwSetWindowUserPointer(s.window, &s);
  // Our key handler first; ImGui's backend chains to it (installed after, with callbacks on).
  glfwSetKeyCallback(s.window, [](GLFWwindow* w, int key, int, int action, int mods) {
    auto* impl = static_cast<Impl*>(glfwGetWindowUserPointer(w));
    if (action != GLFW_PRESS || ImGui::GetCurrentContext() == nullptr || ImGui::GetIO().WantCaptureKeyboard) return;
    impl->pendingKeys.push_back(key | ((mods & GLFW_MOD_SHIFT) != 0 ? 1 << 16 : 0));
  });

  VulkanContextOptions co;
  co.validation = options.validate;
  co.swapchain = true;
  std::uint32_t count = 0;
  const char** extensions = glfwGetRequiredInstanceExtensions(&count);
  for (std::uint32_t i = 0; i < count; ++i) co.instanceExtensions.emplace_back(extensions[i]);
  auto context = VulkanContext::create(co);
  if (!context) return context.error();
  s.context = std::move(*context);
  if (VkResult r = glfwCreateWindowSurface(s.context->instance(), s.window, nullptr, &s.surface); r != VK_SUCCESS)
    return makeError(ErrorCode::Device, "glfwCreateWindowSurface failed (VkResult " + std::to_string(r) + ")", "desktop");

  ImGui::CreateContext();
  s.imguiReady = true;
  ImGui::GetIO().IniFilename = nullptr;
  ImGui::StyleColorsDark();
  if (!ImGui_ImplGlfw_InitForVulkan(s.window, true))
    return makeError(ErrorCode::Device, "ImGui_ImplGlfw_InitForVulkan failed", "desktop");
  s.imguiGlfwReady = true;

  auto renderer = Renderer::create(*s.context);
  if (!renderer) return renderer.error();
  s.renderer = std::move(*renderer);
  GLFWwindow* window = s.window;
  auto swapchain = WindowSwapchain::create(*s.context, *s.renderer, s.surface, [window] {
    int w = 0, h = 0;
    glfwGetFramebufferSize(window, &w, &h);
    return VkExtent2D{static_cast<std::uint32_t>(std::max(w, 0)), static_cast<std::uint32_t>(std::max(h, 0))};
  });
  if (!swapchain) return swapchain.error();
  s.swapchain = std::move(*swapchain);
  glfwSetFramebufferSizeCallback(s.window, [](GLFWwindow* w, int, int) {
    static_cast<Impl*>(glfwGetWindowUserPointer(w))->swapchain->markResized();
  });
  s.renderer->setUiBuilder([&s] {
    const Impl::Clock::time_point start = Impl::Clock::now();
    drawDesktopPanels(s.model, s.controls);
    if (s.options.authoring != nullptr) {
      TimelineModel tm;
      tm.takeDuration = s.lesson->clip.duration();
      tm.playhead = s.model.expertTime;
      tm.takeName = s.lesson->name;
      drawTimelinePanel(tm, *s.options.authoring, s.controls);
    }
    s.panelsMs += Impl::msSince(start);
  });

  if (options.handMeshes)
    if (Status st = s.handMeshes.load(options.assetsDir, *s.renderer); !st) return st.error();
  return d;
}

// ---- the HandSource calls --------------------------------------------------------------------

Status DesktopSession::beginTrial(const TrialContext& context) {
  Impl& s = *impl_;
  if (s.failure) return *s.failure;
  if (!s.stopReason.empty()) return makeError(ErrorCode::BadInput, "stopped: " + s.stopReason, "desktop");
  s.trial = &context;
  return s.inner ? s.inner->beginTrial(context) : s.puppetSource.beginTrial(context);
}

bool DesktopSession::poll(double trialTime, const FeedbackState& guidance, Frame& out) {
  Impl& s = *impl_;
  if (!s.stopReason.empty() || s.failure) return false;
  HandSource& source = s.inner ? *s.inner : static_cast<HandSource&>(s.puppetSource);
  // Paused: keep showing (and reacting) without advancing the session.
  while (s.controls.paused) {
    if (!s.showFrame(guidance)) return false;
  }
  s.controls.scrubbing = false;
  if (!source.poll(trialTime, guidance, out)) return false;
  s.learner = out;
  s.haveLearner = true;
  if (!s.learnerBodyStart && !out.body.empty() && out.body.front().positionValid()) s.learnerBodyStart = out;
  s.trialTime = trialTime;
  if (s.trial != nullptr && s.trial->expertShown != nullptr && !s.trial->expertShown->frames.empty()) {
    sampleClip(*s.trial->expertShown, s.trial->expertShown->frames.front().time + trialTime, s.expert);
    s.model.expertTime = s.trial->expertStart + trialTime * s.trial->tempo;
  }
  // Speed: below 1 each session frame is shown several times, above 1 some are not shown.
  s.speedCredit += 1.0 / std::clamp(static_cast<double>(s.controls.speed), 0.25, 4.0);
  while (s.speedCredit >= 1.0 - 1e-9) {
    s.speedCredit -= 1.0;
    if (!s.showFrame(guidance)) return false;
  }
  return true;
}

void DesktopSession::endTrial() {
  Impl& s = *impl_;
  if (s.inner) s.inner->endTrial();
  s.trial = nullptr;
}

LessonObserver DesktopSession::observer() {
  Impl* s = impl_.get();
  LessonObserver o;
  o.afterStep = [s](const SessionRunner& runner) {
    DesktopModel& m = s->model;
    m.state = runner.state();
    m.estimates = runner.model().estimates();
    m.sessionTime += runner.frameInterval();
    double sum = 0.0;
    int n = 0;
    for (std::size_t c = 0; c < m.estimates.liveError.size(); ++c)
      if (m.estimates.liveValid[c] && std::isfinite(m.estimates.liveError[c])) {
        sum += m.estimates.liveError[c];
        ++n;
      }
    m.liveScore.push_back(n > 0 ? static_cast<float>(std::clamp(100.0 * (1.0 - 0.5 * sum / n), 0.0, 100.0)) : 0.0f);
    while (m.liveScore.size() > 300) m.liveScore.pop_front();
  };
  o.afterTrial = [s](const SessionRunner& runner, const TrialRecord& rec) {
    if (rec.performed) s->model.trialScores.push_back(rec.score);
    s->model.segmentMastery.clear();
    const int segments = std::max<int>(1, static_cast<int>(s->lesson->clip.segments.size()));
    for (int g = 0; g < segments; ++g)
      s->model.segmentMastery.push_back(
          runner.model().policy().segmentMastery(runner.model().observer(), stageGuided(runner.state().stage), g));
  };
  return o;
}

const std::string& DesktopSession::stopReason() const { return impl_->stopReason; }
const std::optional<Error>& DesktopSession::failure() const { return impl_->failure; }
long DesktopSession::framesShown() const { return impl_->shown; }
const std::vector<DesktopFrameTime>& DesktopSession::frameTimes() const { return impl_->frameTimes; }
std::vector<std::string> DesktopSession::validationMessages() const { return impl_->context->validationMessages(); }

// ---- screenshots -----------------------------------------------------------------------------

Status DesktopSession::writeScreenshot(const std::string& path) {
  Impl& s = *impl_;
  // The same frame description and panels, drawn offscreen in the window's format and size.
  TargetDesc d;
  d.format = s.swapchain->format();
  d.extent = s.swapchain->extent();
  if (d.extent.width == 0 || d.extent.height == 0) return makeError(ErrorCode::Device, "the window is minimised", path);
  auto target = s.renderer->createTarget(d);
  if (!target) return target.error();
  if (s.eyes.empty()) return makeError(ErrorCode::Internal, "nothing was shown yet", path);
  ImGui_ImplGlfw_NewFrame();
  if (s.scriptMouse) {
    ImGui::GetIO().MousePos = s.scriptMousePos;
    ImGui::GetIO().MouseDown[0] = false;
  }
  const ViewTarget vt{s.eyes[0], target->get()};
  if (Status st = s.renderer->draw(s.frame, std::span<const ViewTarget>(&vt, 1)); !st) return st;
  auto image = s.renderer->readback(**target);
  if (!image) return image.error();
  return writePng(path, *image);
}

}  // namespace mimesis
