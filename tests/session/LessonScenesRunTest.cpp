// Every shipped scene (scenes/*.json) loads and runs headless for three simulated trials, and
// the shipped set covers the ground: at least five lessons, one- and two-handed, with
// the fingerspelled word.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "SessionTestSupport.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

std::vector<std::filesystem::path> shippedScenes() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(MIMESIS_SOURCE_DIR) / "scenes"))
    if (e.path().extension() == ".json") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(LessonScenesRun, EveryShippedSceneRunsThreeTrials) {
  const std::vector<std::filesystem::path> scenes = shippedScenes();
  ASSERT_GE(scenes.size(), 5u);
  int twoHanded = 0, oneHanded = 0;
  bool fingerspelled = false;
  for (const auto& path : scenes) {
    SCOPED_TRACE(path.string());
    // Body scenes name BVH clips: the importer's loader, as the mimesis command passes it.
    Result<Lesson> lesson = loadLesson(path.string(), [](const std::string& p, const std::string& rig) {
      LoadOptions o;
      o.rigMap = rig;
      return loadClip(p, o);
    });
    ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
    EXPECT_FALSE(lesson->description.empty()) << "every shipped lesson says what to do";
    const ClipContents c = describeContents(lesson->clip);
    (c.left && c.right ? twoHanded : oneHanded) += 1;
    fingerspelled = fingerspelled || lesson->clipRef.find("fingerspell") != std::string::npos;
    LearnerBehaviour b = SimulatedLearnerSource::improvingLearner();
    if (lesson->mapping == ImitationMapping::Mirror) b.base.mapping = LearnerParams::Mapping::Mirror;
    SimulatedLearnerSource source(b);
    const auto dir = testing::sessionTempDir("scene-run-" + path.stem().string());
    Result<HeadlessResult> r = runHeadlessLesson(*lesson, source, 3, dir.string());
    ASSERT_TRUE(r.ok()) << r.error().describe();
    EXPECT_EQ(r->trials.size(), 3u);
    EXPECT_TRUE(std::filesystem::exists(dir / "report.html"));
    for (const TrialRecord& t : r->trials)
      if (t.performed) {
        EXPECT_TRUE(t.scored) << "trial " << t.trial << ": " << t.scoreNote;
      }
  }
  EXPECT_GE(twoHanded, 2);
  EXPECT_GE(oneHanded, 2);
  EXPECT_TRUE(fingerspelled);
}

// "rigMap" reaches the clip loader; a rig map that does not fit is the rigMap key's error.
TEST(LessonScenesRun, RigMapKeyIsPassedToTheLoaderAndNamedInErrors) {
  const auto dir = testing::sessionTempDir("scene-rigmap");
  const std::string clip = testing::assetPath("wave.mkeys");
  const std::string path =
      testing::writeScene(dir, "r.json", "{\"clip\": \"" + clip + "\", \"rigMap\": \"mixamo\"}");
  std::string seen;
  Result<Lesson> ok = loadLesson(path, [&](const std::string& p, const std::string& rig) -> Result<Clip> {
    seen = rig;
    return loadLessonClip(p);
  });
  ASSERT_TRUE(ok.ok()) << ok.error().describe();
  EXPECT_EQ(seen, "mixamo");
  EXPECT_EQ(ok->rigMap, "mixamo");
  Result<Lesson> bad = loadLesson(path, [](const std::string& p, const std::string& rig) -> Result<Clip> {
    return makeError(ErrorCode::BadInput, "unknown rig map '" + rig + "' (known: ...)", p);
  });
  ASSERT_FALSE(bad.ok());
  EXPECT_EQ(bad.error().where, path + ": key 'rigMap'");
  const std::string empty = testing::writeScene(dir, "e.json", "{\"clip\": \"" + clip + "\", \"rigMap\": \"\"}");
  Result<Lesson> e = loadLesson(empty);
  ASSERT_FALSE(e.ok());
  EXPECT_EQ(e.error().where, empty + ": key 'rigMap'");
  const std::string number = testing::writeScene(dir, "n.json", "{\"clip\": \"" + clip + "\", \"rigMap\": 3}");
  EXPECT_EQ(loadLesson(number).error().where, number + ": key 'rigMap'");
}

}  // namespace
}  // namespace mimesis
