// Little-endian byte writer/reader and the file-header and chunk framing of .mrec files.
#include <bit>
#include <cstring>
#include <string>

#include "mimesis/core/Crc32.hpp"
#include "mimesis/motion/MrecChunks.hpp"

namespace mimesis::mrec {

// Our own fields are assembled byte by byte and are endian-neutral, but core's crc32c reads
// 8-byte words natively, so checksums are only right on little-endian hosts.
static_assert(std::endian::native == std::endian::little, ".mrec checksums assume a little-endian host");

void ByteWriter::u16(std::uint16_t v) {
  out_.push_back(static_cast<std::uint8_t>(v));
  out_.push_back(static_cast<std::uint8_t>(v >> 8));
}

void ByteWriter::u32(std::uint32_t v) {
  for (int i = 0; i < 4; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void ByteWriter::u64(std::uint64_t v) {
  for (int i = 0; i < 8; ++i) out_.push_back(static_cast<std::uint8_t>(v >> (8 * i)));
}

void ByteWriter::f32(float v) { u32(std::bit_cast<std::uint32_t>(v)); }
void ByteWriter::f64(double v) { u64(std::bit_cast<std::uint64_t>(v)); }

void ByteWriter::str(std::string_view s) {
  u32(static_cast<std::uint32_t>(s.size()));
  out_.insert(out_.end(), s.begin(), s.end());
}

bool ByteReader::need(std::size_t n) {
  if (!ok()) return false;
  if (remaining() < n) {
    fail("field needs " + std::to_string(n) + " bytes, the chunk has " + std::to_string(remaining()) + " left");
    return false;
  }
  return true;
}

void ByteReader::fail(std::string message) {
  if (!ok()) return;  // keep the first error: later ones are consequences
  error_ = std::move(message);
  errorOffset_ = offset();
}

std::uint8_t ByteReader::u8() {
  if (!need(1)) return 0;
  return data_[pos_++];
}

std::uint16_t ByteReader::u16() {
  if (!need(2)) return 0;
  const auto v = static_cast<std::uint16_t>(data_[pos_] | (data_[pos_ + 1] << 8));
  pos_ += 2;
  return v;
}

std::uint32_t ByteReader::u32() {
  if (!need(4)) return 0;
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(data_[pos_ + i]) << (8 * i);
  pos_ += 4;
  return v;
}

std::uint64_t ByteReader::u64() {
  if (!need(8)) return 0;
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(data_[pos_ + i]) << (8 * i);
  pos_ += 8;
  return v;
}

const std::uint8_t* ByteReader::take(std::size_t n) {
  if (!need(n)) return nullptr;
  const std::uint8_t* p = data_.data() + pos_;
  pos_ += n;
  return p;
}

float ByteReader::f32() { return std::bit_cast<float>(u32()); }
double ByteReader::f64() { return std::bit_cast<double>(u64()); }

std::string ByteReader::str() {
  const std::uint32_t n = u32();
  if (!need(n)) return {};  // checked against the chunk before allocating
  std::string s(reinterpret_cast<const char*>(data_.data() + pos_), n);
  pos_ += n;
  return s;
}

std::size_t ByteReader::count(std::size_t minItemBytes, std::size_t limit, const char* what) {
  const std::uint32_t n = u32();
  if (!ok()) return 0;
  if (n > limit) {
    overLimit_ = true;
    fail(std::string("declares ") + std::to_string(n) + " " + what + ", more than the limit of " +
         std::to_string(limit));
    return 0;
  }
  if (minItemBytes > 0 && n > remaining() / minItemBytes) {
    fail(std::string("declares ") + std::to_string(n) + " " + what + " but only " +
         std::to_string(remaining()) + " bytes follow");
    return 0;
  }
  return n;
}

void appendFileHeader(std::vector<std::uint8_t>& out) {
  const std::size_t start = out.size();
  ByteWriter w(out);
  w.bytes(kMagic);
  w.u16(kVersionMajor);
  w.u16(kVersionMinor);
  w.u32(0);  // reserved flags
  w.u32(crc32c(out.data() + start, 16));
}

void appendChunk(std::vector<std::uint8_t>& out, ChunkType type, std::span<const std::uint8_t> payload) {
  std::uint8_t head[8];
  const auto t = static_cast<std::uint32_t>(type);
  const auto n = static_cast<std::uint32_t>(payload.size());
  for (int i = 0; i < 4; ++i) {
    head[i] = static_cast<std::uint8_t>(t >> (8 * i));
    head[4 + i] = static_cast<std::uint8_t>(n >> (8 * i));
  }
  // The CRC covers type and length too, so a flipped length bit is caught, not trusted.
  const std::uint32_t crc = crc32c(payload.data(), payload.size(), crc32c(head, sizeof head));
  ByteWriter w(out);
  w.bytes(head);
  w.u32(crc);
  w.bytes(payload);
}

std::string chunkTypeName(std::uint32_t type) {
  std::string s;
  for (int i = 0; i < 4; ++i) {
    const auto c = static_cast<char>((type >> (8 * i)) & 0xFF);
    if (c < 0x20 || c > 0x7E) {
      static const char* hex = "0123456789abcdef";
      std::string h = "0x";
      for (int k = 7; k >= 0; --k) h += hex[(type >> (4 * k)) & 0xF];
      return h;
    }
    s += c;
  }
  return s;
}

std::uint32_t peekFrameCount(std::span<const std::uint8_t> payload) {
  if (payload.size() < 4) return 0;
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i) v |= static_cast<std::uint32_t>(payload[i]) << (8 * i);
  return v;
}

}  // namespace mimesis::mrec
