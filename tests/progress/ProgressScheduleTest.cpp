// The schedule (PROGRESS.md): the interval grows with delayed-retention tests passed in a row,
// starts again after a failed one, and counts from the last session's day.
#include <gtest/gtest.h>

#include "ProgressTestSupport.hpp"
#include "mimesis/progress/ProgressHtml.hpp"
#include "mimesis/progress/ProgressSchedule.hpp"

namespace mimesis {
namespace {

SessionSummary session(const std::string& day, double mean, int test /* -1 none, 0 failed, 1 passed */) {
  SessionSummary s;
  s.scene = "clap.json";
  s.lesson = "clap";
  s.frontEnd = "lesson";
  s.started = testing::at(day + "T10:00:00+01:00");
  s.trials = 5;
  s.performedTrials = 4;
  s.meanScore = mean;
  s.bestScore = mean + 5.0;
  s.stageReached = Stage::Solo;
  s.finished = true;
  if (test >= 0) {
    s.hasRetentionTest = true;
    s.retentionScore = test ? 80.0 : 50.0;
    s.retentionPassed = test == 1;
  }
  return s;
}

TEST(ProgressSchedule, IntervalsExpandWithPassedTestsAndResetOnAFailure) {
  const ProgressSettings st;
  std::vector<SessionSummary> s{session("2026-03-01", 60, -1)};
  std::vector<SceneProgress> p = progressByScene(s, "2026-03-01", st);
  ASSERT_EQ(p.size(), 1u);
  EXPECT_EQ(p[0].intervalDays, st.intervalsDays[0]);
  EXPECT_EQ(p[0].dueDay, "2026-03-02");
  EXPECT_EQ(p[0].dueInDays, 1);
  EXPECT_EQ(p[0].trend, "one session");

  s.push_back(session("2026-03-02", 70, 1));
  s.push_back(session("2026-03-04", 75, 1));
  p = progressByScene(s, "2026-03-10", st);
  EXPECT_EQ(p[0].passedInARow, 2);
  EXPECT_EQ(p[0].intervalDays, st.intervalsDays[2]);
  EXPECT_EQ(p[0].dueDay, addDays("2026-03-04", st.intervalsDays[2]));
  EXPECT_EQ(p[0].dueInDays, -2);  // overdue
  EXPECT_EQ(p[0].trend, "up 15.0");

  s.push_back(session("2026-03-10", 62, 0));
  p = progressByScene(s, "2026-03-10", st);
  EXPECT_EQ(p[0].passedInARow, 0);
  EXPECT_EQ(p[0].intervalDays, st.intervalsDays[0]);
  EXPECT_EQ(p[0].lastRetention.retentionScore, 50.0);
  EXPECT_EQ(p[0].trend, "down 8.0");  // the last three sessions: 70, 75, 62

  const std::string text = progressText("ada", p, "2026-03-10");
  EXPECT_NE(text.find("last retention test: 2026-03-10, score 50.0, below the pass score"), std::string::npos) << text;
  EXPECT_NE(text.find("due: 2026-03-11 (in 1 day(s)"), std::string::npos) << text;
  const std::string html = buildProgressHtml("ada", p, "2026-03-10");
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("delayed-retention test"), std::string::npos);
  EXPECT_EQ(html, buildProgressHtml("ada", p, "2026-03-10"));
}

}  // namespace
}  // namespace mimesis
