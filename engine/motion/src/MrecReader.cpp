// The .mrec reader: header and chunk framing checks, recovery at a torn or damaged chunk.
#include "mimesis/motion/MrecReader.hpp"

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <functional>
#include <memory>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "mimesis/core/Crc32.hpp"
#include "mimesis/motion/MrecChunks.hpp"

namespace mimesis {
namespace {

using mrec::ChunkType;

std::string at(const std::string& where, std::uint64_t offset) {
  return where + ": byte " + std::to_string(offset);
}

std::uint32_t le32(const std::uint8_t* p) {
  return static_cast<std::uint32_t>(p[0]) | static_cast<std::uint32_t>(p[1]) << 8 |
         static_cast<std::uint32_t>(p[2]) << 16 | static_cast<std::uint32_t>(p[3]) << 24;
}

std::string plural(std::uint64_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// What losing a chunk costs, for the recovery sentence.
std::string lossOf(std::uint32_t type, std::span<const std::uint8_t> payloadPrefix) {
  if (type == static_cast<std::uint32_t>(ChunkType::Frames) && payloadPrefix.size() >= 4) {
    const std::uint32_t n = mrec::peekFrameCount(payloadPrefix);
    if (n <= mrec::kMaxFramesPerChunk) return "up to " + plural(n, "frame");
  }
  if (type == static_cast<std::uint32_t>(ChunkType::Events) && payloadPrefix.size() >= 4) {
    const std::uint32_t n = mrec::peekFrameCount(payloadPrefix);  // same leading u32 count
    if (n <= mrec::kMaxListItems) return "up to " + plural(n, "event");
  }
  return "one '" + mrec::chunkTypeName(type) + "' chunk";
}

// Reading state: which chunks have been seen, what they said, and the recovered clip.
struct ChunkSink {
  MrecFile file;
  bool haveInfo = false;
  bool haveSkeleton = false;
  bool haveEnd = false;
  std::uint64_t endFrames = 0;
  std::uint64_t endEvents = 0;
  std::size_t unknownChunks = 0;
  // Streaming (streamMrec): each FRMS chunk's frames are decoded into `block`, validated and
  // handed to `onFrames` instead of being kept in file.clip.frames.
  const MrecFrameBlockFn* onFrames = nullptr;
  std::string where;
  std::vector<Frame> block;
  std::size_t framesSeen = 0;
  double lastTime = 0.0;
  Status streamed = okStatus();  // the first validation error of a streamed frame

  std::size_t frameCount() const { return onFrames ? framesSeen : file.clip.frames.size(); }

  void streamBlock() {
    if (!streamed) {  // counted still, so the END chunk's check reads as readMrec's would
      framesSeen += block.size();
      block.clear();
      return;
    }
    if (framesSeen == 0 && !block.empty()) streamed = validateClipHeader(file.clip, where);
    for (std::size_t i = 0; i < block.size() && streamed; ++i) {
      streamed = validateClipFrame(block[i], framesSeen + i, lastTime, file.clip.body.joints.size(), where);
      lastTime = block[i].time;
    }
    if (streamed && !block.empty()) (*onFrames)(std::span<const Frame>(block), framesSeen);
    framesSeen += block.size();
    block.clear();
  }

  // Decodes one checksum-valid chunk, returning a message (empty when fine) for the
  // structural errors the ByteReader cannot see.
  std::string accept(std::uint32_t type, mrec::ByteReader& r, bool strict) {
    if (haveEnd) return "chunk '" + mrec::chunkTypeName(type) + "' follows the END chunk";
    if (!haveInfo && type != static_cast<std::uint32_t>(ChunkType::Info))
      return "the first chunk must be INFO, found '" + mrec::chunkTypeName(type) + "'";
    Clip& clip = file.clip;
    switch (static_cast<ChunkType>(type)) {
      case ChunkType::Info:
        if (haveInfo) return "a second INFO chunk";
        haveInfo = true;
        mrec::decodeInfo(r, clip.info, clip.rate);
        break;
      case ChunkType::Skeleton:
        if (haveSkeleton) return "a second SKEL chunk";
        if (frameCount() != 0) return "SKEL chunk after frames";
        haveSkeleton = true;
        mrec::decodeSkeleton(r, clip.body);
        break;
      case ChunkType::Frames:
        if (!onFrames) {
          mrec::decodeFrames(r, clip.frames.size(), clip.frames);
        } else {
          mrec::decodeFrames(r, framesSeen, block);
          if (r.ok()) streamBlock();
          block.clear();
        }
        break;
      case ChunkType::Events: mrec::decodeEvents(r, file.events.size(), file.events); break;
      case ChunkType::Segments: mrec::decodeSegments(r, clip.segments); break;
      case ChunkType::Annotations: mrec::decodeAnnotations(r, clip.annotations); break;
      case ChunkType::End:
        haveEnd = true;
        mrec::decodeEnd(r, endFrames, endEvents);
        break;
      default:
        ++unknownChunks;  // a newer minor version's chunk: skip it whole (forward compatible)
        return {};
    }
    mrec::finishPayload(r, strict);
    return {};
  }
};

// Frames the FRAM chunks declare, walking chunk headers only (no checksums): a reservation,
// so a long recording is decoded into one allocation instead of a doubling vector that copies
// every frame and touches up to three times its memory. Damage only makes the guess smaller;
// the guess is capped by what the bytes could hold.
std::size_t declaredFrames(std::span<const std::uint8_t> bytes) {
  std::size_t frames = 0;
  std::uint64_t pos = mrec::kFileHeaderBytes;
  while (pos + mrec::kChunkHeaderBytes + 4 <= bytes.size()) {
    const std::uint8_t* head = bytes.data() + pos;
    const std::uint32_t length = le32(head + 4);
    if (length > mrec::kMaxChunkBytes || pos + mrec::kChunkHeaderBytes + length > bytes.size()) break;
    if (le32(head) == static_cast<std::uint32_t>(ChunkType::Frames) && length >= 4)
      frames += mrec::peekFrameCount(bytes.subspan(static_cast<std::size_t>(pos + mrec::kChunkHeaderBytes), 4));
    pos += mrec::kChunkHeaderBytes + std::uint64_t{length};
  }
  return std::min({frames, mrec::kMaxFrames, bytes.size() / 13});  // 13: a frame's smallest record
}


// The chunk loop shared by readMrec and streamMrec; `consumed(pos)` is told after each chunk
// how far the bytes have been read, so a streaming caller can release what lies behind.
Status readChunks(std::span<const std::uint8_t> bytes, const std::string& where, ChunkSink& sink,
                  const std::function<void(std::uint64_t)>& consumed) {
  const std::uint64_t size = bytes.size();
  if (size == 0) return makeError(ErrorCode::BadInput, "empty file: no .mrec header", at(where, 0));
  const std::size_t magicSeen = std::min<std::size_t>(bytes.size(), mrec::kMagic.size());
  if (!std::equal(bytes.begin(), bytes.begin() + static_cast<std::ptrdiff_t>(magicSeen), mrec::kMagic.begin()))
    return makeError(ErrorCode::BadInput, "not an .mrec file (bad magic bytes)", at(where, 0));
  if (size < mrec::kFileHeaderBytes)
    return makeError(ErrorCode::BadInput, "file ends inside the " + std::to_string(mrec::kFileHeaderBytes) +
                     "-byte header (" + std::to_string(size) + " bytes present)", at(where, size));
  const std::uint16_t major = static_cast<std::uint16_t>(bytes[8] | bytes[9] << 8);
  const std::uint16_t minor = static_cast<std::uint16_t>(bytes[10] | bytes[11] << 8);
  // Checked before the header CRC: a future major version may lay out the rest differently.
  if (major != mrec::kVersionMajor)
    return makeError(ErrorCode::Unsupported, "format version " + std::to_string(major) + "." + std::to_string(minor) +
                     " is not supported (this build reads major version " + std::to_string(mrec::kVersionMajor) + ")",
                     at(where, 8));
  if (crc32c(bytes.data(), 16) != le32(bytes.data() + 16))
    return makeError(ErrorCode::BadInput, "file header checksum mismatch", at(where, 16));
  const bool strict = minor <= mrec::kVersionMinor;

  MrecRecovery& rec = sink.file.recovery;
  if (!sink.onFrames) sink.file.clip.frames.reserve(declaredFrames(bytes));
  std::uint64_t pos = mrec::kFileHeaderBytes;
  while (pos < size) {
    const std::uint64_t left = size - pos;
    const std::uint8_t* head = bytes.data() + pos;
    if (left < mrec::kChunkHeaderBytes) {
      rec.torn = true;
      rec.detail = "last chunk at byte " + std::to_string(pos) + " is truncated (its header needs " +
                   std::to_string(mrec::kChunkHeaderBytes) + " bytes, " + std::to_string(left) +
                   " present): dropped " + plural(left, "byte");
      break;
    }
    const std::uint32_t type = le32(head);
    const std::uint32_t length = le32(head + 4);
    if (length > mrec::kMaxChunkBytes)
      return makeError(ErrorCode::Limit, "chunk '" + mrec::chunkTypeName(type) + "' declares " + std::to_string(length) +
                       " payload bytes, more than the limit of " + std::to_string(mrec::kMaxChunkBytes),
                       at(where, pos + 4));
    const std::uint64_t whole = mrec::kChunkHeaderBytes + std::uint64_t{length};
    const auto payload = bytes.subspan(static_cast<std::size_t>(pos + mrec::kChunkHeaderBytes),
                                       static_cast<std::size_t>(std::min<std::uint64_t>(length, left - mrec::kChunkHeaderBytes)));
    if (whole > left) {
      rec.torn = true;
      rec.detail = "last chunk at byte " + std::to_string(pos) + " ('" + mrec::chunkTypeName(type) +
                   "') is truncated (needs " + std::to_string(whole) + " bytes, " + std::to_string(left) +
                   " present): dropped " + lossOf(type, payload);
      break;
    }
    const std::uint32_t crc = crc32c(payload.data(), payload.size(), crc32c(head, 8));
    if (crc != le32(head + 8)) {
      // A damaged chunk cannot be trusted, nor can its length to find the next one: stop here,
      // as for a torn tail, keeping everything before it.
      rec.torn = true;
      rec.detail = "chunk at byte " + std::to_string(pos) + " ('" + mrec::chunkTypeName(type) + "', " +
                   plural(length, "byte") + ") fails its checksum: stopped reading there, dropped " +
                   lossOf(type, payload) + (whole < left ? " and everything after it" : "");
      break;
    }
    mrec::ByteReader r(payload, pos + mrec::kChunkHeaderBytes);
    const std::string structural = sink.accept(type, r, strict);
    if (!structural.empty()) return makeError(ErrorCode::BadInput, structural, at(where, pos));
    if (!r.ok())
      return makeError(r.overLimit() ? ErrorCode::Limit : ErrorCode::BadInput,
                       "chunk '" + mrec::chunkTypeName(type) + "' at byte " + std::to_string(pos) + ": " + r.error(),
                       at(where, r.errorOffset()));
    ++rec.chunksRead;
    pos += whole;
    if (consumed) consumed(pos);
  }
  rec.bytesDropped = size - pos;

  if (!sink.haveInfo)
    return makeError(ErrorCode::BadInput,
                     rec.torn ? "no complete INFO chunk, nothing to recover (" + rec.detail + ")"
                              : std::string("no INFO chunk after the header: nothing was recorded"),
                     at(where, mrec::kFileHeaderBytes));
  if (sink.haveEnd && (sink.endFrames != sink.frameCount() || sink.endEvents != sink.file.events.size()))
    return makeError(ErrorCode::BadInput, "END chunk counts " + plural(sink.endFrames, "frame") + " and " +
                     plural(sink.endEvents, "event") + ", the file holds " + plural(sink.frameCount(), "frame") +
                     " and " + plural(sink.file.events.size(), "event"), at(where, pos));
  if (!sink.haveEnd && !rec.torn)
    rec.detail = "no END chunk: the recording was not closed; all " + plural(rec.chunksRead, "complete chunk") +
                 " were read";
  if (sink.unknownChunks > 0)
    rec.detail += std::string(rec.detail.empty() ? "" : "; ") + "skipped " +
                  plural(sink.unknownChunks, "chunk") + " of unknown type (newer minor version)";
  if (sink.onFrames) {
    if (!sink.streamed) return sink.streamed;
    if (sink.framesSeen == 0)
      if (Status s = validateClipHeader(sink.file.clip, where); !s) return s;
    return validateClipSegments(sink.file.clip, where);
  }
  return validateClip(sink.file.clip, where);
}

// The file mapped read-only, unmapped on destruction.
struct Mapping {
  void* data = nullptr;
  std::size_t size = 0;
  ~Mapping() { if (data) ::munmap(data, size); }
  std::span<const std::uint8_t> bytes() const { return {static_cast<const std::uint8_t*>(data), size}; }
};

}  // namespace

Result<MrecFile> readMrecBytes(std::span<const std::uint8_t> bytes, const std::string& where) {
  ChunkSink sink;
  if (Status s = readChunks(bytes, where, sink, {}); !s) return s.error();
  return std::move(sink.file);
}

namespace {

// Opens `path` for reading: a regular file is mapped into `map` (populated up front when
// `populate`), anything else (a pipe) is read whole into `copy`. Errors name the file.
Status openMrec(const std::string& path, bool populate, Mapping& map, std::vector<std::uint8_t>& copy, bool& mapped) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return makeError(ErrorCode::Io, std::string("cannot open file: ") + std::strerror(errno), path);
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int e = errno;
    ::close(fd);
    return makeError(ErrorCode::Io, std::string("cannot tell the file size: ") + std::strerror(e), path);
  }
  const std::uint64_t size = static_cast<std::uint64_t>(st.st_size);
  if (size > mrec::kMaxFileBytes) {
    ::close(fd);
    return makeError(ErrorCode::Limit, "file is " + std::to_string(size) + " bytes, more than the limit of " +
                     std::to_string(mrec::kMaxFileBytes), path);
  }
  mapped = false;
  if (size == 0 || !S_ISREG(st.st_mode)) {  // nothing to map (or a pipe): read it the plain way
    std::uint8_t buf[1 << 16];
    for (;;) {
      const ssize_t n = ::read(fd, buf, sizeof buf);
      if (n < 0 && errno == EINTR) continue;
      if (n < 0) {
        const int e = errno;
        ::close(fd);
        return makeError(ErrorCode::Io, std::string("read failed: ") + std::strerror(e), path);
      }
      if (n == 0) break;
      copy.insert(copy.end(), buf, buf + n);
      if (copy.size() > mrec::kMaxFileBytes) {
        ::close(fd);
        return makeError(ErrorCode::Limit, "file is more than the limit of " + std::to_string(mrec::kMaxFileBytes) + " bytes", path);
      }
    }
    ::close(fd);
    return okStatus();
  }
  void* data = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_PRIVATE | (populate ? MAP_POPULATE : 0), fd, 0);
  const int mapErr = errno;
  ::close(fd);
  if (data == MAP_FAILED) return makeError(ErrorCode::Io, std::string("cannot map the file: ") + std::strerror(mapErr), path);
  map.data = data;
  map.size = static_cast<std::size_t>(size);
  mapped = true;
  ::madvise(map.data, map.size, MADV_SEQUENTIAL);
  return okStatus();
}

}  // namespace

