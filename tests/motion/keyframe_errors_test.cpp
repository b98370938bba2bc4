// Tests that every malformed `.mkeys` input is refused with its own message and line.
#include <gtest/gtest.h>

#include <string>

#include "mimesis/motion/KeyframeAuthoring.hpp"

namespace mimesis {
namespace {

constexpr const char* kHeader = "mkeys 1\nclip c\nrate 90\nhands right\n";  // lines 1-4

struct BadCase {
  std::string text;
  std::string expected;  // Error::describe(): "where:line: message"
  ErrorCode code = ErrorCode::BadInput;
};

std::string h(const std::string& body) { return kHeader + body; }

class MalformedKeyframes : public ::testing::TestWithParam<BadCase> {};

TEST_P(MalformedKeyframes, NamesTheLineAndTheMistake) {
  const BadCase& c = GetParam();
  const auto r = parseKeyframes(c.text, "bad.mkeys");
  ASSERT_FALSE(r.ok()) << c.text;
  EXPECT_EQ(r.error().describe(), c.expected);
  EXPECT_EQ(r.error().code, c.code);
}

INSTANTIATE_TEST_SUITE_P(
    Keyframes, MalformedKeyframes,
    ::testing::Values(
        BadCase{"clip c\n", "bad.mkeys:1: expected 'mkeys 1' as the first directive, got 'clip'"},
        BadCase{"", "bad.mkeys:1: empty file: expected 'mkeys 1'"},
        BadCase{"mkeys 2\n", "bad.mkeys:1: unsupported mkeys version '2' (this build reads 1)"},
        BadCase{h("key 0 right\nwirst 0 1 0\n"), "bad.mkeys:6: unknown directive 'wirst'"},
        BadCase{"mkeys 1\nclip c\nrate ninety\n", "bad.mkeys:3: bad number 'ninety' for rate"},
        BadCase{"mkeys 1\nclip c\nrate 90\nhands right\nkey 0 right\nwrist 0.1 1.2x -0.3\n",
                "bad.mkeys:6: bad number '1.2x' for wrist position"},
        BadCase{h("key 0 right\nkey 1 right\nkey 1 right\n"),
                "bad.mkeys:7: key time 1 is not after the previous right key at 1 (line 6)"},
        BadCase{h("key 0 right\nkey 2 right\n\n# back in time\nkey 1.5 right\n"),
                "bad.mkeys:9: key time 1.5 is not after the previous right key at 2 (line 6)"},
        BadCase{h("key 0 right\nshape claw\n"),
                "bad.mkeys:6: unknown hand shape 'claw' (known: open, flat, relaxed, fist, point, pinch, "
                "thumbs-up, letter-a, letter-b, letter-c, letter-h, letter-i, letter-l, letter-o, letter-v, "
                "letter-y)"},
        BadCase{h("key 0 right\ncurl pinky 0.5\n"),
                "bad.mkeys:6: unknown finger 'pinky' (expected thumb, index, middle, ring, little, fingers or all)"},
        BadCase{h("key 0 middle\n"), "bad.mkeys:5: unknown hand 'middle' (expected left, right or both)"},
        BadCase{h("key 0 left\n"), "bad.mkeys:5: hand 'left' is not declared by 'hands' (line 4)"},
        BadCase{h("key 0 right\ncurl index 1.5\n"), "bad.mkeys:6: curl 1.5 for index is outside [0, 1]"},
        BadCase{h("key 0 right\nspread thumb 90\n"),
                "bad.mkeys:6: spread 90 for thumb is outside [-30, 60] degrees"},
        BadCase{h("segment late 1 3\nkey 0 right\nkey 2 right\n"),
                "bad.mkeys:5: segment 'late' [1, 3] extends past the end of the clip at 2 s"},
        BadCase{h("key 0 right\nkey 1 right\nsegment b 0.5 0.9\nsegment a 0.2 0.4\n"),
                "bad.mkeys:8: segment 'a' starts before the previous segment 'b'"},
        BadCase{h("key 0 right\nsegment s 0.8 0.5\n"), "bad.mkeys:6: segment 's' ends (0.5) before it starts (0.8)"},
        BadCase{"mkeys 1\nclip c\nhands right\nkey 0 right\n", "bad.mkeys:4: missing 'rate' before the first key"},
        BadCase{"mkeys 1\nclip c\nhands right\n", "bad.mkeys:3: missing 'rate'"},
        // One sign at most: '+-' once read as '-' because only the '+' was stripped.
        BadCase{h("key 0 right\nwrist 0.1 +-1.2 -0.3\n"), "bad.mkeys:6: bad number '+-1.2' for wrist position"},
        BadCase{h("key 0 right\norient 0 -+3 0\n"), "bad.mkeys:6: bad number '-+3' for orientation"},
        BadCase{h("key 0 right\ncurl index ++0.5\n"), "bad.mkeys:6: bad number '++0.5' for curl"},
        BadCase{h("key +-1 right\n"), "bad.mkeys:5: bad number '+-1' for key time"},
        BadCase{h("key 0 right\norient 0 + 0\n"), "bad.mkeys:6: bad number '+' for orientation"},
        BadCase{h("key nan right\n"), "bad.mkeys:5: key time must be a finite number, got 'nan'"},
        BadCase{h("key 0 right\norient 0 inf 0\n"), "bad.mkeys:6: orientation must be a finite number, got 'inf'"},
        BadCase{h("key 0 right\nwrist 0.1 12 -0.3\n"), "bad.mkeys:6: wrist coordinate 12 is outside ±3 m"},
        BadCase{h("key 0 right\nwrist 0.1 1.2\n"), "bad.mkeys:6: 'wrist' expects x y z in metres, got 2 values"},
        BadCase{h("curl index 0.5\n"), "bad.mkeys:5: 'curl' must follow a 'key' line"},
        BadCase{h("key 0 right\nsegment s 0 1\ncurl index 0.5\n"), "bad.mkeys:7: 'curl' must follow a 'key' line"},
        BadCase{h("key 0 right\nrate 60\n"), "bad.mkeys:6: duplicate 'rate' (first on line 3)"},
        BadCase{h("key 0 right\nduration 5\n"), "bad.mkeys:6: 'duration' must come before the first key"},
        BadCase{h("duration 2\nkey 3 right\n"), "bad.mkeys:6: key time 3 is after the clip's duration 2"},
        BadCase{"mkeys 1\nclip c\nrate 90\nhands both\nkey 0 right\nkey 1 right\n",
                "bad.mkeys:4: hand 'left' is declared but has no keys"},
        BadCase{h("key 0 right\n"), "bad.mkeys:5: the clip has no length: add 'duration' or a later key"},
        BadCase{h("interpolation cubic\n"),
                "bad.mkeys:5: unknown interpolation 'cubic' (expected catmull-rom, smoothstep or linear)"},
        BadCase{h("key 0 right\nkey 1 right\ntolerance 0 1 -2\n"), "bad.mkeys:7: tolerance must be positive, got -2"},
        BadCase{h("key 0 right\nkey 1 right\nnote 0 1\n"), "bad.mkeys:7: 'note' expects a start, an end and a text, got 2 values"},
        BadCase{h("key 0 right\n\x01\n"), "bad.mkeys:6: unexpected control character"},
        BadCase{"mkeys 1\nclip c\nrate 5000\n", "bad.mkeys:3: rate 5000 is above the limit of 1000", ErrorCode::Limit},
        BadCase{"mkeys 1\nclip c\nrate 1000\nhands right\nduration 599\nkey 0 right\n",
                "bad.mkeys:3: 599 s at 1000 Hz would be 599001 frames (the limit is 120000)", ErrorCode::Limit},
        BadCase{"mkeys 1\nclip c\nrate 90\nhands right\nduration 1e9\n",
                "bad.mkeys:5: duration 1e9 s is above the limit of 600 s", ErrorCode::Limit}));

TEST(Keyframes, TooManyKeysIsALimit) {
  std::string text = kHeader;
  for (int k = 0; k <= 4096; ++k) text += "key " + std::to_string(k * 0.01) + " right\n";
  const auto r = parseKeyframes(text, "big.mkeys");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::Limit);
  EXPECT_EQ(r.error().describe(), "big.mkeys:4101: too many keys (the limit is 4096)");
}

TEST(Keyframes, ALeadingPlusOrMinusIsOneSign) {
  // The refusals above must not cost the forms the format allows: one '+' or one '-'.
  const auto r = parseKeyframes(h("key +0 right\nwrist +0.1 -1.2 +3e-1\norient -10 +20 0\nkey +1.5 right\n"), "signs.mkeys");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const auto& keys = r->keys[index(Hand::Right)];
  ASSERT_EQ(keys.size(), 2u);
  EXPECT_EQ(keys[0].wristPosition, glm::vec3(0.1f, -1.2f, 0.3f));
  EXPECT_EQ(keys[0].yawPitchRollDeg, glm::vec3(-10.0f, 20.0f, 0.0f));
  EXPECT_EQ(keys[1].time, 1.5);
}

TEST(Keyframes, OverlongLinesAndCrLfEndings) {
  std::string text = h("key 0 right\nkey 1 right\nnote 0 1 " + std::string(1100, 'x') + "\n");
  auto r = parseKeyframes(text, "long.mkeys");
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.error().describe(), "long.mkeys:7: line is longer than 1024 characters");
  r = parseKeyframes("mkeys 1\r\nclip c\r\nrate 90\r\nhands right\r\nkey 0 right\r\nkey 1 right\r\n", "crlf.mkeys");
  ASSERT_TRUE(r.ok()) << r.error().describe();
  EXPECT_EQ(r->name, "c");
}

}  // namespace
}  // namespace mimesis
