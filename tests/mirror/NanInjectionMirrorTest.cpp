// NaN/Inf injection into the mirror model's update (issue 9): live cell errors, tracking
// confidence, ghost opacity, tempo and trial outcomes (score, lag, cells, worst moment) that are
// NaN or infinite. The feedback state, estimates and decision trace must stay finite.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>

#include "MirrorSessionHarness.hpp"
#include "mimesis/mirror/MirrorJson.hpp"

namespace mimesis {
namespace {

bool hasNonFinite(const std::string& text) {
  static const std::regex re(R"((^|[^A-Za-z_])-?(nan|inf|infinity)([^A-Za-z_]|$))", std::regex::icase);
  return std::regex_search(text, re);
}

TEST(NanInjectionMirror, NonFiniteScoresAndErrorsGiveFiniteFeedback) {
  const Clip expert = testing::loadAsset("clap.mkeys");
  ASSERT_FALSE(expert.frames.empty());
  const float nanf = std::numeric_limits<float>::quiet_NaN();
  const float inff = std::numeric_limits<float>::infinity();
  const double nan = std::numeric_limits<double>::quiet_NaN();
  const double inf = std::numeric_limits<double>::infinity();
  MirrorModel model(MirrorConfig{}, LessonLayout::fromClip(expert));
  model.start(0.0);
  Frame infFrame = expert.frames[20];
  infFrame.hand(Hand::Left).joints[index(HandJoint::Wrist)].pose.orientation.x = inff;
  infFrame.hand(Hand::Left).joints[index(HandJoint::ThumbTip)].pose.position.z = -inff;
  LiveCellErrors errors;
  for (int trial = 0; trial < 6; ++trial) {
    model.beginTrial();
    for (std::size_t i = 0; i < expert.frames.size(); ++i) {
      for (std::size_t c = 0; c < errors.relError.size(); ++c) {
        errors.valid[c] = (i + c) % 3 != 0;
        errors.relError[c] = (i + c) % 17 == 0 ? nanf : ((i + c) % 19 == 0 ? inff : 0.1f * static_cast<float>(c % 4));
      }
      ObservedFrame f;
      f.time = trial * 10.0 + static_cast<double>(i) / 90.0;
      f.expertTime = i % 41 == 0 ? inf : expert.frames[i].time;
      f.expert = &expert.frames[i];
      f.learner = i % 9 == 0 ? &infFrame : &expert.frames[i];
      f.stage = model.state().stage;
      f.ghostOpacity = i % 23 == 0 ? nanf : model.state().ghostOpacity;
      f.tempo = i % 29 == 0 ? inff : model.state().tempo;
      f.trackingConfidence = i % 31 == 0 ? nanf : 1.0f;
      f.liveErrors = &errors;
      const FeedbackState& s = model.update(f);
      ASSERT_TRUE(std::isfinite(s.ghostOpacity) && std::isfinite(s.tempo)) << "trial " << trial << " frame " << i;
    }
    TrialOutcome outcome;
    outcome.trial = trial;
    outcome.stage = model.state().stage;
    outcome.guided = true;
    outcome.score = trial % 2 == 0 ? nan : inf;
    outcome.meanLagMs = trial % 3 == 0 ? -inf : nan;
    outcome.lagKnown = true;
    outcome.worstMomentTime = nan;
    outcome.cells.resize(errors.relError.size());
    for (std::size_t c = 0; c < outcome.cells.size(); ++c) outcome.cells[c] = CellOutcome{c % 2 ? nanf : inff, true};
    const FeedbackState& s = model.endTrial(trial * 10.0 + 9.0, &outcome);
    EXPECT_TRUE(std::isfinite(s.ghostOpacity) && std::isfinite(s.tempo)) << "after trial " << trial;
  }
  const std::string json = decisionTraceToJson(model.trace()) + feedbackStateToJson(model.state()) +
                           estimatesToJson(model.estimates());
  EXPECT_FALSE(hasNonFinite(json)) << json.substr(0, 2000);
  EXPECT_TRUE(std::isfinite(model.estimates().mappingConfidence));
}

}  // namespace
}  // namespace mimesis
