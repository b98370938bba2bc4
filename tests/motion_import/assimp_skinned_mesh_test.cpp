// Tests of the skinned-mesh import: joints, weights and indices of the real models.
#include <gtest/gtest.h>

#include <cmath>

#include "SharedData.hpp"
#include "mimesis/motion_import/SkinnedMesh.hpp"

namespace mimesis {
namespace {

const std::string kModels = std::string(MIMESIS_SHARED_DATA_DIR) + "/models/";

void expectConsistent(const SkinnedMesh& m) {
  const std::size_t n = m.vertexCount();
  ASSERT_GT(n, 0u);
  EXPECT_EQ(m.normals.size(), n);
  EXPECT_EQ(m.uvs.size(), n);
  EXPECT_EQ(m.joints.size(), n);
  EXPECT_EQ(m.weights.size(), n);
  EXPECT_EQ(m.indices.size() % 3, 0u);
  for (auto i : m.indices) ASSERT_LT(i, n);
  EXPECT_EQ(m.jointParents.size(), m.jointNames.size());
  EXPECT_EQ(m.inverseBind.size(), m.jointNames.size());
  for (int j = 0; j < m.jointCount(); ++j) EXPECT_LT(m.jointParents[j], j);
  for (std::size_t v = 0; v < n; ++v) {
    const glm::vec4& w = m.weights[v];
    ASSERT_NEAR(w.x + w.y + w.z + w.w, 1.0f, 1e-4f) << "vertex " << v;
    for (int i = 0; i < 4; ++i) ASSERT_LT(m.joints[v][i], m.jointCount());
    ASSERT_NEAR(glm::length(m.normals[v]), 1.0f, 1e-3f);
  }
}

TEST(AssimpSkinnedMesh, FoxHas24Joints) {
  MIMESIS_NEEDS_SHARED_DATA("models/Fox");
  auto mesh = loadSkinnedMesh(kModels + "Fox/Fox.glb");
  ASSERT_TRUE(mesh) << mesh.error().describe();
  EXPECT_EQ(mesh->jointCount(), 24);
  EXPECT_EQ(mesh->jointParents[0], -1);
  expectConsistent(*mesh);
}

TEST(AssimpSkinnedMesh, CesiumManHas19JointsAndUvs) {
  MIMESIS_NEEDS_SHARED_DATA("models/CesiumMan");
  auto mesh = loadSkinnedMesh(kModels + "CesiumMan/CesiumMan.glb");
  ASSERT_TRUE(mesh) << mesh.error().describe();
  EXPECT_EQ(mesh->jointCount(), 19);
  expectConsistent(*mesh);
  bool anyUv = false;
  for (const auto& uv : mesh->uvs) anyUv = anyUv || uv != glm::vec2(0.0f);
  EXPECT_TRUE(anyUv);
}

TEST(AssimpSkinnedMesh, FixturesLoadAndErrorsNameTheFile) {
  MIMESIS_NEEDS_SHARED_DATA("models/assimp-fixtures");
  for (const char* f : {"assimp-fixtures/simple_skin.gltf", "assimp-fixtures/quad_skin.glb",
                        "assimp-fixtures/animation_with_skeleton.fbx"}) {
    auto mesh = loadSkinnedMesh(kModels + f);
    ASSERT_TRUE(mesh) << mesh.error().describe();
    expectConsistent(*mesh);
  }
  auto missing = loadSkinnedMesh("/nonexistent/m.glb");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().code, ErrorCode::Io);
  // A BVH has no real mesh (Assimp makes a bone-only one); our error or a mesh, never a crash.
  auto bvh = loadSkinnedMesh(std::string(MIMESIS_SHARED_DATA_DIR) + "/cmu-bvh/01_01.bvh");
  if (!bvh) {
    EXPECT_EQ(bvh.error().where, std::string(MIMESIS_SHARED_DATA_DIR) + "/cmu-bvh/01_01.bvh");
  }
}

}  // namespace
}  // namespace mimesis
