// runHeadlessLesson: the virtual-clock loop over trials and the report files it writes.
#include "mimesis/session/HeadlessLesson.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "mimesis/core/Log.hpp"
#include "mimesis/core/NumberText.hpp"
#include "mimesis/mirror/MirrorJson.hpp"
#include "mimesis/session/HtmlReport.hpp"
#include "mimesis/session/ReportTables.hpp"

namespace mimesis {
namespace {

using ojson = nlohmann::ordered_json;

double round3(double v) { return std::isfinite(v) ? roundedTo(v, 3) : 0.0; }

Status writeText(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  if (!out) return makeError(ErrorCode::Io, "cannot create the file", path.string());
  out << text;
  out.close();
  if (!out) return makeError(ErrorCode::Io, "cannot write the file", path.string());
  return okStatus();
}

ojson trialJson(const TrialRecord& r) {
  ojson j;
  j["trial"] = r.trial + 1;  // 1-based, as trace.json, trials.csv and report.html
  j["stage"] = std::string(stageName(r.stage));
  j["performed"] = r.performed;
  j["guided"] = r.guided;
  j["ghostOpacity"] = round3(r.ghostOpacity);
  j["tempo"] = round3(r.tempo);
  j["loopedSegment"] = r.loopedSegmentName.empty() ? ojson(nullptr) : ojson(r.loopedSegmentName);
  j["view"] = std::string(viewName(r.view));
  j["start"] = round3(r.startTime);
  j["end"] = round3(r.endTime);
  j["frames"] = r.frames;
  j["cutShort"] = r.cutShort;
  if (r.delayedRetention) j["delayedRetention"] = true;  // only then, so older reports keep their bytes
  j["scored"] = r.scored;
  j["score"] = r.performed ? ojson(std::round(r.score * 100.0) / 100.0) : ojson(nullptr);
  j["knowledgeOfResults"] = r.knowledgeOfResults;
  if (!r.scoreNote.empty()) j["scoreNote"] = r.scoreNote;
  j["report"] = r.reportJson.empty() ? ojson(nullptr) : ojson::parse(r.reportJson, nullptr, false);
  return j;
}

std::string summaryJson(const Lesson& lesson, const HeadlessResult& res) {
  ojson j;
  j["lesson"] = lesson.name;
  j["scene"] = lesson.scenePath;
  j["clip"] = lesson.clipRef;
  j["mapping"] = std::string(imitationMappingName(lesson.mapping));
  j["trials"] = static_cast<int>(res.trials.size());
  j["stopReason"] = res.stopReason;
  j["finalStage"] = std::string(stageName(res.finalState.stage));
  j["lessonComplete"] = res.finalState.lessonComplete;
  j["finalGhostOpacity"] = round3(res.finalState.ghostOpacity);
  j["finalTempo"] = round3(res.finalState.tempo);
  j["decisions"] = static_cast<int>(res.decisions);
  ojson scores = ojson::array();
  for (const TrialRecord& r : res.trials)
    scores.push_back(r.performed ? ojson(std::round(r.score * 100.0) / 100.0) : ojson(nullptr));
  j["scores"] = scores;
  ojson stages = ojson::object();
  for (int s = 0; s < kStageCount; ++s) {
    const auto stage = static_cast<Stage>(s);
    const StageCriteria& c = lesson.stages[static_cast<std::size_t>(s)];
    int count = 0, passed = 0;
    double best = 0.0;
    for (const TrialRecord& r : res.trials) {
      if (r.stage != stage) continue;
      ++count;
      // A trial cut short is not a full performance: it neither passes nor sets the best.
      const bool full = r.performed && !r.cutShort;
      if (full && r.score >= c.passScore) ++passed;
      if (full) best = std::max(best, r.score);
    }
    if (count == 0) continue;
    ojson st;
    st["trials"] = count;
    st["passScore"] = round3(c.passScore);
    st["passed"] = passed;
    st["bestScore"] = std::round(best * 100.0) / 100.0;
    stages[std::string(stageName(stage))] = st;
  }
  j["stages"] = stages;
  return j.dump(2) + "\n";
}

// The session after a frame: what is shown (state) and what the observer measures live.
FrameSample sampleFrame(double time, int trial, const FeedbackState& st, const ObserverEstimates& est) {
  FrameSample f;
  f.time = time;
  f.trial = trial;
  f.stage = st.stage;
  f.ghostOpacity = st.ghostOpacity;
  f.tempo = st.tempo;
  f.loopedSegment = st.loopedSegment;
  f.cueCount = st.cueCount;
  f.segment = est.segment;
  f.judgedExpertTime = std::isfinite(est.judgedExpertTime) ? est.judgedExpertTime : 0.0;
  f.fitValid = est.learner.valid && std::isfinite(est.learner.lagMs) && std::isfinite(est.learner.gain);
  if (f.fitValid) {
    f.lagMs = est.learner.lagMs;
    f.gain = est.learner.gain;
    f.resonance = std::isfinite(est.learner.resonance) ? est.learner.resonance : 0.0;
  }
  double sum = 0.0;
  int n = 0;
  for (std::size_t c = 0; c < est.liveError.size(); ++c)
    if (est.liveValid[c] && std::isfinite(est.liveError[c])) {
      sum += est.liveError[c];
      ++n;
    }
  f.liveError = n > 0 ? sum / n : -1.0;
  return f;
}

}  // namespace

Result<HeadlessResult> runHeadlessLesson(const Lesson& lesson, HandSource& source, int trials,
                                         const std::string& reportDir, const ReportOptions& report,
                                         const LessonObserver& observer, const MirrorResume& resume) {
  namespace fs = std::filesystem;
  if (trials <= 0) trials = lesson.trials;
  if (trials > 100000) return makeError(ErrorCode::Limit, "too many trials (at most 100000)", reportDir);
  std::error_code ec;
  fs::create_directories(reportDir, ec);
  if (ec || !fs::is_directory(reportDir, ec))
    return makeError(ErrorCode::Io, "cannot create the report folder", reportDir);
  const fs::path dir(reportDir);

  SessionOptions options;
  options.recordingPath = (dir / "session.mrec").string();
  options.resume = resume;
  Result<SessionRunner> created = SessionRunner::create(lesson, options);
  if (!created) return created.error();
  SessionRunner& runner = *created;

  HeadlessResult res;
  res.reportDir = reportDir;
  res.stopReason = "trials";
  const double dt = runner.frameInterval();
  // The virtual clock counts frames, so its times never drift; a source with a clock of its own
  // (ownsClock) gives every time instead, and `clock` follows it.
  const bool sourceClock = source.ownsClock();
  std::int64_t frame = 0;
  double clock = 0.0;  // session seconds of the last step or trial boundary (source clock)
  auto now = [&] { return sourceClock ? clock : static_cast<double>(frame) * dt; };
  runner.start(now());
  Frame learner;
  std::array<int, kStageCount> stageTrials{};
  for (int k = 0; k < trials; ++k) {
    if (const std::string stop = source.stopRequest(); !stop.empty()) {
      res.stopReason = "stopped: " + stop;
      break;
    }
    if (sourceClock) clock = std::max(clock, source.trialStartTime(clock));
    const double trialStart = now();
    const TrialContext& ctx = runner.beginTrial(trialStart);
    if (Status st = source.beginTrial(ctx); !st) return st.error();
    const double shownSeconds = ctx.expertShown ? ctx.expertShown->duration() : 0.0;
    const auto shownFrames = static_cast<std::int64_t>(ctx.expertShown ? ctx.expertShown->frames.size() : 0);
    // At most the span shown plus 5 s; a source's own clock may run at up to 1000 Hz.
    const std::int64_t maxFrames = sourceClock ? static_cast<std::int64_t>(std::ceil((shownSeconds + 5.0) * 1000.0)) + 1
                                               : shownFrames + static_cast<std::int64_t>(std::ceil(5.0 / dt));
    bool stepped = false;
    for (std::int64_t i = 0; i < maxFrames; ++i) {
      if (!source.poll(static_cast<double>(i) * dt, runner.state(), learner)) break;
      if (sourceClock) {
        // Times must increase and stay inside the trial; a source that breaks that ends it.
        if (!std::isfinite(learner.time) || learner.time < trialStart || (stepped && !(learner.time > clock)) ||
            learner.time - trialStart > shownSeconds + 5.0)
          break;
        clock = learner.time;
      }
      const FeedbackState& shown = runner.step(now(), learner);
      res.frames.push_back(sampleFrame(now(), k, shown, runner.model().estimates()));
      ++frame;
      stepped = true;
      if (observer.afterStep) observer.afterStep(runner);
    }
    source.endTrial();
    if (sourceClock) {
      // After the last frame (so a re-run from the recording cuts the trials at the same place).
      const double end = source.trialEndTime(clock + dt);
      clock = end > clock ? end : (stepped ? clock + dt : clock);
    }
    Result<TrialRecord> rec = runner.endTrial(now());
    ++frame;  // the virtual clock spends one frame on the trial's end
    if (!rec) return rec.error();
    res.trials.push_back(*rec);
    moduleLog("session").debug("trial {}: stage {}, {}, ghost {}, tempo {}, {} session frames so far", k + 1,
                               stageName(rec->stage),
                               rec->performed ? "score " + printfFixed(rec->score, 1) : std::string("watched"),
                               printfFixed(rec->ghostOpacity, 2), printfFixed(rec->tempo, 2), frame);
    if (observer.afterTrial) observer.afterTrial(runner, *rec);
    const double worst = runner.model().lastOutcome().worstMomentTime;
    res.worstMomentTimes.push_back(rec->performed && std::isfinite(worst) ? worst : -1.0);
    const FeedbackState& st = runner.state();
    if (st.lessonComplete) {
      res.stopReason = "lesson complete";
      break;
    }
    // A stage's trial limit: the learner is stuck if the model has not moved on.
    const auto stageIdx = static_cast<std::size_t>(rec->stage);
    ++stageTrials[stageIdx];
    const int limit = lesson.stages[stageIdx].maxTrials;
    if (limit > 0 && stageTrials[stageIdx] >= limit && st.stage == rec->stage) {
      res.stopReason = "stuck in stage '" + std::string(stageName(rec->stage)) + "'";
      break;
    }
  }
  if (Status st = runner.finish(); !st) return st.error();
  moduleLog("session").debug("lesson '{}' ended after {} trial(s): {}", lesson.name, res.trials.size(), res.stopReason);
  res.finalState = runner.state();
  res.decisions = runner.model().trace().size();
  res.feedbackLog = runner.feedbackLog();

  if (Status st = writeText(dir / "trace.json", decisionTraceToJson(runner.model().trace(), 2) + "\n"); !st)
    return st.error();
  ojson trialsJ = ojson::array();
  for (const TrialRecord& r : res.trials) trialsJ.push_back(trialJson(r));
  if (Status st = writeText(dir / "trials.json", trialsJ.dump(2) + "\n"); !st) return st.error();
  std::string lines;
  for (const std::string& l : runner.feedbackLog()) lines += l + "\n";
  if (Status st = writeText(dir / "feedback.jsonl", lines); !st) return st.error();
  if (Status st = writeText(dir / "summary.json", summaryJson(lesson, res)); !st) return st.error();
  if (report.writeCsv) {
    if (Status st = writeText(dir / "trials.csv", trialsCsv(res)); !st) return st.error();
    if (Status st = writeText(dir / "frames.csv", framesCsv(res, lesson)); !st) return st.error();
  }
  if (report.writeHtml) {
    if (Status st = writeText(dir / "report.html", buildHtmlReport(lesson, res, report)); !st) return st.error();
  }
  return res;
}

}  // namespace mimesis
