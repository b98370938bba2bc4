// RecordingSource: recordings replayed one per trial, cycling, sampled at the session's frame
// times from each recording's first frame, ending where the recording ends.
#include <gtest/gtest.h>

#include "TestHands.hpp"
#include "mimesis/sim/RecordingSource.hpp"

namespace mimesis {
namespace {

using testing::makeWavingClip;

// A clip whose first frame is at `start` seconds (recordings need not start at 0).
Clip shiftedClip(int frames, double start) {
  Clip c = makeWavingClip(frames, 90.0, false);
  for (Frame& f : c.frames) f.time += start;
  return c;
}

TrialContext trial(int k) {
  TrialContext ctx;
  ctx.trial = k;
  return ctx;
}

TEST(RecordingSource, TrialKPlaysRecordingKModN) {
  Clip a = makeWavingClip(30, 90.0, false);
  Clip b = makeWavingClip(60, 90.0, true);  // two hands: tells the recordings apart
  RecordingSource source({a, b});
  ASSERT_EQ(source.recordingCount(), 2u);
  Frame out;
  for (int k = 0; k < 5; ++k) {
    ASSERT_TRUE(source.beginTrial(trial(k)));
    ASSERT_TRUE(source.poll(0.0, FeedbackState{}, out));
    EXPECT_EQ(out.hand(Hand::Left).active, k % 2 == 1) << "trial " << k;
  }
}

TEST(RecordingSource, EmptyRecordingsAreDroppedAndNoneLeftIsAnError) {
  Clip empty;
  RecordingSource some({empty, makeWavingClip(10), empty});
  EXPECT_EQ(some.recordingCount(), 1u);
  RecordingSource none({empty});
  EXPECT_EQ(none.recordingCount(), 0u);
  const Status s = none.beginTrial(trial(0));
  ASSERT_FALSE(s);
  EXPECT_NE(s.error().message.find("no learner recording"), std::string::npos) << s.error().describe();
}

TEST(RecordingSource, SamplesFromTheFirstFrameAndEndsWithTheRecording) {
  const Clip c = shiftedClip(91, 2.0);  // 2 s to 3 s
  RecordingSource source({c});
  ASSERT_TRUE(source.beginTrial(trial(0)));
  Frame out;
  // Trial time 0.5 is the recording's frame at 2.5 s (frame 45), with the trial's time.
  ASSERT_TRUE(source.poll(0.5, FeedbackState{}, out));
  EXPECT_DOUBLE_EQ(out.time, 0.5);
  EXPECT_NEAR(glm::distance(out.hand(Hand::Right).wrist().position, c.frames[45].hand(Hand::Right).wrist().position),
              0.0f, 1e-5f);
  EXPECT_TRUE(source.poll(1.0, FeedbackState{}, out));    // the last frame
  EXPECT_FALSE(source.poll(1.02, FeedbackState{}, out));  // past the end: the trial is over
  EXPECT_FALSE(source.poll(-0.1, FeedbackState{}, out));
}

TEST(RecordingSource, PollBeforeAnyTrialDeliversNothing) {
  RecordingSource source({makeWavingClip(10)});
  Frame out;
  EXPECT_FALSE(source.poll(0.0, FeedbackState{}, out));
}

TEST(RecordingSource, FromFilesNamesTheFileThatFails) {
  const std::string missing = std::string(MIMESIS_SOURCE_DIR) + "/assets/recordings/no-such-recording.mrec";
  Result<RecordingSource> r = RecordingSource::fromFiles({missing});
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().describe().find("no-such-recording.mrec"), std::string::npos) << r.error().describe();
  Result<RecordingSource> none = RecordingSource::fromFiles({});
  ASSERT_FALSE(none.ok());
  EXPECT_EQ(none.error().code, ErrorCode::BadInput);
}

TEST(RecordingSource, FromFilesReadsTheShippedRecordings) {
  const std::string dir = std::string(MIMESIS_SOURCE_DIR) + "/assets/recordings/";
  Result<RecordingSource> r = RecordingSource::fromFiles(
      {dir + "pinch-and-release-learner-t01.mrec", dir + "pinch-and-release-learner-t02.mrec"});
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->recordingCount(), 2u);
}

}  // namespace
}  // namespace mimesis
