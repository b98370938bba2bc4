// Knowledge of results and summaries follow the lesson's grades (issue 16, item 3): no praise,
// "within your targets" or positive summary below the stage's pass score; "within targets"
// only when every measured cell is inside its band and the trial passes.
#include <gtest/gtest.h>

#include <string>

#include "mimesis/mirror/MirrorModel.hpp"

namespace mimesis {
namespace {

// The policy fed trial outcomes directly: one segment, the right hand's six cells measured
// with the same relative error, starting in Guided (no watching trials).
struct DirectLesson {
  MirrorConfig config;
  LessonLayout layout;
  MirrorObserver observer;
  MirrorPolicy policy;
  DecisionTrace trace;
  double time = 0.0;

  static MirrorConfig guidedFromTheStart() {
    MirrorConfig c;
    c.stages.watchTrials = 0;
    c.stages.imagineTrials = 0;
    return c;
  }
  DirectLesson() : config(guidedFromTheStart()), observer(config, layout), policy(config, layout) { policy.start(0.0, trace); }

  const std::string& trial(double score, float relError, float oneCellError = -1.0f) {
    TrialOutcome o;
    o.stage = policy.state().stage;
    o.guided = stageGuided(o.stage);
    o.score = score;
    o.cells.assign(kCellsPerSegment, CellOutcome{});
    for (int g = 0; g < kHandGroupCount; ++g) {
      CellOutcome& c = o.cells[static_cast<std::size_t>(cellIndex(Hand::Right, static_cast<HandGroup>(g)))];
      c.measured = true;
      c.relError = relError;
    }
    if (oneCellError >= 0.0f) o.cells[static_cast<std::size_t>(cellIndex(Hand::Right, HandGroup::Index))].relError = oneCellError;
    time += 6.0;
    observer.observeTrial(o);
    policy.onTrial(time, o, observer, trace);
    return policy.state().knowledgeOfResults;
  }
};

bool praises(const std::string& kr) {
  return kr.find("nice work") != std::string::npos || kr.find("within your targets") != std::string::npos;
}

TEST(FeedbackWording, PraiseOnlyAtOrAboveThePassScore) {
  ASSERT_EQ(DirectLesson::guidedFromTheStart().grades.passFor(Stage::Guided), 70.0);
  struct Case { double score; float err; bool praise; const char* grade; };
  // Cells inside the band (0.05 < tolerance 0.15) except at 0, where they are far outside.
  for (const Case& c : {Case{0.0, 0.9f, false, "(Miss)"}, Case{55.0, 0.05f, false, "(OK)"},
                        Case{77.0, 0.05f, true, "(Good)"}, Case{95.0, 0.05f, true, "(Perfect)"}}) {
    DirectLesson lesson;
    ASSERT_EQ(lesson.policy.state().stage, Stage::Guided);
    const std::string kr = lesson.trial(c.score, c.err);
    EXPECT_EQ(praises(kr), c.praise) << c.score << ": " << kr;
    EXPECT_NE(kr.find(c.grade), std::string::npos) << kr;
    if (!c.praise) {
      EXPECT_NE(kr.find("This stage passes at 70"), std::string::npos) << kr;
    }
  }
}

TEST(FeedbackWording, WithinTargetsNeedsEveryMeasuredCellInsideItsBand) {
  DirectLesson lesson;
  const std::string kr = lesson.trial(95.0, 0.05f, /*index*/ 0.4f);
  EXPECT_FALSE(praises(kr)) << kr;
  EXPECT_NE(kr.find("focus on your right"), std::string::npos) << kr;
}

TEST(FeedbackWording, NothingMeasuredIsSaidSoNotPraised) {
  DirectLesson lesson;
  TrialOutcome o;
  o.stage = Stage::Guided;
  o.guided = true;
  o.score = 90.0;
  o.cells.assign(kCellsPerSegment, CellOutcome{});
  lesson.observer.observeTrial(o);
  lesson.policy.onTrial(6.0, o, lesson.observer, lesson.trace);
  const std::string& kr = lesson.policy.state().knowledgeOfResults;
  EXPECT_FALSE(praises(kr)) << kr;
  EXPECT_NE(kr.find("could not be measured"), std::string::npos) << kr;
}

TEST(FeedbackWording, SummaryIsPositiveOnlyAtThePassScore) {
  for (const double score : {55.0, 80.0}) {
    DirectLesson lesson;
    const int every = lesson.config.feedback.summaryEverySimple;  // one segment: a simple clip
    for (int i = 0; i < every; ++i) lesson.trial(score, 0.05f);
    const std::string& summary = lesson.policy.state().message;
    ASSERT_EQ(summary.find("Last "), 0u) << summary;
    EXPECT_EQ(summary.find("step by step") != std::string::npos, score >= 70.0) << summary;
  }
}

}  // namespace
}  // namespace mimesis
