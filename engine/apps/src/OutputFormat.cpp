// Output format selection shared by convert and simulate.
#include "OutputFormat.hpp"

#include <algorithm>
#include <cctype>

#include "mimesis/motion/ClipExport.hpp"
#include "mimesis/motion/MrecWriter.hpp"

namespace mimesis::app {

Result<OutputFormat> outputFormatFor(const std::string& path) {
  std::string lower = path;
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  auto endsWith = [&](const std::string& ext) {
    return lower.size() >= ext.size() && lower.compare(lower.size() - ext.size(), ext.size(), ext) == 0;
  };
  if (endsWith(".mrec")) return OutputFormat::Mrec;
  if (endsWith(".csv")) return OutputFormat::Csv;
  if (endsWith(".jsonl")) return OutputFormat::JsonLines;
  return makeError(ErrorCode::BadInput,
                   "unknown output format; use a .mrec, .csv or .jsonl file name", path);
}

Status writeClip(OutputFormat format, const std::string& path, const Clip& clip) {
  switch (format) {
    case OutputFormat::Mrec: return writeMrec(path, clip);
    case OutputFormat::Csv: return writeClipCsv(path, clip);
    case OutputFormat::JsonLines: return writeClipJsonLines(path, clip);
  }
  return makeError(ErrorCode::Internal, "unhandled output format", path);
}

}  // namespace mimesis::app
