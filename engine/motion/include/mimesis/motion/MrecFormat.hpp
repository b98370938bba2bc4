// The .mrec native recording format: version, chunk types, resource limits, and the event record.
// The byte layout is specified in engine/motion/MREC_FORMAT.md; this header is its code twin.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

namespace mimesis {

// One entry of the feedback timeline. `kind` names what produced it (e.g. "feedback",
// "stage"); `payload` is UTF-8 JSON stored verbatim — the format neither parses nor
// re-formats it, so a reader gets back exactly the bytes the writer was given.
struct MrecEvent {
  double time = 0;  // seconds on the recording's clock (same clock as Frame::time)
  std::string kind;
  std::string payload;
  bool operator==(const MrecEvent&) const = default;
};

namespace mrec {

// File header: 8 magic bytes, u16 major, u16 minor, u32 reserved (0), u32 CRC-32C of the
// first 16 bytes. The 0x89 and CR LF SUB bytes catch text-mode mangling, like PNG's magic.
inline constexpr std::array<std::uint8_t, 8> kMagic = {0x89, 'M', 'R', 'E', 'C', 0x0D, 0x0A, 0x1A};
inline constexpr std::size_t kFileHeaderBytes = 20;

// A reader accepts any minor version of its major version. Chunks of unknown type are skipped;
// chunks written by a newer minor may carry trailing fields this reader ignores.
inline constexpr std::uint16_t kVersionMajor = 1;
inline constexpr std::uint16_t kVersionMinor = 0;

// Chunk framing: 4 ASCII type bytes, u32 payload length, u32 CRC-32C of (type, length, payload).
inline constexpr std::size_t kChunkHeaderBytes = 12;

// Chunk types as four ASCII bytes, in file order ('I','N','F','O' is stored as those bytes).
enum class ChunkType : std::uint32_t {
  Info = 0x4F464E49,         // "INFO": ClipInfo and rate; always the first chunk
  Skeleton = 0x4C454B53,     // "SKEL": body skeleton (may be empty); before any FRMS
  Frames = 0x534D5246,       // "FRMS": a block of consecutive frames
  Events = 0x544E5645,       // "EVNT": a block of feedback events
  Segments = 0x4D474553,     // "SEGM": segments, appended to those already read
  Annotations = 0x4F4E4E41,  // "ANNO": annotations, appended to those already read
  End = 0x20444E45,          // "END ": totals; written by a clean close, nothing may follow
};
std::string chunkTypeName(std::uint32_t type);  // "FRMS", or "0x01020304" if not printable

// Bytes of one joint record: position xyz, quaternion xyzw, radius (8 x f32) and flags (u8).
inline constexpr std::size_t kJointRecordBytes = 8 * 4 + 1;

// Resource limits. Anything declaring more is refused before allocating for it.
inline constexpr std::uint32_t kMaxChunkBytes = 64u << 20;      // one chunk's payload
inline constexpr std::uint64_t kMaxFileBytes = 8ull << 30;      // whole file read into memory
inline constexpr std::size_t kMaxFrames = std::size_t{1} << 20;  // ~3.2 h at 90 Hz, ~2 GB in memory
inline constexpr std::size_t kMaxEvents = std::size_t{1} << 22;
inline constexpr std::size_t kMaxBodyJoints = 1024;  // per skeleton and per frame
inline constexpr std::size_t kMaxListItems = 1u << 20;  // segments, annotations, groups, names
inline constexpr std::size_t kMaxEventBytes = 16u << 20;  // kind + payload of one event
// Writers start a new chunk once a payload passes this size, so chunks stay small and a
// crash loses little; a single frame (<= ~42 KB) or event (<= kMaxEventBytes) always fits.
inline constexpr std::size_t kSoftChunkBytes = 1u << 20;
inline constexpr std::size_t kMaxFramesPerChunk = 1024;

}  // namespace mrec
}  // namespace mimesis
