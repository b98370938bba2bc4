// `mimesis score`: how faithfully a learner's performance imitates an expert clip, one pair or
// a research batch (manifest in, JSON Lines out, shardable for array jobs).
#include <fmt/core.h>

#include <cctype>
#include <fstream>
#include <string>

#include "BatchManifest.hpp"
#include "Command.hpp"
#include "BatchProgress.hpp"
#include "ShardStamp.hpp"
#include "mimesis/core/JsonText.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/scoring/RecordingScorer.hpp"
#include "mimesis/scoring/Scorer.hpp"

namespace mimesis::app {
namespace {

struct ScoreOptions {
  std::string expert;
  std::string learner;
  std::string mapping = "anatomical";
  double band = 0.10;
  std::string json;
  std::string csv;
  std::string batch;
  std::string out;
  std::string shard = "0/1";
  bool quiet = false;
};

Result<Mapping> parseMapping(const std::string& s, const std::string& where) {
  if (s == "anatomical") return Mapping::Anatomical;
  if (s == "mirror") return Mapping::Mirror;
  if (s == "auto") return Mapping::Auto;
  return makeError(ErrorCode::BadInput, "mapping must be anatomical, mirror or auto, got '" + s + "'", where);
}

Status writeFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  if (!out) return makeError(ErrorCode::Io, "cannot open for writing", path);
  out << text;
  out.close();
  if (!out) return makeError(ErrorCode::Io, "write failed", path);
  return okStatus();
}

bool isMrecPath(const std::string& path) {
  std::string tail = path.size() >= 5 ? path.substr(path.size() - 5) : std::string();
  for (char& c : tail) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return path.size() > 5 && tail == ".mrec";
}

Result<ScoreReport> scorePair(const std::string& expertPath, const std::string& learnerPath,
                              const ScoringConfig& config) {
  // Two recordings are scored as streams (the same report in a fraction of the memory: a
  // 10-minute pair held whole is ~210 MB of frames); loadClip's own open check comes first.
  if (isMrecPath(expertPath) && isMrecPath(learnerPath) && std::ifstream(expertPath, std::ios::binary).is_open() &&
      std::ifstream(learnerPath, std::ios::binary).is_open())
    return scoreRecordings(expertPath, learnerPath, config);
  Result<Clip> expert = loadClip(expertPath);
  if (!expert) return expert.error();
  Result<Clip> learner = loadClip(learnerPath);
  if (!learner) return learner.error();
  return scorePerformance(*expert, *learner, config);
}

int runSingle(const ScoreOptions& o, const ScoringConfig& config) {
  if (o.expert.empty() || o.learner.empty())
    return reportError("score", makeError(ErrorCode::BadInput, "--expert and --learner are required (or use --batch)"));
  Result<ScoreReport> report = scorePair(o.expert, o.learner, config);
  if (!report) return reportError("score", report.error());
  if (!o.quiet) fmt::print("{}", formatTable(*report));
  if (!o.json.empty()) {
    const Status s = writeFile(o.json, toJson(*report));
    if (!s) return reportError("score", s.error());
  }
  if (!o.csv.empty()) {
    const Status s = writeFile(o.csv, toCsv(*report));
    if (!s) return reportError("score", s.error());
  }
  return kExitOk;
}

int runBatch(const ScoreOptions& o, const ScoringConfig& config) {
  if (o.out.empty()) return reportError("score", makeError(ErrorCode::BadInput, "--batch needs --out RESULTS.jsonl"));
  Result<Shard> shard = parseShard(o.shard);
  if (!shard) return reportError("score", shard.error());
  Result<std::vector<ManifestRow>> rows = readManifest(o.batch);
  if (!rows) return reportError("score", rows.error());

  std::vector<const ManifestRow*> mine;
  for (const ManifestRow& r : *rows)
    if (shard->owns(r.index)) mine.push_back(&r);
  // A shard of N > 1 stamps its results so `mimesis merge` can check the pieces fit together;
  // the unfinished stamp goes first, so a stale finished one never vouches for new results.
  ShardStamp stamp;
  if (shard->count > 1) {
    std::vector<std::vector<std::string>> fields;
    for (const ManifestRow& r : *rows) fields.push_back({std::to_string(r.index), r.expert, r.learner, r.mapping, r.id});
    stamp = ShardStamp{"score", shard->index, shard->count, rows->size(), o.batch, manifestFingerprint(fields),
                       fmt::format("--mapping {} --band {}", o.mapping, o.band), "", false, 0, 0};
    const Status s = writeStamp(o.out, stamp);
    if (!s) return reportError("score", s.error());
  }
  std::ofstream out(o.out, std::ios::binary);
  if (!out) return reportError("score", makeError(ErrorCode::Io, "cannot open for writing", o.out));
  BatchProgress progress(mine.size(), !o.quiet);
  std::size_t failed = 0;
  for (std::size_t i = 0; i < mine.size(); ++i) {
    const ManifestRow& row = *mine[i];
    ScoringConfig rowConfig = config;
    std::string line;
    Result<Mapping> mapping = row.mapping.empty() ? Result<Mapping>(config.mapping)
                                                  : parseMapping(row.mapping, o.batch + ":" + std::to_string(row.line));
    Result<ScoreReport> report = mapping ? (rowConfig.mapping = *mapping, scorePair(row.expert, row.learner, rowConfig))
                                         : Result<ScoreReport>(mapping.error());
    // One JSON object per row; a row that fails records its error and the batch goes on.
    line = fmt::format("{{\"row\":{},\"id\":{},\"expert\":{},\"learner\":{},", row.index, jsonQuoted(row.id),
                       jsonQuoted(row.expert), jsonQuoted(row.learner));
    if (report) {
      line += "\"report\":" + toJson(*report, JsonOptions{false, -1}) + "}";
    } else {
      ++failed;
      line += "\"error\":" + jsonQuoted(report.error().describe()) + "}";
    }
    out << line << '\n';
    out.flush();  // a killed array job keeps every finished row
    progress.fileDone(!report);
  }
  if (!out) return reportError("score", makeError(ErrorCode::Io, "write failed", o.out));
  if (shard->count > 1) {
    stamp.complete = true;
    stamp.written = mine.size();
    stamp.failed = failed;
    const Status s = writeStamp(o.out, stamp);
    if (!s) return reportError("score", s.error());
  }
  fmt::print("{}: {} rows scored, {} failed (shard {})\n", o.out, mine.size() - failed, failed, o.shard);
  return failed == 0 ? kExitOk : kExitBadInput;
}

int runScore(const ScoreOptions& o) {
  ScoringConfig config;
  Result<Mapping> mapping = parseMapping(o.mapping, "--mapping");
  if (!mapping) return reportError("score", mapping.error());
  config.mapping = *mapping;
  config.bandFraction = o.band;
  return o.batch.empty() ? runSingle(o, config) : runBatch(o, config);
}

}  // namespace

