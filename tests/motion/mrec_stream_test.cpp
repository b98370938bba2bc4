// streamMrec: the frames readMrec keeps, handed on block by block, with the same header,
// events and recovery, on whole, torn and invalid files.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <unistd.h>

#include "mimesis/core/Crc32.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

#include "MrecTestClip.hpp"

namespace mimesis {
namespace {

struct Streamed {
  Result<MrecStreamed> result;
  std::vector<Frame> frames;
  std::size_t blocks = 0;
  bool indicesContiguous = true;
};

Streamed streamAll(const std::string& path) {
  Streamed s{makeError(ErrorCode::Internal, "not read"), {}, 0, true};
  s.result = streamMrec(path, [&](std::span<const Frame> block, std::size_t first) {
    s.indicesContiguous = s.indicesContiguous && first == s.frames.size();
    s.frames.insert(s.frames.end(), block.begin(), block.end());
    ++s.blocks;
  });
  return s;
}

class MrecStream : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (std::filesystem::temp_directory_path() / ("mimesis_mrec_stream_" + std::to_string(getpid()) + ".mrec")).string();
  }
  void TearDown() override { std::filesystem::remove(path_); }

  // Writes `clip` with the streaming writer: a FRMS chunk per 9 frames, events among them.
  void writeStreaming(const Clip& clip, const std::vector<MrecEvent>& events) {
    auto w = MrecWriter::create(path_, clip.info, clip.rate, clip.body);
    ASSERT_TRUE(w) << w.error().describe();
    for (const Segment& s : clip.segments) ASSERT_TRUE(w->appendSegment(s));
    for (const Annotation& a : clip.annotations) ASSERT_TRUE(w->appendAnnotation(a));
    for (std::size_t i = 0; i < clip.frames.size(); ++i) {
      ASSERT_TRUE(w->appendFrame(clip.frames[i]));
      if (i < events.size()) {
        ASSERT_TRUE(w->appendEvent(events[i]));
      }
    }
    ASSERT_TRUE(w->close());
  }

  void expectSameAsReadMrec() {
    auto whole = readMrec(path_);
    ASSERT_TRUE(whole) << whole.error().describe();
    Streamed s = streamAll(path_);
    ASSERT_TRUE(s.result) << s.result.error().describe();
    EXPECT_TRUE(s.indicesContiguous);
    EXPECT_EQ(s.result->frameCount, whole->clip.frames.size());
    EXPECT_TRUE(s.frames == whole->clip.frames);
    Clip header = whole->clip;
    header.frames.clear();
    EXPECT_TRUE(s.result->header == header);
    EXPECT_TRUE(s.result->events == whole->events);
    EXPECT_EQ(s.result->recovery.torn, whole->recovery.torn);
    EXPECT_EQ(s.result->recovery.bytesDropped, whole->recovery.bytesDropped);
    EXPECT_EQ(s.result->recovery.chunksRead, whole->recovery.chunksRead);
    EXPECT_EQ(s.result->recovery.detail, whole->recovery.detail);
  }

  std::string path_;
};

TEST_F(MrecStream, SameFramesHeaderAndEventsAsReadMrec) {
  const Clip clip = testclip::makeMrecTestClip(200);
  writeStreaming(clip, testclip::makeMrecTestEvents(5));
  expectSameAsReadMrec();
  Streamed s = streamAll(path_);
  EXPECT_EQ(s.blocks, 23u) << "one block per FRMS chunk of 9 frames";
  EXPECT_TRUE(s.frames == clip.frames);
}

TEST_F(MrecStream, OneShotFileAndTornFilesRecoverAsReadMrec) {
  const Clip clip = testclip::makeMrecTestClip(120);
  ASSERT_TRUE(writeMrec(path_, clip, testclip::makeMrecTestEvents(3)));
  expectSameAsReadMrec();
  writeStreaming(clip, {});
  const auto size = std::filesystem::file_size(path_);
  for (const std::uintmax_t cut : {size - 1, size - 30, size / 2, size / 3 + 7}) {
    SCOPED_TRACE(cut);
    writeStreaming(clip, {});
    std::filesystem::resize_file(path_, cut);
    expectSameAsReadMrec();
  }
}

TEST_F(MrecStream, InvalidFramesAreRefusedLikeReadMrec) {
  // The writer refuses a valid joint that is not finite, so the file is patched: a NaN written
  // as an invalid joint's junk is marked valid, and its chunk's checksum made right again.
  Clip clip = testclip::makeMrecTestClip(60);
  JointPose& bad = clip.frames[40].hands[1].joints[3];  // joint 3 of the right hand: flags 0
  ASSERT_EQ(bad.flags, 0);
  bad.pose.position.x = std::numeric_limits<float>::quiet_NaN();
  writeStreaming(clip, {});
  std::vector<std::uint8_t> b = testclip::fileBytes(path_);
  const std::uint8_t nan[4] = {0x00, 0x00, 0xc0, 0x7f};
  const auto at = std::search(b.begin(), b.end(), std::begin(nan), std::end(nan)) - b.begin();
  ASSERT_LT(static_cast<std::size_t>(at), b.size());
  b[static_cast<std::size_t>(at) + 32] = kJointFullyTracked;  // the record's flags byte
  std::size_t pos = mrec::kFileHeaderBytes;
  for (;;) {
    const std::size_t length = b[pos + 4] | b[pos + 5] << 8 | b[pos + 6] << 16 | static_cast<std::size_t>(b[pos + 7]) << 24;
    const std::size_t end = pos + mrec::kChunkHeaderBytes + length;
    if (static_cast<std::size_t>(at) < end) {
      const std::uint32_t crc = crc32c(b.data() + pos + mrec::kChunkHeaderBytes, length, crc32c(b.data() + pos, 8));
      for (int k = 0; k < 4; ++k) b[pos + 8 + static_cast<std::size_t>(k)] = static_cast<std::uint8_t>(crc >> (8 * k));
      break;
    }
    pos = end;
  }
  std::ofstream(path_, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(b.data()),
                                                                  static_cast<std::streamsize>(b.size()));
  auto whole = readMrec(path_);
  ASSERT_FALSE(whole);
  EXPECT_NE(whole.error().describe().find("frame 40: a joint marked valid is not finite"), std::string::npos)
      << whole.error().describe();
  Streamed s = streamAll(path_);
  ASSERT_FALSE(s.result);
  EXPECT_EQ(s.result.error().describe(), whole.error().describe());
  EXPECT_LE(s.frames.size(), 40u) << "no invalid frame is handed on";
}

TEST_F(MrecStream, MissingFileIsTheSameIoError) {
  Streamed s = streamAll(path_ + ".absent");
  ASSERT_FALSE(s.result);
  EXPECT_EQ(s.result.error().describe(), readMrec(path_ + ".absent").error().describe());
}

}  // namespace
}  // namespace mimesis
