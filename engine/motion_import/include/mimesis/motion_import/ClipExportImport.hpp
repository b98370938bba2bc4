// Reading back what `mimesis convert` writes: the clip CSV and the clip JSON Lines of
// ClipExport.hpp, so a converted file is an input again and a round trip keeps the frames.
#pragma once

#include <string>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"

namespace mimesis {

// Whether the first line of `path` is a writeClipCsv header ("time,left_palm_px,...").
bool looksLikeClipCsv(const std::string& path);

// A writeClipCsv file (plain or gzipped). Every column of the header is required, in the
// order writeClipCsv writes them; body joints are read from the `body_<name>_*` columns.
// Frames are the same as written: times, flags, valid positions, orientations and radii
// (an empty cell is an invalid value, read as zero / identity); a hand is active when any of
// its joints has a flag; a frame has a head when its head cells are filled. The CSV has no
// parents, rate, segments or annotations: the rate is (frames - 1) / duration, every body
// joint is a root and groups come from the joint names (deriveBodyGroups). Errors name
// "file:line" and the column.
Result<Clip> readClipCsv(const std::string& path);

// A writeClipJsonLines file: the header line (info, rate, skeleton with groups, segments,
// annotations) and one line per frame. The clip is the one written, except values marked
// invalid (null). Errors name "file:line" and the key.
Result<Clip> readClipJsonLines(const std::string& path);

}  // namespace mimesis