CommandAction addScoreCommand(CLI::App& app) {
  auto o = std::make_shared<ScoreOptions>();
  CLI::App* cmd = app.add_subcommand("score", "Score how faithfully a learner imitates an expert clip: "
                                              "overall, per hand and joint group, per segment with grades");
  cmd->add_option("--expert", o->expert, "Expert clip");
  cmd->add_option("--learner", o->learner, "Learner recording");
  cmd->add_option("--mapping", o->mapping, "anatomical, mirror (learner faces the model) or auto (both, better wins)")
      ->capture_default_str()->check(CLI::IsMember({"anatomical", "mirror", "auto"}));
  cmd->add_option("--band", o->band, "DTW band half-width as a fraction of the clip length")
      ->capture_default_str()->check(CLI::Range(0.01, 1.0));
  cmd->add_option("--json", o->json, "Write the JSON report here (schema: engine/scoring/SCORE_REPORT.md)");
  cmd->add_option("--csv", o->csv, "Write per segment x group rows here");
  cmd->add_flag("--quiet", o->quiet, "Do not print the table, nor the batch progress line");
  cmd->add_option("--batch", o->batch, "Manifest CSV with columns expert,learner[,mapping][,id] (header row)");
  cmd->add_option("--out", o->out, "With --batch: JSON Lines results, one object per row");
  cmd->add_option("--shard", o->shard, "With --batch: I/N scores rows whose index % N == I (0-based)")
      ->capture_default_str();
  return [o] { return runScore(*o); };
}

}  // namespace mimesis::app
