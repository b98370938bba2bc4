// Mirroring named (issue 16, item 4): a learner who copies mirror-wise in an anatomical lesson
// is told which hand to move; the view switches to first person only where the scene allows it.
#include <gtest/gtest.h>

#include "MirrorSessionHarness.hpp"

namespace mimesis {
namespace {

using testing::HarnessSession;
using testing::loadAsset;

int count(const HarnessSession& s, DecisionKind k, const std::string& key = "") {
  int n = 0;
  for (const Decision& d : s.model.trace().entries()) n += d.kind == k && (key.empty() || d.cause.thresholdKey == key);
  return n;
}

TEST(MappingHint, MirroringLearnerIsToldTheHandAndTheViewFollowsTheScene) {
  for (const bool switchView : {true, false}) {
    MirrorConfig config;
    config.perspective.switchView = switchView;
    LearnerBehaviour b;
    b.base.mapping = LearnerParams::Mapping::Mirror;
    b.base.lagMs = 200;
    HarnessSession s(config, loadAsset("point-and-tap.mkeys"), b);
    for (int i = 0; i < 4; ++i) s.runTrial();
    EXPECT_EQ(count(s, DecisionKind::MappingHint), 1) << switchView;
    // (The Imagine stage's first-person view and back are perspective decisions of their own.)
    EXPECT_EQ(count(s, DecisionKind::Perspective, "perspective.confidence") > 0, switchView);
    EXPECT_EQ(s.model.state().view, switchView ? View::FirstPerson : View::Facing);
    const std::string& kr = s.model.state().knowledgeOfResults;
    EXPECT_NE(kr.find("You are mirroring: move your right hand"), std::string::npos) << kr;
    EXPECT_EQ(kr.find("nice work"), std::string::npos) << kr;
  }
}

}  // namespace
}  // namespace mimesis
