// `mimesis merge OUT SHARD...`: puts the shards of a `score --batch` or `lesson --batch` back
// together, byte for byte the file(s) the unsharded run writes — or refuses, naming the shard,
// when the pieces are not one whole batch (other manifest or options, duplicated, missing,
// unfinished or cut short).
#include <fmt/core.h>

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "Command.hpp"
#include "ShardStamp.hpp"

namespace mimesis::app {
namespace {

namespace fs = std::filesystem;

struct MergeOptions {
  std::string out;
  std::vector<std::string> shards;
};

// One shard: its stamp, and its rows (each with its line ending) in the order it wrote them.
struct Piece {
  std::string path;
  ShardStamp stamp;
  std::vector<std::string> rows;
  std::string csvHeader;               // lesson: the summary's header record
  std::vector<std::string> csvRows;    // lesson: the summary's data records
};

std::string describeShard(const ShardStamp& s) { return fmt::format("shard {}/{}", s.index, s.count); }

// The rows a shard owns, in the order it writes them (BatchManifest.hpp: index % N == I).
std::vector<std::size_t> ownedRows(const ShardStamp& s) {
  std::vector<std::size_t> rows;
  for (std::size_t r = s.index; r < s.rows; r += s.count) rows.push_back(r);
  return rows;
}

Result<std::string> readAll(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(ErrorCode::Io, "cannot open the shard's results", path);
  std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) return makeError(ErrorCode::Io, "read failed", path);
  return text;
}

// Splits into records ending in '\n'; with `csv`, a newline inside double quotes does not end one.
Result<std::vector<std::string>> records(const std::string& text, const std::string& path, bool csv) {
  std::vector<std::string> out;
  bool quoted = false;
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (csv && text[i] == '"') quoted = !quoted;  // "" inside a quoted cell toggles twice
    if (text[i] == '\n' && !quoted) {
      out.push_back(text.substr(begin, i + 1 - begin));
      begin = i + 1;
    }
  }
  if (begin != text.size())
    return makeError(ErrorCode::BadInput, "the last row is cut short (no line end): the shard was stopped mid-write",
                     fmt::format("{}:{}", path, out.size() + 1));
  return out;
}

// The row number a record starts with: `{"row":K,` in results, `K,` in a summary.
bool leadingRow(const std::string& record, bool csv, std::size_t& row) {
  const std::string_view prefix = csv ? "" : "{\"row\":";
  if (record.compare(0, prefix.size(), prefix) != 0) return false;
  const char* first = record.data() + prefix.size();
  const char* last = record.data() + record.size();
  const auto r = std::from_chars(first, last, row);
  return r.ec == std::errc() && r.ptr != first && r.ptr < last && *r.ptr == ',';
}

// Each record must be the shard's next own row; together they must be all of them.
Status checkRows(const std::vector<std::string>& recs, const Piece& p, const std::string& path, std::size_t firstLine,
                 bool csv) {
  const std::vector<std::size_t> owned = ownedRows(p.stamp);
  for (std::size_t k = 0; k < recs.size(); ++k) {
    const std::string where = fmt::format("{}:{}", path, firstLine + k);
    std::size_t row = 0;
    if (!leadingRow(recs[k], csv, row))
      return makeError(ErrorCode::BadInput, csv ? "not a summary row (no leading row number)"
                                                : "not a results row (no leading {\"row\":N,)", where);
    if (k >= owned.size() || row != owned[k])
      return makeError(ErrorCode::BadInput,
                       k >= owned.size()
                           ? fmt::format("row {} is one more than {} owns ({} rows)", row, describeShard(p.stamp), owned.size())
                           : fmt::format("row {} where {} has row {}", row, describeShard(p.stamp), owned[k]),
                       where);
  }
  if (recs.size() != owned.size())
    return makeError(ErrorCode::BadInput,
                     fmt::format("{} ends after {} of its {} rows: cut short", describeShard(p.stamp), recs.size(),
                                 owned.size()),
                     path);
  return okStatus();
}

