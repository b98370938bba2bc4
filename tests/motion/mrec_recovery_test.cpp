// .mrec recovery: files cut at any byte or damaged mid-way give back every complete chunk before.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "mimesis/motion/MrecChunks.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

#include "MrecTestClip.hpp"

namespace mimesis {
namespace {

struct ChunkSpan {
  std::size_t begin = 0;
  std::size_t end = 0;  // one past the last byte
  std::uint32_t type = 0;
  std::uint32_t items = 0;  // frames or events, from the payload's leading count
};

std::uint32_t le32(const std::vector<std::uint8_t>& b, std::size_t at) {
  return b[at] | b[at + 1] << 8 | b[at + 2] << 16 | static_cast<std::uint32_t>(b[at + 3]) << 24;
}

// Walks a well-formed file's chunk framing (test oracle, independent of the reader).
std::vector<ChunkSpan> chunksOf(const std::vector<std::uint8_t>& b) {
  std::vector<ChunkSpan> out;
  std::size_t pos = mrec::kFileHeaderBytes;
  while (pos < b.size()) {
    ChunkSpan c;
    c.begin = pos;
    c.type = le32(b, pos);
    c.end = pos + mrec::kChunkHeaderBytes + le32(b, pos + 4);
    c.items = le32(b, pos + mrec::kChunkHeaderBytes);
    out.push_back(c);
    pos = c.end;
  }
  return out;
}

constexpr auto kFrames = static_cast<std::uint32_t>(mrec::ChunkType::Frames);
constexpr auto kEvents = static_cast<std::uint32_t>(mrec::ChunkType::Events);

class MrecRecoveryTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Small chunks keep the every-byte sweeps fast while still giving many chunks.
    clip = testclip::makeMrecTestClip(14);
    events = testclip::makeMrecTestEvents(5);
    auto b = encodeMrec(clip, events, 2);
    ASSERT_TRUE(b.ok());
    bytes = *b;
    chunks = chunksOf(bytes);
    ASSERT_EQ(chunks.back().end, bytes.size());
  }

  // Reads bytes[0, cut) and checks it against what the complete chunks before `cut` hold.
  void checkCut(std::size_t cut) {
    SCOPED_TRACE("cut at byte " + std::to_string(cut));
    const std::span<const std::uint8_t> prefix(bytes.data(), cut);
    auto read = readMrecBytes(prefix, "cut.mrec");
    const std::size_t infoEnd = chunks[0].end;
    if (cut < infoEnd) {
      ASSERT_FALSE(read.ok());
      EXPECT_NE(read.error().where.find("cut.mrec: byte"), std::string::npos) << read.error().describe();
      return;
    }
    ASSERT_TRUE(read.ok()) << read.error().describe();
    std::size_t frames = 0, eventCount = 0, complete = 0, boundary = mrec::kFileHeaderBytes;
    for (const ChunkSpan& c : chunks) {
      if (c.end > cut) break;
      ++complete;
      boundary = c.end;
      if (c.type == kFrames) frames += c.items;
      if (c.type == kEvents) eventCount += c.items;
    }
    const MrecRecovery& rec = read->recovery;
    EXPECT_EQ(rec.chunksRead, complete);
    EXPECT_EQ(rec.bytesDropped, cut - boundary);
    EXPECT_EQ(rec.torn, cut != boundary);
    if (cut != bytes.size()) {
      EXPECT_FALSE(rec.detail.empty());
    }
    ASSERT_EQ(read->clip.frames.size(), frames);
    for (std::size_t i = 0; i < frames; ++i) ASSERT_TRUE(read->clip.frames[i] == clip.frames[i]) << i;
    ASSERT_EQ(read->events.size(), eventCount);
    EXPECT_EQ(read->clip.info, clip.info);
  }

  Clip clip;
  std::vector<MrecEvent> events;
  std::vector<std::uint8_t> bytes;
  std::vector<ChunkSpan> chunks;
};

TEST_F(MrecRecoveryTest, EveryCutInTheLastChunks) {
  ASSERT_GE(chunks.size(), 4u);
  for (std::size_t cut = chunks[chunks.size() - 4].begin; cut <= bytes.size(); ++cut) checkCut(cut);
}

TEST_F(MrecRecoveryTest, CutsInTheHeadAndMiddle) {
  for (std::size_t cut = 0; cut < chunks[2].end + 3; ++cut) checkCut(cut);
  for (std::size_t cut = chunks[5].begin - 2; cut < chunks[6].begin + 40; ++cut) checkCut(cut);
}

