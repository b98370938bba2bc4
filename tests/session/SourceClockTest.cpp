// A hand source with a clock of its own (as the headset is, without a GPU): the lesson stores
// and scores its frames at the times it gives — another rate than the clip's, a late trial
// start, missed frames as gaps — and the headless re-run of that session reproduces it byte
// for byte from the stored times.
#include <gtest/gtest.h>

#include <cmath>

#include "SessionTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/SessionReplaySource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

// The simulated learner seen by a 72 Hz display that starts each trial 3.7 ms late and misses
// two frames in every twenty.
class Display72Source : public HandSource {
 public:
  Display72Source() : learner_(SimulatedLearnerSource::improvingLearner()) {}
  bool ownsClock() const override { return true; }
  double trialStartTime(double earliest) override { return earliest + 0.0037; }
  Status beginTrial(const TrialContext& c) override {
    start_ = c.startTime;
    span_ = c.expertShown->duration();
    slot_ = 0;
    return learner_.beginTrial(c);
  }
  bool poll(double, const FeedbackState& g, Frame& out) override {
    if (slot_ % 20 == 10) slot_ += 2;  // missed
    const double t = static_cast<double>(slot_++) / 72.0;
    if (t > span_ || !learner_.poll(t, g, out)) return false;
    out.time = start_ + t;
    times.push_back(out.time);
    return true;
  }
  std::vector<double> times;  // every frame's session time, as given

 private:
  SimulatedLearnerSource learner_;
  double start_ = 0.0, span_ = 0.0;
  std::int64_t slot_ = 0;
};

TEST(SourceClock, FramesAreStoredAndScoredAtTheSourceTimesAndReplayExactly) {
  const auto dir = sessionTempDir("source-clock");
  Result<Lesson> lesson = loadLesson(writeScene(dir, "clock.json", R"({
    "clip": ")" + assetPath("thumbs-up.mkeys") + R"(",
    "mirror": {"stages": {"watchTrials": 1, "imagineTrials": 0, "advanceTrials": 2, "advanceMastery": 0.7}}
  })"));
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  ASSERT_NE(lesson->clip.rate, 72.0);
  ReportOptions report;
  report.writeHtml = false;
  Display72Source source;
  Result<HeadlessResult> live = runHeadlessLesson(*lesson, source, 3, (dir / "live").string(), report);
  ASSERT_TRUE(live.ok()) << live.error().describe();

  Result<MrecFile> rec = readMrec((dir / "live" / "session.mrec").string());
  ASSERT_TRUE(rec.ok()) << rec.error().describe();
  ASSERT_EQ(rec->clip.frames.size(), source.times.size());
  for (std::size_t i = 0; i < source.times.size(); ++i) ASSERT_EQ(rec->clip.frames[i].time, source.times[i]) << i;
  // Trials start late, at the source's time, and last the span on its clock, not frames / 90 Hz.
  double previousEnd = 0.0;
  for (const TrialRecord& t : live->trials) {
    EXPECT_NEAR(t.startTime, previousEnd + 0.0037, 1e-12) << "trial " << t.trial;
    const double span = lesson->clip.duration() / t.tempo;
    const auto expected = static_cast<int>(std::floor(span * 72.0 + 1e-9)) + 1;
    EXPECT_NEAR(t.frames, expected * 18 / 20, 3) << "trial " << t.trial << ": 72 Hz less 2 in 20";
    previousEnd = t.endTime;
  }
  int performed = 0;
  for (const TrialRecord& t : live->trials)
    if (t.performed) {
      EXPECT_TRUE(t.scored) << t.scoreNote;
      EXPECT_GT(t.score, 20.0);
      ++performed;
    }
  EXPECT_GE(performed, 1);

  Result<SessionReplaySource> replay = SessionReplaySource::fromFile((dir / "live" / "session.mrec").string());
  ASSERT_TRUE(replay.ok()) << replay.error().describe();
  Result<HeadlessResult> again = runHeadlessLesson(*lesson, *replay, replay->trialCount(), (dir / "rerun").string(), report);
  ASSERT_TRUE(again.ok()) << again.error().describe();
  for (const char* f : {"trials.json", "trace.json", "feedback.jsonl", "summary.json", "trials.csv", "frames.csv", "session.mrec"})
    EXPECT_TRUE(readBytes(dir / "live" / f) == readBytes(dir / "rerun" / f)) << f << " differs after the re-run";
}

}  // namespace
}  // namespace mimesis
