// The headset against the simulator runtime through the real Khronos loader: the session
// lifecycle up to FOCUSED and out through EXITING, frames submitted, a runtime without hand
// tracking refused cleanly, a session lost mid-lesson with its recording kept, and the OpenXR
// core validation layer and Vulkan validation both silent.
#include <gtest/gtest.h>

#include <algorithm>

#include "XrTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"
#include "mimesis/xr/HeadsetLesson.hpp"

namespace mimesis {
namespace {

using testing::XrEnvironment;
using testing::xrTempDir;

// A session recording to replay: a headless run with a simulated learner.
std::string headlessRecording(const Lesson& lesson, const std::filesystem::path& dir) {
  SimulatedLearnerSource learner(SimulatedLearnerSource::improvingLearner());
  ReportOptions report;
  report.writeHtml = false;
  Result<HeadlessResult> r = runHeadlessLesson(lesson, learner, lesson.trials, dir.string(), report);
  EXPECT_TRUE(r.ok()) << (r.ok() ? "" : r.error().describe());
  return (dir / "session.mrec").string();
}

bool inOrder(const std::vector<XrSessionState>& history, const std::vector<XrSessionState>& wanted) {
  auto it = history.begin();
  for (XrSessionState s : wanted) {
    it = std::find(it, history.end(), s);
    if (it == history.end()) return false;
    ++it;
  }
  return true;
}

TEST(HeadsetSession, ReachesFocusedSubmitsFramesAndExits) {
  XrEnvironment env;
  const auto dir = xrTempDir("lifecycle");
  Result<Lesson> lesson = testing::quickXrLesson(dir);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  env.set("MIMESIS_XR_SIM_RECORDING", headlessRecording(*lesson, dir / "headless"));
  HeadsetLessonOptions o;
  o.maxFrames = 40;
  o.reportDir = (dir / "headset").string();
  o.headset.vulkanValidation = true;
  Result<HeadsetLessonResult> r = runHeadsetLesson(*lesson, o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_FALSE(r->completed);  // stopped by the frame limit
  EXPECT_EQ(r->handFrames, 40);
  EXPECT_GE(r->framesSubmitted, 40);
  EXPECT_EQ(r->end, HeadsetEnd::Exited);
  EXPECT_TRUE(inOrder(r->states, {XR_SESSION_STATE_IDLE, XR_SESSION_STATE_READY, XR_SESSION_STATE_SYNCHRONIZED,
                                  XR_SESSION_STATE_VISIBLE, XR_SESSION_STATE_FOCUSED, XR_SESSION_STATE_VISIBLE,
                                  XR_SESSION_STATE_SYNCHRONIZED, XR_SESSION_STATE_STOPPING, XR_SESSION_STATE_IDLE,
                                  XR_SESSION_STATE_EXITING}));
  for (const std::string& m : r->vulkanMessages) ADD_FAILURE() << "Vulkan validation: " << m;
  // The recording is kept even though the lesson stopped early.
  Result<MrecFile> rec = readMrec(r->recordingPath);
  ASSERT_TRUE(rec.ok()) << rec.error().describe();
  EXPECT_EQ(rec->clip.frames.size(), 40u);
}

// Exit code 2 with the message on stderr when the runtime cannot track hands. In a child process:
// the loader keeps the runtime's extension list for the life of the process.
void createWithout(const char* variable) {
  XrEnvironment env;
  env.set(variable, "0");
  Result<std::unique_ptr<Headset>> h = Headset::create(HeadsetOptions{});
  if (h.ok()) std::exit(0);
  std::fprintf(stderr, "%s\n", h.error().describe().c_str());
  std::exit(h.error().code == ErrorCode::Unsupported ? 2 : 1);
}

TEST(HeadsetSession, RuntimeWithoutHandTrackingExtensionIsRefusedWithAMessage) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(createWithout("MIMESIS_XR_SIM_OFFER_HAND_TRACKING"), ::testing::ExitedWithCode(2),
              "does not offer hand tracking");
}

TEST(HeadsetSession, SystemWithoutHandTrackingIsRefusedWithAMessage) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_EXIT(createWithout("MIMESIS_XR_SIM_HAND_TRACKING"), ::testing::ExitedWithCode(2),
              "does not support hand tracking");
}

TEST(HeadsetSession, SessionLossMidLessonEndsCleanlyAndKeepsTheRecording) {
  XrEnvironment env;
  const auto dir = xrTempDir("loss");
  Result<Lesson> lesson = testing::quickXrLesson(dir);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  env.set("MIMESIS_XR_SIM_RECORDING", headlessRecording(*lesson, dir / "headless"));
  env.set("MIMESIS_XR_SIM_LOSS_FRAME", "150");
  HeadsetLessonOptions o;
  o.reportDir = (dir / "headset").string();
  Result<HeadsetLessonResult> r = runHeadsetLesson(*lesson, o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_FALSE(r->completed);
  EXPECT_TRUE(r->end == HeadsetEnd::SessionLost || r->end == HeadsetEnd::InstanceLost) << headsetEndName(r->end);
  EXPECT_NE(std::find(r->states.begin(), r->states.end(), XR_SESSION_STATE_LOSS_PENDING), r->states.end());
  EXPECT_FALSE(r->stopReason.empty());
  Result<MrecFile> rec = readMrec(r->recordingPath);
  ASSERT_TRUE(rec.ok()) << rec.error().describe();
  EXPECT_GT(rec->clip.frames.size(), 100u);
  EXPECT_LT(rec->clip.frames.size(), 150u);
}

TEST(HeadsetSession, CoreValidationLayerReportsNothing) {
  XrEnvironment env;
  const auto dir = xrTempDir("core-validation");
  Result<Lesson> lesson = testing::quickXrLesson(dir);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  env.set("MIMESIS_XR_SIM_RECORDING", headlessRecording(*lesson, dir / "headless"));
  const auto log = dir / "core-validation.txt";
  env.set("XR_CORE_VALIDATION_EXPORT_TYPE", "text");
  env.set("XR_CORE_VALIDATION_FILE_NAME", log.string());
  HeadsetLessonOptions o;
  o.maxFrames = 30;
  o.reportDir = (dir / "headset").string();
  o.headset.apiLayers = {"XR_APILAYER_LUNARG_core_validation"};
  Result<HeadsetLessonResult> r = runHeadsetLesson(*lesson, o);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->handFrames, 30);
  EXPECT_EQ(r->end, HeadsetEnd::Exited);
  const std::string text = testing::readFileBytes(log);
  for (const char* bad : {"VUID", "Error", "ERROR", "Warning", "WARNING"})
    EXPECT_EQ(text.find(bad), std::string::npos) << "core validation said:\n" << text;
}

}  // namespace
}  // namespace mimesis

