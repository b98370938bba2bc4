// Body clips as lessons (issue 20): each shipped body scene runs as a whole headless lesson;
// the body skeleton reaches the recording, the scorer's per-group breakdown and the report; a
// learner recording with a body skeleton (another take) is matched by joint name and scored;
// the mirror model guides body lessons through the hands at the body's hand joints; and a
// skeleton that cannot be mapped is refused naming the joints it lacks.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include <nlohmann/json.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/RecordingSource.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

namespace fs = std::filesystem;

Result<Lesson> loadBodyScene(const std::string& path) {
  return loadLesson(path, [](const std::string& p, const std::string& rig) {
    LoadOptions o;
    o.rigMap = rig;
    return loadClip(p, o);
  });
}

std::string scenePath(const std::string& name) { return std::string(MIMESIS_SOURCE_DIR) + "/scenes/" + name; }

const std::set<std::string> kBodyGroups = {"body/trunk", "body/left_arm", "body/right_arm", "body/left_leg",
                                           "body/right_leg"};

class ShippedBodyScene : public ::testing::TestWithParam<const char*> {};

TEST_P(ShippedBodyScene, RunsAsAWholeHeadlessLesson) {
  Result<Lesson> lesson = loadBodyScene(scenePath(GetParam()));
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  ASSERT_FALSE(lesson->clip.body.empty());
  EXPECT_EQ(lesson->clip.info.sourceFormat, "bvh");
  for (int e = 0; e < kEndEffectorCount; ++e) EXPECT_GE(lesson->endEffectors.joint[static_cast<std::size_t>(e)], 0);
  EXPECT_GE(lesson->clip.segments.size(), 4u) << "the scene names the clip's phases";

  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  const fs::path dir = testing::sessionTempDir(std::string("body-lesson-") + GetParam());
  Result<HeadlessResult> r = runHeadlessLesson(*lesson, source, 0, dir.string());  // the scene's own trials
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(static_cast<int>(r->trials.size()), lesson->trials);

  int scored = 0;
  bool looped = false, slowed = false;
  for (const TrialRecord& t : r->trials) {
    looped = looped || t.loopedSegment >= 0;
    slowed = slowed || t.tempo < 1.0f;
    if (!t.performed) continue;
    ASSERT_TRUE(t.scored) << "trial " << t.trial << ": " << t.scoreNote;
    ++scored;
    const nlohmann::json report = nlohmann::json::parse(t.reportJson);
    std::set<std::string> names;
    for (const auto& g : report["groups"]) {
      names.insert(g["name"].get<std::string>());
      if (g["unit"] == "body") {
        EXPECT_TRUE(g["scorable"].get<bool>()) << g["name"];
        EXPECT_FALSE(g["diagnosis"].empty());
      }
    }
    for (const std::string& g : kBodyGroups) EXPECT_EQ(names.count(g), 1u) << g << " in trial " << t.trial;
    // The body's hands carry no fingers: no finger is scored, nor called untracked.
    EXPECT_EQ(names.count("left/index"), 0u);
    for (const auto& seg : report["segments"])
      if (seg["reached"].get<bool>()) {
        EXPECT_GE(seg["groups"].size(), kBodyGroups.size());
      }
  }
  EXPECT_GE(scored, 3);
  // The mirror model guided it: the hands (at the body's hand joints) were cued or practised
  // in part, or the tempo slowed, over the lesson.
  EXPECT_TRUE(looped || slowed) << "no part practice and no tempo change";
  const std::string trace = testing::readBytes(dir / "trace.json");
  EXPECT_NE(trace.find("\"cue\""), std::string::npos) << "no cue decided on a body lesson";

  // The recording carries the body skeleton; a re-run from it gives the same reports.
  Result<MrecFile> rec = readMrec((dir / "session.mrec").string());
  ASSERT_TRUE(rec.ok()) << rec.error().describe();
  EXPECT_EQ(rec->clip.body, lesson->clip.body);
  ASSERT_FALSE(rec->clip.frames.empty());
  EXPECT_EQ(rec->clip.frames.back().body.size(), lesson->clip.body.joints.size());
}

INSTANTIATE_TEST_SUITE_P(BodyScenes, ShippedBodyScene, ::testing::Values("squat.json", "shoulder-abduction.json"));

