// Reading .mrec recordings, recovering everything before a torn or damaged chunk.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <span>
#include <string>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/MrecFormat.hpp"

namespace mimesis {

// What the reader could not use, so a caller can tell a user what a crash cost.
struct MrecRecovery {
  // True when the reader stopped before the end of the file: the last chunk is truncated (a
  // process or machine died while writing it) or a chunk fails its checksum (damage).
  bool torn = false;
  std::uint64_t bytesDropped = 0;  // bytes from the first unusable chunk to the end of file
  std::size_t chunksRead = 0;      // complete, checksum-valid chunks, including skipped ones
  // A sentence saying what was dropped and why, e.g. "last chunk at byte 12345 is truncated
  // (needs 2000 bytes, 800 present): dropped up to 9 frames". Also notes a file that was not
  // closed (no END chunk) and skipped chunks of unknown type. Empty for a clean file.
  std::string detail;
};

struct MrecFile {
  Clip clip;                       // passes validateClip
  std::vector<MrecEvent> events;   // in file order
  MrecRecovery recovery;
};

// Reads the whole file (refusing files above mrec::kMaxFileBytes). Errors name the file and
// the byte offset ("x.mrec: byte 20"): Io if unreadable; BadInput for an empty file, bad magic,
// a bad header checksum, a file with no complete INFO chunk, or a checksum-valid chunk whose
// contents are malformed; Unsupported for another major version; Limit for declared lengths
// or counts beyond the limits in MrecFormat.hpp. A torn or corrupted chunk is not an error:
// reading stops there and `recovery` says so (see MREC_FORMAT.md, "Recovery").
Result<MrecFile> readMrec(const std::string& path);

// The same on bytes in memory; `where` names them in errors (for tests and fuzzing).
Result<MrecFile> readMrecBytes(std::span<const std::uint8_t> bytes, const std::string& where);

// What streamMrec read besides the frames: the clip without its frames (info, rate, body
// skeleton, segments, annotations), the events, the recovery, and how many frames there were.
struct MrecStreamed {
  Clip header;                     // frames empty
  std::vector<MrecEvent> events;
  MrecRecovery recovery;
  std::size_t frameCount = 0;
};

// Receives consecutive frames (one FRMS chunk's), `first` being the index of frames[0]. The
// span is valid only during the call.
using MrecFrameBlockFn = std::function<void(std::span<const Frame> frames, std::size_t first)>;

// Reads `path` as readMrec does (same framing checks, recovery and validation) but hands the
// frames on block by block instead of keeping them, so a long recording is never held whole:
// memory stays a few MB whatever the file's length (the pages read are dropped every 8 MB).
// Frames are validated (validateClip's rules) before they are handed on; the errors are
// readMrec's, the same one for the same file, but frames before the fault may already have
// been handed on. A non-regular file (a pipe) is read into memory first, as readMrec does.
Result<MrecStreamed> streamMrec(const std::string& path, const MrecFrameBlockFn& onFrames);

}  // namespace mimesis
