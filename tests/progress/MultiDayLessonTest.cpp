// Multi-day lessons with a simulated learner whose skill decays between sessions: the second day
// starts with a delayed-retention test (no ghost, no cues, recorded as such), the observer starts
// from the stored estimates decayed by the time away, the policy from the stage reached.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "ProgressTestSupport.hpp"
#include "mimesis/progress/ProgressRecorder.hpp"
#include "mimesis/progress/ProgressSchedule.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

// The simulated learner's true skill: lag and noise shrink with practice; between sessions the
// practice gained decays (half of it lost every `halfLifeDays`), so a learner coming back is worse
// than they ended, better than they began.
struct DecayingLearner {
  double practice = 0.0;  // effective trials of practice
  double halfLifeDays = 3.0;
  LearnerBehaviour today() const {
    LearnerBehaviour b = SimulatedLearnerSource::improvingLearner();
    const double f = std::pow(1.0 + practice, -0.8);
    b.base.lagMs *= f;
    b.base.noiseMm *= f;
    b.base.gain = 1.0 - (1.0 - b.base.gain) * f;
    b.base.learningRate = 0.8;
    b.base.seed = 7 + static_cast<std::uint64_t>(practice);
    return b;
  }
  void away(double days) { practice *= std::exp2(-days / halfLifeDays); }
};

struct Day {
  HeadlessResult result;
  ResumePlan plan;
  SkillBank unguidedAtFirstStep;
  bool sawFirstStep = false;
};

Day runDay(ProgressStore& store, const Lesson& lesson, const LearnerBehaviour& learner, const std::string& now,
           int trials, const std::filesystem::path& report) {
  SessionStart start;
  start.learner = "ada";
  start.scene = "clap.json";
  start.lesson = lesson.name;
  start.frontEnd = "lesson";
  start.started = testing::at(now);
  Result<ProgressRecorder> rec = ProgressRecorder::begin(store, start, lesson);
  EXPECT_TRUE(rec) << rec.error().describe();
  Day day;
  day.plan = rec->plan();
  LessonObserver taps;
  taps.afterStep = [&](const SessionRunner& r) {
    if (day.sawFirstStep) return;
    day.sawFirstStep = true;
    day.unguidedAtFirstStep = r.model().observer().skill(false);
  };
  SimulatedLearnerSource source(learner);
  ReportOptions ro;
  ro.writeHtml = false;
  ro.writeCsv = true;
  Result<HeadlessResult> r =
      runHeadlessLesson(lesson, source, trials, report.string(), ro, rec->observer(taps), rec->plan().resume);
  EXPECT_TRUE(r) << r.error().describe();
  EXPECT_TRUE(rec->finish());
  EXPECT_FALSE(rec->failure());
  if (r) day.result = std::move(*r);
  return day;
}

std::string query(const std::string& path, const std::string& sql) {
  sqlite3* db = nullptr;
  sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
  sqlite3_stmt* st = nullptr;
  std::string out = "<error>";
  if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
    const unsigned char* t = sqlite3_column_text(st, 0);
    out = t ? reinterpret_cast<const char*>(t) : "null";
  }
  sqlite3_finalize(st);
  sqlite3_close(db);
  return out;
}

