// Scene files: the shipped scenes load, and every unknown key, bad value or missing clip is an
// error naming the file and the key.
#include <gtest/gtest.h>

#include "SessionTestSupport.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

std::string scene(const std::string& extra) {
  return "{\"clip\": \"" + assetPath("thumbs-up.mkeys") + "\"" + extra + "}";
}

// The error's `where` names the scene file and the key.
void expectKeyError(const std::string& text, const std::string& key, const std::string& messagePart = {}) {
  const auto dir = sessionTempDir("scene-errors");
  const std::string path = writeScene(dir, "bad.json", text);
  Result<Lesson> l = loadLesson(path);
  ASSERT_FALSE(l.ok()) << text;
  EXPECT_EQ(l.error().code, ErrorCode::BadInput);
  EXPECT_EQ(l.error().where, path + ": key '" + key + "'") << l.error().describe();
  if (!messagePart.empty()) {
    EXPECT_NE(l.error().message.find(messagePart), std::string::npos) << l.error().describe();
  }
}

TEST(LessonScene, ShippedScenesLoad) {
  for (const char* name : {"pinch-and-release.json", "fingerspell-cab.json"}) {
    const std::string path = std::string(MIMESIS_SOURCE_DIR) + "/scenes/" + name;
    Result<Lesson> l = loadLesson(path);
    ASSERT_TRUE(l.ok()) << l.error().describe();
    EXPECT_GE(l->clip.frames.size(), 2u);
    EXPECT_FALSE(l->clip.segments.empty());
    EXPECT_EQ(l->mirror.observer.frameRateHz, l->clip.rate);
    EXPECT_GT(l->trials, 0);
  }
}

TEST(LessonScene, ReadsEveryField) {
  const auto dir = sessionTempDir("scene-fields");
  const std::string path = writeScene(dir, "full.json", scene(R"(,
    "name": "thumbs", "mapping": "mirror", "trials": 4,
    "stages": {"guided": {"passScore": 55, "trials": 7}},
    "scoring": {"bandFraction": 0.2, "references": {"shapeMm": 25}},
    "mirror": {"ghost": {"floor": 0.3}})"));
  Result<Lesson> l = loadLesson(path);
  ASSERT_TRUE(l.ok()) << l.error().describe();
  EXPECT_EQ(l->name, "thumbs");
  EXPECT_EQ(l->mapping, ImitationMapping::Mirror);
  EXPECT_EQ(l->scoring.mapping, Mapping::Mirror);
  EXPECT_EQ(l->mirror.perspective.expected, ImitationMapping::Mirror);
  EXPECT_EQ(l->trials, 4);
  EXPECT_EQ(l->stages[static_cast<std::size_t>(Stage::Guided)].passScore, 55.0);
  EXPECT_EQ(l->stages[static_cast<std::size_t>(Stage::Guided)].maxTrials, 7);
  EXPECT_EQ(l->scoring.bandFraction, 0.2);
  EXPECT_EQ(l->scoring.references.shapeMm, 25.0);
  EXPECT_EQ(l->mirror.ghost.floor, 0.3);
}

TEST(LessonScene, ClipFoundInAssets) {
  const auto dir = sessionTempDir("scene-assets");
  // A scene in <root>/scenes finds "x.mkeys" in <root>/assets.
  std::filesystem::create_directories(dir / "scenes");
  std::filesystem::create_directories(dir / "assets");
  std::filesystem::copy_file(assetPath("thumbs-up.mkeys"), dir / "assets" / "thumbs-up.mkeys");
  const std::string path = writeScene(dir / "scenes", "t.json", R"({"clip": "thumbs-up.mkeys"})");
  Result<Lesson> l = loadLesson(path);
  ASSERT_TRUE(l.ok()) << l.error().describe();
  EXPECT_EQ(l->name, "t");
}

TEST(LessonScene, ErrorsNameFileAndKey) {
  expectKeyError(scene(R"(, "colour": 1)"), "colour", "unknown key");
  expectKeyError(scene(R"(, "trials": 0)"), "trials", "positive integer");
  expectKeyError(scene(R"(, "trials": 2.5)"), "trials", "positive integer");
  expectKeyError(scene(R"(, "mapping": "sideways")"), "mapping");
  expectKeyError(scene(R"(, "stages": {"guided": {"trials": -1}})"), "stages.guided.trials", "must be a positive integer");
  expectKeyError(scene(R"(, "stages": {"guided": {"passScore": 120}})"), "stages.guided.passScore");
  expectKeyError(scene(R"(, "stages": {"practice": {}})"), "stages.practice", "unknown stage");
  expectKeyError(scene(R"(, "stages": {"solo": {"pass": 1}})"), "stages.solo.pass", "unknown key");
  expectKeyError(scene(R"(, "scoring": {"references": {"shapeMm": "big"}})"), "scoring.references.shapeMm");
  expectKeyError(scene(R"(, "mirror": {"ghost": {"floor": 5}})"), "mirror.ghost.floor");
  expectKeyError(scene(R"(, "mirror": {"lights": {}})"), "mirror.lights");
  expectKeyError(R"({"clip": "no-such-clip.mkeys"})", "clip", "not found");
  expectKeyError(R"({"trials": 3})", "clip", "required");
  expectKeyError(R"({"clip": 3})", "clip", "string");
}

TEST(LessonScene, BadFilesAreErrorsNotCrashes) {
  const auto dir = sessionTempDir("scene-bad-files");
  Result<Lesson> missing = loadLesson((dir / "absent.json").string());
  ASSERT_FALSE(missing.ok());
  EXPECT_EQ(missing.error().code, ErrorCode::Io);
  for (const char* text : {"", "[1,2]", "{", "{\"clip\": ", "null"}) {
    Result<Lesson> l = loadLesson(writeScene(dir, "x.json", text));
    ASSERT_FALSE(l.ok()) << text;
    EXPECT_EQ(l.error().code, ErrorCode::BadInput);
    EXPECT_NE(l.error().where.find("x.json"), std::string::npos);
  }
  // A clip that exists but is not a motion file.
  writeScene(dir, "junk.mkeys", "this is not a keyframe script\n");
  Result<Lesson> junk = loadLesson(writeScene(dir, "j.json", R"({"clip": "junk.mkeys"})"));
  ASSERT_FALSE(junk.ok());
  EXPECT_NE(junk.error().where.find("key 'clip'"), std::string::npos);
  // An external loader is used for formats the session does not read itself.
  Result<Lesson> viaLoader = loadLesson(writeScene(dir, "l.json", scene("")), [](const std::string& p, const std::string&) { return loadClip(p); });
  EXPECT_TRUE(viaLoader.ok());
}

}  // namespace
}  // namespace mimesis
