// The streaming .mrec writer: what a reader gets from a file whose writer was killed mid-session.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>
#include <utility>

#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

#include "MrecTestClip.hpp"

namespace mimesis {
namespace {

using testclip::fileBytes;

std::string tempPath(const std::string& name) { return std::string(MIMESIS_BINARY_DIR) + "/mrec_w_" + name; }

// Copies the file as it is on disk while the writer is still open — what a SIGKILL leaves —
// and checks the reader gets every appended frame except at most the pending chunk.
void checkSnapshot(const std::string& path, const Clip& clip, std::size_t appended, std::size_t maxMissing) {
  SCOPED_TRACE("after " + std::to_string(appended) + " frames");
  const auto bytes = fileBytes(path);
  auto read = readMrecBytes(bytes, path);
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_FALSE(read->recovery.torn);  // chunks are written whole, then fflush'ed
  const auto& got = read->clip.frames;
  ASSERT_LE(got.size(), appended);
  EXPECT_LE(appended - got.size(), maxMissing);
  for (std::size_t i = 0; i < got.size(); ++i) ASSERT_TRUE(got[i] == clip.frames[i]) << i;
  EXPECT_EQ(read->clip.info, clip.info);
  EXPECT_EQ(read->clip.body, clip.body);
}

TEST(MrecWriter, KilledWriterLosesAtMostOneChunk) {
  const Clip clip = testclip::makeMrecTestClip(60);
  const std::string path = tempPath("kill.mrec");
  auto w = MrecWriter::create(path, clip.info, clip.rate, clip.body);
  ASSERT_TRUE(w.ok()) << w.error().describe();
  checkSnapshot(path, clip, 0, 0);
  for (std::size_t i = 0; i < clip.frames.size(); ++i) {
    ASSERT_TRUE(w->appendFrame(clip.frames[i]).ok());
    checkSnapshot(path, clip, i + 1, MrecWriterOptions{}.framesPerChunk - 1);
  }
  ASSERT_TRUE(w->close().ok());
  auto read = readMrec(path);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->clip.frames, clip.frames);
  EXPECT_EQ(read->recovery.detail, "");
  std::remove(path.c_str());
}

// The headset stores each frame at its predicted display time: irregular spacing (jitter),
// gaps (missed frames) and times from nanosecond clocks must come back exactly, with the
// nominal rate kept apart from the times (format 1.0 already stores an f64 time per frame).
TEST(MrecWriter, PerFrameTimestampsWithJitterAndGapsRoundTripExactly) {
  Clip clip = testclip::makeMrecTestClip(50);
  long long ns = 0;
  for (std::size_t i = 0; i < clip.frames.size(); ++i) {
    ns += 13888889 + static_cast<long long>((i * 7919) % 2000000);  // 72 Hz plus up to 2 ms
    if (i % 11 == 5) ns += 2 * 13888889;                             // two frames missed
    clip.frames[i].time = static_cast<double>(ns) * 1e-9;
  }
  const std::string path = tempPath("display-times.mrec");
  auto w = MrecWriter::create(path, clip.info, 72.0, clip.body);
  ASSERT_TRUE(w.ok()) << w.error().describe();
  for (const Frame& f : clip.frames) ASSERT_TRUE(w->appendFrame(f).ok());
  ASSERT_TRUE(w->close().ok());
  auto read = readMrec(path);
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_EQ(read->clip.rate, 72.0);
  ASSERT_EQ(read->clip.frames.size(), clip.frames.size());
  for (std::size_t i = 0; i < clip.frames.size(); ++i) {
    ASSERT_EQ(read->clip.frames[i].time, clip.frames[i].time) << "frame " << i;
    ASSERT_TRUE(read->clip.frames[i] == clip.frames[i]) << "frame " << i;
  }
  std::remove(path.c_str());
}

TEST(MrecWriter, SlowTrackerFlushesByTime) {
  Clip clip = testclip::makeMrecTestClip(40);
  for (std::size_t i = 0; i < clip.frames.size(); ++i) clip.frames[i].time = static_cast<double>(i) / 30.0;
  const std::string path = tempPath("slow.mrec");
  auto w = MrecWriter::create(path, clip.info, 30.0, clip.body);
  ASSERT_TRUE(w.ok());
  for (std::size_t i = 0; i < clip.frames.size(); ++i) {
    ASSERT_TRUE(w->appendFrame(clip.frames[i]).ok());
    checkSnapshot(path, clip, i + 1, 3);  // 0.1 s at 30 Hz: at most 3 frames pending
  }
  std::remove(path.c_str());
}

TEST(MrecWriter, EventsSegmentsAnnotationsAndDestructorClose) {
  const Clip clip = testclip::makeMrecTestClip(30);
  const auto events = testclip::makeMrecTestEvents(6);
  const std::string path = tempPath("events.mrec");
  {
    auto w = MrecWriter::create(path, clip.info, clip.rate, clip.body);
    ASSERT_TRUE(w.ok());
    MrecWriter moved = std::move(*w);  // ownership moves; the moved-from writer writes nothing
    for (std::size_t i = 0; i < clip.frames.size(); ++i) {
      ASSERT_TRUE(moved.appendFrame(clip.frames[i]).ok());
      if (i % 5 == 0) {
        ASSERT_TRUE(moved.appendEvent(events[i / 5]).ok());
      }
    }
    for (const Segment& s : clip.segments) ASSERT_TRUE(moved.appendSegment(s).ok());
    for (const Annotation& a : clip.annotations) ASSERT_TRUE(moved.appendAnnotation(a).ok());
    ASSERT_TRUE(moved.flush().ok());
    EXPECT_EQ(moved.framesAppended(), 30u);
    EXPECT_EQ(moved.eventsAppended(), 6u);
  }  // destructor closes: END chunk written
  auto read = readMrec(path);
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_TRUE(read->clip == clip);
  EXPECT_EQ(read->events, events);
  EXPECT_FALSE(read->recovery.torn);
  EXPECT_EQ(read->recovery.detail, "");
  std::remove(path.c_str());
}

TEST(MrecWriter, RefusesBadFramesAndKeepsGoing) {
  const Clip clip = testclip::makeMrecTestClip(3);
  const std::string path = tempPath("bad.mrec");
  auto w = MrecWriter::create(path, clip.info, clip.rate, clip.body);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w->appendFrame(clip.frames[1]).ok());
  auto same = w->appendFrame(clip.frames[0]);  // earlier time
  ASSERT_FALSE(same.ok());
  EXPECT_EQ(same.error().code, ErrorCode::BadInput);
  Frame noBody = clip.frames[2];
  noBody.body.clear();
  EXPECT_FALSE(w->appendFrame(noBody).ok());
  EXPECT_FALSE(w->appendEvent({std::nan(""), "x", ""}).ok());
  EXPECT_FALSE(w->appendSegment({"bad", 1.0, 0.5}).ok());
  EXPECT_TRUE(w->appendFrame(clip.frames[2]).ok());
  ASSERT_TRUE(w->close().ok());
  EXPECT_TRUE(w->close().ok());
  EXPECT_FALSE(w->appendFrame(clip.frames[2]).ok());
  auto read = readMrec(path);
  ASSERT_TRUE(read.ok());
  EXPECT_EQ(read->clip.frames.size(), 2u);
  std::remove(path.c_str());
}

TEST(MrecWriter, CreateFailures) {
  const Clip clip = testclip::makeMrecTestClip(1);
  auto noDir = MrecWriter::create("/nonexistent/dir/x.mrec", clip.info, 90.0, clip.body);
  ASSERT_FALSE(noDir.ok());
  EXPECT_EQ(noDir.error().code, ErrorCode::Io);
  EXPECT_FALSE(MrecWriter::create(tempPath("r.mrec"), clip.info, 0.0, clip.body).ok());
  Skeleton bad;
  bad.joints = {"a"};
  bad.parents = {0};
  EXPECT_FALSE(MrecWriter::create(tempPath("r.mrec"), clip.info, 90.0, bad).ok());
}

}  // namespace
}  // namespace mimesis
