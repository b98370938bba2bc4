// Lesson batches: one headless lesson per recording, JSON Lines + CSV, shards, progress bar.
#include "LessonBatch.hpp"

#include <fmt/core.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <vector>

#include "BatchManifest.hpp"
#include "Command.hpp"
#include "BatchProgress.hpp"
#include "ShardStamp.hpp"
#include "mimesis/core/CsvText.hpp"
#include "mimesis/core/JsonText.hpp"
#include "mimesis/core/NumberText.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/RecordingSource.hpp"
#include "mimesis/sim/SessionReplaySource.hpp"

namespace mimesis::app {
namespace {

namespace fs = std::filesystem;
constexpr std::size_t kMaxRecordings = 10'000'000;

std::string lowerName(const fs::path& p) {
  std::string s = p.filename().string();
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

bool readable(const fs::path& p, const std::vector<std::string>& exts) {
  const std::string name = lowerName(p);
  return std::any_of(exts.begin(), exts.end(), [&](const std::string& e) {
    return name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  });
}

Result<std::vector<fs::path>> listRecordings(const std::string& folder) {
  std::error_code ec;
  if (!fs::is_directory(folder, ec)) return makeError(ErrorCode::Io, "not a folder of recordings", folder);
  const std::vector<std::string> exts = supportedInputExtensions();
  std::vector<fs::path> files;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    if (!it->is_regular_file(ec) || !readable(it->path(), exts)) continue;
    if (files.size() >= kMaxRecordings) return makeError(ErrorCode::Limit, "more than 10 million recordings", folder);
    files.push_back(it->path());
  }
  if (ec) return makeError(ErrorCode::Io, "cannot list the folder", folder);
  std::sort(files.begin(), files.end());  // name order: shards and rows are the same on every machine
  return files;
}

std::string score2(double v) { return roundedFixed(std::isfinite(v) ? v : 0.0, 2); }

struct Outcome {
  std::string source;  // "session" (re-run) or "performance" (replayed each trial)
  HeadlessResult result;
};

Result<Outcome> runOne(const Lesson& lesson, const fs::path& path, const fs::path& reportDir, int trials,
                       const ProfileOptions* profile) {
  Outcome o;
  std::unique_ptr<HandSource> source;
  const std::string name = lowerName(path);
  if (name.size() > 5 && name.compare(name.size() - 5, 5, ".mrec") == 0) {
    Result<MrecFile> f = readMrec(path.string());
    if (!f) return f.error();
    const bool session = std::any_of(f->events.begin(), f->events.end(),
                                     [](const MrecEvent& e) { return e.kind == "trial-begin"; });
    if (session) {
      Result<SessionReplaySource> replay = SessionReplaySource::fromRecording(*f, path.string());
      if (!replay) return replay.error();
      if (replay->rate() != lesson.clip.rate)
        return makeError(ErrorCode::BadInput, "recorded at " + fmt::format("{}", replay->rate()) +
                                                  " Hz but the lesson's clip runs at " + fmt::format("{}", lesson.clip.rate) +
                                                  " Hz", path.string());
      trials = replay->trialCount();
      source = std::make_unique<SessionReplaySource>(std::move(*replay));
      o.source = "session";
    } else {
      Result<Clip> ready = prepareLearnerClip(lesson, f->clip, path.string());
      if (!ready) return ready.error();
      std::vector<Clip> one;
      one.push_back(std::move(*ready));
      source = std::make_unique<RecordingSource>(std::move(one));
      o.source = "performance";
    }
  } else {
    Result<Clip> c = loadClip(path.string());
    if (!c) return c.error();
    if (c->frames.size() < 2) return makeError(ErrorCode::BadInput, "the recording has under two frames", path.string());
    Result<Clip> ready = prepareLearnerClip(lesson, *c, path.string());
    if (!ready) return ready.error();
    std::vector<Clip> one;
    one.push_back(std::move(*ready));
    source = std::make_unique<RecordingSource>(std::move(one));
    o.source = "performance";
  }
  if (trials <= 0 && o.source == "session") return makeError(ErrorCode::BadInput, "no complete trial", path.string());
  Result<HeadlessResult> r = runProfiledLesson(profile, "batch", lesson, *source, trials, reportDir.string());
  if (!r) return r.error();
  o.result = std::move(*r);
  return o;
}

}  // namespace

int runLessonBatch(const Lesson& lesson, const LessonBatchOptions& opt) {
  if (opt.out.empty()) return reportError("lesson", makeError(ErrorCode::BadInput, "--batch needs --out DIR", "--out"));
  Result<Shard> shard = parseShard(opt.shard);
  if (!shard) return reportError("lesson", shard.error());
  Result<std::vector<fs::path>> files = listRecordings(opt.folder);
  if (!files) return reportError("lesson", files.error());
  std::error_code ec;
  fs::create_directories(opt.out, ec);
  if (!fs::is_directory(opt.out, ec)) return reportError("lesson", makeError(ErrorCode::Io, "cannot create the folder", opt.out));
  const bool whole = shard->count == 1;
  const std::string suffix = whole ? "" : fmt::format("-{}-of-{}", shard->index, shard->count);
  const fs::path resultsPath = fs::path(opt.out) / ("RESULTS" + suffix + ".jsonl");
  const fs::path csvPath = fs::path(opt.out) / ("summary" + suffix + ".csv");
  // A shard's stamp goes first, unfinished, so a stale finished one never vouches for new results.
  ShardStamp stamp;
  if (!whole) {
    std::vector<std::vector<std::string>> fields;
    for (std::size_t i = 0; i < files->size(); ++i) fields.push_back({std::to_string(i), (*files)[i].string()});
    stamp = ShardStamp{"lesson", shard->index, shard->count, files->size(), opt.folder, manifestFingerprint(fields),
                       fmt::format("scene {} (crc32c {}) --trials {} --out {}{}", opt.scene, fileFingerprint(opt.scene),
                                   opt.trials, opt.out,
                                   // a profiled batch's rows depend on the learner and the session time
                                   opt.profile ? fmt::format(" --learner-id {} --now {}", opt.profile->learnerId,
                                                             opt.profile->now)
                                               : std::string()),
                       csvPath.filename().string(), false, 0, 0};
    const Status s = writeStamp(resultsPath.string(), stamp);
    if (!s) return reportError("lesson", s.error());
  }
  std::ofstream results(resultsPath, std::ios::binary | std::ios::trunc);
  std::ofstream csv(csvPath, std::ios::binary | std::ios::trunc);
  if (!results || !csv) return reportError("lesson", makeError(ErrorCode::Io, "cannot create the result files", opt.out));
  csv << "row,id,recording,source,trials,performed,first_score,last_score,best_score,mean_score,final_stage,"
         "lesson_complete,stop_reason,report,error\n";

  std::vector<std::size_t> mine;
  for (std::size_t i = 0; i < files->size(); ++i)
    if (shard->owns(i)) mine.push_back(i);
  BatchProgress progress(mine.size(), !opt.quiet);
  std::size_t failed = 0;
  for (std::size_t k = 0; k < mine.size(); ++k) {
    const std::size_t row = mine[k];
    const fs::path& path = (*files)[row];
    const std::string id = path.filename().string();
    const fs::path reportDir = fs::path(opt.out) / id;
    Result<Outcome> r = runOne(lesson, path, reportDir, opt.trials, opt.profile);
    std::string line = fmt::format("{{\"row\":{},\"id\":{},\"recording\":{},", row, jsonQuoted(id), jsonQuoted(path.string()));
    if (r) {
      const HeadlessResult& h = r->result;
      std::vector<double> scores;
      for (const TrialRecord& t : h.trials)
        if (t.performed) scores.push_back(t.score);
      std::string list;
      for (const double s : scores) list += (list.empty() ? "" : ",") + score2(s);
      double best = 0.0, sum = 0.0;
      for (const double s : scores) {
        best = std::max(best, s);
        sum += s;
      }
      const bool any = !scores.empty();
      const std::string first = any ? score2(scores.front()) : "null", last = any ? score2(scores.back()) : "null";
      const std::string bestS = any ? score2(best) : "null";
      const std::string mean = any ? score2(sum / static_cast<double>(scores.size())) : "null";
      const std::string stage(stageName(h.finalState.stage));
      line += fmt::format("\"source\":{},\"report\":{},\"trials\":{},\"performed\":{},\"scores\":[{}],\"firstScore\":{},"
                          "\"lastScore\":{},\"bestScore\":{},\"meanScore\":{},\"finalStage\":{},\"lessonComplete\":{},"
                          "\"stopReason\":{}}}",
                          jsonQuoted(r->source), jsonQuoted(reportDir.string()), h.trials.size(), scores.size(), list, first,
                          last, bestS, mean, jsonQuoted(stage), h.finalState.lessonComplete ? "true" : "false",
                          jsonQuoted(h.stopReason));
      auto cell = [](const std::string& v) { return v == "null" ? std::string() : v; };
      csv << row << ',' << csvCell(id) << ',' << csvCell(path.string()) << ',' << r->source << ',' << h.trials.size()
          << ',' << scores.size() << ',' << cell(first) << ',' << cell(last) << ',' << cell(bestS) << ','
          << cell(mean) << ',' << stage << ',' << (h.finalState.lessonComplete ? 1 : 0) << ','
          << csvCell(h.stopReason) << ',' << csvCell(reportDir.string()) << ",\n";
    } else {
      ++failed;
      line += "\"error\":" + jsonQuoted(r.error().describe()) + "}";
      csv << row << ',' << csvCell(id) << ',' << csvCell(path.string()) << ",,,,,,,,,,,," << csvCell(r.error().describe())
          << '\n';
    }
    results << line << '\n';
    results.flush();  // a killed array job keeps every finished recording
    csv.flush();
    progress.fileDone(!r);
  }
  if (!results || !csv) return reportError("lesson", makeError(ErrorCode::Io, "write failed", opt.out));
  if (!whole) {
    stamp.complete = true;
    stamp.written = mine.size();
    stamp.failed = failed;
    const Status s = writeStamp(resultsPath.string(), stamp);
    if (!s) return reportError("lesson", s.error());
  }
  fmt::print("{}: {} lesson(s) run, {} failed (shard {}); summary {}\n", resultsPath.string(), mine.size() - failed,
             failed, opt.shard, csvPath.string());
  return failed == 0 ? kExitOk : kExitBadInput;
}

}  // namespace mimesis::app
