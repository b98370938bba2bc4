// `mimesis lesson`: a lesson run headless — a recorded or simulated learner, or a recorded
// session re-run, the mirror model adapting the guidance trial by trial, and the reports
// (JSON, CSV, report.html) written to a folder; or a batch of recordings (LessonBatch).
#include <fmt/core.h>

#include <memory>
#include <string>
#include <vector>

#include "Command.hpp"
#include "LearnerProfile.hpp"
#include "LessonInputs.hpp"
#include "mimesis/core/NumberText.hpp"
#include "mimesis/stills/WorstMomentImage.hpp"
#include "LessonBatch.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/RecordingSource.hpp"
#include "mimesis/sim/SessionReplaySource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis::app {
namespace {

struct LessonOptions {
  std::string scene = "scenes/pinch-and-release.json";
  std::vector<std::string> learner;
  bool simulate = false;
  std::string mapping;  // empty: the scene's mapping (a faithful learner copies as the lesson asks)
  std::string stallSegment;
  int trials = 0;
  std::string report = "lesson-report";
  std::string replay;
  std::string batch;
  std::string out;
  std::string shard = "0/1";
  bool noHtml = false;
  bool quiet = false;
  LearnerBehaviour behaviour = SimulatedLearnerSource::improvingLearner();
  ProfileOptions profile;
};


int runLesson(LessonOptions o) {
  const int sources = (o.simulate ? 1 : 0) + (o.learner.empty() ? 0 : 1) + (o.replay.empty() ? 0 : 1) +
                      (o.batch.empty() ? 0 : 1);
  if (sources != 1)
    return reportError("lesson", makeError(ErrorCode::BadInput,
                                           "give exactly one of --learner REC..., --simulate, --replay SESSION.mrec "
                                           "or --batch FOLDER",
                                           "arguments"));
  Result<Lesson> lesson = loadSceneLesson(o.scene);
  if (!lesson) return reportError("lesson", lesson.error());
  if (!o.batch.empty()) {
    LessonBatchOptions batch{o.batch, o.out, o.shard, o.trials, nullptr, o.scene, o.quiet};
    batch.profile = o.profile.active() ? &o.profile : nullptr;
    if (batch.profile)
      if (Status s = checkProfile(o.profile); !s) return reportError("lesson", s.error());
    return runLessonBatch(*lesson, batch);
  }

  std::unique_ptr<HandSource> source;
  std::string replayNote;
  if (!o.replay.empty()) {
    // Re-run: the recorded trials, exactly as many as finished, through the same pipeline.
    Result<SessionReplaySource> replay = SessionReplaySource::fromFile(o.replay);
    if (!replay) return reportError("lesson", replay.error());
    if (replay->rate() != lesson->clip.rate)
      return reportError("lesson", makeError(ErrorCode::BadInput,
                                             fmt::format("recorded at {} Hz but the lesson's clip runs at {} Hz: "
                                                         "not a session of this scene",
                                                         replay->rate(), lesson->clip.rate),
                                             o.replay));
    if (replay->trialCount() == 0)
      return reportError("lesson", makeError(ErrorCode::BadInput, "the recording has no complete trial", o.replay));
    o.trials = replay->trialCount();
    replayNote = replay->recoveryNote();
    source = std::make_unique<SessionReplaySource>(std::move(*replay));
  } else if (o.simulate) {
    LearnerBehaviour b = o.behaviour;
    const bool mirror = o.mapping.empty() ? lesson->mapping == ImitationMapping::Mirror : o.mapping == "mirror";
    b.base.mapping = mirror ? LearnerParams::Mapping::Mirror : LearnerParams::Mapping::Anatomical;
    if (!o.stallSegment.empty()) {
      bool found = false;
      for (const Segment& s : lesson->clip.segments)
        if (s.name == o.stallSegment) {
          b.stallStart = s.start;
          b.stallEnd = s.end;
          found = true;
        }
      if (!found) {
        std::string names;
        for (const Segment& s : lesson->clip.segments) names += (names.empty() ? "" : ", ") + s.name;
        return reportError("lesson", makeError(ErrorCode::BadInput,
                                               "no segment '" + o.stallSegment + "' in the clip (segments: " +
                                                   (names.empty() ? "none" : names) + ")",
                                               "--stall-segment"));
      }
    }
    source = std::make_unique<SimulatedLearnerSource>(b);
  } else {
    Result<std::vector<Clip>> recordings = loadRecordings(o.learner, &*lesson);
    if (!recordings) return reportError("lesson", recordings.error());
    source = std::make_unique<RecordingSource>(std::move(*recordings));
  }

  ReportOptions reportOptions;
  reportOptions.writeHtml = !o.noHtml;
  reportOptions.renderPng = worstMomentRenderer(*lesson, o.report);
  std::string profileNote;
  Result<HeadlessResult> r =
      runProfiledLesson(&o.profile, "lesson", *lesson, *source, o.trials, o.report, reportOptions, {}, &profileNote);
  if (!r) return reportError("lesson", r.error());
  if (!profileNote.empty()) fmt::print("learner {}: {}\n", o.profile.learnerId, profileNote);
  if (!replayNote.empty()) fmt::print("replayed the finished trials of a recording cut short: {}\n", replayNote);
  fmt::print("lesson {} ({}), {} trial(s)\n", lesson->name, lesson->clipRef, r->trials.size());
  fmt::print("{:>5}  {:<9}  {:>6}  {:>5}  {:>5}  {}\n", "trial", "stage", "score", "ghost", "tempo", "feedback");
  for (const TrialRecord& t : r->trials) {
    const std::string score = t.performed ? printfFixed(t.score, 1) : std::string("-");
    std::string stage(stageName(t.stage));
    if (!t.loopedSegmentName.empty()) stage += " [" + t.loopedSegmentName + "]";
    fmt::print("{:>5}  {:<9}  {:>6}  {:>5.2f}  {:>5.2f}  {}\n", t.trial + 1, stage, score, t.ghostOpacity, t.tempo,
               t.knowledgeOfResults.empty() ? std::string("-") : t.knowledgeOfResults);
  }
  fmt::print("final stage {}, ghost {:.2f}, tempo {:.2f}, {} decisions; stopped: {}\n",
             stageName(r->finalState.stage), r->finalState.ghostOpacity, r->finalState.tempo, r->decisions,
             r->stopReason);
  fmt::print("reports: {}\n", o.report);
  if (!o.noHtml) fmt::print("report: {}/report.html\n", o.report);
  return kExitOk;
}

}  // namespace

