// SessionReplaySource: a recorded session cut into trials at its trial events, each replayed bit
// for bit on the recording's own clock; malformed event sequences are errors naming the file.
#include <gtest/gtest.h>

#include "TestHands.hpp"
#include "mimesis/sim/SessionReplaySource.hpp"

namespace mimesis {
namespace {

using testing::makeWavingClip;

// 90 frames at 10 Hz (0 s to 8.9 s) with the given events.
MrecFile session(std::vector<MrecEvent> events) {
  MrecFile f;
  f.clip = makeWavingClip(90, 10.0, false);
  f.events = std::move(events);
  return f;
}

TEST(SessionReplaySource, SplitsFramesIntoTrialsAtTheirEvents) {
  // Trial 1: [1, 3), trial 2: [4, 6.05); frames between trials belong to none.
  const MrecFile f = session({{1.0, "trial-begin", ""}, {3.0, "trial-end", ""}, {4.0, "trial-begin", ""},
                              {6.05, "trial-end", ""}});
  Result<SessionReplaySource> r = SessionReplaySource::fromRecording(f, "s.mrec");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->trialCount(), 2);
  EXPECT_DOUBLE_EQ(r->rate(), 10.0);
  EXPECT_TRUE(r->recoveryNote().empty());
  EXPECT_TRUE(r->ownsClock());

  EXPECT_DOUBLE_EQ(r->trialStartTime(0.0), 1.0);
  TrialContext ctx;
  ASSERT_TRUE(r->beginTrial(ctx));
  std::vector<Frame> got;
  Frame out;
  while (r->poll(0.0, FeedbackState{}, out)) got.push_back(out);
  ASSERT_EQ(got.size(), 20u);  // frames at 1.0 .. 2.9 s
  EXPECT_DOUBLE_EQ(got.front().time, f.clip.frames[10].time);
  EXPECT_DOUBLE_EQ(got.back().time, f.clip.frames[29].time);
  EXPECT_EQ(got[5].hand(Hand::Right).wrist().position, f.clip.frames[15].hand(Hand::Right).wrist().position);
  EXPECT_DOUBLE_EQ(r->trialEndTime(99.0), 3.0);  // the recorded end, not the proposed one

  EXPECT_DOUBLE_EQ(r->trialStartTime(3.0), 4.0);
  ctx.trial = 1;
  ASSERT_TRUE(r->beginTrial(ctx));
  int n = 0;
  while (r->poll(0.0, FeedbackState{}, out)) ++n;
  EXPECT_EQ(n, 21);  // 4.0 .. 6.0 s
  EXPECT_DOUBLE_EQ(r->trialEndTime(0.0), 6.05);
  // No third trial: the start falls back to `earliest`, and beginning it is an error.
  EXPECT_DOUBLE_EQ(r->trialStartTime(7.0), 7.0);
  ctx.trial = 2;
  const Status s = r->beginTrial(ctx);
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("2 complete trial(s); trial 3"), std::string::npos) << s.error().describe();
}

TEST(SessionReplaySource, AnUnfinishedLastTrialIsNotReplayedAndSaysSo) {
  const MrecFile f = session({{0.0, "trial-begin", ""}, {2.0, "trial-end", ""}, {3.0, "trial-begin", ""}});
  Result<SessionReplaySource> r = SessionReplaySource::fromRecording(f, "s.mrec");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->trialCount(), 1);
  EXPECT_NE(r->recoveryNote().find("last trial did not finish"), std::string::npos) << r->recoveryNote();
}

TEST(SessionReplaySource, MalformedEventSequencesAreErrorsNamingTheFile) {
  struct Case {
    const char* what;
    std::vector<MrecEvent> events;
    const char* message;
  };
  const Case cases[] = {
      {"no events", {}, "no trial events"},
      {"other events only", {{1.0, "cue", "x"}}, "no trial events"},
      {"begin twice", {{0.0, "trial-begin", ""}, {1.0, "trial-begin", ""}}, "before the previous one ended"},
      {"end without begin", {{1.0, "trial-end", ""}}, "never began"},
      {"end before begin", {{2.0, "trial-begin", ""}, {1.0, "trial-end", ""}}, "never began"},
      {"out of order",
       {{2.0, "trial-begin", ""}, {3.0, "trial-end", ""}, {1.0, "trial-begin", ""}},
       "not in time order"},
  };
  for (const Case& c : cases) {
    Result<SessionReplaySource> r = SessionReplaySource::fromRecording(session(c.events), "bad.mrec");
    ASSERT_FALSE(r.ok()) << c.what;
    EXPECT_EQ(r.error().code, ErrorCode::BadInput) << c.what;
    EXPECT_EQ(r.error().where, "bad.mrec") << c.what;
    EXPECT_NE(r.error().message.find(c.message), std::string::npos) << c.what << ": " << r.error().describe();
  }
}

TEST(SessionReplaySource, FromFileNamesAMissingFile) {
  Result<SessionReplaySource> r = SessionReplaySource::fromFile("/nonexistent/session.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().describe().find("/nonexistent/session.mrec"), std::string::npos) << r.error().describe();
}

}  // namespace
}  // namespace mimesis
