// NaN/Inf and dropout injection into the motion module's inputs (issue 9): .mkeys numbers, .mrec
// frames whose valid joints are not finite, the streaming writer, and the simulated learner's
// tracking dropouts. Nothing non-finite may come out flagged as tracked.
#include <gtest/gtest.h>

#include <cmath>
#include <filesystem>
#include <limits>
#include <string>

#include "MrecTestClip.hpp"
#include "mimesis/core/Crc32.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"
#include "mimesis/motion/KeyframeScript.hpp"
#include "mimesis/motion/MrecChunks.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion/MrecWriter.hpp"
#include "mimesis/motion/SimulatedLearner.hpp"

namespace mimesis {
namespace {

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

void expectSoundClip(const Clip& c) {
  ASSERT_TRUE(validateClip(c, "test").ok());
  for (const Frame& f : c.frames) {
    for (const HandPose& h : f.hands)
      for (const JointPose& j : h.joints)
        if (j.flags != 0) {
          EXPECT_TRUE(isFinite(j.pose));
          EXPECT_TRUE(std::isfinite(j.radius));
        }
    if (f.hasHead) { EXPECT_TRUE(isFinite(f.head)); }
  }
}

const char* kKeysHead = "mkeys 1\nclip x\nrate 30\nhands right\n";

TEST(NanInjectionMotion, KeyframeNumbersMustBeFinite) {
  // Each bad value sits on line 6; the error names that line.
  for (const char* bad : {"nan", "NaN", "inf", "-inf", "infinity", "1e999", "-1e400", "0x1p99999"}) {
    const std::string text = std::string(kKeysHead) + "key 0 right\n  wrist 0 " + bad + " 0\nkey 1 right\n";
    Result<KeyframeScript> s = parseKeyframes(text, "nan.mkeys");
    ASSERT_FALSE(s.ok()) << bad;
    EXPECT_EQ(s.error().where, "nan.mkeys:6") << bad << ": " << s.error().describe();
  }
  for (const char* bad : {"rate nan", "duration inf", "rate 1e999"}) {
    const std::string text = std::string("mkeys 1\nclip x\n") + bad + "\nhands right\nkey 0 right\nkey 1 right\n";
    EXPECT_FALSE(parseKeyframes(text, "nan.mkeys").ok()) << bad;
  }
}

// A file whose FRMS chunk holds a NaN or infinite joint still flagged valid: checksum-valid,
// so not damage but a lying writer. The reader must refuse it or drop the flag, never pass it.
TEST(NanInjectionMotion, MrecReaderNeverPassesNonFiniteValidJoints) {
  for (int variant = 0; variant < 4; ++variant) {
    Clip clip = testclip::makeMrecTestClip(4);
    Frame& f = clip.frames[2];
    JointPose& j = f.hands[0].joints[6];
    j.flags = kPositionValid | kOrientationValid;
    if (variant == 0) j.pose.position.x = kNaN;
    if (variant == 1) j.pose.orientation.w = kInf;
    if (variant == 2) j.radius = kNaN;
    if (variant == 3) { f.hasHead = true; f.head.position.z = -kInf; }

    std::vector<std::uint8_t> bytes;
    mrec::appendFileHeader(bytes);
    std::vector<std::uint8_t> p;
    mrec::encodeInfo(p, clip.info, clip.rate);
    mrec::appendChunk(bytes, mrec::ChunkType::Info, p);
    p.clear();
    mrec::encodeSkeleton(p, clip.body);
    mrec::appendChunk(bytes, mrec::ChunkType::Skeleton, p);
    p.clear();
    mrec::encodeFrames(p, clip.frames);
    mrec::appendChunk(bytes, mrec::ChunkType::Frames, p);

    Result<MrecFile> file = readMrecBytes(bytes, "nan.mrec");
    if (!file.ok()) {
      EXPECT_EQ(file.error().code, ErrorCode::BadInput) << variant;
      EXPECT_NE(file.error().where.find("nan.mrec"), std::string::npos);
      continue;
    }
    expectSoundClip(file->clip);
  }
}

TEST(NanInjectionMotion, WriterRefusesNonFiniteValidJointsButKeepsRecording) {
  const std::string path = (std::filesystem::temp_directory_path() / "mimesis-test-nan-writer.mrec").string();
  Clip clip = testclip::makeMrecTestClip(3);
  Result<MrecWriter> w = MrecWriter::create(path, clip.info, clip.rate, clip.body);
  ASSERT_TRUE(w.ok());
  ASSERT_TRUE(w->appendFrame(clip.frames[0]).ok());
  Frame bad = clip.frames[1];
  bad.hands[1].joints[3].flags = kPositionValid;
  bad.hands[1].joints[3].pose.position.y = kNaN;
  Status s = w->appendFrame(bad);
  ASSERT_FALSE(s.ok());
  EXPECT_EQ(s.error().code, ErrorCode::BadInput);
  Frame nanTime = clip.frames[1];
  nanTime.time = std::numeric_limits<double>::quiet_NaN();
  EXPECT_FALSE(w->appendFrame(nanTime).ok());
  EXPECT_FALSE(w->appendEvent(MrecEvent{std::numeric_limits<double>::infinity(), "feedback", "{}"}).ok());
  // A refused frame is not a broken writer: the session goes on recording.
  ASSERT_TRUE(w->appendFrame(clip.frames[1]).ok());
  ASSERT_TRUE(w->close().ok());
  Result<MrecFile> file = readMrec(path);
  ASSERT_TRUE(file.ok()) << file.error().describe();
  EXPECT_EQ(file->clip.frames.size(), 2u);
  expectSoundClip(file->clip);
}

TEST(NanInjectionMotion, SimulatedDropoutIsUntrackedNotNaN) {
  const Clip expert = testclip::makeMrecTestClip(200);
  for (double dropout : {0.2, 0.6, 1.0}) {
    LearnerParams p;
    p.dropout = dropout;
    p.noiseMm = 5.0;
    const Clip learner = simulateLearner(expert, p, 0);
    expectSoundClip(learner);
    double tracked = 0.0, total = 0.0;
    for (const Frame& f : learner.frames)
      for (const HandPose& h : f.hands) {
        total += 1.0;
        tracked += h.validFraction();
      }
    ASSERT_GT(total, 0.0);
    // The dropout shows as untracked joints, about as often as asked.
    EXPECT_LT(tracked / total, 1.0 - dropout * 0.4) << dropout;
  }
}

}  // namespace
}  // namespace mimesis
