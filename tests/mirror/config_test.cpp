// MirrorConfig from JSON: defaults, overrides, unknown keys named, ranges, round trip.
#include <gtest/gtest.h>

#include "mimesis/mirror/MirrorConfig.hpp"

namespace mimesis {
namespace {

TEST(MirrorConfigJson, EmptyObjectGivesDefaults) {
  auto r = mirrorConfigFromJson(std::string_view("{}"), "lesson.json");
  ASSERT_TRUE(r);
  EXPECT_DOUBLE_EQ(r->observer.windowSeconds, 3.0);
  EXPECT_DOUBLE_EQ(r->tolerance.initial, 0.15);
  EXPECT_FALSE(r->rapport.enabled);
  EXPECT_TRUE(validateMirrorConfig(MirrorConfig{}, "defaults"));
}

TEST(MirrorConfigJson, OverridesAreRead) {
  auto r = mirrorConfigFromJson(std::string_view(
      R"({"cues":{"maxPerMinute":4},"perspective":{"expected":"mirror"},"rapport":{"enabled":true},"tempo":{"floor":0.6}})"),
      "lesson.json");
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(r->cues.maxPerMinute, 4);
  EXPECT_EQ(r->perspective.expected, ImitationMapping::Mirror);
  EXPECT_TRUE(r->rapport.enabled);
  EXPECT_DOUBLE_EQ(r->tempo.floor, 0.6);
}

TEST(MirrorConfigJson, UnknownKeysAreNamed) {
  auto a = mirrorConfigFromJson(std::string_view(R"({"cues":{"maxPerMinit":4}})"), "lesson.json");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, ErrorCode::BadInput);
  EXPECT_EQ(a.error().where, "lesson.json: key 'cues.maxPerMinit'");
  auto b = mirrorConfigFromJson(std::string_view(R"({"cuez":{}})"), "lesson.json");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where, "lesson.json: key 'cuez'");
}

TEST(MirrorConfigJson, SyntaxErrorsNameTheLineAndOverflowsAreRefused) {
  auto a = mirrorConfigFromJson(std::string_view("{\n  \"cues\": {\n}\n,"), "mirror.json");
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().code, ErrorCode::BadInput);
  EXPECT_EQ(a.error().where, "mirror.json:4");
  EXPECT_EQ(a.error().message.rfind("not valid JSON: syntax error", 0), 0u) << a.error().message;
  // nlohmann throws out_of_range, not parse_error, for a number beyond double range.
  auto b = mirrorConfigFromJson(std::string_view(R"({"tempo":{"floor":1e999}})"), "mirror.json");
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where, "mirror.json");
  EXPECT_EQ(b.error().message, "not valid JSON: number overflow parsing '1e999'");
}

TEST(MirrorConfigJson, BadValuesAreRejected) {
  const char* bad[] = {
      R"({"tempo":{"floor":"slow"}})",   R"({"tempo":{"floor":0}})",
      R"({"cues":{"maxActive":2.5}})",   R"({"ghost":{"floor":0.95}})",
      R"({"perspective":{"expected":"sideways"}})", R"({"stages":{"advanceTrials":-1}})",
      R"([1,2])",                        R"({"observer":{"windowSeconds":1e308}})",
      R"({"cues":{"maxPerMinute":99999999999}})", "{not json",
  };
  for (const char* text : bad) {
    auto r = mirrorConfigFromJson(std::string_view(text), "lesson.json");
    EXPECT_FALSE(r) << text;
    if (!r) {
      EXPECT_EQ(r.error().code, ErrorCode::BadInput) << text;
    }
  }
}

TEST(MirrorConfigJson, RoundTrips) {
  MirrorConfig c;
  c.cues.maxActive = 3;
  c.perspective.expected = ImitationMapping::Mirror;
  c.ghost.floor = 0.3;
  const std::string text = mirrorConfigToJson(c);
  auto r = mirrorConfigFromJson(std::string_view(text), "round-trip");
  ASSERT_TRUE(r) << r.error().describe();
  EXPECT_EQ(mirrorConfigToJson(*r), text);
  EXPECT_EQ(r->cues.maxActive, 3);
}

}  // namespace
}  // namespace mimesis
