// The authoring edit: bad ranges are refused naming the segment or span, the take is cut and
// re-timed, boundaries drag within their neighbours.
#include <gtest/gtest.h>

#include "mimesis/authoring/AuthoredClip.hpp"
#include "mimesis/authoring/AuthoringSpec.hpp"
#include "mimesis/motion/KeyframeAuthoring.hpp"

namespace mimesis {
namespace {

Clip pinchTake() {
  auto clip = loadKeyframeClip(std::string(MIMESIS_SOURCE_DIR) + "/assets/pinch-and-release.mkeys");
  EXPECT_TRUE(clip) << (clip ? "" : clip.error().describe());
  return clip ? *clip : Clip{};
}

AuthoringSpec twoSegments() {
  AuthoringSpec s;
  s.trim = TimeSpan{0.5, 4.5};
  s.segments = {{"pinch", {1.0, 1.6}}, {"lift", {1.6, 2.8}}};
  return s;
}

TEST(AuthoringSpec, ParsesCommandLineForms) {
  auto t = parseTimeSpan("0.5:4.25", "--trim");
  ASSERT_TRUE(t);
  EXPECT_EQ(*t, (TimeSpan{0.5, 4.25}));
  auto n = parseNamedSpan("lift:1.6:2.8", "--segment");
  ASSERT_TRUE(n);
  EXPECT_EQ(n->name, "lift");
  EXPECT_EQ(n->span, (TimeSpan{1.6, 2.8}));
  auto tol = parseSegmentTolerance("lift:0.2", "--tolerance");
  ASSERT_TRUE(tol);
  EXPECT_DOUBLE_EQ(tol->relative, 0.2);
  EXPECT_FALSE(parseTimeSpan("1:2:3", "--trim"));
  EXPECT_FALSE(parseNamedSpan("bad name:1:2", "--segment"));
  auto bad = parseNamedSpan("lift:1:x", "--segment");
  ASSERT_FALSE(bad);
  EXPECT_NE(bad.error().where.find("lift"), std::string::npos) << bad.error().describe();
}

TEST(AuthoringSpec, SegmentOutsideTheClipIsRefusedByName) {
  AuthoringSpec s = twoSegments();
  s.segments.push_back({"late", {4.0, 4.8}});  // past the trim's end
  Status st = validateAuthoringSpec(s, 5.0);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().code, ErrorCode::BadInput);
  EXPECT_EQ(st.error().where, "segment 'late'");
  EXPECT_NE(st.error().message.find("outside the trimmed clip"), std::string::npos) << st.error().describe();
  AuthoringSpec untrimmed;
  untrimmed.segments = {{"beyond", {4.0, 5.5}}};
  Status st2 = validateAuthoringSpec(untrimmed, 5.0);
  ASSERT_FALSE(st2);
  EXPECT_EQ(st2.error().where, "segment 'beyond'");
}

TEST(AuthoringSpec, OverlapsAreRefusedNamingBothSegments) {
  AuthoringSpec s = twoSegments();
  s.segments[1].span.start = 1.5;  // lift starts inside pinch
  Status st = validateAuthoringSpec(s, 5.0);
  ASSERT_FALSE(st);
  EXPECT_EQ(st.error().where, "segment 'lift'");
  EXPECT_NE(st.error().message.find("overlaps segment 'pinch'"), std::string::npos) << st.error().describe();

  AuthoringSpec n = twoSegments();
  n.noCopy = {{1.0, 2.0}, {1.8, 2.2}};
  Status sn = validateAuthoringSpec(n, 5.0);
  ASSERT_FALSE(sn);
  EXPECT_EQ(sn.error().where, "do-not-copy 1.800:2.200");
}

TEST(AuthoringSpec, TolerancesMustNameASegmentAndBeInRange) {
  AuthoringSpec s = twoSegments();
  s.tolerances = {{"nosuch", 0.2}};
  Status a = validateAuthoringSpec(s, 5.0);
  ASSERT_FALSE(a);
  EXPECT_EQ(a.error().where, "tolerance of segment 'nosuch'");
  s.tolerances = {{"lift", 3.0}};
  Status b = validateAuthoringSpec(s, 5.0);
  ASSERT_FALSE(b);
  EXPECT_EQ(b.error().where, "tolerance of segment 'lift'");
  s.tolerances = {{"lift", 0.2}};
  EXPECT_TRUE(validateAuthoringSpec(s, 5.0));
}

TEST(AuthoringSpec, TrimOutsideTheTakeIsRefused) {
  AuthoringSpec s;
  s.trim = TimeSpan{1.0, 9.0};
  Status st = validateAuthoringSpec(s, 5.0);
  ASSERT_FALSE(st);
  EXPECT_NE(st.error().where.find("trim"), std::string::npos);
}

TEST(AuthoredClip, CutsTheTakeAndShiftsEverySpan) {
  const Clip take = pinchTake();
  AuthoringSpec s = twoSegments();
  s.noCopy = {{0.5, 0.9}};
  s.tolerances = {{"lift", 0.25}};
  auto clip = buildAuthoredClip(take, s, "pinch-authored");
  ASSERT_TRUE(clip) << clip.error().describe();
  EXPECT_DOUBLE_EQ(clip->frames.front().time, 0.0);
  EXPECT_NEAR(clip->duration(), 4.0, 1.0 / take.rate + 1e-9);
  ASSERT_EQ(clip->segments.size(), 2u);
  EXPECT_EQ(clip->segments[0].name, "pinch");
  EXPECT_NEAR(clip->segments[0].start, 0.5, 1e-9);
  EXPECT_NEAR(clip->segments[1].end, 2.3, 1e-9);
  // The take's own segments are replaced; the spans are annotations.
  int doNotCopy = 0, tolerance = 0;
  for (const Annotation& a : clip->annotations) {
    doNotCopy += a.kind == "do-not-copy";
    if (a.kind == "tolerance") {
      ++tolerance;
      EXPECT_DOUBLE_EQ(a.value, 0.25);
      EXPECT_NEAR(a.start, 1.1, 1e-9);
    }
  }
  EXPECT_EQ(doNotCopy, 1);
  EXPECT_EQ(tolerance, 1);
  // The frame at take second 0.5 is the clip's first.
  const std::size_t k = static_cast<std::size_t>(std::lround(0.5 * take.rate));
  EXPECT_EQ(clip->frames.front().hands, take.frames[k].hands);
}

TEST(AuthoringSpec, DraggedBoundaryStopsAtItsNeighbour) {
  AuthoringSpec s = twoSegments();
  ASSERT_TRUE(moveSegmentBoundary(s, "pinch", true, 2.5, 5.0));  // into lift: stops at lift's start
  EXPECT_DOUBLE_EQ(s.segments[0].span.end, 1.6);
  ASSERT_TRUE(moveSegmentBoundary(s, "pinch", true, 1.3, 5.0));
  EXPECT_DOUBLE_EQ(s.segments[0].span.end, 1.3);
  ASSERT_TRUE(moveSegmentBoundary(s, "lift", false, 1.2, 5.0));  // back to pinch's new end
  EXPECT_DOUBLE_EQ(s.segments[1].span.start, 1.3);
  ASSERT_TRUE(moveSegmentBoundary(s, "lift", true, 9.0, 5.0));  // clamped to the trim
  EXPECT_DOUBLE_EQ(s.segments[1].span.end, 4.5);
  EXPECT_FALSE(moveSegmentBoundary(s, "nosuch", true, 1.0, 5.0));
  EXPECT_TRUE(validateAuthoringSpec(s, 5.0));
}

}  // namespace
}  // namespace mimesis
