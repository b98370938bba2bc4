// Renderer tests on the machine's Vulkan device (lavapipe in CI) with validation layers on:
// every picture is compared with a golden image and every test requires zero validation messages.
#include <gtest/gtest.h>

#include "RenderFixture.hpp"

namespace mimesis::test {
namespace {

class RendererTest : public ::testing::Test {
 protected:
  void SetUp() override {
    GpuEnvironment& env = GpuEnvironment::get();
    ASSERT_NE(env.context, nullptr) << env.error;
    ctx = env.context.get();
    ctx->clearValidationMessages();
    auto r = Renderer::create(*ctx);
    ASSERT_TRUE(r) << r.error().describe();
    renderer = std::move(*r);
  }
  void TearDown() override {
    renderer.reset();
    if (ctx != nullptr) {
      for (const std::string& m : ctx->validationMessages()) ADD_FAILURE() << m;
    }
  }
  RgbaImage render(const FrameDescription& frame, const std::vector<EyeView>& eyes, VkExtent2D size) {
    std::vector<std::unique_ptr<RenderTarget>> targets;
    std::vector<ViewTarget> views;
    for (const EyeView& e : eyes) {
      TargetDesc d;
      d.extent = size;
      auto t = renderer->createTarget(d);
      EXPECT_TRUE(t) << t.error().describe();
      if (!t) return {};
      views.push_back({e, t->get()});
      targets.push_back(std::move(*t));
    }
    Status s = renderer->draw(frame, views);
    EXPECT_TRUE(s) << s.error().describe();
    std::vector<RgbaImage> images;
    for (const auto& t : targets) {
      auto im = renderer->readback(*t);
      EXPECT_TRUE(im) << im.error().describe();
      if (im) images.push_back(std::move(*im));
    }
    return images.size() == 1 ? images[0] : sideBySide(images);
  }

  VulkanContext* ctx = nullptr;
  std::unique_ptr<Renderer> renderer;
};

const glm::vec4 kSkin{0.85f, 0.62f, 0.5f, 1.0f};
const glm::vec4 kGhost{0.55f, 0.75f, 1.0f, 1.0f};

TEST_F(RendererTest, FirstPersonHandAndGhost) {
  FrameDescription f;
  f.hands.push_back(restHand(Hand::Right, {0.12f, 1.05f, -0.30f}, kSkin));
  f.hands.push_back(restHand(Hand::Right, {0.14f, 1.07f, -0.33f}, kGhost, 0.5f));
  f.panel = {"stage: guided", "trial 3"};
  const EyeView eye = lookAt({0.0f, 1.45f, 0.05f}, {0.1f, 1.05f, -0.38f}, 320.0f / 240.0f);
  const RgbaImage im = render(f, {eye}, {320, 240});
  expectMatchesGolden(im, "first-person");
}

}  // namespace
}  // namespace mimesis::test
