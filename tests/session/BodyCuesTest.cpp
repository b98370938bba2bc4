// The mirror model's cues on a body lesson's end-effectors (head, hands, feet) follow from the
// measured offsets: a learner who follows the squat exactly but holds the left foot 15 cm too
// high is told about that foot, in words that follow from the offset; one who follows it exactly
// gets no body cue at all. Plus the wording of each direction, from live offsets fed straight
// to the model.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/mirror/MirrorModel.hpp"
#include "mimesis/motion/ClipSampler.hpp"
#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"

namespace mimesis {
namespace {

namespace fs = std::filesystem;

Result<Lesson> squatLesson() {
  return loadLesson(std::string(MIMESIS_SOURCE_DIR) + "/scenes/squat.json", [](const std::string& p, const std::string& rig) {
    LoadOptions o;
    o.rigMap = rig;
    return loadClip(p, o);
  });
}

// A learner who moves exactly as the expert shown, body and hands, except that `joint` and
// every joint below it are moved by `offset`.
class FollowingLearner : public HandSource {
 public:
  FollowingLearner(const Skeleton& skeleton, int joint, glm::vec3 offset) {
    moved_.assign(skeleton.joints.size(), false);
    for (std::size_t j = 0; j < skeleton.joints.size(); ++j) {
      const int p = skeleton.parents[j];
      moved_[j] = static_cast<int>(j) == joint || (p >= 0 && moved_[static_cast<std::size_t>(p)]);
    }
    offset_ = offset;
  }
  Status beginTrial(const TrialContext& context) override {
    shown_ = context.expertShown;
    return okStatus();
  }
  bool poll(double trialTime, const FeedbackState&, Frame& out) override {
    if (shown_ == nullptr || trialTime > shown_->duration()) return false;
    sampleClip(*shown_, shown_->frames.front().time + trialTime, out);
    for (std::size_t j = 0; j < out.body.size() && j < moved_.size(); ++j)
      if (moved_[j]) out.body[j].pose.position += offset_;
    return true;
  }

 private:
  const Clip* shown_ = nullptr;
  std::vector<bool> moved_;
  glm::vec3 offset_{0.0f};
};

std::vector<nlohmann::json> cueDecisions(const fs::path& dir) {
  std::vector<nlohmann::json> cues;
  for (const auto& d : nlohmann::json::parse(testing::readBytes(dir / "trace.json")))
    if (d["kind"] == "cue") cues.push_back(d);
  return cues;
}

bool isEffector(const std::string& subject) {
  for (int e = 0; e < kEndEffectorCount; ++e)
    if (subject == endEffectorName(static_cast<EndEffector>(e))) return true;
  return false;
}

TEST(BodyCues, AWrongFootGetsAFootCueAndACorrectBodyNone) {
  Result<Lesson> lesson = squatLesson();
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  const int foot = lesson->endEffectors.of(EndEffector::LeftFoot);
  ASSERT_GE(foot, 0);

  FollowingLearner wrong(lesson->clip.body, foot, glm::vec3(0.0f, 0.15f, 0.0f));
  const fs::path wrongDir = testing::sessionTempDir("body-cues-wrong-foot");
  Result<HeadlessResult> r = runHeadlessLesson(*lesson, wrong, 3, wrongDir.string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  int footCues = 0;
  for (const nlohmann::json& c : cueDecisions(wrongDir)) {
    const std::string subject = c["subject"].get<std::string>();
    if (!isEffector(subject)) continue;
    EXPECT_EQ(subject, "left foot") << c;  // nothing else of the body is off
    // The words follow from the measured offset: the foot is 15 cm up; against the live
    // scorer's aligned expert frame it measures 13 to 15 cm.
    const std::string words = c["to"].get<std::string>();
    const std::string lead = "Lower your left foot about ";
    ASSERT_EQ(words.rfind(lead, 0), 0u) << c;
    const int cm = std::stoi(words.substr(lead.size()));
    EXPECT_GE(cm, 12) << c;
    EXPECT_LE(cm, 16) << c;
    EXPECT_GT(c["cause"]["value"].get<double>(), c["cause"]["threshold"].get<double>());
    ++footCues;
  }
  EXPECT_GE(footCues, 1) << "no cue on the raised foot";

  FollowingLearner right(lesson->clip.body, foot, glm::vec3(0.0f));
  const fs::path rightDir = testing::sessionTempDir("body-cues-correct");
  r = runHeadlessLesson(*lesson, right, 3, rightDir.string());
  ASSERT_TRUE(r.ok()) << r.error().describe();
  for (const nlohmann::json& c : cueDecisions(rightDir))
    EXPECT_FALSE(isEffector(c["subject"].get<std::string>())) << "a correct body got a body cue: " << c;
}

// Live offsets straight into the model: each direction of the largest component is worded.
std::string cueFor(EndEffector e, glm::vec3 offset) {
  MirrorConfig config;
  config.stages.watchTrials = 0;
  config.stages.imagineTrials = 0;
  Clip clip;
  clip.rate = 30.0;
  for (int i = 0; i < 120; ++i) clip.frames.push_back(Frame{});
  for (int i = 0; i < 120; ++i) clip.frames[static_cast<std::size_t>(i)].time = i / 30.0;
  MirrorModel model(config, LessonLayout::fromClip(clip));
  model.start(0.0);
  model.beginTrial();
  LiveEffectorErrors live;
  live.offset[static_cast<std::size_t>(e)] = offset;
  live.valid[static_cast<std::size_t>(e)] = true;
  const Frame expert;
  for (int i = 0; i < 90; ++i) {
    ObservedFrame f;
    f.time = i / 30.0;
    f.expertTime = f.time;
    f.expert = &expert;
    f.learner = &expert;
    f.stage = model.state().stage;
    f.ghostOpacity = model.state().ghostOpacity;
    f.effectorErrors = &live;
    const FeedbackState& s = model.update(f);
    for (int c = 0; c < s.cueCount; ++c)
      if (s.cues[static_cast<std::size_t>(c)].onBody) return s.cues[static_cast<std::size_t>(c)].message;
  }
  return "";
}

TEST(BodyCues, WordsFollowTheOffset) {
  EXPECT_EQ(cueFor(EndEffector::RightFoot, {0.0f, -0.12f, 0.02f}), "Raise your right foot about 12 cm");
  EXPECT_EQ(cueFor(EndEffector::LeftHand, {0.0f, 0.02f, 0.2f}), "Bring your left hand about 20 cm further forward");
  EXPECT_EQ(cueFor(EndEffector::LeftFoot, {0.0f, 0.0f, -0.1f}), "Bring your left foot about 10 cm further back");
  EXPECT_EQ(cueFor(EndEffector::LeftFoot, {-0.1f, 0.0f, 0.0f}), "Bring your left foot about 10 cm further in");
  EXPECT_EQ(cueFor(EndEffector::RightHand, {-0.1f, 0.0f, 0.0f}), "Bring your right hand about 10 cm further out");
  EXPECT_EQ(cueFor(EndEffector::Head, {0.09f, 0.0f, 0.0f}), "Move your head about 9 cm to the left");
  // Inside the band (0.15 x 500 mm = 75 mm at first): silence.
  EXPECT_EQ(cueFor(EndEffector::Head, {0.05f, 0.02f, 0.0f}), "");
}

}  // namespace
}  // namespace mimesis
