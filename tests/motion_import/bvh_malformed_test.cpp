// Malformed BVH input: each refusal carries its own message and the line it refers to.
#include <gtest/gtest.h>

#include <string>

#include "mimesis/motion_import/BvhDocument.hpp"
#include "mimesis/motion_import/BvhImport.hpp"

namespace mimesis {
namespace {

// A valid file; the tests break one line at a time. Line numbers in comments.
const std::string kValid =
    "HIERARCHY\n"                                                                   // 1
    "ROOT Hips\n"                                                                   // 2
    "{\n"                                                                           // 3
    "  OFFSET 0 0 0\n"                                                              // 4
    "  CHANNELS 6 Xposition Yposition Zposition Zrotation Yrotation Xrotation\n"    // 5
    "  JOINT Chest\n"                                                               // 6
    "  {\n"                                                                         // 7
    "    OFFSET 0 10 0\n"                                                           // 8
    "    CHANNELS 3 Zrotation Xrotation Yrotation\n"                                // 9
    "    End Site\n"                                                                // 10
    "    {\n"                                                                       // 11
    "      OFFSET 0 5 0\n"                                                          // 12
    "    }\n"                                                                       // 13
    "  }\n"                                                                         // 14
    "}\n"                                                                           // 15
    "MOTION\n"                                                                      // 16
    "Frames: 2\n"                                                                   // 17
    "Frame Time: 0.0333333\n"                                                       // 18
    "0 90 0 0 0 0 0 0 0\n"                                                          // 19
    "1 90 0 10 0 0 5 0 0\n";                                                        // 20

std::string replaced(std::string s, const std::string& from, const std::string& to) {
  const auto at = s.find(from);
  EXPECT_NE(at, std::string::npos) << from;
  if (at != std::string::npos) s.replace(at, from.size(), to);
  return s;
}

void expectError(const std::string& text, const std::string& message, int line,
                 ErrorCode code = ErrorCode::BadInput) {
  Result<BvhDocument> doc = parseBvh(text, "t.bvh");
  ASSERT_FALSE(doc.ok()) << "accepted; expected: " << message;
  EXPECT_EQ(doc.error().code, code) << doc.error().describe();
  EXPECT_NE(doc.error().message.find(message), std::string::npos) << doc.error().describe();
  EXPECT_EQ(doc.error().where, "t.bvh:" + std::to_string(line)) << doc.error().describe();
}

TEST(BvhMalformed, ValidBaselineParses) {
  Result<BvhDocument> doc = parseBvh(kValid, "t.bvh");
  ASSERT_TRUE(doc.ok()) << doc.error().describe();
  EXPECT_EQ(doc->joints.size(), 3u);
  EXPECT_EQ(doc->frameCount, 2);
}

TEST(BvhMalformed, EmptyFile) { expectError("", "empty file", 1); }
TEST(BvhMalformed, OnlyWhitespace) { expectError("\n \n\t\n", "empty file", 4); }
TEST(BvhMalformed, MissingHierarchy) { expectError(replaced(kValid, "HIERARCHY\n", "\n"), "missing HIERARCHY", 2); }
TEST(BvhMalformed, MissingMotion) {
  expectError(kValid.substr(0, kValid.find("MOTION")), "missing MOTION section", 16);
}
TEST(BvhMalformed, UnknownKeyword) { expectError(replaced(kValid, "    OFFSET 0 10 0", "    OFSET 0 10 0"), "unknown keyword 'OFSET'", 8); }
TEST(BvhMalformed, BadNumberInOffset) { expectError(replaced(kValid, "OFFSET 0 10 0", "OFFSET 0 1x0 0"), "OFFSET: bad number '1x0'", 8); }
TEST(BvhMalformed, OffsetWithTwoNumbers) { expectError(replaced(kValid, "OFFSET 0 10 0", "OFFSET 0 10"), "OFFSET needs 3 numbers, found 2", 8); }
TEST(BvhMalformed, ChannelCountTooHigh) {
  expectError(replaced(kValid, "CHANNELS 3 Zrotation Xrotation Yrotation", "CHANNELS 4 Zrotation Xrotation Yrotation"),
              "CHANNELS declares 4 channels but lists 3", 9);
}
TEST(BvhMalformed, ChannelCountTooLow) {
  expectError(replaced(kValid, "CHANNELS 3 Zrotation Xrotation Yrotation", "CHANNELS 2 Zrotation Xrotation Yrotation"),
              "CHANNELS declares 2 channels but lists 3", 9);
}
TEST(BvhMalformed, UnknownChannel) { expectError(replaced(kValid, "Zrotation Xrotation Yrotation", "Zrotation Wrotation Yrotation"), "unknown channel 'Wrotation'", 9); }
TEST(BvhMalformed, RepeatedChannel) { expectError(replaced(kValid, "Zrotation Xrotation Yrotation", "Zrotation Xrotation Zrotation"), "channel 'Zrotation' listed twice", 9); }
TEST(BvhMalformed, RowWithTooFewValues) { expectError(replaced(kValid, "1 90 0 10 0 0 5 0 0", "1 90 0 10 0 0 5 0"), "frame row 2 has 8 values, expected 9", 20); }
TEST(BvhMalformed, RowWithTooManyValues) { expectError(replaced(kValid, "0 90 0 0 0 0 0 0 0", "0 90 0 0 0 0 0 0 0 0 0"), "frame row 1 has 11 values, expected 9", 19); }
TEST(BvhMalformed, FewerRowsThanDeclared) { expectError(replaced(kValid, "Frames: 2", "Frames: 3"), "the file ends after 2 frame rows, but Frames declares 3", 17); }
TEST(BvhMalformed, MoreRowsThanDeclared) { expectError(replaced(kValid, "Frames: 2", "Frames: 1"), "more frame rows than the 1 declared", 20); }
TEST(BvhMalformed, AbsurdFrameCountRefusedWithoutAllocating) {
  expectError(replaced(kValid, "Frames: 2", "Frames: 1000000000"), "Frames 1000000000 exceeds the limit", 17, ErrorCode::Limit);
  expectError(replaced(kValid, "Frames: 2", "Frames: 99999999999999999999999"), "Frames: number out of range", 17, ErrorCode::Limit);
}
TEST(BvhMalformed, NegativeFrames) { expectError(replaced(kValid, "Frames: 2", "Frames: -2"), "Frames must not be negative", 17); }
TEST(BvhMalformed, ZeroFrameTime) { expectError(replaced(kValid, "Frame Time: 0.0333333", "Frame Time: 0"), "Frame Time must be positive", 18); }
TEST(BvhMalformed, NegativeFrameTime) { expectError(replaced(kValid, "Frame Time: 0.0333333", "Frame Time: -0.1"), "Frame Time must be positive", 18); }
TEST(BvhMalformed, MissingClosingBrace) { expectError(replaced(kValid, "  }\n}\nMOTION", "  }\nMOTION"), "unbalanced braces: MOTION while 'Hips' is still open", 15); }
TEST(BvhMalformed, ExtraClosingBrace) { expectError(replaced(kValid, "}\nMOTION", "}\n}\nMOTION"), "'}' without a matching '{'", 16); }
TEST(BvhMalformed, NeverClosedAtEndOfFile) {
  expectError("HIERARCHY\nROOT Hips\n{\n  OFFSET 0 0 0\n  CHANNELS 1 Xrotation\n", "'Hips' (line 2) is never closed", 6);
}
TEST(BvhMalformed, DuplicateJointName) { expectError(replaced(kValid, "JOINT Chest", "JOINT Hips"), "duplicate joint name 'Hips' (first at line 2)", 6); }
TEST(BvhMalformed, NanValue) { expectError(replaced(kValid, "1 90 0 10 0 0 5 0 0", "1 90 0 nan 0 0 5 0 0"), "frame row 2: not a finite number 'nan'", 20); }
TEST(BvhMalformed, InfValue) { expectError(replaced(kValid, "0 90 0 0 0 0 0 0 0", "0 90 0 0 -inf 0 0 0 0"), "frame row 1: not a finite number '-inf'", 19); }
TEST(BvhMalformed, OutOfRangeValue) { expectError(replaced(kValid, "0 90 0 0 0 0 0 0 0", "0 90 0 0 1e99 0 0 0 0"), "frame row 1: number out of range '1e99'", 19); }
TEST(BvhMalformed, BadNumberInRow) { expectError(replaced(kValid, "1 90 0 10 0 0 5 0 0", "1 90 0 1.0.0 0 0 5 0 0"), "frame row 2: bad number '1.0.0'", 20); }
TEST(BvhMalformed, BinaryGarbage) {
  expectError(std::string("\x7f" "ELF\x02\x01\x01\x00\x00\x00", 10), "binary data (a NUL byte)", 1);
  expectError(std::string("\x89PNG\r\n\x1a\n", 8), "not a BVH text file (binary data)", 2);
  std::string inRow = replaced(kValid, "1 90 0 10", std::string("1 9\x01 0 10"));
  expectError(inRow, "not a BVH text file (binary data)", 20);
  // Past the first 4 KiB the row parser catches it.
  std::string late = replaced(kValid, "Frames: 2", "Frames: 403");
  for (int i = 0; i < 400; ++i) late += "1 90 0 10 0 0 5 0 0\n";
  late += std::string("1 9\x01 0 10 0 0 5 0 0\n");
  expectError(late, "binary data in frame row 403", 421);
}
TEST(BvhMalformed, EndSiteWithChannels) { expectError(replaced(kValid, "      OFFSET 0 5 0\n", "      OFFSET 0 5 0\n      CHANNELS 1 Xrotation\n"), "an End Site cannot have CHANNELS", 13); }
TEST(BvhMalformed, JointWithoutChannels) { expectError(replaced(kValid, "    CHANNELS 3 Zrotation Xrotation Yrotation\n", ""), "joint 'Chest' has no CHANNELS", 13); }
TEST(BvhMalformed, BadFrameTime) { expectError(replaced(kValid, "Frame Time: 0.0333333", "Frame Time: fast"), "Frame Time: bad number 'fast'", 18); }
TEST(BvhMalformed, MissingFramesLine) { expectError(replaced(kValid, "Frames: 2\n", ""), "expected 'Frames:', found 'Frame'", 17); }
TEST(BvhMalformed, JointOutsideRoot) { expectError("HIERARCHY\nJOINT Chest\n{\n}\nMOTION\n", "JOINT outside a ROOT", 2); }
TEST(BvhMalformed, TooManyJointsIsALimit) {
  BvhLimits limits;
  limits.maxJoints = 2;
  Result<BvhDocument> doc = parseBvh(kValid, "t.bvh", limits);
  ASSERT_FALSE(doc.ok());
  EXPECT_EQ(doc.error().code, ErrorCode::Limit);
  EXPECT_EQ(doc.error().where, "t.bvh:10");
}
TEST(BvhMalformed, MissingFileIsAnIoError) {
  Result<RawClip> raw = loadBvhRaw("/nonexistent/dir/x.bvh");
  ASSERT_FALSE(raw.ok());
  EXPECT_EQ(raw.error().code, ErrorCode::Io);
}
TEST(BvhMalformed, TruncatedEverywhereNeverCrashes) {
  // Every prefix of the valid file is either accepted or refused with a located message.
  for (std::size_t n = 0; n < kValid.size(); ++n) {
    Result<BvhDocument> doc = parseBvh(std::string_view(kValid).substr(0, n), "t.bvh");
    if (!doc.ok()) {
      EXPECT_EQ(doc.error().where.rfind("t.bvh:", 0), 0u) << n;
    }
  }
}

}  // namespace
}  // namespace mimesis
