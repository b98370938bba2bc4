// The frame module's plain data: the defaults its headers promise (a renderer given a
// default-constructed piece draws something sensible and nothing by surprise) and value
// semantics (the session hands a copy to the renderer; nothing is shared).
#include <gtest/gtest.h>

#include <type_traits>

#include "mimesis/frame/EyeView.hpp"
#include "mimesis/frame/FrameDescription.hpp"

namespace mimesis {
namespace {

TEST(FrameDescription, DefaultsDrawAnEmptyFirstPersonSceneWithAFloorAndNoMirror) {
  const FrameDescription d;
  EXPECT_EQ(d.view, ViewKind::FirstPerson);
  EXPECT_TRUE(d.floorGrid);
  EXPECT_FLOAT_EQ(d.floorHeight, 0.0f);
  EXPECT_FALSE(d.mirror.enabled);
  EXPECT_TRUE(d.hands.empty());
  EXPECT_TRUE(d.bodies.empty());
  EXPECT_TRUE(d.meshes.empty());
  EXPECT_TRUE(d.labels.empty());
  EXPECT_TRUE(d.panel.empty());
  EXPECT_FLOAT_EQ(d.clearColour.w, 1.0f);  // an opaque background
}

TEST(FrameDescription, DrawnThingsAreSolidAndReflectedUnlessToldOtherwise) {
  const DrawnHand hand;
  EXPECT_FLOAT_EQ(hand.opacity, 1.0f);  // below 1 would make it a ghost
  EXPECT_TRUE(hand.reflect);
  EXPECT_EQ(hand.highlightedJoints, 0u);
  EXPECT_EQ(hand.jointColour.size(), static_cast<std::size_t>(kHandJointCount));
  const DrawnSkeleton body;
  EXPECT_FLOAT_EQ(body.opacity, 1.0f);
  EXPECT_TRUE(body.reflect);
  EXPECT_TRUE(body.valid.empty());  // empty: every joint valid
  EXPECT_GT(body.jointRadius, 0.0f);
  const DrawnMesh mesh;
  EXPECT_EQ(mesh.mesh, -1);  // no mesh registered: nothing to draw by accident
  EXPECT_FLOAT_EQ(mesh.opacity, 1.0f);
  EXPECT_TRUE(mesh.jointColour.empty());  // empty: `colour` everywhere
}

TEST(FrameDescription, IsPlainDataCopiedByValue) {
  static_assert(std::is_copy_constructible_v<FrameDescription> && std::is_copy_assignable_v<FrameDescription>);
  FrameDescription a;
  a.hands.emplace_back();
  a.hands[0].opacity = 0.4f;
  a.labels.push_back({glm::vec3(0.0f, 1.0f, 0.0f), "reach", glm::vec4(1.0f)});
  a.panel = {"Stage: practice"};
  FrameDescription b = a;
  b.hands[0].opacity = 1.0f;
  b.labels[0].text = "pinch";
  b.panel.clear();
  EXPECT_FLOAT_EQ(a.hands[0].opacity, 0.4f);
  EXPECT_EQ(a.labels[0].text, "reach");
  EXPECT_EQ(a.panel.size(), 1u);
}

TEST(FrameDescription, ViewKindValuesAreStable) {
  // The desktop cycles views as (value + 1) % 3 and the view panel's radio buttons are indexed by
  // value: the three values must stay 0, 1, 2 in this order.
  EXPECT_EQ(static_cast<int>(ViewKind::FirstPerson), 0);
  EXPECT_EQ(static_cast<int>(ViewKind::Mirror), 1);
  EXPECT_EQ(static_cast<int>(ViewKind::Side), 2);
}

TEST(EyeView, DefaultIsACentredViewFromTheOriginWithAPositiveDepthRange) {
  const EyeView v;
  // OpenXR conventions: left and down negative, a centred view symmetric.
  EXPECT_LT(v.fov.angleLeft, 0.0f);
  EXPECT_LT(v.fov.angleDown, 0.0f);
  EXPECT_FLOAT_EQ(v.fov.angleLeft, -v.fov.angleRight);
  EXPECT_FLOAT_EQ(v.fov.angleDown, -v.fov.angleUp);
  EXPECT_GT(v.nearZ, 0.0f);
  EXPECT_GT(v.farZ, v.nearZ);
  // The identity pose: the eye at the origin looking down -Z with +Y up.
  EXPECT_EQ(v.T_world_eye.position, glm::vec3(0.0f));
  const glm::vec3 forward = v.T_world_eye.orientation * glm::vec3(0.0f, 0.0f, -1.0f);
  EXPECT_NEAR(glm::distance(forward, glm::vec3(0.0f, 0.0f, -1.0f)), 0.0f, 1e-6f);
}

}  // namespace
}  // namespace mimesis
