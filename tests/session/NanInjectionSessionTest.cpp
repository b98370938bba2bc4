// NaN/Inf and tracking-dropout injection into the session pipeline (issue 9): a learner source
// whose frames carry NaN and infinite joints (some still flagged valid, as a buggy tracker
// might send), whole-hand dropouts and a NaN head, run through SessionRunner (live scorer,
// mirror model update, session step, recorder) by the headless lesson. No output file may
// contain a NaN or an infinity, and the reports must still say how much was tracked.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <regex>

#include <nlohmann/json.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/motion/MrecReader.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

constexpr float kNaN = std::numeric_limits<float>::quiet_NaN();
constexpr float kInf = std::numeric_limits<float>::infinity();

// Wraps a simulated learner and damages its frames on a fixed, deterministic schedule.
class CorruptingSource : public HandSource {
 public:
  explicit CorruptingSource(HandSource& inner) : inner_(inner) {}
  Status beginTrial(const TrialContext& c) override { return inner_.beginTrial(c); }
  void endTrial() override { inner_.endTrial(); }
  bool poll(double t, const FeedbackState& g, Frame& out) override {
    if (!inner_.poll(t, g, out)) return false;
    const int k = frame_++;
    HandPose& right = out.hands[index(Hand::Right)];
    HandPose& left = out.hands[index(Hand::Left)];
    if (k % 7 == 3) {  // NaN position on a joint still flagged valid
      right.joints[5].pose.position.y = kNaN;
    }
    if (k % 11 == 5) {  // infinite orientation, flagged valid
      right.joints[9].pose.orientation.w = kInf;
      left.joints[0].pose.position = glm::vec3(kInf, -kInf, kNaN);
    }
    if (k % 13 == 0) {  // NaN radius
      right.joints[12].radius = kNaN;
    }
    if ((k / 45) % 4 == 2) {  // half-second dropouts of the right hand: untracked, garbage poses
      right.active = false;
      for (JointPose& j : right.joints) {
        j.flags = 0;
        j.pose.position = glm::vec3(kNaN);
      }
    }
    if (k % 17 == 8) {  // a whole frame of NaN with the flags left on
      for (JointPose& j : left.joints) j.pose.position = glm::vec3(kNaN);
    }
    if (k % 19 == 1) {
      out.hasHead = true;
      out.head.position = glm::vec3(kNaN);
    }
    return true;
  }

 private:
  HandSource& inner_;
  int frame_ = 0;
};

// "nan", "-nan", "inf", "-inf", "NaN", "Infinity" as a token (not inside words like "info").
bool hasNonFinite(const std::string& text) {
  static const std::regex re(R"((^|[^A-Za-z_])-?(nan|inf|infinity)([^A-Za-z_]|$))", std::regex::icase);
  return std::regex_search(text, re);
}

TEST(NanInjectionSession, DamagedTrackingGivesFiniteReportsWithCoverage) {
  const auto dir = sessionTempDir("damaged-tracking");
  const std::string scene = writeScene(dir, "damaged.json", R"({
    "clip": ")" + assetPath("clap.mkeys") + R"(",
    "trials": 5,
    "mirror": {"stages": {"watchTrials": 1, "imagineTrials": 0, "advanceTrials": 2}}
  })");
  Result<Lesson> lesson = loadLesson(scene);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  SimulatedLearnerSource learner(SimulatedLearnerSource::improvingLearner());
  CorruptingSource source(learner);
  Result<HeadlessResult> r = runHeadlessLesson(*lesson, source, 5, (dir / "report").string());
  ASSERT_TRUE(r.ok()) << r.error().describe();

  for (const auto& entry : std::filesystem::directory_iterator(dir / "report")) {
    if (entry.path().extension() == ".mrec" || entry.path().extension() == ".png") continue;
    const std::string text = readBytes(entry.path());
    EXPECT_FALSE(hasNonFinite(text)) << entry.path().filename() << " holds a NaN or infinity";
  }
  // Each performed, scored trial reports how much was tracked, and it shows the dropouts.
  int scored = 0;
  for (const TrialRecord& t : r->trials) {
    EXPECT_TRUE(std::isfinite(t.score)) << "trial " << t.trial;
    EXPECT_TRUE(std::isfinite(t.ghostOpacity) && std::isfinite(t.tempo));
    EXPECT_FALSE(hasNonFinite(t.knowledgeOfResults));
    if (!t.scored) continue;
    ++scored;
    const nlohmann::json report = nlohmann::json::parse(t.reportJson);
    ASSERT_TRUE(report.contains("coverage") && report.contains("validity")) << t.reportJson;
    const double validity = report["validity"].get<double>();
    EXPECT_GT(validity, 0.3);
    EXPECT_LT(validity, 1.0) << "dropouts and NaN joints must lower validity";
  }
  EXPECT_GT(scored, 0);
  const FeedbackState& s = r->finalState;
  EXPECT_TRUE(std::isfinite(s.ghostOpacity) && std::isfinite(s.tempo));
  for (const std::string& line : r->feedbackLog) { EXPECT_FALSE(hasNonFinite(line)) << line; }

  // The recording keeps what was tracked and nothing non-finite that is flagged valid.
  Result<MrecFile> rec = readMrec((dir / "report" / "session.mrec").string());
  ASSERT_TRUE(rec.ok()) << rec.error().describe();
  for (const Frame& f : rec->clip.frames) {
    for (const HandPose& h : f.hands)
      for (const JointPose& j : h.joints) {
        if (j.flags != 0) { EXPECT_TRUE(isFinite(j.pose)); }
      }
    if (f.hasHead) { EXPECT_TRUE(isFinite(f.head)); }
  }
}

}  // namespace
}  // namespace mimesis
