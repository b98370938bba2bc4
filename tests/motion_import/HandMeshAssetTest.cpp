// Tests of the project's hand mesh assets (assets/meshes) through the importer, and of avatar
// skin matrices from animated glTF models.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <set>
#include <sstream>

#include <glm/gtc/quaternion.hpp>

#include "SharedData.hpp"
#include "mimesis/motion/HandRig.hpp"
#include "mimesis/motion/MeshSkinning.hpp"
#include "mimesis/motion_import/AvatarPose.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"

namespace mimesis {
namespace {

const std::string kAssets = std::string(MIMESIS_SOURCE_DIR) + "/assets/meshes/";
const std::string kModels = std::string(MIMESIS_SHARED_DATA_DIR) + "/models/";

std::string fileBytesOf(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
}

struct LoadedHand {
  SkinnedMesh mesh;
  std::vector<int> binding;
  HandPose rest;
};

LoadedHand loadHand(Hand hand) {
  LoadedHand out;
  auto mesh = loadSkinnedMesh(kAssets + (hand == Hand::Right ? "hand-right.gltf" : "hand-left.gltf"));
  EXPECT_TRUE(mesh) << mesh.error().describe();
  if (!mesh) return out;
  out.mesh = std::move(*mesh);
  out.binding = bindMeshToHand(out.mesh);
  poseHand(HandShape{}, Pose::identity(), hand, out.rest);
  return out;
}

TEST(HandMeshAsset, BothHandsLoadWith26BoundJoints) {
  for (Hand hand : {Hand::Left, Hand::Right}) {
    const LoadedHand h = loadHand(hand);
    EXPECT_EQ(h.mesh.jointCount(), kHandJointCount);
    std::set<int> bound(h.binding.begin(), h.binding.end());
    EXPECT_EQ(bound.size(), static_cast<std::size_t>(kHandJointCount));
    EXPECT_EQ(bound.count(-1), 0u);
    EXPECT_GE(h.mesh.triangleCount(), 2000u);
    EXPECT_LE(h.mesh.triangleCount(), 6000u);
    EXPECT_EQ(h.mesh.normals.size(), h.mesh.vertexCount());
  }
}

TEST(HandMeshAsset, SkinningAtRestReproducesTheVertices) {
  for (Hand hand : {Hand::Left, Hand::Right}) {
    const LoadedHand h = loadHand(hand);
    std::vector<glm::mat4> skin;
    handSkinMatrices(h.mesh, h.binding, h.rest, skin);
    float worst = 0.0f;
    for (std::size_t v = 0; v < h.mesh.vertexCount(); ++v)
      worst = std::max(worst, glm::length(skinnedPosition(h.mesh, skin, v) - h.mesh.positions[v]));
    EXPECT_LE(worst, 1e-4f) << handName(hand);
  }
}

TEST(HandMeshAsset, LeftIsTheRightReflected) {
  const LoadedHand r = loadHand(Hand::Right), l = loadHand(Hand::Left);
  ASSERT_EQ(r.mesh.vertexCount(), l.mesh.vertexCount());
  for (std::size_t v = 0; v < r.mesh.vertexCount(); v += 7) {
    const glm::vec3 p = r.mesh.positions[v];
    EXPECT_LT(glm::length(glm::vec3(-p.x, p.y, p.z) - l.mesh.positions[v]), 1e-6f);
  }
}

TEST(HandMeshAsset, MovingAFingerJointMovesOnlyNearbyVertices) {
  const LoadedHand h = loadHand(Hand::Right);
  HandPose bent = h.rest;
  JointPose& j = bent[HandJoint::IndexIntermediate];
  j.pose.orientation = j.pose.orientation * glm::angleAxis(0.7f, glm::vec3(1.0f, 0.0f, 0.0f));
  std::vector<glm::mat4> skin;
  handSkinMatrices(h.mesh, h.binding, bent, skin);
  const glm::vec3 centre = h.rest[HandJoint::IndexIntermediate].pose.position;
  int moved = 0;
  for (std::size_t v = 0; v < h.mesh.vertexCount(); ++v) {
    const float d = glm::length(skinnedPosition(h.mesh, skin, v) - h.mesh.positions[v]);
    ASSERT_TRUE(std::isfinite(d));
    if (d > 1e-5f) {
      ++moved;
      EXPECT_LT(glm::length(h.mesh.positions[v] - centre), 0.04f) << "vertex " << v;
    }
    if (d > 0.005f) {
      EXPECT_LT(glm::length(h.mesh.positions[v] - centre), 0.035f);
    }
  }
  EXPECT_GT(moved, 20);
}

TEST(HandMeshAsset, AFistSkinsToFiniteVerticesNearTheJoints) {
  const LoadedHand h = loadHand(Hand::Right);
  HandShape fist;
  fist.curl.fill(1.0f);
  HandPose posed;
  poseHand(fist, Pose{{0.2f, 1.2f, -0.3f}, wristOrientationFromYawPitchRoll(10.0f, 30.0f, 0.0f)}, Hand::Right, posed);
  std::vector<glm::mat4> skin;
  handSkinMatrices(h.mesh, h.binding, posed, skin);
  for (std::size_t v = 0; v < h.mesh.vertexCount(); ++v) {
    const glm::vec3 p = skinnedPosition(h.mesh, skin, v);
    float nearest = 1e9f;
    for (const JointPose& jp : posed.joints) nearest = std::min(nearest, glm::length(p - jp.pose.position));
    ASSERT_LT(nearest, 0.05f) << "vertex " << v;
  }
}

TEST(HandMeshAsset, CommittedFilesEqualAFreshGeneration) {
#ifndef MIMESIS_HAND_MESH_TOOL
  GTEST_SKIP() << "the generator target is not part of this build";
#else
  const std::filesystem::path dir = std::filesystem::path(MIMESIS_BINARY_DIR) / "hand_mesh_check";
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  const std::string command = std::string("\"") + MIMESIS_HAND_MESH_TOOL + "\" \"" + dir.string() + "\" > /dev/null";
  ASSERT_EQ(std::system(command.c_str()), 0) << command;
  for (const char* name : {"hand-right.gltf", "hand-left.gltf"}) {
    const std::string fresh = fileBytesOf((dir / name).string());
    ASSERT_FALSE(fresh.empty()) << name;
    EXPECT_TRUE(fresh == fileBytesOf(kAssets + name))
        << name << " differs from a fresh generation: regenerate with the command in assets/meshes/README.md";
  }
#endif
}

bool allFinite(const std::vector<glm::mat4>& skin) {
  for (const glm::mat4& s : skin)
    for (int c = 0; c < 4; ++c)
      for (int r = 0; r < 4; ++r)
        if (!std::isfinite(s[c][r])) return false;
  return true;
}

TEST(AvatarPose, FoxAndCesiumManSkinMatricesAreFiniteAndMove) {
  MIMESIS_NEEDS_SHARED_DATA("models");
  for (const char* file : {"Fox/Fox.glb", "CesiumMan/CesiumMan.glb"}) {
    auto avatar = loadAvatar(kModels + file);
    ASSERT_TRUE(avatar) << avatar.error().describe();
    EXPECT_GT(avatar->duration(), 0.0) << file;
    for (int b : avatar->clipJointOfMeshJoint) EXPECT_GE(b, 0) << file;
    std::vector<glm::mat4> a, b;
    avatarSkinMatrices(*avatar, 0.0, a);
    avatarSkinMatrices(*avatar, 0.37 * avatar->duration(), b);
    ASSERT_EQ(a.size(), static_cast<std::size_t>(avatar->mesh.jointCount()));
    EXPECT_TRUE(allFinite(a) && allFinite(b)) << file;
    float change = 0.0f;
    for (std::size_t v = 0; v < avatar->mesh.vertexCount(); v += 5)
      change = std::max(change, glm::length(skinnedPosition(avatar->mesh, a, v) - skinnedPosition(avatar->mesh, b, v)));
    EXPECT_GT(change, 0.01f) << file;
    // Looping: one duration later is the same picture; any time gives finite matrices.
    std::vector<glm::mat4> c;
    avatarSkinMatrices(*avatar, 0.37 * avatar->duration() + avatar->duration(), c);
    for (std::size_t j = 0; j < b.size(); ++j)
      for (int col = 0; col < 4; ++col)
        for (int r = 0; r < 4; ++r) EXPECT_NEAR(b[j][col][r], c[j][col][r], 1e-3f);
    avatarSkinMatrices(*avatar, -1e300, c);
    EXPECT_TRUE(allFinite(c));
    avatarSkinMatrices(*avatar, std::nan(""), c);
    EXPECT_TRUE(allFinite(c));
    // Skinning keeps the model's size: the animated extent is within a factor 2 of the bind
    // mesh's (scaled to metres), which a lost armature scale or unit would break.
    auto extent = [&](bool skinned) {
      glm::vec3 lo(1e30f), hi(-1e30f);
      for (std::size_t v = 0; v < avatar->mesh.vertexCount(); ++v) {
        const glm::vec3 p = skinned ? skinnedPosition(avatar->mesh, a, v)
                                    : avatar->mesh.positions[v] * avatar->clip.metresPerUnit;
        lo = glm::min(lo, p);
        hi = glm::max(hi, p);
      }
      return glm::length(hi - lo);
    };
    const float ratio = extent(true) / extent(false);
    EXPECT_GT(ratio, 0.5f) << file;
    EXPECT_LT(ratio, 2.0f) << file;
  }
}

TEST(AvatarPose, MissingFileIsAnError) {
  auto avatar = loadAvatar("/nonexistent/avatar.glb");
  ASSERT_FALSE(avatar);
  EXPECT_EQ(avatar.error().code, ErrorCode::Io);
}

}  // namespace
}  // namespace mimesis
