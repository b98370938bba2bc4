// Test support for the renderer: a validated Vulkan context on whatever device the machine has
// (lavapipe in CI), a fixture owning a renderer on it, synthetic hands, eye views, golden-image
// comparison, and `mimesis render` run end to end.
#pragma once

#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <memory>
#include <string>

#include "mimesis/frame/FrameDescription.hpp"
#include "mimesis/motion/HandSkeleton.hpp"
#include "mimesis/render/Renderer.hpp"
#include "mimesis/render/RgbaImage.hpp"
#ifdef MIMESIS_BINARY
#include "RunCommand.hpp"
#endif

namespace mimesis::test {

// One context per test binary: creating Vulkan instances is slow on lavapipe.
struct GpuEnvironment {
  std::unique_ptr<VulkanContext> context;
  std::string error;
  static GpuEnvironment& get() {
    static GpuEnvironment env = [] {
      GpuEnvironment e;
      VulkanContextOptions o;
      o.validation = true;
      auto c = VulkanContext::create(o);
      if (c) e.context = std::move(*c);
      else e.error = c.error().describe();
      return e;
    }();
    return env;
  }
};

// A renderer on the shared context; a test fails on any validation message it caused.
class RendererFixture : public ::testing::Test {
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
    if (ctx != nullptr)
      for (const std::string& m : ctx->validationMessages()) ADD_FAILURE() << m;
  }
  VulkanContext* ctx = nullptr;
  std::unique_ptr<Renderer> renderer;
};

// A hand in the OpenXR rest shape, wrist at `p_wrist`, fingers towards -Z, palm down, every
// joint coloured `colour`.
inline DrawnHand restHand(Hand side, const glm::vec3& p_wrist, const glm::vec4& colour, float opacity = 1.0f) {
  DrawnHand d;
  std::array<glm::vec3, kHandJointCount> p{};
  const auto& rest = restPositionsRight();
  for (int j = 0; j < kHandJointCount; ++j) {
    glm::vec3 q = rest[static_cast<std::size_t>(j)];
    if (side == Hand::Left) q.x = -q.x;
    p[static_cast<std::size_t>(j)] = p_wrist + q;
  }
  Pose wrist;
  wrist.position = p_wrist;
  handFromPositions(p, wrist, side, d.pose);
  d.opacity = opacity;
  d.jointColour.fill(colour);
  return d;
}

// A camera at `eye` looking at `target` with a symmetric vertical field of `fovYDeg`.
inline EyeView lookAt(const glm::vec3& eye, const glm::vec3& target, float aspect, float fovYDeg = 50.0f) {
  EyeView v;
  v.T_world_eye.position = eye;
  // lookRotation takes +Z to its argument; OpenXR eyes look down -Z.
  v.T_world_eye.orientation = lookRotation(eye - target, glm::vec3(0.0f, 1.0f, 0.0f));
  const float half = glm::radians(fovYDeg) * 0.5f;
  const float halfX = std::atan(std::tan(half) * aspect);
  v.fov = {-halfX, halfX, half, -half};
  return v;
}

inline std::string goldenPath(const std::string& name) {
  return std::string(MIMESIS_SOURCE_DIR) + "/tests/render/golden/" + name + ".png";
}
inline std::string outputPath(const std::string& name) {
  const std::string dir = std::string(MIMESIS_BINARY_DIR) + "/render-output";
  std::filesystem::create_directories(dir);
  return dir + "/" + name + ".png";
}

// Compares with the golden image (MIMESIS_UPDATE_GOLDEN=1 rewrites it). The rendered image is
// always written under the build folder for inspection. Tolerance: lavapipe is deterministic,
// but a different LLVM or Mesa may move edges by a pixel, so small per-pixel differences and a
// small fraction of differing pixels pass.
inline void expectMatchesGolden(const RgbaImage& image, const std::string& name) {
  ASSERT_TRUE(writePng(outputPath(name), image));
  const std::string golden = goldenPath(name);
  if (const char* update = std::getenv("MIMESIS_UPDATE_GOLDEN"); update != nullptr && std::string(update) == "1") {
    ASSERT_TRUE(writePng(golden, image));
    return;
  }
  auto expected = readPng(golden);
  ASSERT_TRUE(expected) << expected.error().describe() << " (run with MIMESIS_UPDATE_GOLDEN=1 to create it)";
  const ImageDifference d = compareImages(image, *expected, 24);
  EXPECT_TRUE(d.sameSize) << name;
  EXPECT_LE(d.differingFraction, 0.005) << name << ": max channel delta " << d.maxChannelDelta << ", mean "
                                        << d.meanAbsDelta << "; see " << outputPath(name);
  EXPECT_LE(d.meanAbsDelta, 1.0) << name;
}

#ifdef MIMESIS_BINARY
inline const std::string kRenderScene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/pinch-and-release.json";

// `mimesis render` of the default scene with `args`, validation on (any message fails), read back.
inline RgbaImage renderCli(const std::string& name, const std::string& args) {
  const auto dir = mimesis::testing::scratchDir("render-" + name);
  const std::string png = (dir / (name + ".png")).string();
  const auto r = mimesis::testing::runCommand(
      std::string(MIMESIS_BINARY) + " render '" + kRenderScene + "' --out '" + png + "' --validate " + args, dir);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(r.err, "") << "validation or other messages";
  auto image = readPng(png);
  EXPECT_TRUE(image) << (image ? "" : image.error().describe());
  return image ? *image : RgbaImage{};
}
#endif

}  // namespace mimesis::test
