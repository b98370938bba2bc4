// The window target: a GLFW window on a virtual X display, frames presented through the
// swapchain, a resize that forces a rebuild, and no validation messages.
#include <gtest/gtest.h>

#define GLFW_INCLUDE_VULKAN
#include <GLFW/glfw3.h>

#include "RenderFixture.hpp"
#include "XvfbDisplay.hpp"
#include "mimesis/core/LoadedModules.hpp"
#include "mimesis/render/WindowSwapchain.hpp"

namespace mimesis::test {
namespace {

TEST(WindowSwapchainTest, PresentsFramesAndSurvivesAResize) {
  XvfbDisplay& display = XvfbDisplay::get();
  if (!display.ok()) {
    if (std::getenv("CI") != nullptr) FAIL() << display.why();
    GTEST_SKIP() << display.why();
  }
  // As in the desktop: what GLFW and the WSI load stays loaded, so LeakSanitizer can name it
  // (pinned once the swapchain exists, before glfwTerminate would unload it).
  const std::vector<std::string> modulesBefore = loadedModules();
  ASSERT_EQ(glfwInit(), GLFW_TRUE) << "glfwInit failed";
  ASSERT_EQ(glfwVulkanSupported(), GLFW_TRUE);
  glfwWindowHint(GLFW_CLIENT_API, GLFW_NO_API);
  GLFWwindow* window = glfwCreateWindow(320, 240, "mimesis swapchain test", nullptr, nullptr);
  ASSERT_NE(window, nullptr);

  VulkanContextOptions o;
  o.validation = true;
  o.swapchain = true;
  std::uint32_t count = 0;
  const char** extensions = glfwGetRequiredInstanceExtensions(&count);
  for (std::uint32_t i = 0; i < count; ++i) o.instanceExtensions.emplace_back(extensions[i]);
  auto ctx = VulkanContext::create(o);
  ASSERT_TRUE(ctx) << ctx.error().describe();
  VkSurfaceKHR surface = VK_NULL_HANDLE;
  ASSERT_EQ(glfwCreateWindowSurface((*ctx)->instance(), window, nullptr, &surface), VK_SUCCESS);
  {
    auto renderer = Renderer::create(**ctx);
    ASSERT_TRUE(renderer) << renderer.error().describe();
    auto swapchain = WindowSwapchain::create(**ctx, **renderer, surface, [window] {
      int w = 0, h = 0;
      glfwGetFramebufferSize(window, &w, &h);
      return VkExtent2D{static_cast<std::uint32_t>(w), static_cast<std::uint32_t>(h)};
    });
    ASSERT_TRUE(swapchain) << swapchain.error().describe();
    pinModulesLoadedSince(modulesBefore);
    EXPECT_EQ((*swapchain)->extent().width, 320u);

    FrameDescription f;
    f.hands.push_back(restHand(Hand::Right, {0.12f, 1.05f, -0.30f}, {0.85f, 0.62f, 0.5f, 1.0f}));
    f.panel = {"window test"};
    auto drawFrames = [&](int n) {
      for (int i = 0; i < n; ++i) {
        glfwPollEvents();
        auto frame = (*swapchain)->acquire();
        ASSERT_TRUE(frame) << frame.error().describe();
        if (frame->target == nullptr) continue;
        const VkExtent2D e = (*swapchain)->extent();
        const ViewTarget vt{lookAt({0.0f, 1.45f, 0.05f}, {0.1f, 1.05f, -0.38f},
                                   static_cast<float>(e.width) / static_cast<float>(e.height)),
                            frame->target};
        ASSERT_TRUE((*renderer)->draw(f, std::span<const ViewTarget>(&vt, 1), frame->sync));
        ASSERT_TRUE((*swapchain)->present(*frame));
      }
    };
    drawFrames(6);
    glfwSetWindowSize(window, 400, 300);
    for (int i = 0; i < 50; ++i) {
      glfwPollEvents();
      int w = 0, h = 0;
      glfwGetFramebufferSize(window, &w, &h);
      if (w == 400) break;
      glfwWaitEventsTimeout(0.02);
    }
    (*swapchain)->markResized();
    drawFrames(6);
    EXPECT_EQ((*swapchain)->extent().width, 400u);
    EXPECT_GE((*swapchain)->rebuilds(), 1);
    ASSERT_TRUE((*renderer)->finish());
  }
  vkDestroySurfaceKHR((*ctx)->instance(), surface, nullptr);
  for (const std::string& m : (*ctx)->validationMessages()) ADD_FAILURE() << m;
  ctx->reset();
  glfwDestroyWindow(window);
  glfwTerminate();
}

}  // namespace
}  // namespace mimesis::test
