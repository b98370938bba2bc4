// `mimesis record` and `mimesis author` end to end: a take recorded from a replayed recording,
// authored into a scene with its clip, which `mimesis lesson` then runs; bad ranges exit 2
// naming the segment or span.
#include <gtest/gtest.h>

#include <filesystem>

#include "CliTestSupport.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

// The commands run in the scratch folder: the paths they are given are relative to it.
std::string inDir(const std::filesystem::path& dir) { return "env -C '" + dir.string() + "' "; }

const std::string kPinch = std::string(MIMESIS_SOURCE_DIR) + "/assets/pinch-and-release.mkeys";

const std::string kSegments =
    " --trim 0.2:4.6 --segment reach:0.2:1.0 --segment pinch:1.0:1.6 --segment lift:1.6:2.8"
    " --segment lower:2.8:3.6 --segment release:3.6:4.6";

TEST(AuthorCli, RecordAuthorAndRunTheLesson) {
  const fs::path dir = scratchDir("author-round-trip");
  auto rec = runCommand(inDir(dir) + kMimesis + " record --learner '" + kPinch + "' --seconds 4.9 --out take.mrec", dir);
  ASSERT_EQ(rec.exitCode, 0) << rec.err;
  EXPECT_NE(rec.out.find("recorded 442 frames"), std::string::npos) << rec.out;
  auto author = runCommand(inDir(dir) + kMimesis + " author take.mrec" + kSegments +
                               " --no-copy 0.2:0.5 --tolerance lift:0.2 --mapping mirror --view first-person"
                               " --name my-pinch --out lessons/my-pinch.json",
                           dir);
  ASSERT_EQ(author.exitCode, 0) << author.err << author.out;
  EXPECT_NE(author.out.find("published: lessons/my-pinch.json"), std::string::npos) << author.out;
  EXPECT_TRUE(fs::exists(dir / "lessons" / "my-pinch.mrec"));
  const std::string scene = readText(dir / "lessons" / "my-pinch.json");
  EXPECT_NE(scene.find("\"clip\": \"my-pinch.mrec\""), std::string::npos) << scene;
  EXPECT_NE(scene.find("\"mapping\": \"mirror\""), std::string::npos) << scene;
  EXPECT_NE(scene.find("\"view\": \"first-person\""), std::string::npos) << scene;
  const std::string preview = readText(dir / "lessons" / "my-pinch.preview.md");
  EXPECT_NE(preview.find("Ready to publish"), std::string::npos) << preview;
  EXPECT_NE(preview.find("| lift | 1.400 | 2.600 |"), std::string::npos) << preview;
  auto inspect = runCommand(inDir(dir) + kMimesis + " inspect lessons/my-pinch.mrec", dir);
  EXPECT_EQ(inspect.exitCode, 0) << inspect.err;
  EXPECT_NE(inspect.out.find("lift"), std::string::npos) << inspect.out;
  auto lesson = runCommand(inDir(dir) + kMimesis + " lesson lessons/my-pinch.json --simulate --trials 2 --no-html --report rep", dir);
  ASSERT_EQ(lesson.exitCode, 0) << lesson.err;
  EXPECT_TRUE(fs::exists(dir / "rep" / "summary.json"));
}

TEST(AuthorCli, BadRangesExitTwoNamingTheSegment) {
  const fs::path dir = scratchDir("author-bad-ranges");
  struct Case {
    std::string args, where;
  };
  const std::vector<Case> cases = {
      {" --segment late:4.5:6.0", "segment 'late'"},                                    // outside the clip
      {" --trim 1:4 --segment early:0.5:2", "segment 'early'"},                          // outside the trim
      {" --segment a:1:2 --segment b:1.5:3", "segment 'b': overlaps segment 'a'"},      // overlapping
      {" --no-copy 1:2 --no-copy 1.5:2.5", "do-not-copy 1.500:2.500"},                  // overlapping spans
      {" --segment a:1:2 --tolerance b:0.2", "tolerance of segment 'b'"},               // unknown segment
      {" --segment a:1:2 --tolerance a:5", "tolerance of segment 'a'"},                 // out of range
      {" --segment a:2:1", "segment 'a'"},                                              // end before start
  };
  for (const Case& c : cases) {
    auto r = runCommand(inDir(dir) + kMimesis + " author '" + kPinch + "'" + c.args + " --out bad.json", dir);
    EXPECT_EQ(r.exitCode, 2) << c.args << "\n" << r.err;
    EXPECT_NE(r.err.find(c.where), std::string::npos) << c.args << "\n" << r.err;
    EXPECT_FALSE(fs::exists(dir / "bad.json")) << c.args;
  }
  // A segment too short to score fails its check: exit 2, the preview says why, nothing published.
  auto shortSeg = runCommand(inDir(dir) + kMimesis + " author '" + kPinch + "' --segment blink:1.0:1.1 --out short.json", dir);
  EXPECT_EQ(shortSeg.exitCode, 2) << shortSeg.err;
  EXPECT_NE(shortSeg.out.find("FAIL segment 'blink' length"), std::string::npos) << shortSeg.out;
  EXPECT_FALSE(fs::exists(dir / "short.json"));
  EXPECT_TRUE(fs::exists(dir / "short.preview.md"));
}

}  // namespace