TEST(MultiDayLesson, ReturningLearnerIsTestedThenResumesWhereTheyWere) {
  const Lesson lesson = testing::clapLesson();
  const auto dir = testing::scratch("multi-day");
  const std::string path = (dir / "progress.db").string();
  Result<ProgressStore> store = ProgressStore::open(path);
  ASSERT_TRUE(store) << store.error().describe();

  DecayingLearner learner;
  Day one = runDay(*store, lesson, learner.today(), "2026-03-01T10:00:00+01:00", 7, dir / "day1");
  EXPECT_FALSE(one.plan.returning);
  ASSERT_FALSE(one.result.trials.empty());
  EXPECT_EQ(one.result.trials.front().stage, Stage::Watch);
  learner.practice += 5.0;  // the performed trials of day one
  const Stage reached = one.result.finalState.stage;
  ASSERT_TRUE(stagePerforms(reached)) << stageName(reached);
  const double lastScoreDayOne = one.result.trials.back().score;

  Result<std::optional<LastSession>> last = store->lastSession("ada", "clap.json");
  ASSERT_TRUE(last && last->has_value());
  ASSERT_TRUE((*last)->hasEstimates);
  EXPECT_EQ((*last)->stageReached, reached);

  learner.away(3.0);
  Day two = runDay(*store, lesson, learner.today(), "2026-03-04T09:00:00+01:00", 4, dir / "day2");
  ASSERT_TRUE(two.plan.returning);
  EXPECT_TRUE(two.plan.resume.retentionTest);
  ASSERT_GE(two.result.trials.size(), 2u);
  // The delayed-retention test: first, in Retention, no ghost, no cue on any of its frames.
  const TrialRecord& test = two.result.trials[0];
  EXPECT_TRUE(test.delayedRetention);
  EXPECT_EQ(test.stage, Stage::Retention);
  EXPECT_FLOAT_EQ(test.ghostOpacity, 0.0f);
  for (const FrameSample& f : two.result.frames)
    if (f.trial == 0) {
      EXPECT_EQ(f.cueCount, 0);
      EXPECT_FLOAT_EQ(f.ghostOpacity, 0.0f);
    }
  // The learner forgot some of it: the test shows it.
  EXPECT_LT(test.score, lastScoreDayOne);
  // Then practice goes on in the stage reached on day one.
  EXPECT_FALSE(two.result.trials[1].delayedRetention);
  EXPECT_EQ(two.result.trials[1].stage, reached == Stage::Retention ? Stage::Retention : reached);
  // The observer began from the stored estimates decayed by the 3 days away.
  ASSERT_TRUE(two.sawFirstStep);
  const SkillBank& stored = (*last)->estimates.unguided;
  const ObserverConfig& oc = lesson.mirror.observer;
  bool anyObserved = false;
  for (int s = 0; s < stored.segments(); ++s)
    for (int c = 0; c < kCellsPerSegment; ++c) {
      const SkillFilter expected =
          decayFilter(stored.at(s, c), two.plan.daysAway, oc.skillPriorError, oc.skillPriorVariance, ProgressSettings{});
      EXPECT_NEAR(two.unguidedAtFirstStep.at(s, c).mean, expected.mean, 1e-12);
      EXPECT_NEAR(two.unguidedAtFirstStep.at(s, c).variance, expected.variance, 1e-12);
      if (stored.observed(s, c)) {
        anyObserved = true;
        EXPECT_GT(expected.mean, stored.at(s, c).mean);  // decayed: a higher error level
      }
    }
  EXPECT_TRUE(anyObserved);
  // Recorded as such.
  EXPECT_EQ(query(path, "SELECT kind FROM trials t JOIN sessions s ON s.id = t.session_id WHERE s.id = 2 AND t.trial = 0"),
            "delayed-retention");
  EXPECT_EQ(query(path, "SELECT count(*) FROM trials WHERE kind = 'delayed-retention'"), "1");
  // Every scorable group of every reached segment of the test's own report is stored, with its
  // score: counted from the report JSON here, independently of the recorder's parser.
  {
    const nlohmann::json report = nlohmann::json::parse(test.reportJson);
    int expectedParts = 0;
    std::string someSegment, someGroup;
    double someScore = 0.0;
    for (const nlohmann::json& seg : report.at("segments")) {
      if (!seg.value("reached", false) || seg.value("name", std::string()).empty()) continue;
      for (const nlohmann::json& g : seg.at("groups")) {
        if (!g.value("scorable", false)) continue;
        ++expectedParts;
        someSegment = seg.at("name").get<std::string>();
        someGroup = g.at("name").get<std::string>();
        someScore = g.at("score").get<double>();
      }
    }
    ASSERT_GT(expectedParts, 0);
    EXPECT_EQ(query(path, "SELECT count(*) FROM trial_scores ts JOIN trials t ON t.id = ts.trial_id WHERE t.session_id = 2 "
                          "AND t.trial = 0 AND ts.segment <> '' AND ts.grp <> ''"),
              std::to_string(expectedParts));
    const std::string storedScore = query(path, "SELECT ts.score FROM trial_scores ts JOIN trials t ON t.id = ts.trial_id WHERE "
                                           "t.session_id = 2 AND t.trial = 0 AND ts.segment = '" + someSegment +
                                               "' AND ts.grp = '" + someGroup + "'");
    ASSERT_NE(storedScore, "<error>") << someSegment << "/" << someGroup;
    EXPECT_NEAR(std::stod(storedScore), someScore, 1e-9) << someSegment << "/" << someGroup;
  }
  EXPECT_EQ(query(path, "SELECT finished FROM sessions WHERE id = 2"), "1");

  // Same day again: no second test.
  Day three = runDay(*store, lesson, learner.today(), "2026-03-04T17:00:00+01:00", 2, dir / "day2b");
  EXPECT_FALSE(three.plan.resume.retentionTest);
  ASSERT_FALSE(three.result.trials.empty());
  EXPECT_FALSE(three.result.trials[0].delayedRetention);
  EXPECT_NE(three.result.trials[0].stage, Stage::Watch);

  // Three weeks away: one stage below the stage reached, after the test.
  learner.away(21.0);
  Day back = runDay(*store, lesson, learner.today(), "2026-03-25T10:00:00+01:00", 2, dir / "day3");
  ASSERT_GE(back.result.trials.size(), 2u);
  const Stage before = three.result.finalState.stage;
  const Stage expected = before == Stage::Watch ? Stage::Watch : static_cast<Stage>(static_cast<int>(before) - 1);
  EXPECT_EQ(back.plan.resume.stage, expected);
  EXPECT_TRUE(back.result.trials[0].delayedRetention);
  EXPECT_EQ(back.result.trials[1].stage, expected);
}

TEST(MultiDayLesson, ReportsStayDeterministicForTheSameNow) {
  const Lesson lesson = testing::clapLesson();
  const auto dir = testing::scratch("multi-day-det");
  std::string traces[2];
  for (int k = 0; k < 2; ++k) {
    const std::string path = (dir / ("p" + std::to_string(k) + ".db")).string();
    Result<ProgressStore> store = ProgressStore::open(path);
    ASSERT_TRUE(store);
    DecayingLearner learner;
    runDay(*store, lesson, learner.today(), "2026-03-01T10:00:00Z", 5, dir / ("a" + std::to_string(k)));
    runDay(*store, lesson, learner.today(), "2026-03-02T10:00:00Z", 3, dir / ("b" + std::to_string(k)));
    traces[k] = testing::readAll((dir / ("b" + std::to_string(k)) / "trace.json").string()) +
                testing::readAll((dir / ("b" + std::to_string(k)) / "trials.json").string());
  }
  EXPECT_FALSE(traces[0].empty());
  EXPECT_EQ(traces[0], traces[1]);
}

}  // namespace
}  // namespace mimesis
