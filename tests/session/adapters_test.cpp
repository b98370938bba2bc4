// The scorer → mirror adapters normalise as MIRROR_MODEL.md says (fingertips / 80 mm, wrist /
// 180 mm), map cells by group name, and a stuck learner ends the run at the stage's limit.
#include <gtest/gtest.h>

#include "SessionTestSupport.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/session/MirrorAdapters.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

TEST(MirrorAdapters, LiveErrorsAreRelative) {
  const std::vector<std::string> names = {"right/wrist", "right/thumb", "right/index", "right/middle",
                                          "right/ring", "right/little"};
  const CellGroupMap map = CellGroupMap::fromNames(names);
  EXPECT_EQ(map.group[static_cast<std::size_t>(cellIndex(Hand::Left, HandGroup::Index))], -1);
  EXPECT_EQ(map.group[static_cast<std::size_t>(cellIndex(Hand::Right, HandGroup::Index))], 2);
  FrameScore fs;
  fs.tracked = true;
  fs.groups.resize(names.size());
  for (auto& g : fs.groups) g.valid = true;
  fs.groups[0].placementMm = 90.0f;  // wrist: half a hand's length
  fs.groups[2].shapeMm = 40.0f;      // index: half a finger's length
  fs.groups[4].valid = false;
  ObserverConfig refs;
  LiveCellErrors out;
  liveCellErrorsFromFrameScore(fs, map, refs, out);
  const auto c = [](Hand h, HandGroup g) { return static_cast<std::size_t>(cellIndex(h, g)); };
  EXPECT_FLOAT_EQ(out.relError[c(Hand::Right, HandGroup::WristPalm)], 0.5f);
  EXPECT_FLOAT_EQ(out.relError[c(Hand::Right, HandGroup::Index)], 0.5f);
  EXPECT_TRUE(out.valid[c(Hand::Right, HandGroup::Index)]);
  EXPECT_FALSE(out.valid[c(Hand::Right, HandGroup::Ring)]);
  EXPECT_FALSE(out.valid[c(Hand::Left, HandGroup::Index)]);
  fs.tracked = false;
  liveCellErrorsFromFrameScore(fs, map, refs, out);
  EXPECT_FALSE(out.valid[c(Hand::Right, HandGroup::Index)]);
}

TEST(MirrorAdapters, ReportCellsPerSegment) {
  ScoreReport report;
  report.score = 80.0;
  report.lagMs = 120.0;
  report.learnerFrames = 100;
  for (const char* seg : {"a", "b"}) {
    SegmentReport s;
    s.name = seg;
    s.reached = true;
    s.start = seg[0] == 'a' ? 0.0 : 1.0;
    s.end = s.start + 1.0;
    s.score = seg[0] == 'a' ? 90.0 : 50.0;
    GroupReport g;
    g.name = "right/index";
    g.scorable = true;
    g.shapeMm = seg[0] == 'a' ? 8.0 : 16.0;
    s.groups.push_back(g);
    GroupReport w;
    w.name = "right/wrist";
    w.scorable = true;
    w.hasPlacement = true;
    w.placementMm = 36.0;
    s.groups.push_back(w);
    report.segments.push_back(s);
  }
  TrialFacts facts;
  facts.segmentCount = 2;
  facts.segmentNames = {"a", "b"};
  facts.spanStart = 0.0;
  const TrialOutcome o = trialOutcomeFromReport(report, facts, ObserverConfig{});
  ASSERT_EQ(o.cells.size(), 24u);
  const int idx = cellIndex(Hand::Right, HandGroup::Index), wr = cellIndex(Hand::Right, HandGroup::WristPalm);
  EXPECT_TRUE(o.cells[static_cast<std::size_t>(idx)].measured);
  EXPECT_FLOAT_EQ(o.cells[static_cast<std::size_t>(idx)].relError, 0.1f);
  EXPECT_FLOAT_EQ(o.cells[static_cast<std::size_t>(12 + idx)].relError, 0.2f);
  EXPECT_FLOAT_EQ(o.cells[static_cast<std::size_t>(wr)].relError, 0.2f);
  EXPECT_FALSE(o.cells[static_cast<std::size_t>(cellIndex(Hand::Left, HandGroup::Index))].measured);
  EXPECT_DOUBLE_EQ(o.worstMomentTime, 1.5);  // middle of the weaker segment 'b'
  EXPECT_TRUE(o.lagKnown);
  EXPECT_DOUBLE_EQ(o.score, 80.0);
}

TEST(HeadlessLessonLimits, StuckLearnerStopsAtStageLimit) {
  const auto dir = testing::sessionTempDir("stuck");
  const std::string path = testing::writeScene(dir, "stuck.json", R"({
    "clip": ")" + testing::assetPath("thumbs-up.mkeys") + R"(",
    "stages": {"guided": {"trials": 2}},
    "mirror": {"stages": {"watchTrials": 0, "imagineTrials": 0}}
  })");
  Result<Lesson> lesson = loadLesson(path);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  LearnerBehaviour b;
  b.base.gain = 0.2;  // barely moves, never learns
  b.base.noiseMm = 15.0;
  SimulatedLearnerSource source(b);
  Result<HeadlessResult> r = runHeadlessLesson(*lesson, source, 6, (dir / "report").string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->trials.size(), 2u);
  EXPECT_EQ(r->stopReason, "stuck in stage 'guided'");
}

}  // namespace
}  // namespace mimesis
