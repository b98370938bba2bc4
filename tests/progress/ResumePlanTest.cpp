// Resuming: estimates decay toward the beginner prior with time away (PROGRESS.md), the stage is
// the one reached (one below after a long gap), and a later day starts with a retention test.
#include <gtest/gtest.h>

#include <cmath>

#include "ProgressTestSupport.hpp"
#include "mimesis/progress/ResumePlan.hpp"

namespace mimesis {
namespace {

TEST(ResumeDecay, LearnedPartHalvesPerHalfLifeAndVarianceGrowsToThePrior) {
  ProgressSettings st;
  SkillFilter prior;
  prior.reset(0.5, 1.0);
  SkillFilter f;
  f.mean = std::log(0.05);
  f.variance = 0.1;
  f.observations = 8;
  const SkillFilter same = decayFilter(f, 0.0, 0.5, 1.0, st);
  EXPECT_DOUBLE_EQ(same.mean, f.mean);
  EXPECT_DOUBLE_EQ(same.variance, f.variance);
  const SkillFilter week = decayFilter(f, st.forgettingHalfLifeDays, 0.5, 1.0, st);
  EXPECT_NEAR(week.mean - prior.mean, 0.5 * (f.mean - prior.mean), 1e-12);
  EXPECT_NEAR(week.variance, 0.1 + st.varianceGrowthPerDay * st.forgettingHalfLifeDays, 1e-12);
  EXPECT_GT(week.level(), f.level());  // forgetting: the error level rises
  const SkillFilter year = decayFilter(f, 365.0, 0.5, 1.0, st);
  EXPECT_NEAR(year.mean, prior.mean, 1e-6);
  EXPECT_DOUBLE_EQ(year.variance, 1.0);
  SkillFilter unseen;
  unseen.reset(0.5, 1.0);
  EXPECT_DOUBLE_EQ(decayFilter(unseen, 30.0, 0.5, 1.0, st).mean, unseen.mean);
}

TEST(ResumePlan, StageRetentionTestAndLongGap) {
  const Lesson lesson = testing::clapLesson();
  EXPECT_FALSE(planResume(std::nullopt, testing::at("2026-03-01T10:00:00Z"), lesson).resume.active);

  LastSession last = testing::learnedSession(lesson, Stage::Solo, "2026-03-01T10:00:00+01:00");
  // Later the same day: no test, the same stage, estimates barely decayed.
  ResumePlan sameDay = planResume(last, testing::at("2026-03-01T18:00:00+01:00"), lesson);
  ASSERT_TRUE(sameDay.resume.active);
  EXPECT_FALSE(sameDay.resume.retentionTest);
  EXPECT_EQ(sameDay.resume.stage, Stage::Solo);
  EXPECT_TRUE(sameDay.estimatesUsed);
  // Just after midnight: a new day, so a delayed-retention test first.
  ResumePlan nextDay = planResume(last, testing::at("2026-03-02T00:30:00+01:00"), lesson);
  EXPECT_TRUE(nextDay.resume.retentionTest);
  EXPECT_EQ(nextDay.resume.stage, Stage::Solo);
  EXPECT_EQ(nextDay.resume.retentionCause.thresholdKey, "progress.retentionAfterDays");
  // Three weeks away: one stage below.
  ResumePlan longGap = planResume(last, testing::at("2026-03-22T10:00:00+01:00"), lesson);
  EXPECT_EQ(longGap.resume.stage, Stage::Faded);
  EXPECT_EQ(longGap.resume.stageCause.comparison, ">=");
  EXPECT_TRUE(longGap.resume.retentionTest);
  // Stored with another segment count (the scene changed): estimates are not used, nor a test.
  last.segments += 1;
  last.estimates.guided.configure(last.segments, kCellsPerSegment, 0.5, 1.0);
  ResumePlan changed = planResume(last, testing::at("2026-03-02T10:00:00+01:00"), lesson);
  EXPECT_FALSE(changed.estimatesUsed);
  EXPECT_FALSE(changed.resume.retentionTest);
}

}  // namespace
}  // namespace mimesis
