// A session recorded headless, replayed by the simulator runtime's hand tracking into the
// headset: the hands arrive at the frames they were recorded at, and the trials, decision trace
// and feedback equal the headless run byte for byte. The dumped eye images show the hands.
#include <gtest/gtest.h>

#include <cmath>

#include "XrTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/render/Renderer.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
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

TEST(HeadsetReplay, SameRecordingSameTrialsTraceAndFeedback) {
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
  for (const char* f : {"trials.json", "trace.json", "feedback.jsonl", "summary.json", "trials.csv", "frames.csv"})
    EXPECT_EQ(readFileBytes(dir / "headless" / f), readFileBytes(dir / "headset" / f)) << f;

  // Hands: the headset's lesson frames are the recorded ones, at the recorded session times,
  // located at display times exactly one frame apart (plus the frame each endTrial spends).
  Result<MrecFile> a = readMrec((dir / "headless" / "session.mrec").string());
  Result<MrecFile> b = readMrec(r->recordingPath);
  ASSERT_TRUE(a.ok() && b.ok());
  ASSERT_EQ(a->clip.frames.size(), b->clip.frames.size());
  for (std::size_t i = 0; i < a->clip.frames.size(); ++i) {
    ASSERT_EQ(a->clip.frames[i].time, b->clip.frames[i].time) << i;
    ASSERT_TRUE(a->clip.frames[i].hands == b->clip.frames[i].hands) << "frame " << i;
  }
  ASSERT_EQ(r->handDisplayTimes.size(), a->clip.frames.size());
  const double rate = lesson->clip.rate;
  for (std::size_t i = 0; i < r->handDisplayTimes.size(); ++i) {
    const double seconds = static_cast<double>(r->handDisplayTimes[i] - r->handDisplayTimes[0]) * 1e-9;
    EXPECT_NEAR(seconds, a->clip.frames[i].time - a->clip.frames[0].time, 0.5e-9 * 2 + 1e-9) << i;
    (void)rate;
  }

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
