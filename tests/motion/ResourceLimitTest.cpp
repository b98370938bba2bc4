// Resource limits of the motion formats (issue 9): .mrec chunks and .mkeys scripts that declare
// absurd sizes are refused with ErrorCode::Limit before anything is allocated for them (checked
// in a child process whose address space may grow by only 64 MiB).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "ResourceLimit.hpp"
#include "mimesis/core/Crc32.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/KeyframeScript.hpp"
#include "mimesis/motion/MrecChunks.hpp"
#include "mimesis/motion/MrecReader.hpp"

namespace mimesis {
namespace {

using testing::CappedOutcome;
using testing::runWithMemoryCap;

constexpr std::size_t kCap = 64u << 20;

std::vector<std::uint8_t> fileWithInfo() {
  std::vector<std::uint8_t> b;
  mrec::appendFileHeader(b);
  std::vector<std::uint8_t> p;
  ClipInfo info;
  info.name = "limits";
  mrec::encodeInfo(p, info, 90.0);
  mrec::appendChunk(b, mrec::ChunkType::Info, p);
  return b;
}

// A checksum-valid chunk whose payload starts with a u32 count and then a few bytes.
std::vector<std::uint8_t> withCountChunk(mrec::ChunkType type, std::uint32_t count) {
  std::vector<std::uint8_t> b = fileWithInfo();
  std::vector<std::uint8_t> p;
  mrec::ByteWriter w(p);
  w.u32(count);
  w.u32(0);
  w.u32(0);
  mrec::appendChunk(b, type, p);
  return b;
}

void expectMrecRefused(const std::vector<std::uint8_t>& bytes, const std::string& what) {
  const CappedOutcome o = runWithMemoryCap([&] {
    Result<MrecFile> f = readMrecBytes(bytes, "limits.mrec");
    return !f.ok() && (f.error().code == ErrorCode::Limit || f.error().code == ErrorCode::BadInput);
  }, kCap);
  EXPECT_EQ(o, CappedOutcome::Refused) << what << ": " << testing::name(o);
  Result<MrecFile> f = readMrecBytes(bytes, "limits.mrec");
  ASSERT_FALSE(f.ok()) << what;
  EXPECT_NE(f.error().where.find("limits.mrec: byte "), std::string::npos) << f.error().describe();
}

TEST(ResourceLimit, MrecAbsurdCounts) {
  expectMrecRefused(withCountChunk(mrec::ChunkType::Frames, 1'000'000'000u), "10^9 frames");
  expectMrecRefused(withCountChunk(mrec::ChunkType::Frames, 0xFFFFFFFFu), "2^32-1 frames");
  expectMrecRefused(withCountChunk(mrec::ChunkType::Events, 1'000'000'000u), "10^9 events");
  expectMrecRefused(withCountChunk(mrec::ChunkType::Segments, 0x7FFFFFFFu), "2^31 segments");
  expectMrecRefused(withCountChunk(mrec::ChunkType::Annotations, 0x7FFFFFFFu), "2^31 annotations");
  expectMrecRefused(withCountChunk(mrec::ChunkType::Skeleton, 1'000'000'000u), "10^9 body joints");
  // Exactly at the error: 10^9 frames gives Limit, naming the count's byte.
  Result<MrecFile> f = readMrecBytes(withCountChunk(mrec::ChunkType::Frames, 1'000'000'000u), "limits.mrec");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().code, ErrorCode::Limit) << f.error().describe();
}

TEST(ResourceLimit, MrecChunkLengthBeyondTheFile) {
  // A 64 MiB chunk declared in a 50-byte file: torn, not allocated.
  std::vector<std::uint8_t> b = fileWithInfo();
  mrec::ByteWriter w(b);
  w.u32(static_cast<std::uint32_t>(mrec::ChunkType::Frames));
  w.u32(mrec::kMaxChunkBytes);
  w.u32(0);
  const CappedOutcome o = runWithMemoryCap([&] {
    Result<MrecFile> f = readMrecBytes(b, "limits.mrec");
    return f.ok() && f->recovery.torn && f->clip.frames.empty();
  }, kCap);
  EXPECT_EQ(o, CappedOutcome::Refused) << testing::name(o);
}

TEST(ResourceLimit, KeyframesAbsurdDurationRateAndKeys) {
  auto script = [](const std::string& head) { return "mkeys 1\nclip x\n" + head + "\nhands right\nkey 0 right\nkey 1 right\n"; };
  for (const std::string& head : {std::string("rate 1000\nduration 600"), std::string("rate 90\nduration 1000000000"),
                                  std::string("rate 1000000000\nduration 1")}) {
    const std::string text = script(head);
    const CappedOutcome o = runWithMemoryCap([&] {
      Result<KeyframeScript> s = parseKeyframes(text, "limits.mkeys");
      if (!s.ok()) return s.error().code == ErrorCode::Limit || s.error().code == ErrorCode::BadInput;
      return !authorClip(*s).ok();
    }, kCap);
    EXPECT_EQ(o, CappedOutcome::Refused) << head << ": " << testing::name(o);
    Result<KeyframeScript> s = parseKeyframes(text, "limits.mkeys");
    ASSERT_FALSE(s.ok()) << head;
    EXPECT_NE(s.error().where.find("limits.mkeys:"), std::string::npos) << s.error().describe();
  }
  std::string many = "mkeys 1\nclip x\nrate 30\nhands right\n";
  for (int i = 0; i < 5000; ++i) many += "key " + std::to_string(i * 0.01) + " right\n";
  Result<KeyframeScript> s = parseKeyframes(many, "many.mkeys");
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::Limit) << s.error().describe();
}

}  // namespace
}  // namespace mimesis
