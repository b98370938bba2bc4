// CSV joint tables: parsing delimited numbers and turning rows of joint triplets into a Clip.
#include "mimesis/motion_import/CsvJointTable.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <string_view>

#include "TextFile.hpp"
#include "mimesis/core/TextLines.hpp"

namespace mimesis {
namespace {

std::string at(const std::string& path, int line) { return path + ":" + std::to_string(line); }

char detectDelimiter(std::string_view firstLine) {
  for (char c : {',', ';', '\t'})
    if (firstLine.find(c) != std::string_view::npos) return c;
  return ' ';
}

// Splits a line into trimmed cells; with ' ' as delimiter, runs of blanks separate cells.
void splitCells(std::string_view line, char delim, std::vector<std::string_view>& cells) {
  cells.clear();
  auto trim = [](std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
  };
  if (delim == ' ') {
    std::size_t i = 0;
    while (i < line.size()) {
      while (i < line.size() && std::isspace(static_cast<unsigned char>(line[i]))) ++i;
      if (i >= line.size()) break;
      const std::size_t start = i;
      while (i < line.size() && !std::isspace(static_cast<unsigned char>(line[i]))) ++i;
      cells.push_back(line.substr(start, i - start));
    }
    return;
  }
  std::size_t start = 0;
  while (true) {
    const std::size_t end = line.find(delim, start);
    cells.push_back(trim(line.substr(start, end == std::string_view::npos ? end : end - start)));
    if (end == std::string_view::npos) break;
    start = end + 1;
  }
}

bool parseNumber(std::string_view cell, double& out) {
  if (!cell.empty() && cell.front() == '+') cell.remove_prefix(1);
  if (cell.empty()) return false;
  const auto [ptr, ec] = std::from_chars(cell.data(), cell.data() + cell.size(), out);
  return ec == std::errc() && ptr == cell.data() + cell.size();
}

std::string lower(std::string_view s) {
  std::string out(s);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// "elbow_x", "elbow.X", "elbow X" → "elbow"; anything else is kept whole.
std::string jointNameFromHeader(const std::string& cell) {
  const std::string l = lower(cell);
  if (l.size() >= 2 && (l.back() == 'x' || l.back() == 'y' || l.back() == 'z')) {
    const char sep = l[l.size() - 2];
    if (sep == '_' || sep == '.' || sep == ' ' || sep == ':') return cell.substr(0, cell.size() - 2);
  }
  return cell;
}

}  // namespace

Result<NumberTable> readNumberTable(const std::string& path, const CsvTableOptions& options) {
  auto text = detail::readTextFile(path, options.maxBytes);
  if (!text) return text.error();
  const std::string_view all = text.value();

  NumberTable table;
  std::vector<std::string_view> cells;
  char delim = options.delimiter;
  bool first = true;
  TextLines lines(all);
  std::string_view line;
  while (lines.next(line)) {
    const int lineNo = lines.number();
    if (line.find_first_not_of(" \t") == std::string_view::npos) continue;
    if (delim == 0) delim = detectDelimiter(line);
    splitCells(line, delim, cells);
    const int count = static_cast<int>(cells.size());

    if (first) {
      first = false;
      bool numeric = true;
      double ignored = 0.0;
      for (auto c : cells) numeric = numeric && parseNumber(c, ignored);
      const bool isHeader = options.header == CsvTableOptions::Header::Present ||
                            (options.header == CsvTableOptions::Header::Auto && !numeric);
      table.columns = count;
      if (isHeader) {
        for (auto c : cells) table.header.emplace_back(c);
        continue;
      }
    }
    if (count != table.columns)
      return makeError(ErrorCode::BadInput,
                       "expected " + std::to_string(table.columns) + " columns, found " + std::to_string(count),
                       at(path, lineNo));
    if (table.rows() >= options.maxFrames)
      return makeError(ErrorCode::Limit, "more than " + std::to_string(options.maxFrames) + " rows", at(path, lineNo));
    for (int c = 0; c < count; ++c) {
      double v = 0.0;
      if (!parseNumber(cells[static_cast<std::size_t>(c)], v))
        return makeError(ErrorCode::BadInput,
                         "column " + std::to_string(c + 1) + ": '" + std::string(cells[static_cast<std::size_t>(c)]) +
                             "' is not a number",
                         at(path, lineNo));
      if (!std::isfinite(v))
        return makeError(ErrorCode::BadInput, "column " + std::to_string(c + 1) + ": value is not finite",
                         at(path, lineNo));
      table.values.push_back(v);
    }
    table.lines.push_back(lineNo);
  }
  if (table.rows() == 0) return makeError(ErrorCode::BadInput, "no data rows", path);
  return table;
}

Result<Clip> loadCsvJointTable(const std::string& path, const CsvTableOptions& options) {
  if (!(options.rate > 0.0) || !std::isfinite(options.rate))
    return makeError(ErrorCode::BadInput, "rate must be positive", path);
  if (!(options.metresPerUnit > 0.0f) || !std::isfinite(options.metresPerUnit))
    return makeError(ErrorCode::BadInput, "metresPerUnit must be positive", path);
  auto read = readNumberTable(path, options);
  if (!read) return read.error();
  const NumberTable& table = read.value();

  int timeColumn = options.timeColumn;
  if (timeColumn == -2) {
    timeColumn = -1;
    if (!table.header.empty()) {
      const std::string h = lower(table.header.front());
      if (h == "time" || h == "t" || h == "seconds" || h == "timestamp") timeColumn = 0;
    }
  }
  if (timeColumn >= table.columns)
    return makeError(ErrorCode::BadInput, "time column " + std::to_string(timeColumn) + " is beyond the " +
                                              std::to_string(table.columns) + " columns", path);
  std::vector<int> valueColumns;
  for (int c = 0; c < table.columns; ++c)
    if (c != timeColumn) valueColumns.push_back(c);
  if (valueColumns.empty() || valueColumns.size() % 3 != 0)
    return makeError(ErrorCode::BadInput,
                     std::to_string(valueColumns.size()) + " value columns is not a multiple of 3 (x, y, z per joint)",
                     at(path, table.lines.front()));
  const int joints = static_cast<int>(valueColumns.size() / 3);

  Clip clip;
  if (options.skeleton) {
    if (options.skeleton->jointCount() != joints)
      return makeError(ErrorCode::BadInput,
                       "the table has " + std::to_string(joints) + " joints but skeleton '" + options.skeleton->name +
                           "' has " + std::to_string(options.skeleton->jointCount()),
                       path);
    clip.body = *options.skeleton;
  } else {
    clip.body.name = "csv";
    for (int j = 0; j < joints; ++j) {
      const int c = valueColumns[static_cast<std::size_t>(j) * 3];
      clip.body.joints.push_back(table.header.empty() ? "joint" + std::to_string(j)
                                                      : jointNameFromHeader(table.header[static_cast<std::size_t>(c)]));
      clip.body.parents.push_back(-1);
    }
  }

  const auto slash = path.find_last_of("/\\");
  clip.info.name = path.substr(slash == std::string::npos ? 0 : slash + 1);
  clip.info.source = path;
  clip.info.sourceFormat = "csv";
  clip.info.rigMap = "none";
  clip.rate = options.rate;
  clip.frames.resize(static_cast<std::size_t>(table.rows()));
  for (int r = 0; r < table.rows(); ++r) {
    Frame& frame = clip.frames[static_cast<std::size_t>(r)];
    frame.time = timeColumn >= 0 ? table.at(r, timeColumn) : r / options.rate;
    if (r > 0 && !(frame.time > clip.frames[static_cast<std::size_t>(r) - 1].time))
      return makeError(ErrorCode::BadInput, "time does not increase", at(path, table.lines[static_cast<std::size_t>(r)]));
    frame.body.resize(static_cast<std::size_t>(joints));
    for (int j = 0; j < joints; ++j) {
      const auto c = static_cast<std::size_t>(j) * 3;
      JointPose& jp = frame.body[static_cast<std::size_t>(j)];
      jp.pose.position = glm::vec3(static_cast<float>(table.at(r, valueColumns[c])),
                                   static_cast<float>(table.at(r, valueColumns[c + 1])),
                                   static_cast<float>(table.at(r, valueColumns[c + 2]))) *
                         options.metresPerUnit;
      // Finite doubles can still overflow a float (1e39), or overflow once scaled to metres.
      if (!isFinite(jp.pose.position))
        return makeError(ErrorCode::BadInput, "joint " + std::to_string(j) + ": position is out of range",
                         at(path, table.lines[static_cast<std::size_t>(r)]));
      jp.flags = kPositionValid | kPositionTracked;
    }
  }
  if (timeColumn >= 0 && clip.frames.size() >= 2 && clip.duration() > 0.0)
    clip.rate = static_cast<double>(clip.frames.size() - 1) / clip.duration();
  if (Status valid = validateClip(clip, path); !valid) return valid.error();
  return clip;
}

}  // namespace mimesis
