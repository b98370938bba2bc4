// scoreRecordings: two .mrec files scored as streams give scorePerformance's report byte for
// byte (heads, segments, do-not-copy spans, mappings, one-handed learners, bone windows), read
// each file once plus once per stream, and fall back to the whole read where they must.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "LongClipTestClips.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"
#include "mimesis/scoring/RecordingScorer.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis {
namespace {

class RecordingScorer : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = std::filesystem::temp_directory_path() / ("mimesis_recording_scorer_" + std::to_string(getpid()));
    std::filesystem::create_directories(dir_);
    auto clip = loadClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/clap.mkeys");
    ASSERT_TRUE(clip) << clip.error().describe();
    expert_ = test::loopClip(*clip, 20.0);
    LearnerParams p;
    p.lagMs = 150;
    p.seed = 7;
    learner_ = simulateLearner(expert_, p);
  }
  void TearDown() override { std::filesystem::remove_all(dir_); }

  std::string path(const char* name) const { return (dir_ / name).string(); }

  // Writes the learner with the streaming writer (a FRMS chunk per 9 frames), the expert with
  // the one-shot writer, then checks the streamed report against the whole one.
  void expectSameReport(const Clip& expert, const Clip& learner, const ScoringConfig& cfg, bool streamed = true,
                        int expertPasses = 2) {
    const std::string ep = path("expert.mrec"), lp = path("learner.mrec");
    ASSERT_TRUE(writeMrec(ep, expert));
    {
      auto w = MrecWriter::create(lp, learner.info, learner.rate, learner.body);
      ASSERT_TRUE(w) << w.error().describe();
      for (const Frame& f : learner.frames) ASSERT_TRUE(w->appendFrame(f));
      ASSERT_TRUE(w->close());
    }
    auto e = readMrec(ep), l = readMrec(lp);
    ASSERT_TRUE(e && l);
    auto whole = scorePerformance(e->clip, l->clip, cfg);
    ASSERT_TRUE(whole) << whole.error().describe();
    RecordingScoreInfo info;
    auto r = scoreRecordings(ep, lp, cfg, &info);
    ASSERT_TRUE(r) << r.error().describe();
    EXPECT_EQ(toJson(*r), toJson(*whole));
    EXPECT_EQ(formatTable(*r), formatTable(*whole));
    EXPECT_EQ(info.streamed, streamed);
    if (streamed) {
      EXPECT_EQ(info.expertPasses, expertPasses);
      EXPECT_EQ(info.learnerPasses, 2);
    }
  }

  std::filesystem::path dir_;
  Clip expert_, learner_;
};

TEST_F(RecordingScorer, TwoHandLoopIsTheWholeReport) { expectSameReport(expert_, learner_, ScoringConfig{}); }

TEST_F(RecordingScorer, HeadSegmentsDoNotCopyAndAutoMapping) {
  Clip expert = expert_, learner = learner_;
  for (Clip* c : {&expert, &learner})
    for (std::size_t i = 0; i < c->frames.size(); ++i) {
      Frame& f = c->frames[i];
      f.hasHead = i % 11 != 0;  // some frames without a head
      f.head.position = {0.01f * static_cast<float>(i % 50), 1.6f, 0.0f};
    }
  expert.segments = {{"first", 0.0, 7.0}, {"second", 7.0, 15.0}};
  expert.annotations = {{"do-not-copy", 3.0, 4.5, 0.0, "incidental"}};
  ScoringConfig cfg;
  cfg.mapping = Mapping::Auto;
  expectSameReport(expert, learner, cfg, true, 3);  // both mappings: one expert stream each
}

TEST_F(RecordingScorer, OneHandedLearnerAndAShortBoneWindow) {
  Clip learner = learner_;
  for (Frame& f : learner.frames) f.hand(Hand::Left) = HandPose{};  // never tracked
  ScoringConfig cfg;
  cfg.boneWindowSeconds = 0.4;
  expectSameReport(expert_, learner, cfg);
}

TEST_F(RecordingScorer, BodyRecordingsAreReadWhole) {
  Clip expert = expert_, learner = learner_;
  for (Clip* c : {&expert, &learner}) {
    c->body.joints = {"hips", "spine", "head"};
    c->body.parents = {-1, 0, 1};
    for (Frame& f : c->frames) {
      f.body.resize(3);
      for (int j = 0; j < 3; ++j) {
        f.body[static_cast<std::size_t>(j)].pose.position = {0.0f, 0.9f + 0.3f * static_cast<float>(j),
                                                            0.02f * static_cast<float>(std::sin(f.time))};
        f.body[static_cast<std::size_t>(j)].flags = kJointFullyTracked;
      }
    }
  }
  expectSameReport(expert, learner, ScoringConfig{}, false);
}

TEST_F(RecordingScorer, ErrorsAreTheWholeReadsErrors) {
  const std::string ep = path("e.mrec"), lp = path("l.mrec"), missing = path("missing.mrec");
  ASSERT_TRUE(writeMrec(ep, expert_));
  ASSERT_TRUE(writeMrec(lp, learner_));
  auto gone = scoreRecordings(ep, missing, ScoringConfig{});
  ASSERT_FALSE(gone);
  EXPECT_EQ(gone.error().describe(), readMrec(missing).error().describe());
  // A learner of one frame: the scorer's own check, named as for the clips in memory.
  Clip one = learner_;
  one.frames.resize(1);
  ASSERT_TRUE(writeMrec(lp, one));
  auto shortOne = scoreRecordings(ep, lp, ScoringConfig{});
  ASSERT_FALSE(shortOne);
  EXPECT_EQ(shortOne.error().describe(), scorePerformance(expert_, one, ScoringConfig{}).error().describe());
  // A learner that is not a regular file (a named pipe fed once) is read whole, once.
  const std::string fifo = path("fifo.mrec");
  ASSERT_EQ(mkfifo(fifo.c_str(), 0600), 0);
  ASSERT_TRUE(writeMrec(lp, learner_));
  const pid_t writer = fork();
  if (writer == 0) {
    std::ifstream in(lp, std::ios::binary);
    std::ofstream out(fifo, std::ios::binary);
    out << in.rdbuf();
    _exit(0);
  }
  RecordingScoreInfo piped;
  auto fromPipe = scoreRecordings(ep, fifo, ScoringConfig{}, &piped);
  waitpid(writer, nullptr, 0);
  ASSERT_TRUE(fromPipe) << fromPipe.error().describe();
  EXPECT_FALSE(piped.streamed);
  EXPECT_EQ(toJson(*fromPipe), toJson(*scorePerformance(readMrec(ep)->clip, readMrec(lp)->clip, ScoringConfig{})));
  // A torn learner: everything before the tear is scored, as readMrec recovers it.
  ASSERT_TRUE(writeMrec(lp, learner_));
  std::filesystem::resize_file(lp, std::filesystem::file_size(lp) - 1000);
  RecordingScoreInfo info;
  auto torn = scoreRecordings(ep, lp, ScoringConfig{}, &info);
  ASSERT_TRUE(torn) << torn.error().describe();
  auto l = readMrec(lp);
  ASSERT_TRUE(l && l->recovery.torn);
  EXPECT_TRUE(info.streamed);
  EXPECT_EQ(toJson(*torn), toJson(*scorePerformance(readMrec(ep)->clip, l->clip, ScoringConfig{})));
}

}  // namespace
}  // namespace mimesis
