// `mimesis lesson` and `mimesis convert` on body clips (issue 20): a BVH expert runs as a lesson
// (it exited 2 with "frame has 38 body joints, the skeleton has 0"), a body take is the learner,
// `convert X.bvh X.csv` is readable by its own reader, and a skeleton that cannot be mapped is
// exit 2 naming the joints it lacks.
#include <gtest/gtest.h>

#include <filesystem>

#include "CliTestSupport.hpp"
#include "SharedData.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

TEST(BodyLessonCli, CmuBvhExpertRunsAsALesson) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh/01_01.bvh");
  const fs::path dir = scratchDir("body-cmu-lesson");
  writeText(dir / "cmu.json", "{\"clip\": \"" + mimesis::testing::sharedDataPath("cmu-bvh/01_01.bvh") + "\", \"trials\": 3}");
  CommandOutput r = runIn(dir, kMimesis + " lesson cmu.json --simulate --no-html --report rep");
  ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
  const std::string trials = readText(dir / "rep" / "trials.json");
  EXPECT_NE(trials.find("body/left_leg"), std::string::npos);
  CommandOutput i = runIn(dir, kMimesis + " inspect rep/session.mrec");
  EXPECT_NE(i.out.find("body         38 joints"), std::string::npos) << i.out;
}

TEST(BodyLessonCli, AnotherTakeAsLearnerAndItsCsvToo) {
  const fs::path dir = scratchDir("body-take-lesson");
  const std::string take = kSource + "/assets/body/squat-take2.bvh";
  CommandOutput c = runIn(dir, kMimesis + " convert --rig none " + take + " take.csv");
  ASSERT_EQ(c.exitCode, 0) << c.err;
  CommandOutput back = runIn(dir, kMimesis + " inspect take.csv");
  ASSERT_EQ(back.exitCode, 0) << back.err;
  EXPECT_NE(back.out.find("340"), std::string::npos) << back.out;
  for (const std::string& learner : {take, std::string("take.csv")}) {
    SCOPED_TRACE(learner);
    CommandOutput r = runIn(dir, kMimesis + " lesson " + kSource + "/scenes/squat.json --learner " + learner +
                                     " --trials 3 --no-html --report rep");
    ASSERT_EQ(r.exitCode, 0) << r.err << r.out;
    EXPECT_NE(readText(dir / "rep" / "trials.json").find("\"body/right_leg\""), std::string::npos);
  }
}

TEST(BodyLessonCli, UnmappableSkeletonExitsTwoNamingTheJointsItLacks) {
  const fs::path dir = scratchDir("body-unmapped");
  // Arms only: no head, no legs.
  writeText(dir / "arms.bvh",
            "HIERARCHY\nROOT Hips\n{\n OFFSET 0 0 0\n CHANNELS 6 Xposition Yposition Zposition Zrotation Xrotation Yrotation\n"
            " JOINT LeftArm\n {\n  OFFSET 15 40 0\n  CHANNELS 3 Zrotation Xrotation Yrotation\n"
            "  JOINT LeftHand\n  {\n   OFFSET 50 0 0\n   CHANNELS 3 Zrotation Xrotation Yrotation\n   End Site\n   {\n    OFFSET 10 0 0\n   }\n  }\n }\n"
            " JOINT RightArm\n {\n  OFFSET -15 40 0\n  CHANNELS 3 Zrotation Xrotation Yrotation\n"
            "  JOINT RightHand\n  {\n   OFFSET -50 0 0\n   CHANNELS 3 Zrotation Xrotation Yrotation\n   End Site\n   {\n    OFFSET -10 0 0\n   }\n  }\n }\n"
            "}\nMOTION\nFrames: 2\nFrame Time: 0.0333333\n0 100 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0 0\n0 100 0 0 0 0 10 0 0 0 0 0 0 0 0 0 0 0\n");
  writeText(dir / "arms.json", R"({"clip": "arms.bvh", "rigMap": "none"})");
  CommandOutput r = runIn(dir, kMimesis + " lesson arms.json --simulate --report rep");
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.err.find("arms.json: key 'clip'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("lacks the joints for head, left foot, right foot"), std::string::npos) << r.err;
  // A learner whose skeleton lacks joints of the expert's: exit 2 naming them.
  writeText(dir / "partial.csv", "time,Hips_x,Hips_y,Hips_z\n0,0,1,0\n0.1,0,1,0.01\n");
  CommandOutput l = runIn(dir, kMimesis + " lesson " + kSource + "/scenes/squat.json --learner partial.csv --report rep2");
  EXPECT_EQ(l.exitCode, 2) << l.err;
  EXPECT_NE(l.err.find("partial.csv"), std::string::npos) << l.err;
  EXPECT_NE(l.err.find("lacks 25 of its 26 joints (Spine, Chest"), std::string::npos) << l.err;
}

}  // namespace
