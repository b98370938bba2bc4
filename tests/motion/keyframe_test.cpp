// Tests for the `.mkeys` keyframe format: parsing, inheritance, interpolation and authoring.
#include <gtest/gtest.h>

#include <glm/geometric.hpp>

#include "mimesis/motion/HandShapePresets.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"

namespace mimesis {
namespace {

constexpr const char* kSmall = R"(# a comment line
mkeys 1
clip small test clip
rate 90
hands both
interpolation catmull-rom

segment reach 0 1.0
segment grab 1.0 2.0     # trailing comment
do-not-copy 0 0.25 settling
tolerance 1.0 2.0 0.4 closing matters
note 0.5 1.5 watch the thumb

key 0 both
  wrist 0.2 1.2 -0.35
  orient 10 -5 -20
  shape open
key 1.0 right
  shape fist
  curl index 0.25
key 2.0 both
  wrist 0.25 1.3 -0.4
  spread fingers 5
)";

Result<KeyframeScript> parse(std::string_view text) { return parseKeyframes(text, "t.mkeys"); }

TEST(Keyframes, ParsesHeaderSpansAndKeys) {
  const auto r = parse(kSmall);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const KeyframeScript& s = *r;
  EXPECT_EQ(s.name, "small test clip");
  EXPECT_EQ(s.rate, 90.0);
  EXPECT_TRUE(s.hands[0] && s.hands[1]);
  EXPECT_EQ(s.interpolation, KeyInterpolation::Monotone);
  ASSERT_EQ(s.segments.size(), 2u);
  EXPECT_EQ(s.segments[1], (Segment{"grab", 1.0, 2.0}));
  ASSERT_EQ(s.annotations.size(), 3u);
  EXPECT_EQ(s.annotations[0], (Annotation{"do-not-copy", 0.0, 0.25, 0.0, "settling"}));
  EXPECT_EQ(s.annotations[1], (Annotation{"tolerance", 1.0, 2.0, 0.4, "closing matters"}));
  EXPECT_EQ(s.annotations[2].text, "watch the thumb");
  ASSERT_EQ(s.keys[index(Hand::Right)].size(), 3u);
  ASSERT_EQ(s.keys[index(Hand::Left)].size(), 2u);
  EXPECT_EQ(s.endTime(), 2.0);
}

TEST(Keyframes, KeysInheritAndBothMirrorsTheLeftHand) {
  const auto r = parse(kSmall);
  ASSERT_TRUE(r.ok());
  const auto& R = r->keys[index(Hand::Right)];
  const auto& L = r->keys[index(Hand::Left)];
  EXPECT_EQ(R[0].line, 14);
  EXPECT_EQ(R[0].wristPosition, glm::vec3(0.2f, 1.2f, -0.35f));
  EXPECT_EQ(L[0].wristPosition, glm::vec3(-0.2f, 1.2f, -0.35f));
  EXPECT_EQ(L[0].yawPitchRollDeg, glm::vec3(-10.0f, -5.0f, 20.0f));  // yaw and roll mirror
  EXPECT_EQ(R[1].wristPosition, R[0].wristPosition);                  // inherited
  HandShape fist = *handShapePreset("fist");
  fist.curl[1] = 0.25f;
  EXPECT_EQ(R[1].shape, fist);
  // The `both` key at 2 starts from each hand's own previous key.
  EXPECT_EQ(R[2].shape.curl, fist.curl);
  EXPECT_EQ(L[1].shape.curl, handShapePreset("open")->curl);
  EXPECT_EQ(L[1].shape.spreadDeg[1], 5.0f);
  EXPECT_EQ(L[1].shape.spreadDeg[0], handShapePreset("open")->spreadDeg[0]);  // thumb untouched
}

HandKey keyAt(double t, float x, float curl) {
  HandKey k;
  k.time = t;
  k.wristPosition = {x, 1.2f, -0.4f};
  k.shape.curl.fill(curl);
  return k;
}

TEST(Keyframes, MonotoneCatmullRomPassesKeysHoldsAndNeverOvershoots) {
  const std::vector<HandKey> keys = {keyAt(0, 0.0f, 0.0f), keyAt(1, 0.1f, 1.0f), keyAt(2, 0.1f, 1.0f),
                                     keyAt(2.5, 0.3f, 0.2f), keyAt(4, 0.0f, 0.0f)};
  for (const HandKey& k : keys)
    EXPECT_NEAR(interpolateKeys(keys, KeyInterpolation::Monotone, k.time).wristPosition.x, k.wristPosition.x, 1e-7);
  for (double t = 0.0; t <= 4.0; t += 0.01) {
    const HandKey k = interpolateKeys(keys, KeyInterpolation::Monotone, t);
    EXPECT_GE(k.shape.curl[0], 0.0f);
    EXPECT_LE(k.shape.curl[0], 1.0f);
    EXPECT_GE(k.wristPosition.x, -1e-7f);
    EXPECT_LE(k.wristPosition.x, 0.3f + 1e-7f);
    if (t > 1.0 && t < 2.0) {  // a hold stays exactly still
      EXPECT_FLOAT_EQ(k.wristPosition.x, 0.1f);
      EXPECT_FLOAT_EQ(k.shape.curl[2], 1.0f);
    }
  }
  // On a monotone run the hand keeps moving (no stop between keys).
  const double e = 1e-4;
  const double before = interpolateKeys(keys, KeyInterpolation::Monotone, 0.5 - e).wristPosition.x;
  const double after = interpolateKeys(keys, KeyInterpolation::Monotone, 0.5 + e).wristPosition.x;
  EXPECT_GT(after, before);
  // Outside the keys the hand holds still.
  EXPECT_EQ(interpolateKeys(keys, KeyInterpolation::Monotone, -1.0).wristPosition, keys.front().wristPosition);
  EXPECT_EQ(interpolateKeys(keys, KeyInterpolation::Monotone, 9.0).wristPosition, keys.back().wristPosition);
}

TEST(Keyframes, SmoothstepAndLinear) {
  const std::vector<HandKey> keys = {keyAt(0, 0.0f, 0.0f), keyAt(1, 0.2f, 1.0f)};
  EXPECT_NEAR(interpolateKeys(keys, KeyInterpolation::Linear, 0.25).wristPosition.x, 0.05f, 1e-6f);
  EXPECT_NEAR(interpolateKeys(keys, KeyInterpolation::Smoothstep, 0.25).wristPosition.x, 0.2f * 0.15625f, 1e-6f);
  EXPECT_NEAR(interpolateKeys(keys, KeyInterpolation::Smoothstep, 0.5).shape.curl[3], 0.5f, 1e-6f);
}

TEST(Keyframes, AuthorsAValidClipFromTheScript) {
  const auto r = parse(kSmall);
  ASSERT_TRUE(r.ok());
  const auto clip = authorClip(*r);
  ASSERT_TRUE(clip.ok()) << clip.error().describe();
  EXPECT_EQ(clip->info.sourceFormat, "keyframes");
  EXPECT_EQ(clip->info.source, "t.mkeys");
  EXPECT_EQ(clip->info.name, "small test clip");
  EXPECT_EQ(clip->rate, 90.0);
  ASSERT_EQ(clip->frames.size(), 181u);
  EXPECT_DOUBLE_EQ(clip->frames[90].time, 1.0);
  EXPECT_EQ(clip->segments, r->segments);
  EXPECT_EQ(clip->annotations, r->annotations);
  EXPECT_TRUE(validateClip(*clip, "t").ok());
  const ClipContents c = describeContents(*clip);
  EXPECT_TRUE(c.left && c.right);
  EXPECT_FLOAT_EQ(static_cast<float>(c.validFraction), 1.0f);
  // Frame 0 is the first key exactly.
  const HandKey& k0 = r->keys[index(Hand::Right)][0];
  HandPose expect;
  poseHand(k0.shape, Pose{k0.wristPosition, wristOrientationFromYawPitchRoll(10, -5, -20)}, Hand::Right, expect);
  EXPECT_EQ(clip->frames[0].hand(Hand::Right), expect);
  // Same script, same bytes.
  const auto again = authorClip(*r);
  ASSERT_TRUE(again.ok());
  EXPECT_TRUE(*again == *clip);
}

TEST(Keyframes, DurationExtendsTheClipAndOneHandLeavesTheOtherInactive) {
  const auto r = parse("mkeys 1\nclip c\nrate 30\nhands left\nduration 2\nkey 0.5 left\nshape point\n");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const auto clip = authorClip(*r);
  ASSERT_TRUE(clip.ok());
  EXPECT_EQ(clip->frames.size(), 61u);
  for (const Frame& f : clip->frames) {
    EXPECT_TRUE(f.hand(Hand::Left).active);
    EXPECT_FALSE(f.hand(Hand::Right).active);
  }
}

TEST(Keyframes, MissingFileIsAnIoError) {
  const auto r = loadKeyframeClip("/nonexistent/dir/clip.mkeys");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Io);
  EXPECT_EQ(r.error().where, "/nonexistent/dir/clip.mkeys");
}

TEST(Keyframes, ScriptsBuiltInCodeAreCheckedToo) {
  KeyframeScript s;
  s.where = "code";
  s.name = "x";
  s.rate = 90;
  s.hands = {false, true};
  s.keys[1] = {keyAt(0, 0.1f, 0.0f), keyAt(0, 0.1f, 0.0f)};
  auto r = authorClip(s);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().where, "code");
  s.keys[1][1].time = 1.0;
  s.keys[1][1].shape.curl[0] = std::numeric_limits<float>::quiet_NaN();
  r = authorClip(s);
  ASSERT_FALSE(r.ok());
  EXPECT_NE(r.error().message.find("non-finite"), std::string::npos);
  s.keys[1][1].shape.curl[0] = 0.5f;
  EXPECT_TRUE(authorClip(s).ok());
  s.rate = 0;
  EXPECT_FALSE(authorClip(s).ok());
}

}  // namespace
}  // namespace mimesis
