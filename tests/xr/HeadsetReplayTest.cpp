// A session recorded headless, replayed by the simulator runtime's hand tracking into the
// headset: the hands arrive at the times they were recorded at, the trials take the same
// decisions with scores within a point, and the headless re-run of the headset's recording
// equals the headset's reports byte for byte. The dumped eye images show the hands.
#include <gtest/gtest.h>

#include <cmath>

#include "XrTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/render/Renderer.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/sim/SessionReplaySource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"
#include "mimesis/xr/HeadsetLesson.hpp"

#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wold-style-cast"
#pragma GCC diagnostic ignored "-Wshadow"
#pragma GCC diagnostic ignored "-Wmissing-field-initializers"
#pragma GCC diagnostic ignored "-Wimplicit-fallthrough"
#pragma GCC diagnostic ignored "-Wcast-align"
#pragma GCC diagnostic ignored "-Wunused-function"
#define STB_IMAGE_IMPLEMENTATION
#define STBI_ONLY_PNG
#include <stb_image.h>
#pragma GCC diagnostic pop

namespace mimesis {
namespace {

using testing::readFileBytes;
using testing::XrEnvironment;
using testing::xrTempDir;

TEST(HeadsetReplay, SameRecordingSameDecisionsAndRerunGivesTheSameBytes) {
  XrEnvironment env;
  const auto dir = xrTempDir("replay");
  Result<Lesson> lesson = testing::quickXrLesson(dir);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  ReportOptions report;
  report.writeHtml = false;
  SimulatedLearnerSource learner(SimulatedLearnerSource::improvingLearner());
  Result<HeadlessResult> headless = runHeadlessLesson(*lesson, learner, 3, (dir / "headless").string(), report);
  ASSERT_TRUE(headless.ok()) << headless.error().describe();

  env.set("MIMESIS_XR_SIM_RECORDING", (dir / "headless" / "session.mrec").string());
  env.set("MIMESIS_XR_SIM_DUMP_DIR", (dir / "eyes").string());
  env.set("MIMESIS_XR_SIM_DUMP_EVERY", "60");
  HeadsetLessonOptions o;
  o.trials = 3;
  o.reportDir = (dir / "headset").string();
  o.report = report;
  Result<HeadsetLessonResult> r = runHeadsetLesson(*lesson, o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_TRUE(r->completed) << r->stopReason;
  EXPECT_EQ(r->end, HeadsetEnd::Exited);
  // Decisions: the same stages; scores within a point. (Not byte for byte: the headset runs on
  // the runtime's nanosecond clock and spends no frame between trials, the virtual clock does.)
  ASSERT_EQ(r->lesson.trials.size(), headless->trials.size());
  for (std::size_t k = 0; k < headless->trials.size(); ++k) {
    EXPECT_EQ(r->lesson.trials[k].stage, headless->trials[k].stage) << "trial " << k;
    if (headless->trials[k].performed) {
      EXPECT_NEAR(r->lesson.trials[k].score, headless->trials[k].score, 1.0) << "trial " << k;
    }
  }
  // The headless re-run of the headset's own recording reproduces it byte for byte.
  Result<SessionReplaySource> replay = SessionReplaySource::fromFile(r->recordingPath);
  ASSERT_TRUE(replay.ok()) << replay.error().describe();
  Result<HeadlessResult> rerun = runHeadlessLesson(*lesson, *replay, replay->trialCount(), (dir / "rerun").string(), report);
  ASSERT_TRUE(rerun.ok()) << rerun.error().describe();
  for (const char* f : {"trials.json", "trace.json", "feedback.jsonl", "summary.json", "trials.csv", "frames.csv", "session.mrec"})
    EXPECT_EQ(readFileBytes(dir / "rerun" / f), readFileBytes(dir / "headset" / f)) << f;

  // Hands: a headset frame seen at a recorded frame's session time carries that frame's hands
  // bit for bit (the simulator replays the recording on the display clock); the frame times are
  // the predicted display times since the first lesson frame.
  Result<MrecFile> a = readMrec((dir / "headless" / "session.mrec").string());
  Result<MrecFile> b = readMrec(r->recordingPath);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(r->handDisplayTimes.size(), b->clip.frames.size());
  std::size_t matched = 0;
  for (std::size_t i = 0; i < b->clip.frames.size(); ++i) {
    const Frame& f = b->clip.frames[i];
    ASSERT_EQ(f.time, static_cast<double>(r->handDisplayTimes[i] - r->handDisplayTimes[0]) * 1e-9) << i;
    const std::size_t j = frameIndexAt(a->clip, f.time + 1e-6);
    if (std::fabs(a->clip.frames[j].time - f.time) > 1e-6) continue;
    ASSERT_TRUE(a->clip.frames[j].hands == f.hands) << "frame " << i;
    ++matched;
  }
  EXPECT_GE(matched * 100, b->clip.frames.size() * 95) << matched << " of " << b->clip.frames.size();

  // Eye images: frame d of the dump shows lesson frame d (the first frame is not rendered).
  // Project an active wrist through the left eye and look for hand pixels around it.
  int checked = 0;
  for (std::size_t d = 60; d < 360 && d < b->clip.frames.size(); d += 60) {
    const Frame& f = b->clip.frames[d];
    const HandPose* hand = f.hands[1].active ? &f.hands[1] : (f.hands[0].active ? &f.hands[0] : nullptr);
    if (hand == nullptr) continue;
    char name[64];
    std::snprintf(name, sizeof name, "frame-%06zu-eye0.png", d);
    int w = 0, h = 0, n = 0;
    unsigned char* px = stbi_load((dir / "eyes" / name).string().c_str(), &w, &h, &n, 4);
    ASSERT_NE(px, nullptr) << name;
    // The simulator's default head: (0, 1.6, 0), pitched 35 degrees down; left eye 32 mm left.
    EyeView eye;
    const glm::quat q = glm::angleAxis(glm::radians(-35.0f), glm::vec3(1, 0, 0));
    eye.T_world_eye.orientation = q;
    eye.T_world_eye.position = glm::vec3(0, 1.6f, 0) + q * glm::vec3(-0.032f, 0, 0);
    eye.fov = FieldOfView{-0.90f, 0.75f, 0.80f, -0.85f};
    const glm::vec3 p = hand->joints[index(HandJoint::MiddleMetacarpal)].pose.position;
    const glm::vec4 clip = projectionFromFov(eye.fov, 0.05f, 50.0f) * viewFromEye(eye.T_world_eye) * glm::vec4(p, 1.0f);
    const int cx = static_cast<int>((clip.x / clip.w * 0.5f + 0.5f) * static_cast<float>(w));
    const int cy = static_cast<int>((clip.y / clip.w * 0.5f + 0.5f) * static_cast<float>(h));
    ASSERT_TRUE(cx >= 0 && cx < w && cy >= 0 && cy < h) << "the hand projects outside the eye image: " << cx << "," << cy;
    // Background: the image's most common colour in its top row (sky / far floor).
    const unsigned char* bg = px;
    int handPixels = 0;
    for (int y = std::max(0, cy - 6); y < std::min(h, cy + 7); ++y)
      for (int x = std::max(0, cx - 6); x < std::min(w, cx + 7); ++x) {
        const unsigned char* c = px + 4 * (y * w + x);
        const int diff = std::abs(c[0] - bg[0]) + std::abs(c[1] - bg[1]) + std::abs(c[2] - bg[2]);
        if (diff > 60) ++handPixels;
      }
    stbi_image_free(px);
    EXPECT_GT(handPixels, 20) << name << " shows no hand at " << cx << "," << cy;
    ++checked;
  }
  EXPECT_GE(checked, 2);
}

}  // namespace
}  // namespace mimesis