TEST_F(MrecRecoveryTest, TornFrameChunkSaysHowManyFramesWereDropped) {
  const ChunkSpan& last = chunks[chunks.size() - 3];  // the last FRMS chunk
  ASSERT_EQ(last.type, kFrames);
  auto read = readMrecBytes(std::span(bytes.data(), last.begin + 100), "t.mrec");
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->recovery.detail,
            "last chunk at byte " + std::to_string(last.begin) + " ('FRMS') is truncated (needs " +
                std::to_string(last.end - last.begin) + " bytes, 100 present): dropped up to " +
                std::to_string(last.items) + " frames");
}

TEST_F(MrecRecoveryTest, ChunkBoundaryWithoutEndReportsUnclosed) {
  const ChunkSpan& endChunk = chunks.back();
  auto read = readMrecBytes(std::span(bytes.data(), endChunk.begin), "t.mrec");
  ASSERT_TRUE(read.ok());
  EXPECT_FALSE(read->recovery.torn);
  EXPECT_EQ(read->recovery.bytesDropped, 0u);
  EXPECT_NE(read->recovery.detail.find("not closed"), std::string::npos) << read->recovery.detail;
  EXPECT_TRUE(read->clip == clip);
  EXPECT_EQ(read->events, events);
}

// Policy (MREC_FORMAT.md): a chunk failing its checksum ends reading like a torn tail; chunks
// before it are kept, it and everything after are dropped and reported.
TEST_F(MrecRecoveryTest, CorruptedMiddleChunkStopsThereAndReports) {
  const ChunkSpan& bad = chunks[6];
  ASSERT_EQ(bad.type, kFrames);
  for (std::size_t at : {bad.begin, bad.begin + 8, bad.begin + 12, bad.begin + 200, bad.end - 1}) {
    SCOPED_TRACE(at);
    std::vector<std::uint8_t> damaged = bytes;
    damaged[at] ^= 0x10;
    auto read = readMrecBytes(damaged, "d.mrec");
    ASSERT_TRUE(read.ok()) << read.error().describe();
    const MrecRecovery& rec = read->recovery;
    EXPECT_TRUE(rec.torn);
    EXPECT_EQ(rec.chunksRead, 6u);
    EXPECT_EQ(rec.bytesDropped, bytes.size() - bad.begin);
    EXPECT_NE(rec.detail.find("checksum"), std::string::npos) << rec.detail;
    EXPECT_NE(rec.detail.find("byte " + std::to_string(bad.begin)), std::string::npos) << rec.detail;
    std::size_t frames = 0;
    for (std::size_t c = 0; c < 6; ++c) frames += chunks[c].type == kFrames ? chunks[c].items : 0;
    EXPECT_EQ(read->clip.frames.size(), frames);
  }
}

TEST_F(MrecRecoveryTest, CorruptedLengthIsCaught) {
  const ChunkSpan& bad = chunks[6];
  std::vector<std::uint8_t> damaged = bytes;
  damaged[bad.begin + 4] ^= 0x01;  // small change: a checksum mismatch (or a torn tail)
  auto read = readMrecBytes(damaged, "d.mrec");
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->recovery.torn);
  damaged = bytes;
  damaged[bad.begin + 7] ^= 0x40;  // absurd length: refused as a limit, naming the byte
  auto absurd = readMrecBytes(damaged, "d.mrec");
  ASSERT_FALSE(absurd.ok());
  EXPECT_EQ(absurd.error().code, ErrorCode::Limit);
  EXPECT_EQ(absurd.error().where, "d.mrec: byte " + std::to_string(bad.begin + 4));
}

// Flipping every byte once never crashes; the result is an error or a consistent recovery.
TEST_F(MrecRecoveryTest, SingleByteDamageAnywhereIsHandled) {
  for (std::size_t at = 0; at < bytes.size(); at += 13) {
    std::vector<std::uint8_t> damaged = bytes;
    damaged[at] ^= 0xA5;
    auto read = readMrecBytes(damaged, "d.mrec");
    if (read.ok()) {
      EXPECT_LE(read->clip.frames.size(), clip.frames.size());
      EXPECT_TRUE(read->recovery.torn || at < mrec::kFileHeaderBytes) << at;
    } else {
      EXPECT_FALSE(read.error().where.empty());
    }
  }
}

}  // namespace
}  // namespace mimesis
