// `mimesis record --out take.mrec`: an expert records a take to author a lesson from — in the
// desktop window (puppet hands, or a replayed recording), in the headset (tracked hands, after
// a countdown), or headless from a recording. Frames stream into the .mrec as they come
// (MrecWriter), so a crash keeps all but the last chunk. engine/authoring's recordTake does it.
#include <fmt/core.h>

#include <cstdio>
#include <memory>
#include <string>

#include "Command.hpp"
#include "LessonInputs.hpp"
#include "mimesis/authoring/TakeRecorder.hpp"
#include "mimesis/desktop/DesktopSession.hpp"
#include "mimesis/sim/RecordingSource.hpp"

#ifdef MIMESIS_HAVE_xr
#include "mimesis/xr/HeadsetTake.hpp"
#endif

namespace mimesis::app {
namespace {

struct RecordCommandOptions {
  std::string out;
  double seconds = 10.0;
  double countdown = -1.0;  // default: 3 s in the headset, none elsewhere
  double rate = 90.0;
  std::string learner;
  bool desktop = false;
  bool headset = false;
  std::string input;
  long frames = 0;
  std::string size = "1280x800";
  std::string name = "take";
};

// What the window or headset shows around the take: nothing to imitate.
Lesson blankLesson(const RecordCommandOptions& o) {
  Lesson l;
  l.name = "recording " + o.name;
  l.scenePath = o.out;
  l.clip.rate = o.rate;
  l.clip.frames.resize(2);
  l.clip.frames[1].time = o.countdown + o.seconds;
  l.mirror.observer.frameRateHz = o.rate;
  return l;
}

void printTake(const RecordCommandOptions& o, const TakeResult& r) {
  fmt::print("recorded {} frames, {:.3f} s: {}\n", r.frames, r.seconds, o.out);
  if (!r.stopReason.empty()) fmt::print("stopped early: {}; the take is kept\n", r.stopReason);
}

int runRecord(RecordCommandOptions o) {
  if (o.desktop && o.headset)
    return reportError("record", makeError(ErrorCode::BadInput, "choose --desktop or --headset, not both", "--headset"));
  if (o.countdown < 0.0) o.countdown = o.headset ? 3.0 : 0.0;
  TakeOptions t;
  t.rate = o.rate;
  t.seconds = o.seconds;
  t.countdownSeconds = o.countdown;
  t.name = o.name;
  std::unique_ptr<HandSource> replay;
  if (!o.learner.empty()) {
    Result<std::vector<Clip>> recs = loadRecordings({o.learner});
    if (!recs) return reportError("record", recs.error());
    replay = std::make_unique<RecordingSource>(std::move(*recs));
  }
  if (o.headset) {
#ifdef MIMESIS_HAVE_xr
    Result<HeadsetTakeResult> r = recordHeadsetTake(HeadsetOptions{}, o.out, t);
    if (!r) return reportError("record", r.error());
    printTake(o, r->take);
    return kExitOk;
#else
    return reportError("record", makeError(ErrorCode::Unsupported, "this build has no OpenXR support (libopenxr-dev)", "--headset"));
#endif
  }
  if (o.desktop) {
    int w = 0, h = 0;
    char x = 0;
    if (std::sscanf(o.size.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 320 || h < 240 || w > 8192 || h > 8192)
      return reportError("record", makeError(ErrorCode::BadInput, "expected WxH of at least 320x240, got '" + o.size + "'", "--size"));
    const Lesson lesson = blankLesson(o);
    DesktopOptions d;
    d.width = w;
    d.height = h;
    d.frames = o.frames;
    d.recordingPath = o.out;
    if (!o.input.empty()) {
      auto script = readDesktopScript(o.input);
      if (!script) return reportError("record", script.error());
      d.script = std::move(*script);
    }
    const std::string sourceName = replay ? "recording " + o.learner : "puppet (mouse and keys)";
    auto desktop = DesktopSession::create(lesson, std::move(replay), sourceName, d);
    if (!desktop) return reportError("record", desktop.error());
    Result<TakeResult> r = recordTake(**desktop, o.out, t);
    if ((*desktop)->failure()) return reportError("record", *(*desktop)->failure());
    if (!r) return reportError("record", r.error());
    printTake(o, *r);
    return kExitOk;
  }
  if (!replay)
    return reportError("record", makeError(ErrorCode::BadInput, "headless recording needs --learner REC (or use --desktop / --headset)", "--learner"));
  Result<TakeResult> r = recordTake(*replay, o.out, t);
  if (!r) return reportError("record", r.error());
  printTake(o, *r);
  return kExitOk;
}

}  // namespace

CommandAction addRecordCommand(CLI::App& app) {
  auto o = std::make_shared<RecordCommandOptions>();
  CLI::App* cmd = app.add_subcommand("record", "Record an expert's take (.mrec) to author a lesson from: desktop, headset or a replayed recording");
  cmd->add_option("--out", o->out, "The take to write (.mrec, streamed: a crash keeps what was recorded)")->required();
  cmd->add_option("--seconds", o->seconds, "Length of the take after the countdown")->check(CLI::Range(0.1, 3600.0))->capture_default_str();
  cmd->add_option("--countdown", o->countdown, "Seconds shown before recording starts (default: 3 in the headset, 0 elsewhere)")
      ->check(CLI::Range(0.0, 60.0));
  cmd->add_option("--rate", o->rate, "Frames per second on the virtual clock (desktop, replay)")->check(CLI::Range(1.0, 1000.0))->capture_default_str();
  cmd->add_option("--learner", o->learner, "Replay this recording as the expert's hands (headless, or in the desktop window)");
  cmd->add_flag("--desktop", o->desktop, "Record in the desktop window (puppet hands unless --learner)");
  cmd->add_flag("--headset", o->headset, "Record the headset's tracked hands (XR_RUNTIME_JSON picks the runtime)");
  cmd->add_option("--input", o->input, "With --desktop: scripted input (DesktopScript.hpp)");
  cmd->add_option("--frames", o->frames, "With --desktop: stop after N displayed frames")->check(CLI::Range(1L, 10000000L));
  cmd->add_option("--size", o->size, "With --desktop: window size WxH")->capture_default_str();
  cmd->add_option("--name", o->name, "The take's name in its INFO chunk")->capture_default_str();
  return [o] { return runRecord(*o); };
}

}  // namespace mimesis::app
