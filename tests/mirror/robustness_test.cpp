// Hostile inputs: missing frames, NaN joints, untracked hands, odd stages — no crash, no NaN out.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "MirrorSessionHarness.hpp"
#include "mimesis/mirror/MirrorJson.hpp"

namespace mimesis {
namespace {

TEST(MirrorRobustness, GarbageFramesGiveFiniteOutputs) {
  const Clip expert = testing::loadAsset("point-and-tap.mkeys");
  ASSERT_FALSE(expert.frames.empty());
  MirrorModel model(MirrorConfig{}, LessonLayout::fromClip(expert));
  model.start(0.0);
  const double nan = std::numeric_limits<double>::quiet_NaN();
  Frame broken = expert.frames[10];
  broken.hand(Hand::Right).joints[index(HandJoint::IndexTip)].pose.position.x = static_cast<float>(nan);
  broken.hand(Hand::Right).joints[index(HandJoint::Wrist)].pose.position.y = static_cast<float>(nan);
  Frame empty;
  for (int trial = 0; trial < 4; ++trial) {
    model.beginTrial();
    for (std::size_t i = 0; i < expert.frames.size(); ++i) {
      ObservedFrame f;
      f.time = trial * 10.0 + static_cast<double>(i) / 90.0;
      f.expertTime = i % 50 == 0 ? nan : expert.frames[i].time;
      f.expert = i % 7 == 0 ? nullptr : &expert.frames[i];
      f.learner = i % 5 == 0 ? &broken : (i % 11 == 0 ? &empty : &expert.frames[i]);
      f.stage = model.state().stage;
      f.trackingConfidence = i % 13 == 0 ? 0.2f : 1.0f;
      model.update(f);
    }
    model.endTrial(trial * 10.0 + 9.0);
  }
  const std::string json = decisionTraceToJson(model.trace()) + feedbackStateToJson(model.state()) +
                           estimatesToJson(model.estimates());
  EXPECT_EQ(json.find("NaN"), std::string::npos);
  // The only nulls are unscorable live errors (lost or absent hands), never numbers gone bad.
  auto count = [&](const std::string& what) {
    std::size_t n = 0;
    for (std::size_t p = json.find(what); p != std::string::npos; p = json.find(what, p + 1)) ++n;
    return n;
  };
  EXPECT_EQ(count("null"), count("\"liveError\":null"));
  EXPECT_TRUE(std::isfinite(model.estimates().mappingConfidence));
}

TEST(MirrorRobustness, EmptyLayoutAndNoFrames) {
  MirrorModel model(MirrorConfig{}, LessonLayout{});
  model.start(0.0);
  for (int i = 0; i < 5; ++i) model.endTrial(static_cast<double>(i));
  EXPECT_EQ(model.state().trial, 5);
  EXPECT_FALSE(feedbackStateToJson(model.state()).empty());
}

}  // namespace
}  // namespace mimesis
