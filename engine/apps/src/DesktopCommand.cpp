// `mimesis desktop`: a lesson in a window without a headset — puppet hands (mouse and keys), a
// replayed recording or a simulated learner; Dear ImGui panels; the same lesson driver, reports
// and recording as the headless and headset front ends.
#include <fmt/core.h>

#include <filesystem>
#include <string>

#include "Command.hpp"
#include "mimesis/core/Log.hpp"
#include "mimesis/desktop/DesktopSession.hpp"
#include "LearnerProfile.hpp"
#include "LessonInputs.hpp"
#include "mimesis/stills/WorstMomentImage.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/sim/RecordingSource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis::app {
namespace {

struct DesktopCommandOptions {
  std::string scene = "scenes/pinch-and-release.json";
  std::vector<std::string> learner;
  bool simulate = false;
  long frames = 0;
  std::string screenshot;
  std::string input;
  std::string size = "1280x800";
  std::string report = "out/desktop";
  int trials = 0;
  bool handMesh = false;
  bool validate = false;
  bool frameTimes = false;
  ProfileOptions profile;
};

int runDesktop(const DesktopCommandOptions& o) {
  int w = 0, h = 0;
  char x = 0;
  if (std::sscanf(o.size.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 320 || h < 240 || w > 8192 || h > 8192)
    return reportError("desktop", makeError(ErrorCode::BadInput, "expected WxH of at least 320x240, got '" + o.size + "'", "--size"));
  if (!o.screenshot.empty() && o.frames <= 0)
    return reportError("desktop", makeError(ErrorCode::BadInput, "--screenshot needs --frames N", "--screenshot"));
  Result<Lesson> lesson = loadSceneLesson(o.scene);
  if (!lesson) return reportError("desktop", lesson.error());

  DesktopOptions d;
  d.width = w;
  d.height = h;
  d.frames = o.frames;
  d.validate = o.validate;
  d.frameTimes = o.frameTimes;
  d.handMeshes = o.handMesh;
  d.assetsDir = (std::filesystem::path(lesson->scenePath).parent_path().parent_path() / "assets").string();
  d.recordingPath = o.report + "/session.mrec";
  if (!o.input.empty()) {
    auto script = readDesktopScript(o.input);
    if (!script) return reportError("desktop", script.error());
    d.script = std::move(*script);
  }
  std::unique_ptr<HandSource> inner;
  std::string sourceName = "puppet (mouse and keys)";
  if (o.simulate) {
    inner = std::make_unique<SimulatedLearnerSource>(SimulatedLearnerSource::improvingLearner());
    sourceName = "simulated learner";
  } else if (!o.learner.empty()) {
    Result<std::vector<Clip>> recordings = loadRecordings(o.learner);
    if (!recordings) return reportError("desktop", recordings.error());
    inner = std::make_unique<RecordingSource>(std::move(*recordings));
    sourceName = "recording " + std::filesystem::path(o.learner.front()).filename().string();
  }
  auto desktop = DesktopSession::create(*lesson, std::move(inner), sourceName, d);
  if (!desktop) return reportError("desktop", desktop.error());
  DesktopSession& session = **desktop;

  ReportOptions report;
  report.renderPng = worstMomentRenderer(*lesson, o.report);
  std::string profileNote;
  Result<HeadlessResult> run = runProfiledLesson(&o.profile, "desktop", *lesson, session, o.trials, o.report, report,
                                                 session.observer(), &profileNote);
  if (session.failure()) return reportError("desktop", *session.failure());
  if (!run) return reportError("desktop", run.error());
  if (!profileNote.empty()) fmt::print("learner {}: {}\n", o.profile.learnerId, profileNote);
  fmt::print("{} trials, {} frames shown; {}; the recording is kept: {}\nreport: {}/report.html\n", run->trials.size(),
             session.framesShown(), run->stopReason, d.recordingPath, o.report);
  if (!o.screenshot.empty()) {
    if (Status s = session.writeScreenshot(o.screenshot); !s) return reportError("desktop", s.error());
    fmt::print("screenshot: {}\n", o.screenshot);
  }
  if (o.frameTimes) fmt::print("{}", summarizeFrameTimes(session.frameTimes(), 5));
  const std::vector<std::string> messages = session.validationMessages();
  for (const std::string& m : messages) moduleLog("render").warn(m);
  if (o.validate && !messages.empty())
    return reportError("desktop", makeError(ErrorCode::Device, fmt::format("{} validation messages", messages.size()), "--validate"));
  return kExitOk;
}

}  // namespace

CommandAction addDesktopCommand(CLI::App& app) {
  auto o = std::make_shared<DesktopCommandOptions>();
  CLI::App* cmd = app.add_subcommand("desktop", "Run a lesson in a window: puppet, replayed or simulated hands, Dear ImGui panels");
  cmd->add_option("scene", o->scene, "Lesson scene file (scenes/*.json)")->capture_default_str();
  auto* learner = cmd->add_option("--learner", o->learner, "Replay learner recording(s) instead of puppet hands");
  auto* simulate = cmd->add_flag("--simulate", o->simulate, "Use a simulated learner instead of puppet hands");
  learner->excludes(simulate);
  cmd->add_option("--frames", o->frames, "Stop after N displayed frames (scripted runs, CI)")->check(CLI::Range(1L, 10000000L));
  cmd->add_option("--screenshot", o->screenshot, "With --frames: write the last frame, panels included, to this PNG");
  cmd->add_option("--input", o->input, "Scripted input events (see engine/desktop/include/mimesis/desktop/DesktopScript.hpp)");
  cmd->add_option("--size", o->size, "Window size, WxH")->capture_default_str();
  cmd->add_option("--report", o->report, "Report folder (recording, JSON, CSV, HTML)")->capture_default_str();
  cmd->add_option("--trials", o->trials, "Number of trials (default: the scene's)")->check(CLI::Range(1, 1000));
  cmd->add_flag("--hand-mesh", o->handMesh, "Draw the learner's hands with the skinned hand mesh");
  cmd->add_flag("--validate", o->validate, "Enable Vulkan validation layers; fail on any message");
  cmd->add_flag("--frame-times", o->frameTimes, "Print where each displayed frame's time went (median, p95, mean per phase)");
  addProfileOptions(cmd, o->profile);
  return [o] { return runDesktop(*o); };
}

}  // namespace mimesis::app