CommandAction addLessonCommand(CLI::App& app) {
  auto o = std::make_shared<LessonOptions>();
  CLI::App* cmd = app.add_subcommand(
      "lesson", "Run a lesson headless with a recorded or simulated learner; the mirror model adapts the "
                "guidance and the reports go to a folder (deterministic)");
  cmd->add_option("scene", o->scene, "Lesson scene file (scenes/*.json)")->capture_default_str();
  auto* learner = cmd->add_option("--learner", o->learner, "Learner recording(s), one per trial, cycling");
  auto* simulate = cmd->add_flag("--simulate", o->simulate, "Use a simulated learner (defaults: one who improves)");
  learner->excludes(simulate);
  auto* replay = cmd->add_option("--replay", o->replay,
                                 "Re-run a recorded session (its session.mrec) trial by trial: the same scene gives "
                                 "the same trials.json and trace.json, byte for byte");
  replay->excludes(learner)->excludes(simulate);
  auto* batch = cmd->add_option("--batch", o->batch,
                                "Run one lesson per recording in this folder (session.mrec files are re-run, other "
                                "recordings replayed every trial); needs --out");
  batch->excludes(learner)->excludes(simulate)->excludes(replay);
  cmd->add_option("--out", o->out, "With --batch: output folder (RESULTS.jsonl, summary.csv, one report folder "
                                   "per recording)");
  cmd->add_option("--shard", o->shard, "With --batch: I/N runs recordings whose index (name order) % N == I")
      ->capture_default_str();
  cmd->add_flag("--no-html", o->noHtml, "Do not write report.html");
  cmd->add_flag("--quiet", o->quiet, "With --batch: no progress line (it is drawn only on a terminal anyway)");
  LearnerParams& p = o->behaviour.base;
  cmd->add_option("--lag-ms", p.lagMs, "Simulated learner: how far it trails the expert, ms")
      ->capture_default_str()->check(CLI::Range(-2000.0, 5000.0));
  cmd->add_option("--gain", p.gain, "Simulated learner: movement amplitude relative to the expert")
      ->capture_default_str()->check(CLI::Range(0.0, 5.0));
  cmd->add_option("--noise-mm", p.noiseMm, "Simulated learner: joint position noise, mm")
      ->capture_default_str()->check(CLI::Range(0.0, 200.0));
  cmd->add_option("--tremor-hz", p.tremorHz, "Simulated learner: tremor frequency, Hz")
      ->capture_default_str()->check(CLI::Range(0.0, 40.0));
  cmd->add_option("--tremor-mm", p.tremorMm, "Simulated learner: tremor amplitude, mm")
      ->capture_default_str()->check(CLI::Range(0.0, 100.0));
  cmd->add_option("--mapping", o->mapping,
                  "Simulated learner: anatomical or mirror imitation (default: the scene's mapping)")
      ->check(CLI::IsMember({"anatomical", "mirror"}));
  cmd->add_option("--dropout", p.dropout, "Simulated learner: fraction of frames untracked")
      ->capture_default_str()->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--scale", p.handScale, "Simulated learner: hand size relative to the default hand")
      ->capture_default_str()->check(CLI::Range(0.5, 2.0));
  cmd->add_option("--learning-rate", p.learningRate, "Simulated learner: errors shrink as (1+trial)^-rate")
      ->capture_default_str()->check(CLI::Range(0.0, 5.0));
  cmd->add_option("--seed", p.seed, "Simulated learner: random seed")->capture_default_str();
  cmd->add_option("--dependence", o->behaviour.guidanceDependence,
                  "Simulated learner: dependence on the ghost (0 = none)")
      ->capture_default_str()->check(CLI::Range(0.0, 10.0));
  cmd->add_option("--stall-segment", o->stallSegment, "Simulated learner: a clip segment it does not learn");
  cmd->add_option("--trials", o->trials, "Number of trials (default: the scene's)")
      ->check(CLI::Range(1, 1000))->excludes(replay);
  cmd->add_option("--report", o->report, "Report folder")->capture_default_str();
  addProfileOptions(cmd, o->profile);
  return [o] { return runLesson(*o); };
}

}  // namespace mimesis::app