TEST(BodyLesson, AnotherTakeWithABodySkeletonIsTheLearner) {
  Result<Lesson> lesson = loadBodyScene(scenePath("squat.json"));
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  LoadOptions bodyOnly;
  bodyOnly.rigMap = "none";
  Result<Clip> take = loadClip(testing::assetPath("body/squat-take2.bvh"), bodyOnly);
  ASSERT_TRUE(take.ok()) << take.error().describe();
  // Scramble the joint order: the take is matched to the expert by joint name.
  Clip scrambled = *take;
  std::reverse(scrambled.body.joints.begin(), scrambled.body.joints.end());
  scrambled.body.parents.assign(scrambled.body.joints.size(), -1);
  scrambled.body.groups.clear();
  for (Frame& f : scrambled.frames) std::reverse(f.body.begin(), f.body.end());
  Result<Clip> ready = prepareLearnerClip(*lesson, scrambled, "take2");
  ASSERT_TRUE(ready.ok()) << ready.error().describe();
  EXPECT_EQ(ready->body, lesson->clip.body);
  EXPECT_TRUE(describeContents(*ready).left) << "the take's hands are at its hand joints, as the expert's";
  ASSERT_EQ(ready->frames[40].body, take->frames[40].body);

  std::vector<Clip> one{*ready};
  RecordingSource source(std::move(one));
  const fs::path dir = testing::sessionTempDir("body-lesson-take2");
  Result<HeadlessResult> r = runHeadlessLesson(*lesson, source, 3, dir.string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  const TrialRecord& t = r->trials.back();
  ASSERT_TRUE(t.scored) << t.scoreNote;
  const nlohmann::json report = nlohmann::json::parse(t.reportJson);
  // A shallower squat: the legs move too little (gain under 0.9), score lowest of the body
  // groups, and their own diagnosis names them (the breakdown is per joint group).
  double legScore = 100.0, otherBody = 0.0;
  for (const auto& g : report["groups"]) {
    if (g["unit"] != "body") continue;
    const std::string name = g["name"].get<std::string>();
    const bool leg = name == "body/left_leg" || name == "body/right_leg";
    if (leg) {
      ASSERT_TRUE(g["gain"].is_number()) << g;
      EXPECT_LT(g["gain"].get<double>(), 0.9) << g;
      legScore = std::min(legScore, g["score"].get<double>());
      const std::string first = g["diagnosis"][0].get<std::string>();
      EXPECT_NE(first.find(g["label"].get<std::string>()), std::string::npos) << first;
    } else {
      otherBody = std::max(otherBody, g["score"].get<double>());
    }
  }
  EXPECT_LT(legScore, otherBody) << report["groups"].dump();
  EXPECT_LT(t.score, 99.0);

  // A take that lacks joints of the expert's skeleton is refused, naming them.
  Clip partial = *take;
  partial.body.joints.resize(partial.body.joints.size() - 2);
  partial.body.parents.resize(partial.body.joints.size());
  partial.body.groups.clear();
  for (Frame& f : partial.frames) f.body.resize(partial.body.joints.size());
  Result<Clip> refused = prepareLearnerClip(*lesson, partial, "partial.bvh");
  ASSERT_FALSE(refused.ok());
  EXPECT_EQ(refused.error().where, "partial.bvh");
  EXPECT_NE(refused.error().message.find("lacks 2 of its"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find(lesson->clip.body.joints.back()), std::string::npos) << refused.error().message;
}

TEST(BodyLesson, ASkeletonWithoutFeetCannotBeMapped) {
  const fs::path dir = testing::sessionTempDir("body-lesson-unmapped");
  // An upper-body BVH: hips, spine, head and two arms, no legs.
  std::string bvh =
      "HIERARCHY\nROOT Hips\n{\n OFFSET 0 0 0\n CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
      " JOINT Spine\n {\n  OFFSET 0 30 0\n  CHANNELS 3 Zrotation Xrotation Yrotation\n"
      "  JOINT Head\n  {\n   OFFSET 0 40 0\n   CHANNELS 3 Zrotation Xrotation Yrotation\n   End Site\n   {\n    OFFSET 0 15 0\n   }\n  }\n"
      "  JOINT LeftArm\n  {\n   OFFSET 15 30 0\n   CHANNELS 3 Zrotation Xrotation Yrotation\n"
      "   JOINT LeftHand\n   {\n    OFFSET 50 0 0\n    CHANNELS 3 Zrotation Xrotation Yrotation\n    End Site\n    {\n     OFFSET 10 0 0\n    }\n   }\n  }\n"
      "  JOINT RightArm\n  {\n   OFFSET -15 30 0\n   CHANNELS 3 Zrotation Xrotation Yrotation\n"
      "   JOINT RightHand\n   {\n    OFFSET -50 0 0\n    CHANNELS 3 Zrotation Xrotation Yrotation\n    End Site\n    {\n     OFFSET -10 0 0\n    }\n   }\n  }\n"
      " }\n}\nMOTION\nFrames: 3\nFrame Time: 0.0333333\n";
  for (int f = 0; f < 3; ++f) bvh += "0 100 0 0 0 0 0 0 0 0 0 0 " + std::to_string(10 * f) + " 0 0 0 0 0 0 0 0 0 0 0\n";
  testing::writeScene(dir, "upper.bvh", bvh);
  const std::string scene = testing::writeScene(dir, "s.json", R"({"clip": "upper.bvh", "rigMap": "none"})");
  Result<Lesson> lesson = loadBodyScene(scene);
  ASSERT_FALSE(lesson.ok());
  EXPECT_EQ(lesson.error().code, ErrorCode::BadInput);
  EXPECT_EQ(lesson.error().where, scene + ": key 'clip'");
  EXPECT_NE(lesson.error().message.find("lacks the joints for left foot, right foot"), std::string::npos)
      << lesson.error().message;
}

TEST(BodyLesson, SceneSegmentsAreCheckedAgainstTheClip) {
  const fs::path dir = testing::sessionTempDir("body-lesson-segments");
  const std::string clip = testing::assetPath("body/squat.bvh");
  const std::string late = testing::writeScene(
      dir, "late.json", "{\"clip\": \"" + clip + "\", \"rigMap\": \"none\", \"segments\": [{\"name\": \"a\", \"start\": 1, \"end\": 99}]}");
  Result<Lesson> a = loadBodyScene(late);
  ASSERT_FALSE(a.ok());
  EXPECT_EQ(a.error().where, late + ": key 'segments.0.end'");
  const std::string order = testing::writeScene(
      dir, "order.json",
      "{\"clip\": \"" + clip + "\", \"rigMap\": \"none\", \"segments\": [{\"name\": \"a\", \"start\": 2, \"end\": 3}, "
      "{\"name\": \"b\", \"start\": 1, \"end\": 2}]}");
  Result<Lesson> b = loadBodyScene(order);
  ASSERT_FALSE(b.ok());
  EXPECT_EQ(b.error().where, order + ": key 'segments.1.start'");
}

}  // namespace
}  // namespace mimesis
