// .mrec round trips: write then read gives equal clips and events, and rewriting gives equal bytes.
#include <gtest/gtest.h>

#include <cstdio>
#include <fstream>
#include <iterator>
#include <string>

#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"

#include "MrecTestClip.hpp"

namespace mimesis {
namespace {

using testclip::fileBytes;

std::string tempPath(const std::string& name) { return std::string(MIMESIS_BINARY_DIR) + "/mrec_rt_" + name; }

TEST(MrecRoundTrip, FileRoundTripIsBitExact) {
  const Clip clip = testclip::makeMrecTestClip(100);
  const auto events = testclip::makeMrecTestEvents(12);
  const std::string path = tempPath("a.mrec");
  ASSERT_TRUE(writeMrec(path, clip, events).ok());

  auto read = readMrec(path);
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_TRUE(read->clip == clip);
  EXPECT_EQ(read->events, events);
  EXPECT_FALSE(read->recovery.torn);
  EXPECT_EQ(read->recovery.bytesDropped, 0u);
  EXPECT_EQ(read->recovery.detail, "");
  // header chunks + 12 FRMS chunks of <= 9 frames + EVNT + END
  EXPECT_EQ(read->recovery.chunksRead, 4u + 12u + 1u + 1u);

  const std::string again = tempPath("b.mrec");
  ASSERT_TRUE(writeMrec(again, read->clip, read->events).ok());
  EXPECT_EQ(fileBytes(path), fileBytes(again));
  std::remove(path.c_str());
  std::remove(again.c_str());
}

TEST(MrecRoundTrip, ValuesSurviveBitForBit) {
  Clip clip = testclip::makeMrecTestClip(3);
  // -0 and a denormal compare equal to / differ subtly from other values: check the bits.
  clip.frames[1].hands[1].joints[7].pose.position.x = -0.0f;
  clip.frames[1].hands[1].joints[8].radius = 1e-40f;
  clip.frames[2].time = 0.1 + 1e-15;
  auto bytes = encodeMrec(clip);
  ASSERT_TRUE(bytes.ok());
  auto read = readMrecBytes(*bytes, "mem");
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_TRUE(std::signbit(read->clip.frames[1].hands[1].joints[7].pose.position.x));
  EXPECT_EQ(read->clip.frames[1].hands[1].joints[8].radius, 1e-40f);
  EXPECT_EQ(read->clip.frames[2].time, 0.1 + 1e-15);
  EXPECT_TRUE(read->clip == clip);
}

TEST(MrecRoundTrip, EmptyAndHandOnlyClips) {
  Clip empty;
  empty.info.name = "empty";
  auto bytes = encodeMrec(empty);
  ASSERT_TRUE(bytes.ok());
  auto read = readMrecBytes(*bytes, "mem");
  ASSERT_TRUE(read.ok()) << read.error().describe();
  EXPECT_TRUE(read->clip == empty);
  EXPECT_TRUE(read->events.empty());

  Clip hands = testclip::makeMrecTestClip(20);
  hands.body = {};
  for (Frame& f : hands.frames) f.body.clear();
  auto bytes2 = encodeMrec(hands);
  ASSERT_TRUE(bytes2.ok());
  auto read2 = readMrecBytes(*bytes2, "mem");
  ASSERT_TRUE(read2.ok()) << read2.error().describe();
  EXPECT_TRUE(read2->clip == hands);
}

TEST(MrecRoundTrip, EncodingIsDeterministicAndChunked) {
  const Clip clip = testclip::makeMrecTestClip(30);
  auto a = encodeMrec(clip, {}, 9);
  auto b = encodeMrec(clip, {}, 9);
  ASSERT_TRUE(a.ok() && b.ok());
  EXPECT_EQ(*a, *b);
  auto one = encodeMrec(clip, {}, 1000);  // one frame chunk: fewer headers, same contents
  ASSERT_TRUE(one.ok());
  EXPECT_LT(one->size(), a->size());
  auto read = readMrecBytes(*one, "mem");
  ASSERT_TRUE(read.ok());
  EXPECT_TRUE(read->clip == clip);
}

TEST(MrecRoundTrip, RefusesInvalidClips) {
  Clip clip = testclip::makeMrecTestClip(5);
  clip.frames[3].time = clip.frames[2].time;
  auto bytes = encodeMrec(clip);
  ASSERT_FALSE(bytes.ok());
  EXPECT_EQ(bytes.error().code, ErrorCode::BadInput);

  Clip nanEvent = testclip::makeMrecTestClip(2);
  auto bad = encodeMrec(nanEvent, {{std::nan(""), "x", "{}"}});
  EXPECT_FALSE(bad.ok());
}

}  // namespace
}  // namespace mimesis
