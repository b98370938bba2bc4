// `mimesis headset [SCENE]`: the lesson in an OpenXR headset — the same session pipeline and
// reports as `mimesis lesson`, the learner's hands from XR_EXT_hand_tracking.
#include <fmt/core.h>

#include <memory>
#include <string>

#include "Command.hpp"
#include "LearnerProfile.hpp"
#include "LessonInputs.hpp"
#include "mimesis/core/Log.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"

#ifdef MIMESIS_HAVE_xr
#include "mimesis/xr/HeadsetLesson.hpp"
#endif

namespace mimesis::app {
namespace {

struct HeadsetCommandOptions {
  std::string scene = "scenes/pinch-and-release.json";
  std::int64_t frames = -1;
  int trials = 0;
  std::string report = "headset-report";
  bool validate = false;
  std::vector<std::string> layers;
  bool noHtml = false;
  ProfileOptions profile;
};

#ifdef MIMESIS_HAVE_xr
int runHeadset(const HeadsetCommandOptions& o) {
  Result<Lesson> lesson = loadSceneLesson(o.scene);
  if (!lesson) return reportError("headset", lesson.error());
  HeadsetLessonOptions options;
  options.headset.vulkanValidation = o.validate;
  options.headset.apiLayers = o.layers;
  options.trials = o.trials;
  options.maxFrames = o.frames;
  options.reportDir = o.report;
  options.report.writeHtml = !o.noHtml;
  std::unique_ptr<LessonProfile> profile;
  if (o.profile.active()) {
    Result<std::unique_ptr<LessonProfile>> p = LessonProfile::open(o.profile, *lesson, "headset");
    if (!p) return reportError("headset", p.error());
    profile = std::move(*p);
    options.observer = profile->observer();
    options.resume = profile->resume();
    fmt::print("learner {}: {}\n", o.profile.learnerId, profile->note());
  }
  Result<HeadsetLessonResult> r = runHeadsetLesson(*lesson, options);
  if (!r) return reportError("headset", r.error());
  // Trials are committed one by one; a session that stopped early keeps them, unfinished.
  if (profile && r->completed)
    if (Status s = profile->finish(); !s) return reportError("headset", s.error());
  fmt::print("headset: {} frames submitted, {} lesson frames, session {}\n", r->framesSubmitted, r->handFrames,
             headsetEndName(r->end));
  if (r->handDisplayTimes.size() >= 2)  // the lesson's clock is the runtime's
    fmt::print("clock: {} lesson frames over {:.3f} s of predicted display time\n", r->handDisplayTimes.size(),
               static_cast<double>(r->handDisplayTimes.back() - r->handDisplayTimes.front()) * 1e-9);
  if (r->completed) {
    fmt::print("lesson: {} trials, {} ({})\n", r->lesson.trials.size(), r->lesson.stopReason, o.report);
  } else {
    moduleLog("xr").warn("mimesis headset: the lesson stopped early: {}; the recording is kept in {}", r->stopReason,
                         r->recordingPath);
  }
  if (o.validate && !r->vulkanMessages.empty()) {
    for (const std::string& m : r->vulkanMessages) moduleLog("render").warn("vulkan validation: {}", m);
    return kExitFailure;
  }
  // A lost session is a failure of the run (scripts should know); leaving on request is not.
  return r->end == HeadsetEnd::SessionLost || r->end == HeadsetEnd::InstanceLost ? kExitFailure : kExitOk;
}
#endif

}  // namespace

CommandAction addHeadsetCommand(CLI::App& app) {
  auto o = std::make_shared<HeadsetCommandOptions>();
  CLI::App* cmd = app.add_subcommand("headset", "Run a lesson in an OpenXR headset (XR_RUNTIME_JSON picks the runtime)");
  cmd->add_option("scene", o->scene, "Lesson scene (scenes/*.json)")->capture_default_str();
  cmd->add_option("--frames", o->frames, "Stop after N lesson frames (the recording is kept)");
  cmd->add_option("--trials", o->trials, "Number of trials (default: the lesson's)");
  cmd->add_option("--report", o->report, "Folder for the reports and session.mrec")->capture_default_str();
  cmd->add_flag("--validate", o->validate, "Vulkan validation; any message fails the run");
  cmd->add_option("--xr-layer", o->layers, "Enable an OpenXR API layer, e.g. XR_APILAYER_LUNARG_core_validation");
  cmd->add_flag("--no-html", o->noHtml, "Do not write report.html");
  addProfileOptions(cmd, o->profile);
  return [o]() -> int {
#ifdef MIMESIS_HAVE_xr
    return runHeadset(*o);
#else
    return reportError("headset", makeError(ErrorCode::Unsupported, "this build has no OpenXR support (libopenxr-dev)"));
#endif
  };
}

}  // namespace mimesis::app