namespace mimesis {
namespace {

// The check above is only meaningful if the layer writes where we look: a deliberate misuse
// (a wrong structure type) must show up in the same file.
TEST(HeadsetSession, CoreValidationLayerCatchesADeliberateMisuse) {
  XrEnvironment env;
  const auto dir = xrTempDir("core-validation-misuse");
  const auto log = dir / "core-validation.txt";
  env.set("XR_CORE_VALIDATION_EXPORT_TYPE", "text");
  env.set("XR_CORE_VALIDATION_FILE_NAME", log.string());
  const char* layers[] = {"XR_APILAYER_LUNARG_core_validation"};
  const char* exts[] = {XR_KHR_VULKAN_ENABLE2_EXTENSION_NAME};
  auto ci = xrStruct<XrInstanceCreateInfo>(XR_TYPE_INSTANCE_CREATE_INFO);
  std::snprintf(ci.applicationInfo.applicationName, XR_MAX_APPLICATION_NAME_SIZE, "%s", "misuse");
  ci.applicationInfo.apiVersion = XR_MAKE_VERSION(1, 0, 0);
  ci.enabledApiLayerCount = 1;
  ci.enabledApiLayerNames = layers;
  ci.enabledExtensionCount = 1;
  ci.enabledExtensionNames = exts;
  XrInstance instance = XR_NULL_HANDLE;
  ASSERT_EQ(xrCreateInstance(&ci, &instance), XR_SUCCESS);
  auto event = xrStruct<XrEventDataBuffer>(XR_TYPE_SYSTEM_PROPERTIES);  // wrong on purpose
  EXPECT_TRUE(XR_FAILED(xrPollEvent(instance, &event)));
  xrDestroyInstance(instance);
  EXPECT_NE(testing::readFileBytes(log).find("VUID"), std::string::npos);
}

}  // namespace
}  // namespace mimesis
