// Small truths in the lesson reports (issue 16, item 8): trial numbers agree across
// trials.json, trials.csv, trace.json and report.html and start at 1; the worst moment names
// the stage its trial was really performed in (it said "solo" whatever the stage).
#include <gtest/gtest.h>

#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "SessionTestSupport.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/session/HtmlReport.hpp"
#include "mimesis/sim/SimulatedLearnerSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

struct LessonRun {
  HeadlessResult result;
  std::filesystem::path dir;
};

LessonRun runFiveTrials(const std::string& name) {
  LessonRun r;
  r.dir = sessionTempDir(name);
  const std::string path = writeScene(r.dir, "scene.json", R"({"clip": ")" + assetPath("thumbs-up.mkeys") +
                                                               R"(", "mirror": {"stages": {"watchTrials": 1, "imagineTrials": 0}}})");
  Result<Lesson> lesson = loadLesson(path);
  EXPECT_TRUE(lesson.ok()) << (lesson.ok() ? "" : lesson.error().describe());
  if (!lesson) return r;
  SimulatedLearnerSource source(SimulatedLearnerSource::improvingLearner());
  Result<HeadlessResult> res = runHeadlessLesson(*lesson, source, 5, (r.dir / "report").string());
  EXPECT_TRUE(res.ok()) << (res.ok() ? "" : res.error().describe());
  if (res) r.result = *res;
  return r;
}

TEST(ReportTruths, TrialNumbersAgreeEverywhereAndStartAtOne) {
  const LessonRun run = runFiveTrials("report-trial-numbers");
  ASSERT_EQ(run.result.trials.size(), 5u);
  const auto trials = nlohmann::json::parse(readBytes(run.dir / "report" / "trials.json"));
  std::vector<int> fromJson;
  for (const auto& t : trials) fromJson.push_back(t["trial"].get<int>());
  EXPECT_EQ(fromJson, (std::vector<int>{1, 2, 3, 4, 5}));

  std::istringstream csv(readBytes(run.dir / "report" / "trials.csv"));
  std::string line;
  std::getline(csv, line);  // header
  std::vector<int> fromCsv;
  while (std::getline(csv, line)) fromCsv.push_back(std::stoi(line.substr(0, line.find(','))));
  EXPECT_EQ(fromCsv, fromJson);

  // The trace numbers each knowledge-of-results decision as its own words do ("Trial 3: ...").
  const auto trace = nlohmann::json::parse(readBytes(run.dir / "report" / "trace.json"));
  std::set<int> traceTrials;
  for (const auto& d : trace) {
    const int trial = d["trial"].get<int>();
    EXPECT_GE(trial, 1);
    EXPECT_LE(trial, 5);
    traceTrials.insert(trial);
    if (d["kind"] == "knowledge-of-results") {
      EXPECT_EQ(d["subject"].get<std::string>(), "trial " + std::to_string(trial));
      EXPECT_EQ(trials[static_cast<std::size_t>(trial - 1)]["knowledgeOfResults"].get<std::string>().rfind(
                    "Trial " + std::to_string(trial) + ":", 0),
                0u);
    }
  }
  EXPECT_GE(traceTrials.size(), 2u);
}

TEST(ReportTruths, WorstMomentNamesTheStageOfItsTrial) {
  const LessonRun run = runFiveTrials("report-worst-stage");
  const std::optional<WorstMoment> w = findWorstMoment(run.result);
  ASSERT_TRUE(w.has_value());
  const Stage stage = run.result.trials[static_cast<std::size_t>(w->trial)].stage;
  EXPECT_EQ(w->stage, stage);
  EXPECT_NE(stage, Stage::Solo) << "five trials of this scene never reach solo: the test needs another stage";
  const std::string html = readBytes(run.dir / "report" / "report.html");
  EXPECT_NE(html.find("trial " + std::to_string(w->trial + 1) + " (" + std::string(stageName(stage)) + " stage, score"),
            std::string::npos);
}

}  // namespace
}  // namespace mimesis

namespace mimesis {
namespace {

// A group score the scorer could not measure (null) is shown as not measured, never as 0.
TEST(ReportTruths, UnmeasuredGroupScoreIsNotMeasuredNotZero) {
  const auto dir = sessionTempDir("report-not-measured");
  Result<Lesson> lesson = loadLesson(writeScene(dir, "scene.json", R"({"clip": ")" + assetPath("thumbs-up.mkeys") + R"("})"));
  ASSERT_TRUE(lesson.ok());
  HeadlessResult r;
  TrialRecord t;
  t.stage = Stage::Guided;
  t.performed = true;
  t.scored = true;
  t.score = 50.0;
  t.frames = 10;
  t.reportJson = R"({"score":50,"grade":"OK","lag_ms":0,"segments":[
      {"name":"early","score":50,"groups":[{"name":"right/index","scorable":true,"score":null},
                                          {"name":"right/thumb","scorable":true,"score":80}]},
      {"name":"late","score":60,"groups":[{"name":"right/index","scorable":true,"score":60},
                                         {"name":"right/thumb","scorable":true,"score":70}]}]})";
  r.trials.push_back(t);
  r.worstMomentTimes.push_back(-1.0);
  const std::string html = buildHtmlReport(*lesson, r, ReportOptions{});
  const auto row = html.find("<tr><th scope=\"row\">early</th>");
  ASSERT_NE(row, std::string::npos);
  const std::string early = html.substr(row, html.find("</tr>", row) - row);
  // Columns in order of first appearance: the thumb (measured first), then the index.
  EXPECT_EQ(early, "<tr><th scope=\"row\">early</th><td>80.0</td><td>\u2013</td>") << early;
  EXPECT_NE(html.find("not measured"), std::string::npos);
}

}  // namespace
}  // namespace mimesis
