// Renderer tests on the machine's Vulkan device (lavapipe in CI) with validation layers on:
// every picture is compared with a golden image and every test requires zero validation messages.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>

#include <glm/gtc/matrix_transform.hpp>

#include "SharedData.hpp"
#include "RenderFixture.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

namespace mimesis::test {
namespace {

class RendererTest : public RendererFixture {
 protected:
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

// Mean absolute difference from the background over the image (how much is drawn, and how strongly).
double inkAmount(const RgbaImage& im, const RgbaImage& background) {
  return compareImages(im, background, 0).meanAbsDelta;
}

TEST_F(RendererTest, GhostOpacityLevels) {
  const EyeView eye = lookAt({0.0f, 1.45f, 0.05f}, {0.12f, 1.05f, -0.38f}, 1.0f);
  FrameDescription empty;
  const RgbaImage background = render(empty, {eye}, {160, 160});
  std::vector<RgbaImage> levels;
  double previous = 0.0;
  for (float opacity : {0.15f, 0.45f, 0.9f}) {
    FrameDescription f;
    f.hands.push_back(restHand(Hand::Right, {0.14f, 1.07f, -0.33f}, kGhost, opacity));
    levels.push_back(render(f, {eye}, {160, 160}));
    const double ink = inkAmount(levels.back(), background);
    EXPECT_GT(ink, previous) << "opacity " << opacity;
    previous = ink;
  }
  FrameDescription hidden;
  hidden.hands.push_back(restHand(Hand::Right, {0.14f, 1.07f, -0.33f}, kGhost, 0.0f));
  EXPECT_EQ(compareImages(render(hidden, {eye}, {160, 160}), background, 0).maxChannelDelta, 0)
      << "opacity 0 must draw nothing";
  expectMatchesGolden(sideBySide(levels), "ghost-opacity");
}

// A blue-to-orange scale (colour-blind safe) along the fingers: error grows towards the tips.
TEST_F(RendererTest, PerJointErrorColouringAndHighlights) {
  FrameDescription f;
  DrawnHand h = restHand(Hand::Right, {0.05f, 1.05f, -0.30f}, kSkin);
  const glm::vec4 good{0.15f, 0.35f, 0.85f, 1.0f}, bad{0.95f, 0.55f, 0.1f, 1.0f};
  for (int j = 0; j < kHandJointCount; ++j) {
    const float t = static_cast<float>(j % 5) / 4.0f;
    h.jointColour[static_cast<std::size_t>(j)] = glm::mix(good, bad, t);
  }
  h.highlightedJoints = (1u << index(HandJoint::IndexTip)) | (1u << index(HandJoint::IndexDistal));
  f.hands.push_back(h);
  const EyeView eye = lookAt({0.05f, 1.42f, -0.05f}, {0.05f, 1.05f, -0.38f}, 4.0f / 3.0f);
  const RgbaImage im = render(f, {eye}, {240, 180});
  expectMatchesGolden(im, "error-colours");
}

// The facing model with a virtual mirror behind it: the learner's own hands appear in the glass.
TEST_F(RendererTest, MirrorShowsTheLearnersHands) {
  FrameDescription f;
  f.view = ViewKind::Mirror;
  f.hands.push_back(restHand(Hand::Right, {0.12f, 1.05f, -0.30f}, kSkin));
  f.hands.push_back(restHand(Hand::Left, {-0.12f, 1.05f, -0.30f}, kSkin));
  DrawnHand model = restHand(Hand::Right, {0.25f, 1.1f, -0.9f}, kGhost, 0.6f);
  model.reflect = false;
  f.hands.push_back(model);
  f.labels.push_back({{0.25f, 1.22f, -0.9f}, "R", {1.0f, 1.0f, 1.0f, 1.0f}});
  const EyeView eye = lookAt({0.0f, 1.5f, 0.1f}, {0.0f, 1.1f, -1.0f}, 4.0f / 3.0f, 60.0f);
  const RgbaImage without = render(f, {eye}, {240, 180});
  f.mirror.enabled = true;
  f.mirror.T_world_mirror.position = {-0.25f, 1.15f, -1.4f};
  f.mirror.halfSize = {0.45f, 0.35f};
  const RgbaImage with = render(f, {eye}, {240, 180});
  const ImageDifference d = compareImages(with, without, 8);
  EXPECT_GT(d.differingFraction, 0.05) << "the mirror should change a visible part of the picture";
  expectMatchesGolden(with, "mirror");
}

TEST_F(RendererTest, SideViewShowsDepth) {
  FrameDescription f;
  f.view = ViewKind::Side;
  f.hands.push_back(restHand(Hand::Right, {0.12f, 1.05f, -0.30f}, kSkin));
  f.hands.push_back(restHand(Hand::Right, {0.12f, 1.05f, -0.38f}, kGhost, 0.5f));
  const EyeView eye = lookAt({0.75f, 1.2f, -0.4f}, {0.12f, 1.05f, -0.4f}, 4.0f / 3.0f, 45.0f);
  expectMatchesGolden(render(f, {eye}, {240, 180}), "side");
}

// A whole body from real motion capture (CMU 01_01, ../shared/data) as capsules: the skeleton the
// facing model shows for body clips.
TEST_F(RendererTest, FullBodySkeletonFromMotionCapture) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  auto clip = loadClip(std::string(MIMESIS_SHARED_DATA_DIR) + "/cmu-bvh/01_01.bvh");
  ASSERT_TRUE(clip) << clip.error().describe();
  ASSERT_FALSE(clip->body.parents.empty());
  Frame frame;
  sampleClip(*clip, clip->frames.front().time + 1.0, frame);
  ASSERT_EQ(frame.body.size(), clip->body.parents.size());
  DrawnSkeleton body;
  glm::vec3 lo(1e9f), hi(-1e9f);
  for (std::size_t j = 0; j < frame.body.size(); ++j) {
    const bool ok = frame.body[j].positionValid();
    body.p_world.push_back(frame.body[j].pose.position);
    body.parents.push_back(clip->body.parents[j]);
    body.valid.push_back(ok);
    if (!ok) continue;
    lo = glm::min(lo, frame.body[j].pose.position);
    hi = glm::max(hi, frame.body[j].pose.position);
  }
  ASSERT_GT(hi.y - lo.y, 1.2f) << "a standing person, in metres";
  body.colour = kGhost;
  FrameDescription f;
  f.view = ViewKind::Mirror;
  f.bodies.push_back(body);
  const glm::vec3 centre = 0.5f * (lo + hi);
  const EyeView eye = lookAt(centre + glm::vec3(0.0f, 0.2f, 3.2f), centre, 4.0f / 3.0f, 45.0f);
  const RgbaImage picture = render(f, {eye}, {240, 180});
  const RgbaImage empty = render(FrameDescription{}, {eye}, {240, 180});
  EXPECT_GT(compareImages(picture, empty, 8).differingFraction, 0.02) << "the skeleton must be visible";
  expectMatchesGolden(picture, "body-skeleton");
}

// Two joints bend a tube: the vertices past the second joint follow its rotation on the GPU.
TEST_F(RendererTest, GpuSkinningBendsAMesh) {
  SkinnedMesh mesh;
  mesh.source = "synthetic tube";
  const int rings = 12, around = 12;
  for (int i = 0; i <= rings; ++i) {
    const float x = 0.4f * static_cast<float>(i) / rings;
    for (int k = 0; k < around; ++k) {
      const float a = 6.2831853f * static_cast<float>(k) / around;
      const glm::vec3 n(0.0f, std::cos(a), std::sin(a));
      mesh.positions.push_back(glm::vec3(x, 0.0f, 0.0f) + 0.03f * n);
      mesh.normals.push_back(n);
      mesh.uvs.emplace_back(0.0f);
      const float w1 = std::clamp((x - 0.15f) / 0.1f, 0.0f, 1.0f);
      mesh.joints.push_back({0, 1, 0, 0});
      mesh.weights.emplace_back(1.0f - w1, w1, 0.0f, 0.0f);
    }
  }
  for (int i = 0; i < rings; ++i)
    for (int k = 0; k < around; ++k) {
      const auto v = [&](int r, int c) { return static_cast<std::uint32_t>(r * around + (c % around)); };
      mesh.indices.insert(mesh.indices.end(), {v(i, k), v(i + 1, k), v(i + 1, k + 1), v(i, k), v(i + 1, k + 1), v(i, k + 1)});
    }
  mesh.jointNames = {"root", "elbow"};
  mesh.jointParents = {-1, 0};
  mesh.inverseBind = {glm::mat4(1.0f), glm::mat4(1.0f)};
  auto handle = renderer->addMesh(mesh);
  ASSERT_TRUE(handle) << handle.error().describe();

  glm::mat4 place(1.0f);
  place[3] = glm::vec4(-0.2f, 1.05f, -0.45f, 1.0f);
  glm::mat4 bend = glm::translate(glm::mat4(1.0f), glm::vec3(0.2f, 0.0f, 0.0f)) *
                   glm::rotate(glm::mat4(1.0f), glm::radians(50.0f), glm::vec3(0.0f, 0.0f, 1.0f)) *
                   glm::translate(glm::mat4(1.0f), glm::vec3(-0.2f, 0.0f, 0.0f));
  FrameDescription f;
  DrawnMesh straight;
  straight.mesh = *handle;
  straight.skin = {place, place};
  FrameDescription g = f;
  g.meshes.push_back(straight);
  DrawnMesh bent = straight;
  bent.skin = {place, place * bend};
  f.meshes.push_back(bent);
  const EyeView eye = lookAt({0.0f, 1.3f, 0.1f}, {0.0f, 1.1f, -0.45f}, 4.0f / 3.0f);
  const RgbaImage bentImage = render(f, {eye}, {240, 180});
  EXPECT_GT(compareImages(bentImage, render(g, {eye}, {240, 180}), 8).differingFraction, 0.01);
  expectMatchesGolden(bentImage, "skinned");

  DrawnMesh wrong = straight;
  wrong.skin.pop_back();
  FrameDescription bad;
  bad.meshes.push_back(wrong);
  TargetDesc d;
  d.extent = {32, 32};
  auto t = renderer->createTarget(d);
  ASSERT_TRUE(t);
  const ViewTarget vt{eye, t->get()};
  Status s = renderer->draw(bad, std::span<const ViewTarget>(&vt, 1));
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::BadInput);
  EXPECT_NE(s.error().message.find("skin matrices"), std::string::npos) << s.error().message;
}

TEST_F(RendererTest, StereoPairHasParallax) {
  FrameDescription f;
  f.hands.push_back(restHand(Hand::Right, {0.12f, 1.05f, -0.30f}, kSkin));
  f.hands.push_back(restHand(Hand::Left, {-0.12f, 1.05f, -0.30f}, kSkin));
  f.hands.push_back(restHand(Hand::Right, {0.13f, 1.06f, -0.33f}, kGhost, 0.45f));
  EyeView left = lookAt({-0.032f, 1.45f, 0.05f}, {-0.032f, 1.05f, -0.38f}, 1.0f, 70.0f);
  EyeView right = left;
  right.T_world_eye.position.x += 0.064f;
  const RgbaImage pair = render(f, {left, right}, {200, 200});
  ASSERT_EQ(pair.width, 400);
  RgbaImage l, r;
  l.width = r.width = 200;
  l.height = r.height = 200;
  for (int y = 0; y < 200; ++y) {
    l.pixels.insert(l.pixels.end(), pair.pixel(0, y), pair.pixel(200, y));
    r.pixels.insert(r.pixels.end(), pair.pixel(200, y), pair.pixel(200, y) + 800);
  }
  const ImageDifference d = compareImages(l, r, 8);
  EXPECT_GT(d.differingFraction, 0.01) << "the eyes must see different pictures";
  expectMatchesGolden(pair, "stereo");
}

TEST_F(RendererTest, SameFrameGivesIdenticalPixelsAndTimings) {
  FrameDescription f;
  f.hands.push_back(restHand(Hand::Right, {0.12f, 1.05f, -0.30f}, kSkin));
  f.hands.push_back(restHand(Hand::Right, {0.14f, 1.07f, -0.33f}, kGhost, 0.5f));
  const EyeView eye = lookAt({0.0f, 1.45f, 0.05f}, {0.1f, 1.05f, -0.38f}, 1.0f);
  const RgbaImage a = render(f, {eye}, {128, 128});
  TargetDesc d;
  d.extent = {128, 128};
  auto t = renderer->createTarget(d);
  ASSERT_TRUE(t);
  const ViewTarget vt{eye, t->get()};
  for (int i = 0; i < 12; ++i) ASSERT_TRUE(renderer->draw(f, std::span<const ViewTarget>(&vt, 1)));
  auto b = renderer->readback(**t);
  ASSERT_TRUE(b);
  EXPECT_EQ(a.pixels, b->pixels);
  EXPECT_EQ(renderer->lastTimings().frame, renderer->framesSubmitted() - 1);
  EXPECT_GT(renderer->lastTimings().cpuMs, 0.0);
  if (ctx->timestampPeriodNs() > 0.0) {
    EXPECT_GE(renderer->lastTimings().gpuMs, 0.0);
  }
}

TEST_F(RendererTest, BadTargetsAreRefused) {
  TargetDesc d;
  d.extent = {0, 10};
  auto t = renderer->createTarget(d);
  ASSERT_FALSE(t);
  EXPECT_EQ(t.error().code, ErrorCode::BadInput);
  FrameDescription f;
  Status s = renderer->draw(f, {});
  ASSERT_FALSE(s);
  EXPECT_EQ(s.error().code, ErrorCode::BadInput);
}

}  // namespace
}  // namespace mimesis::test
