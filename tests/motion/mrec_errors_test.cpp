// .mrec errors and compatibility: bad magic, versions, absurd sizes, structure, unknown chunks.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mimesis/core/Crc32.hpp"
#include "mimesis/motion/MrecChunks.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

namespace mimesis {
namespace {

using mrec::ChunkType;

std::vector<std::uint8_t> header(std::uint16_t major = mrec::kVersionMajor, std::uint16_t minor = mrec::kVersionMinor) {
  std::vector<std::uint8_t> b(mrec::kMagic.begin(), mrec::kMagic.end());
  mrec::ByteWriter w(b);
  w.u16(major);
  w.u16(minor);
  w.u32(0);
  w.u32(crc32c(b.data(), 16));
  return b;
}

void chunk(std::vector<std::uint8_t>& b, ChunkType type, const std::vector<std::uint8_t>& payload) {
  mrec::appendChunk(b, type, payload);
}

std::vector<std::uint8_t> infoPayload() {
  std::vector<std::uint8_t> p;
  ClipInfo info;
  info.name = "x";
  mrec::encodeInfo(p, info, 90.0);
  return p;
}

std::vector<std::uint8_t> minimalFile(std::uint16_t minor = mrec::kVersionMinor) {
  auto b = header(mrec::kVersionMajor, minor);
  chunk(b, ChunkType::Info, infoPayload());
  return b;
}

TEST(MrecErrors, ChecksumIsStandardCrc32c) {
  EXPECT_EQ(crc32c("123456789", 9), 0xE3069283u);  // the check value MREC_FORMAT.md quotes
}

TEST(MrecErrors, EmptyFile) {
  auto r = readMrecBytes({}, "e.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::BadInput);
  EXPECT_EQ(r.error().describe(), "e.mrec: byte 0: empty file: no .mrec header");
}

TEST(MrecErrors, BadMagic) {
  auto b = minimalFile();
  b[1] = 'X';
  auto r = readMrecBytes(b, "m.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "m.mrec: byte 0");
  EXPECT_NE(r.error().message.find("magic"), std::string::npos);
  const std::vector<std::uint8_t> text = {'h', 'e', 'l', 'l', 'o'};
  EXPECT_FALSE(readMrecBytes(text, "t.mrec").ok());
}

TEST(MrecErrors, TruncatedHeader) {
  auto b = header();
  b.resize(11);
  auto r = readMrecBytes(b, "h.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "h.mrec: byte 11");
}

TEST(MrecErrors, HeaderOnly) {
  auto r = readMrecBytes(header(), "h.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::BadInput);
  EXPECT_EQ(r.error().where, "h.mrec: byte 20");
  EXPECT_NE(r.error().message.find("no INFO chunk"), std::string::npos);
}

TEST(MrecErrors, HeaderChecksum) {
  auto b = minimalFile();
  b[14] = 1;  // reserved flags
  auto r = readMrecBytes(b, "h.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "h.mrec: byte 16");
}

TEST(MrecErrors, WrongMajorVersion) {
  auto b = header(2, 0);
  chunk(b, ChunkType::Info, infoPayload());
  auto r = readMrecBytes(b, "v.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Unsupported);
  EXPECT_EQ(r.error().where, "v.mrec: byte 8");
  EXPECT_NE(r.error().message.find("version 2.0"), std::string::npos);
  EXPECT_FALSE(readMrecBytes(header(0, 3), "v.mrec").ok());
}

TEST(MrecErrors, AbsurdChunkLength) {
  auto b = minimalFile();
  const std::size_t at = b.size();
  mrec::ByteWriter w(b);
  w.u32(static_cast<std::uint32_t>(ChunkType::Frames));
  w.u32(0xFFFFFFF0u);
  w.u32(0);
  auto r = readMrecBytes(b, "a.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  EXPECT_EQ(r.error().where, "a.mrec: byte " + std::to_string(at + 4));
}

TEST(MrecErrors, AbsurdCountsInAValidChunk) {
  auto b = minimalFile();
  const std::size_t payloadAt = b.size() + mrec::kChunkHeaderBytes;
  chunk(b, ChunkType::Frames, {0x00, 0xCA, 0x9A, 0x3B, 0, 0, 0, 0});  // 10^9 frames
  auto r = readMrecBytes(b, "c.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  EXPECT_EQ(r.error().where, "c.mrec: byte " + std::to_string(payloadAt + 4));

  auto b2 = minimalFile();
  chunk(b2, ChunkType::Events, {100, 0, 0, 0, 1, 2, 3});  // 100 events in 3 bytes
  auto r2 = readMrecBytes(b2, "c.mrec");
  ASSERT_FALSE(r2.ok());
  EXPECT_EQ(r2.error().code, ErrorCode::BadInput);
  EXPECT_NE(r2.error().message.find("100 events"), std::string::npos) << r2.error().describe();

  auto b3 = minimalFile();
  std::vector<std::uint8_t> s;
  mrec::ByteWriter w(s);
  w.u32(1);
  w.u32(0x7FFFFFFF);  // one segment whose name declares 2 GB
  chunk(b3, ChunkType::Segments, s);
  EXPECT_FALSE(readMrecBytes(b3, "c.mrec").ok());
}

TEST(MrecErrors, FirstChunkMustBeInfo) {
  auto b = header();
  std::vector<std::uint8_t> p;
  mrec::encodeSkeleton(p, {});
  chunk(b, ChunkType::Skeleton, p);
  auto r = readMrecBytes(b, "f.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "f.mrec: byte 20");
}

TEST(MrecErrors, NothingAfterEnd) {
  auto b = minimalFile();
  std::vector<std::uint8_t> end;
  mrec::encodeEnd(end, 0, 0);
  chunk(b, ChunkType::End, end);
  ASSERT_TRUE(readMrecBytes(b, "n.mrec").ok());
  chunk(b, ChunkType::End, end);
  EXPECT_FALSE(readMrecBytes(b, "n.mrec").ok());
}

TEST(MrecErrors, EndCountsMustMatch) {
  auto b = minimalFile();
  std::vector<std::uint8_t> end;
  mrec::encodeEnd(end, 5, 0);
  chunk(b, ChunkType::End, end);
  EXPECT_FALSE(readMrecBytes(b, "n.mrec").ok());
}

TEST(MrecErrors, UnknownChunksAreSkipped) {
  auto b = minimalFile();
  chunk(b, static_cast<ChunkType>(0x5A5A5A5Au), {1, 2, 3, 4, 5});  // "ZZZZ" from a newer writer
  auto r = readMrecBytes(b, "u.mrec");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->recovery.chunksRead, 2u);
  EXPECT_FALSE(r->recovery.torn);
  EXPECT_NE(r->recovery.detail.find("skipped 1 chunk of unknown type"), std::string::npos) << r->recovery.detail;
}

TEST(MrecErrors, TrailingFieldsAllowedOnlyFromNewerMinor) {
  auto payload = infoPayload();
  payload.push_back(7);  // a field this build does not know
  auto older = header();
  chunk(older, ChunkType::Info, payload);
  auto r = readMrecBytes(older, "t.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("unexpected bytes"), std::string::npos);

  auto newer = header(mrec::kVersionMajor, mrec::kVersionMinor + 1);
  chunk(newer, ChunkType::Info, payload);
  auto n = readMrecBytes(newer, "t.mrec");
  ASSERT_TRUE(n.ok()) << n.error().describe();
  EXPECT_EQ(n->clip.info.name, "x");
}

TEST(MrecErrors, BadSkeletonParent) {
  auto b = minimalFile();
  Skeleton s;
  s.joints = {"a", "b"};
  s.parents = {-1, 1};  // not an earlier joint
  std::vector<std::uint8_t> p;
  mrec::encodeSkeleton(p, s);
  chunk(b, ChunkType::Skeleton, p);
  auto r = readMrecBytes(b, "s.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("parent"), std::string::npos);
}

TEST(MrecErrors, MissingFileIsIo) {
  auto r = readMrec("/nonexistent/dir/x.mrec");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_EQ(r.error().where, "/nonexistent/dir/x.mrec");
}

}  // namespace
}  // namespace mimesis
