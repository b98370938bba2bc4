// Cues from the first trial (issue 16, item 2): the cue clock starts empty, so a learner who is
// late on the index finger is cued in trial 1 or 2 (before: the per-minute cap counted 640
// zero "issue times" and blocked every cue until 60 s of lesson time).
#include <gtest/gtest.h>

#include "MirrorSessionHarness.hpp"

namespace mimesis {
namespace {

using testing::loadAsset;
using testing::showExpert;

// The expert exactly, except the right index finger, which trails by `lagFrames` frames in the
// wrist frame (the hand itself is on time).
Clip lateIndexLearner(const Clip& shown, int lagFrames) {
  Clip out = shown;
  const HandJoint index[] = {HandJoint::IndexMetacarpal, HandJoint::IndexProximal, HandJoint::IndexIntermediate,
                             HandJoint::IndexDistal, HandJoint::IndexTip};
  for (std::size_t i = 0; i < out.frames.size(); ++i) {
    const std::size_t from = i >= static_cast<std::size_t>(lagFrames) ? i - static_cast<std::size_t>(lagFrames) : 0;
    const HandPose& then = shown.frames[from].hand(Hand::Right);
    HandPose& now = out.frames[i].hand(Hand::Right);
    const Pose T_now_then = now.wrist() * then.wrist().inverse();
    for (HandJoint j : index) now[j].pose = T_now_then * then[j].pose;
  }
  return out;
}

TEST(CueTiming, LateIndexFingerIsCuedInTheFirstOrSecondTrial) {
  MirrorConfig config;
  config.stages.watchTrials = 0;  // trial 1 is guided
  config.stages.imagineTrials = 0;
  const Clip expert = loadAsset("pinch-and-release.mkeys");
  ASSERT_FALSE(expert.frames.empty());
  MirrorModel model(config, LessonLayout::fromClip(expert));
  model.start(0.0);
  const double rate = config.observer.frameRateHz;
  double time = 0.0;
  int firstCueTrial = -1;
  std::string firstCueSubject;
  for (int trial = 1; trial <= 2 && firstCueTrial < 0; ++trial) {
    const FeedbackState before = model.state();
    ASSERT_TRUE(stageGuided(before.stage));
    std::vector<double> times;
    const Clip shown = showExpert(expert, expert.frames.front().time, expert.frames.back().time, before.tempo, rate, times);
    const Clip learner = lateIndexLearner(shown, static_cast<int>(0.4 * rate));
    model.beginTrial();
    for (std::size_t i = 0; i < shown.frames.size(); ++i) {
      ObservedFrame f;
      f.time = time;
      f.expertTime = times[i];
      f.expert = &shown.frames[i];
      f.learner = &learner.frames[i];
      f.stage = model.state().stage;
      f.ghostOpacity = model.state().ghostOpacity;
      f.tempo = model.state().tempo;
      model.update(f);
      time += 1.0 / rate;
    }
    model.endTrial(time);
    for (const Decision& d : model.trace().entries())
      if (d.kind == DecisionKind::Cue && firstCueTrial < 0) {
        firstCueTrial = d.trial + 1;
        firstCueSubject = d.subject;
      }
  }
  ASSERT_GE(firstCueTrial, 1) << "no cue in two trials of " << expert.duration() << " s";
  EXPECT_LE(firstCueTrial, 2);
  EXPECT_EQ(firstCueSubject, "right index");
}

}  // namespace
}  // namespace mimesis