Status readPieceRows(Piece& p) {
  Result<std::string> text = readAll(p.path);
  if (!text) return text.error();
  Result<std::vector<std::string>> recs = records(*text, p.path, false);
  if (!recs) return recs.error();
  if (Status s = checkRows(*recs, p, p.path, 1, false); !s) return s;
  p.rows = std::move(*recs);
  if (p.stamp.kind != "lesson") return okStatus();
  const std::string csvPath = (fs::path(p.path).parent_path() / p.stamp.summary).string();
  Result<std::string> csvText = readAll(csvPath);
  if (!csvText) return csvText.error();
  Result<std::vector<std::string>> csvRecs = records(*csvText, csvPath, true);
  if (!csvRecs) return csvRecs.error();
  if (csvRecs->empty()) return makeError(ErrorCode::BadInput, "the summary has no header row", csvPath);
  p.csvHeader = csvRecs->front();
  csvRecs->erase(csvRecs->begin());
  if (Status s = checkRows(*csvRecs, p, csvPath, 2, true); !s) return s;
  p.csvRows = std::move(*csvRecs);
  return okStatus();
}

// Every shard must come from the first one's batch: one kind, manifest, option set and N.
Status sameBatch(const Piece& p, const Piece& first) {
  const ShardStamp &a = p.stamp, &b = first.stamp;
  if (a.kind != b.kind)
    return makeError(ErrorCode::BadInput, fmt::format("a {} batch shard, but {} is a {} batch shard", a.kind, first.path, b.kind), p.path);
  if (a.count != b.count)
    return makeError(ErrorCode::BadInput,
                     fmt::format("{}, but {} is {}: shards of one batch share N", describeShard(a), first.path, describeShard(b)), p.path);
  if (a.fingerprint != b.fingerprint || a.rows != b.rows || a.manifest != b.manifest)
    return makeError(ErrorCode::BadInput,
                     fmt::format("from a different manifest: {} ({} rows, fingerprint {}), but {} ran {} ({} rows, "
                                 "fingerprint {})",
                                 a.manifest, a.rows, a.fingerprint, first.path, b.manifest, b.rows, b.fingerprint),
                     p.path);
  if (a.options != b.options)
    return makeError(ErrorCode::BadInput,
                     fmt::format("run with different options: '{}', but {} with '{}'", a.options, first.path, b.options), p.path);
  return okStatus();
}

Status writeAtomically(const fs::path& path, const std::string& text) {
  const fs::path tmp = path.string() + ".merge-tmp";
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    if (!out) return makeError(ErrorCode::Io, "cannot open for writing", tmp.string());
    out << text;
    out.close();
    if (!out) return makeError(ErrorCode::Io, "write failed", tmp.string());
  }
  std::error_code ec;
  fs::rename(tmp, path, ec);
  if (ec) return makeError(ErrorCode::Io, "cannot rename into place: " + ec.message(), path.string());
  return okStatus();
}

bool samePath(const fs::path& a, const fs::path& b) {
  std::error_code ea, eb;
  const fs::path ca = fs::weakly_canonical(a, ea), cb = fs::weakly_canonical(b, eb);
  return !ea && !eb && ca == cb;
}

