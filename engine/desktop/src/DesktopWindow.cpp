// The desktop session's set-up and teardown: the GLFW window, the Vulkan context, surface,
// renderer and swapchain, Dear ImGui and its GLFW backend, the panels' builder and the hand
// meshes (see DesktopSessionState.hpp).
#include "DesktopSessionState.hpp"

#include <imgui_impl_glfw.h>

#include <algorithm>
#include <filesystem>

#include "mimesis/core/LoadedModules.hpp"
#include "mimesis/ui/TimelinePanel.hpp"

namespace mimesis {

DesktopSession::Impl::~Impl() {
  swapchain.reset();
  renderer.reset();
  if (surface != VK_NULL_HANDLE) vkDestroySurfaceKHR(context->instance(), surface, nullptr);
  context.reset();
  if (imguiGlfwReady) ImGui_ImplGlfw_Shutdown();
  if (imguiReady) ImGui::DestroyContext();
  if (window != nullptr) glfwDestroyWindow(window);
  if (glfwReady) glfwTerminate();
}

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

}  // namespace mimesis
