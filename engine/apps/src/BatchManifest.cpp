// Manifest parsing and sharding for `score --batch` (and later `lesson --batch`).
#include "BatchManifest.hpp"

#include <algorithm>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <fmt/core.h>

#include "mimesis/core/CsvText.hpp"

namespace mimesis::app {
namespace {

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t") - b + 1);
}

}  // namespace

Result<std::vector<ManifestRow>> readManifest(const std::string& path) {
  std::ifstream in(path);
  if (!in) return makeError(ErrorCode::Io, "cannot open manifest", path);
  const std::filesystem::path base = std::filesystem::path(path).parent_path();
  auto resolve = [&](const std::string& p) {
    if (p.empty() || std::filesystem::path(p).is_absolute()) return p;
    return (base / p).string();
  };
  std::string line;
  int lineNo = 0;
  int colExpert = -1, colLearner = -1, colMapping = -1, colId = -1;
  std::vector<ManifestRow> rows;
  constexpr std::size_t kMaxRows = 10'000'000;
  std::vector<std::string> cells;
  while (std::getline(in, line)) {
    ++lineNo;
    if (!line.empty() && line.back() == '\r') line.pop_back();  // a manifest saved on Windows
    if (trim(line).empty() || trim(line)[0] == '#') continue;
    const std::string where = fmt::format("{}:{}", path, lineNo);
    if (!splitCsvCells(line, cells)) return makeError(ErrorCode::BadInput, "a quoted cell is not closed", where);
    if (colExpert < 0) {
      for (std::size_t c = 0; c < cells.size(); ++c) {
        const std::string name = trim(cells[c]);
        int* slot = name == "expert" ? &colExpert : name == "learner" ? &colLearner
                  : name == "mapping" ? &colMapping : name == "id" ? &colId : nullptr;
        if (!slot) return makeError(ErrorCode::BadInput, "unknown column '" + name + "' (expected expert, learner, mapping, id)", where);
        *slot = static_cast<int>(c);
      }
      if (colExpert < 0 || colLearner < 0)
        return makeError(ErrorCode::BadInput, "header must name the columns 'expert' and 'learner'", where);
      continue;
    }
    const int needed = std::max({colExpert, colLearner, colMapping, colId});
    if (static_cast<int>(cells.size()) <= needed)
      return makeError(ErrorCode::BadInput, fmt::format("expected {} columns, found {}", needed + 1, cells.size()), where);
    if (rows.size() >= kMaxRows) return makeError(ErrorCode::Limit, "more than 10 million rows", where);
    ManifestRow r;
    r.index = rows.size();
    r.line = lineNo;
    r.expert = resolve(trim(cells[static_cast<std::size_t>(colExpert)]));
    r.learner = resolve(trim(cells[static_cast<std::size_t>(colLearner)]));
    if (colMapping >= 0) r.mapping = trim(cells[static_cast<std::size_t>(colMapping)]);
    r.id = colId >= 0 ? trim(cells[static_cast<std::size_t>(colId)]) : r.learner;
    if (r.expert.empty() || r.learner.empty())
      return makeError(ErrorCode::BadInput, "empty expert or learner path", where);
    rows.push_back(std::move(r));
  }
  if (colExpert < 0) return makeError(ErrorCode::BadInput, "manifest is empty (no header row)", path);
  return rows;
}

Result<Shard> parseShard(const std::string& text) {
  const auto slash = text.find('/');
  Shard s;
  auto parse = [](std::string_view v, std::size_t& out) {
    const auto r = std::from_chars(v.data(), v.data() + v.size(), out);
    return r.ec == std::errc() && r.ptr == v.data() + v.size();
  };
  if (slash == std::string::npos || !parse(std::string_view(text).substr(0, slash), s.index) ||
      !parse(std::string_view(text).substr(slash + 1), s.count) || s.count == 0 || s.index >= s.count)
    return makeError(ErrorCode::BadInput, "must be I/N with 0 <= I < N, got '" + text + "'", "--shard");
  return s;
}

}  // namespace mimesis::app
