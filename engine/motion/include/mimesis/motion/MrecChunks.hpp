// Field-by-field little-endian encoding of .mrec chunks: the building blocks shared by the
// one-shot writer, the streaming writer and the reader. Most callers want MrecWriter/MrecReader.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mimesis/core/Error.hpp"
#include "mimesis/motion/Clip.hpp"
#include "mimesis/motion/MrecFormat.hpp"

namespace mimesis::mrec {

// Appends values in little-endian order. Floats are stored as their IEEE-754 bits, so every
// value (including -0 and NaN payloads) survives a round trip bit for bit.
class ByteWriter {
 public:
  explicit ByteWriter(std::vector<std::uint8_t>& out) : out_(out) {}
  void u8(std::uint8_t v) { out_.push_back(v); }
  void u16(std::uint16_t v);
  void u32(std::uint32_t v);
  void u64(std::uint64_t v);
  void i32(std::int32_t v) { u32(static_cast<std::uint32_t>(v)); }
  void f32(float v);
  void f64(double v);
  void str(std::string_view s);  // u32 byte count, then the bytes (UTF-8, no terminator)
  void bytes(std::span<const std::uint8_t> b) { out_.insert(out_.end(), b.begin(), b.end()); }
  std::size_t size() const { return out_.size(); }
  // Appends n bytes and returns where they start, for fixed-size records filled in place.
  // Valid until the next append.
  std::uint8_t* grow(std::size_t n) {
    out_.resize(out_.size() + n);
    return out_.data() + out_.size() - n;
  }

 private:
  std::vector<std::uint8_t>& out_;
};

// Reads a chunk payload. Every read is bounds-checked; the first failure sticks and records
// the absolute file offset of the field, so decoders can read on and check once at the end.
class ByteReader {
 public:
  // `base` is the absolute file offset of data[0], used in error messages.
  ByteReader(std::span<const std::uint8_t> data, std::uint64_t base) : data_(data), base_(base) {}
  std::uint8_t u8();
  std::uint16_t u16();
  std::uint32_t u32();
  std::uint64_t u64();
  std::int32_t i32() { return static_cast<std::int32_t>(u32()); }
  float f32();
  double f64();
  std::string str();
  // The next n bytes, or nullptr (and a failure) if fewer remain: one bounds check for a
  // fixed-size record, which keeps decoding fast.
  const std::uint8_t* take(std::size_t n);
  // Reads a count and checks that `count * minItemBytes` fits in what is left and that
  // count <= limit, so callers may reserve(count) safely. Fails (returns 0) otherwise.
  std::size_t count(std::size_t minItemBytes, std::size_t limit, const char* what);
  void fail(std::string message);  // records a decoding error at the current offset

  bool ok() const { return error_.empty(); }
  bool overLimit() const { return overLimit_; }  // the error is a count above a limit
  const std::string& error() const { return error_; }
  std::uint64_t errorOffset() const { return errorOffset_; }
  std::uint64_t offset() const { return base_ + pos_; }
  std::size_t remaining() const { return data_.size() - pos_; }

 private:
  bool need(std::size_t n);
  std::span<const std::uint8_t> data_;
  std::uint64_t base_ = 0;
  std::size_t pos_ = 0;
  std::string error_;
  std::uint64_t errorOffset_ = 0;
  bool overLimit_ = false;
};

// Whole-file framing.
void appendFileHeader(std::vector<std::uint8_t>& out);
// Appends header (type, length, CRC) and payload. The payload must be <= kMaxChunkBytes.
void appendChunk(std::vector<std::uint8_t>& out, ChunkType type, std::span<const std::uint8_t> payload);

// Payload encoders: each appends one chunk payload (without framing) to `out`.
void encodeInfo(std::vector<std::uint8_t>& out, const ClipInfo& info, double rate);
void encodeSkeleton(std::vector<std::uint8_t>& out, const Skeleton& body);
void encodeFrames(std::vector<std::uint8_t>& out, std::span<const Frame> frames);
void encodeEvents(std::vector<std::uint8_t>& out, std::span<const MrecEvent> events);
void encodeSegments(std::vector<std::uint8_t>& out, std::span<const Segment> segments);
void encodeAnnotations(std::vector<std::uint8_t>& out, std::span<const Annotation> annotations);
void encodeEnd(std::vector<std::uint8_t>& out, std::uint64_t frameCount, std::uint64_t eventCount);

// Payload decoders: append what they read to the outputs. On failure the reader holds the
// error. `strict` (file minor <= ours) requires the payload to be consumed exactly; otherwise
// trailing bytes, fields of a newer minor version, are ignored.
void decodeInfo(ByteReader& r, ClipInfo& info, double& rate);
void decodeSkeleton(ByteReader& r, Skeleton& body);
void decodeFrames(ByteReader& r, std::size_t framesSoFar, std::vector<Frame>& frames);
void decodeEvents(ByteReader& r, std::size_t eventsSoFar, std::vector<MrecEvent>& events);
void decodeSegments(ByteReader& r, std::vector<Segment>& segments);
void decodeAnnotations(ByteReader& r, std::vector<Annotation>& annotations);
void decodeEnd(ByteReader& r, std::uint64_t& frameCount, std::uint64_t& eventCount);
void finishPayload(ByteReader& r, bool strict);

// Frame-record flag bits (see MREC_FORMAT.md, FRMS).
enum FrameBits : std::uint8_t {
  kLeftActive = 1u << 0,
  kRightActive = 1u << 1,
  kHasHead = 1u << 2,
  kLeftJointsStored = 1u << 3,
  kRightJointsStored = 1u << 4,
  kHeadPoseStored = 1u << 5,
};

// Number of frames a FRMS payload declares, read from its first 4 bytes (0 if shorter).
std::uint32_t peekFrameCount(std::span<const std::uint8_t> payload);

}  // namespace mimesis::mrec