int runMerge(const MergeOptions& o) {
  std::vector<Piece> pieces;
  for (const std::string& path : o.shards) {
    Result<ShardStamp> stamp = readStamp(path);
    if (!stamp) return reportError("merge", stamp.error());
    pieces.push_back(Piece{path, std::move(*stamp), {}, {}, {}});
  }
  const Piece& first = pieces.front();
  std::map<std::size_t, const Piece*> byIndex;
  for (const Piece& p : pieces) {
    if (Status s = sameBatch(p, first); !s) return reportError("merge", s.error());
    const auto [it, added] = byIndex.emplace(p.stamp.index, &p);
    if (!added)
      return reportError("merge", makeError(ErrorCode::BadInput,
                                            fmt::format("duplicate {}: {} is that shard too", describeShard(p.stamp), it->second->path),
                                            p.path));
  }
  for (const Piece& p : pieces)
    if (!p.stamp.complete)
      return reportError("merge", makeError(ErrorCode::BadInput,
                                            fmt::format("{} did not finish (its stamp {} has no completion mark: the "
                                                        "job stopped, or is still running)",
                                                        describeShard(p.stamp), stampPathFor(p.path)),
                                            p.path));
  std::string missing;
  for (std::size_t i = 0; i < first.stamp.count; ++i)
    if (byIndex.find(i) == byIndex.end()) missing += fmt::format("{}{}/{}", missing.empty() ? "" : ", ", i, first.stamp.count);
  if (!missing.empty()) {
    std::string given;
    for (const auto& [i, p] : byIndex) given += fmt::format("{}{} {}", given.empty() ? "" : ", ", describeShard(p->stamp), p->path);
    return reportError("merge", makeError(ErrorCode::BadInput,
                                          fmt::format("shard {} missing (given: {})", missing, given)));
  }

  fs::path outPath = o.out;
  std::error_code ec;
  if (fs::is_directory(outPath, ec)) outPath /= "RESULTS.jsonl";
  const fs::path summaryPath = outPath.parent_path() / "summary.csv";
  const bool lesson = first.stamp.kind == "lesson";
  for (const Piece& p : pieces) {
    const bool clash = samePath(outPath, p.path) ||
                       (lesson && samePath(summaryPath, fs::path(p.path).parent_path() / p.stamp.summary));
    if (clash)
      return reportError("merge", makeError(ErrorCode::BadInput, "the merged result would overwrite this shard", p.path));
  }
  std::size_t failed = 0;
  for (Piece& p : pieces) {
    if (Status s = readPieceRows(p); !s) return reportError("merge", s.error());
    if (p.rows.size() != p.stamp.written)
      return reportError("merge", makeError(ErrorCode::BadInput,
                                            fmt::format("{} rows, but its stamp says {} were written", p.rows.size(), p.stamp.written),
                                            p.path));
    if (lesson && p.csvHeader != first.csvHeader)
      return reportError("merge", makeError(ErrorCode::BadInput, "the summary's header differs from " + first.path + "'s",
                                            p.path));
    failed += p.stamp.failed;
  }

  // Row r is shard r % N's (r / N)-th row: the unsharded run's order.
  const std::size_t n = first.stamp.count;
  std::string results, summary = lesson ? first.csvHeader : std::string();
  for (std::size_t r = 0; r < first.stamp.rows; ++r) {
    const Piece& p = *byIndex.at(r % n);
    results += p.rows[r / n];
    if (lesson) summary += p.csvRows[r / n];
  }
  if (lesson) {
    if (Status s = writeAtomically(summaryPath, summary); !s) return reportError("merge", s.error());
  }
  if (Status s = writeAtomically(outPath, results); !s) return reportError("merge", s.error());
  fmt::print("{}: {} shards of {} merged, {} rows ({} failed){}\n", outPath.string(), n, first.stamp.manifest,
             first.stamp.rows, failed, lesson ? "; summary " + summaryPath.string() : std::string());
  return kExitOk;
}

}  // namespace

CommandAction addMergeCommand(CLI::App& app) {
  auto o = std::make_shared<MergeOptions>();
  CLI::App* cmd = app.add_subcommand(
      "merge", "Join the shards of a score --batch or lesson --batch (--shard I/N) into the unsharded run's result, "
               "byte for byte; refuses shards of other batches or options, duplicated, missing or unfinished ones");
  cmd->add_option("out", o->out,
                  "Merged results file (a folder: FOLDER/RESULTS.jsonl); lesson batches also get summary.csv beside it")
      ->required();
  cmd->add_option("shards", o->shards, "Every shard's results file (each with its .shard.json stamp beside it)")
      ->required();
  return [o] { return runMerge(*o); };
}

}  // namespace mimesis::app
