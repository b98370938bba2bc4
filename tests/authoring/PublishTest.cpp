// Checking and publishing an authored lesson; recording a take. The published scene is read by
// loadLesson (as lesson, desktop and headset read it) and runs headless.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "mimesis/authoring/LessonCheck.hpp"
#include "mimesis/authoring/ScenePublisher.hpp"
#include "mimesis/authoring/TakeRecorder.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/RecordingSource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {
namespace fs = std::filesystem;

fs::path tempDir(const std::string& name) {
  const fs::path d = fs::path(MIMESIS_BINARY_DIR) / "tests" / "authoring-tmp" / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

Clip pinchTake() {
  auto clip = loadKeyframeClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/pinch-and-release.mkeys");
  EXPECT_TRUE(clip);
  return clip ? *clip : Clip{};
}

AuthoringSpec pinchSpec() {
  AuthoringSpec s;
  s.name = "pinch-authored";
  s.trim = TimeSpan{0.2, 4.6};
  s.segments = {{"reach", {0.2, 1.0}}, {"pinch", {1.0, 1.6}}, {"lift", {1.6, 2.8}}, {"lower", {2.8, 3.6}}, {"release", {3.6, 4.6}}};
  s.noCopy = {{0.2, 0.5}};
  s.tolerances = {{"lift", 0.2}};
  s.view = LessonView::Side;
  return s;
}

TEST(Publish, PublishedSceneLoadsAndRunsHeadless) {
  const fs::path dir = tempDir("publish");
  const std::string scene = (dir / "pinch-authored.json").string();
  auto r = publishAuthoredScene(pinchTake(), pinchSpec(), scene);
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_TRUE(r->published) << r->check.items.size();
  for (const CheckItem& i : r->check.items) EXPECT_TRUE(i.passed) << i.what << ": " << i.detail;
  EXPECT_TRUE(fs::exists(dir / "pinch-authored.mrec"));
  EXPECT_TRUE(fs::exists(dir / "pinch-authored.preview.md"));
  EXPECT_FALSE(fs::exists(dir / ".pinch-authored.authoring")) << "the staging folder is removed";
  auto lesson = loadLesson(scene);
  ASSERT_TRUE(lesson) << lesson.error().describe();
  EXPECT_EQ(lesson->clipRef, "pinch-authored.mrec");
  EXPECT_EQ(lesson->view, LessonView::Side);
  ASSERT_EQ(lesson->clip.segments.size(), 5u);
  EXPECT_EQ(lesson->clip.segments[2].name, "lift");
  EXPECT_GE(r->check.retakeScore, kRetakeMinScore);
  SimulatedLearnerSource learner(SimulatedLearnerSource::improvingLearner());
  auto run = runHeadlessLesson(*lesson, learner, 3, (dir / "report").string());
  ASSERT_TRUE(run) << run.error().describe();
  EXPECT_EQ(run->trials.size(), 3u);
  // Publishing is deterministic: the same take and spec give the same bytes.
  const std::string scene2 = (tempDir("publish-again") / "pinch-authored.json").string();
  ASSERT_TRUE(publishAuthoredScene(pinchTake(), pinchSpec(), scene2));
  auto bytes = [](const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  EXPECT_EQ(bytes(scene), bytes(scene2));
  EXPECT_EQ(bytes(dir / "pinch-authored.mrec"), bytes(fs::path(scene2).parent_path() / "pinch-authored.mrec"));
}

TEST(Publish, TooShortSegmentFailsItsCheckAndPublishesNothing) {
  const fs::path dir = tempDir("short");
  AuthoringSpec s = pinchSpec();
  s.segments = {{"blink", {1.0, 1.1}}, {"lift", {1.6, 2.8}}};
  s.tolerances.clear();
  auto r = publishAuthoredScene(pinchTake(), s, (dir / "short.json").string());
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_FALSE(r->published);
  bool named = false;
  for (const CheckItem& i : r->check.items)
    if (i.what == "segment 'blink' length") named = !i.passed;
  EXPECT_TRUE(named);
  EXPECT_FALSE(fs::exists(dir / "short.json"));
  EXPECT_FALSE(fs::exists(dir / "short.mrec"));
  std::ifstream in(dir / "short.preview.md");
  const std::string md((std::istreambuf_iterator<char>(in)), {});
  EXPECT_NE(md.find("- [ ] segment 'blink' length"), std::string::npos) << md;
  EXPECT_NE(md.find("Not published"), std::string::npos);
}

TEST(Publish, BadRangeIsAnErrorNamingTheSegment) {
  AuthoringSpec s = pinchSpec();
  s.segments.push_back({"encore", {4.4, 5.2}});
  auto r = publishAuthoredScene(pinchTake(), s, (tempDir("bad") / "bad.json").string());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::BadInput);
  EXPECT_EQ(r.error().where, "segment 'encore'");
}

TEST(LessonCheck, RetakeOfAnotherMovementScoresLow) {
  // The re-take check can fail: a clip scored against a re-take of a different clip is low.
  auto other = loadKeyframeClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/point-and-tap.mkeys");
  ASSERT_TRUE(other);
  const Clip take = pinchTake();
  const Clip retake = simulatedRetake(take);
  EXPECT_EQ(retake.frames.size(), static_cast<std::size_t>(std::floor(take.duration() * 1.03 * take.rate)) + 1);
  EXPECT_EQ(simulatedRetake(take).frames, retake.frames) << "deterministic";
  EXPECT_NE(retake.frames[10].hands, take.frames[10].hands);
}

TEST(TakeRecorder, RecordsTheSourceAfterTheCountdown) {
  const fs::path dir = tempDir("take");
  const Clip take = pinchTake();
  RecordingSource source({take});
  TakeOptions o;
  o.seconds = 2.0;
  o.countdownSeconds = 1.0;
  o.rate = take.rate;
  auto r = recordTake(source, (dir / "take.mrec").string(), o);
  ASSERT_TRUE(r) << r.error().describe();
  auto back = readMrec((dir / "take.mrec").string());
  ASSERT_TRUE(back) << back.error().describe();
  EXPECT_FALSE(back->recovery.torn);
  EXPECT_EQ(back->clip.frames.size(), r->frames);
  EXPECT_NEAR(back->clip.duration(), 2.0, 1.0 / take.rate + 1e-9);
  EXPECT_DOUBLE_EQ(back->clip.frames.front().time, 0.0);
  // The first kept frame is the source's frame one countdown in.
  const std::size_t k = static_cast<std::size_t>(std::lround(1.0 * take.rate));
  EXPECT_EQ(back->clip.frames.front().hands, take.frames[k].hands);
  ASSERT_GE(back->events.size(), 2u);
  EXPECT_EQ(back->events[0].kind, "countdown");
  EXPECT_EQ(countdownMessage(2.5), "Recording in 3");
  EXPECT_EQ(countdownMessage(0.0), "Recording");
}

}  // namespace
}  // namespace mimesis
