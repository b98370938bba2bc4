// The same CMU BVH through Assimp and through our own parser must give the same world joints.
#include <gtest/gtest.h>

#include "SharedData.hpp"
#include "mimesis/motion_import/AssimpImport.hpp"
#include "mimesis/motion_import/BvhImport.hpp"

namespace mimesis {
namespace {

const std::string kBvh = std::string(MIMESIS_SHARED_DATA_DIR) + "/cmu-bvh/01_01.bvh";

TEST(AssimpBvhCrossCheck, WorldPositionsAgreeWithOurParser) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  auto viaAssimp = loadAssimpRaw(kBvh);
  ASSERT_TRUE(viaAssimp) << viaAssimp.error().describe();
  BvhImportOptions raw;  // both in file units and axes
  raw.metresPerUnit = 1.0f;
  raw.T_mimesis_file = glm::quat(1.0f, 0.0f, 0.0f, 0.0f);
  auto ours = loadBvhRaw(kBvh, raw);
  ASSERT_TRUE(ours) << ours.error().describe();

  EXPECT_EQ(viaAssimp->frameCount(), 2752);
  ASSERT_EQ(viaAssimp->frameCount(), ours->frameCount());
  EXPECT_NEAR(viaAssimp->rate, ours->rate, 0.01);
  // Assimp names End Sites "EndSite_<joint>"; compare the 31 named joints.
  int compared = 0;
  float worst = 0.0f;
  for (int a = 0; a < viaAssimp->jointCount(); ++a) {
    const auto o = ours->skeleton.find(viaAssimp->skeleton.joints[a]);
    if (!o) continue;
    ++compared;
    for (int f = 0; f < ours->frameCount(); f += 50) {
      EXPECT_NEAR(viaAssimp->times[f], ours->times[f], 1e-6);
      const float d = glm::length(viaAssimp->pose(f, a).position - ours->pose(f, *o).position);
      worst = std::max(worst, d);
    }
  }
  EXPECT_EQ(compared, 31);
  // CMU units are ~5.6 cm; 1e-3 units is well under a millimetre.
  EXPECT_LT(worst, 1e-3f) << "largest position difference in file units";
}

}  // namespace
}  // namespace mimesis