Result<MrecFile> readMrec(const std::string& path) {
  // Mapped, not copied into a zeroed buffer: a 10-minute recording is ~90 MB, and copying it
  // cost as much as decoding it (most of it page faults). Read once, front to back.
  Mapping map;
  std::vector<std::uint8_t> copy;
  bool mapped = false;
  if (Status s = openMrec(path, true, map, copy, mapped); !s) return s.error();
  return readMrecBytes(mapped ? map.bytes() : std::span<const std::uint8_t>(copy), path);
}

Result<MrecStreamed> streamMrec(const std::string& path, const MrecFrameBlockFn& onFrames) {
  Mapping map;
  std::vector<std::uint8_t> copy;
  bool mapped = false;
  if (Status s = openMrec(path, false, map, copy, mapped); !s) return s.error();
  ChunkSink sink;
  sink.onFrames = &onFrames;
  sink.where = path;
  // The pages read so far are dropped from this process every few MB (the page cache keeps
  // them): a mapped file's pages count in its resident size as much as its own memory does.
  constexpr std::uint64_t kReleaseBytes = 8u << 20;
  const std::uint64_t page = static_cast<std::uint64_t>(::sysconf(_SC_PAGESIZE));
  std::uint64_t released = 0;
  auto consumed = [&](std::uint64_t pos) {
    if (!mapped || pos < released + kReleaseBytes) return;
    const std::uint64_t upTo = pos / page * page;
    ::madvise(static_cast<std::uint8_t*>(map.data) + released, static_cast<std::size_t>(upTo - released), MADV_DONTNEED);
    released = upTo;
  };
  if (Status s = readChunks(mapped ? map.bytes() : std::span<const std::uint8_t>(copy), path, sink, consumed); !s)
    return s.error();
  MrecStreamed out;
  out.header = std::move(sink.file.clip);
  out.events = std::move(sink.file.events);
  out.recovery = std::move(sink.file.recovery);
  out.frameCount = sink.framesSeen;
  return out;
}

}  // namespace mimesis
