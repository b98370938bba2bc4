// Output formats the commands write, chosen by file extension.
#pragma once

#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis::app {

enum class OutputFormat { Mrec, Csv, JsonLines };

// .mrec, .csv or .jsonl (case-insensitive); anything else is a BadInput naming the path.
Result<OutputFormat> outputFormatFor(const std::string& path);

// Writes the clip in the given format.
Status writeClip(OutputFormat format, const std::string& path, const Clip& clip);

}  // namespace mimesis::app
