// CSV joint tables: one frame per row, N joints × (x, y, z), optionally gzipped, to a body Clip.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/Skeleton.hpp"

namespace mimesis {

struct CsvTableOptions {
  enum class Header { Auto, Present, Absent };
  // Auto: the first row is a header if any of its cells is not a number.
  Header header = Header::Auto;
  // Column holding the time in seconds; -1 = none (frames at 1/rate), -2 = auto (column 0 when
  // the header names it "time", "t", "seconds" or "timestamp").
  int timeColumn = -2;
  double rate = 30.0;            // frames per second when there is no time column
  float metresPerUnit = 1.0f;    // e.g. 0.01 for centimetres
  char delimiter = 0;            // 0 = auto: ',' else ';' else tab else runs of spaces
  // Joint names and parents; when absent, names come from the header ("elbow_x" → "elbow") or
  // are "joint0", "joint1", … and every joint is a root.
  std::optional<Skeleton> skeleton;
  std::size_t maxBytes = std::size_t{1} << 29;  // refuse larger files (after decompression)
  int maxFrames = 10'000'000;
};

// Numbers of a delimited text file, row-major, with the 1-based line of each row for messages.
struct NumberTable {
  std::vector<std::string> header;  // empty when there is no header row
  int columns = 0;
  std::vector<double> values;       // rows × columns
  std::vector<int> lines;           // source line of each row
  int rows() const { return static_cast<int>(lines.size()); }
  double at(int row, int column) const {
    return values[static_cast<std::size_t>(row) * static_cast<std::size_t>(columns) +
                  static_cast<std::size_t>(column)];
  }
};

// Reads a plain or gzipped table of finite numbers, every row with the same column count; blank
// lines are skipped. Errors carry `where` = "file:line": wrong column count, a cell that is not
// a number, NaN or infinity; plus Io for a missing file and BadInput for corrupt gzip data.
Result<NumberTable> readNumberTable(const std::string& path, const CsvTableOptions& options = {});

// A body-only Clip (no hands, no head) from a joint table: Frame::body holds positions in metres
// with position flags only (kPositionValid | kPositionTracked; orientations unknown). Axes are
// the file's. info.sourceFormat = "csv", info.rigMap = "none". The column count (without the
// time column) must be a multiple of 3 and match the skeleton if one is given.
Result<Clip> loadCsvJointTable(const std::string& path, const CsvTableOptions& options = {});

}  // namespace mimesis
