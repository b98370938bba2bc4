// End-to-end tests of the lesson's reports through the `mimesis` command: the README's main
// command on the shipped recordings, --replay giving the same files byte for byte, --batch with
// shards, and report.html opened in headless Chromium with no console error.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "CliTestSupport.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

const std::string kScene = kSource + "/scenes/pinch-and-release.json";

std::string shippedRecordings() {
  std::vector<std::string> files;
  for (const auto& e : fs::directory_iterator(kSource + "/assets/recordings"))
    if (e.path().extension() == ".mrec") files.push_back(e.path().string());
  std::sort(files.begin(), files.end());
  std::string out;
  for (const std::string& f : files) out += " '" + f + "'";
  return out;
}

// The README's main command; its report folder is reused by the Chromium check.
fs::path mainLessonReport(const fs::path& dir) {
  const CommandOutput r =
      runCommand(kMimesis + " lesson " + kScene + " --learner" + shippedRecordings() + " --report " + (dir / "lesson").string(), dir);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("report: " + (dir / "lesson").string() + "/report.html"), std::string::npos) << r.out;
  return dir / "lesson";
}

TEST(LessonReportCli, ShippedRecordingsAreSmallAndImprove) {
  std::uintmax_t bytes = 0;
  int files = 0;
  for (const auto& e : fs::directory_iterator(kSource + "/assets/recordings"))
    if (e.path().extension() == ".mrec") {
      bytes += fs::file_size(e.path());
      ++files;
    }
  EXPECT_GE(files, 3);
  EXPECT_LT(bytes, 1000000u);
  const fs::path dir = scratchDir("lesson-main");
  const fs::path report = mainLessonReport(dir);
  for (const char* f : {"report.html", "trials.csv", "frames.csv", "trials.json", "summary.json", "session.mrec"})
    EXPECT_TRUE(fs::exists(report / f)) << f;
  // The learner improves: the last performed score beats the first (trials.csv column 13).
  std::istringstream csv(readText(report / "trials.csv"));
  std::string line;
  std::vector<double> scores;
  std::getline(csv, line);
  while (std::getline(csv, line)) {
    std::vector<std::string> cells;
    std::stringstream ss(line);
    for (std::string c; std::getline(ss, c, ',');) cells.push_back(c);
    if (cells.size() > 12 && !cells[12].empty()) scores.push_back(std::stod(cells[12]));
  }
  ASSERT_GE(scores.size(), 3u);
  EXPECT_GT(scores.back(), scores.front() + 5.0);
}

TEST(LessonReportCli, ReplayReproducesTheSessionByteForByte) {
  const fs::path dir = scratchDir("lesson-replay");
  ASSERT_EQ(runCommand(kMimesis + " lesson " + kScene + " --simulate --trials 5 --dropout 0.05 --report " +
                           (dir / "live").string(), dir).exitCode, 0);
  const CommandOutput r = runCommand(kMimesis + " lesson " + kScene + " --replay " + (dir / "live" / "session.mrec").string() +
                                         " --report " + (dir / "again").string(), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  for (const char* f : {"trials.json", "trace.json", "feedback.jsonl", "summary.json", "report.html", "trials.csv",
                        "frames.csv", "session.mrec"})
    EXPECT_TRUE(readText(dir / "live" / f) == readText(dir / "again" / f)) << f;
  // A performance is not a session.
  const CommandOutput bad = runCommand(kMimesis + " lesson " + kScene + " --replay " + kSource +
                                           "/assets/recordings/pinch-and-release-learner-t01.mrec --report " +
                                           (dir / "bad").string(), dir);
  EXPECT_EQ(bad.exitCode, 2);
  EXPECT_NE(bad.err.find("trial events"), std::string::npos) << bad.err;
  const CommandOutput both = runCommand(kMimesis + " lesson " + kScene + " --simulate --replay x.mrec", dir);
  EXPECT_EQ(both.exitCode, 2);
}

TEST(LessonReportCli, BatchRunsOneLessonPerRecordingInShards) {
  const fs::path dir = scratchDir("lesson-batch");
  const fs::path in = dir / "in";
  fs::create_directories(in);
  ASSERT_EQ(runCommand(kMimesis + " lesson " + kScene + " --simulate --trials 4 --report " + (dir / "s").string(), dir).exitCode, 0);
  fs::copy_file(dir / "s" / "session.mrec", in / "a-session.mrec");
  fs::copy_file(kSource + "/assets/recordings/pinch-and-release-learner-t05.mrec", in / "b-performance.mrec");
  mimesis::testing::writeText(in / "c-broken.mrec", "not a recording");
  mimesis::testing::writeText(in / "notes.txt.md", "ignored: not a recording format");
  const CommandOutput all = runCommand(kMimesis + " lesson " + kScene + " --batch " + in.string() + " --trials 3 --out " +
                                           (dir / "all").string(), dir);
  EXPECT_EQ(all.exitCode, 2) << all.err;  // c-broken fails, is recorded, the batch goes on
  const std::string results = readText(dir / "all" / "RESULTS.jsonl");
  EXPECT_EQ(std::count(results.begin(), results.end(), '\n'), 3);
  EXPECT_NE(results.find("\"id\":\"a-session.mrec\""), std::string::npos);
  EXPECT_NE(results.find("\"source\":\"session\",\"report\""), std::string::npos);
  EXPECT_NE(results.find("\"source\":\"performance\""), std::string::npos);
  EXPECT_NE(results.find("\"error\""), std::string::npos);
  EXPECT_NE(results.find("\"trials\":4"), std::string::npos);  // the session re-run as recorded
  EXPECT_NE(results.find("\"trials\":3"), std::string::npos);  // the performance, --trials 3
  const std::string csv = readText(dir / "all" / "summary.csv");
  EXPECT_EQ(std::count(csv.begin(), csv.end(), '\n'), 4);
  EXPECT_TRUE(fs::exists(dir / "all" / "a-session.mrec" / "report.html"));
  // The session re-run in the batch matches the original run byte for byte.
  EXPECT_TRUE(readText(dir / "s" / "trials.json") == readText(dir / "all" / "a-session.mrec" / "trials.json"));

  // Shards split the rows by index and name their files apart.
  const CommandOutput s0 = runCommand(kMimesis + " lesson " + kScene + " --batch " + in.string() + " --trials 3 --out " +
                                          (dir / "sh").string() + " --shard 0/2", dir);
  const CommandOutput s1 = runCommand(kMimesis + " lesson " + kScene + " --batch " + in.string() + " --trials 3 --out " +
                                          (dir / "sh").string() + " --shard 1/2", dir);
  EXPECT_EQ(s0.exitCode, 2);  // rows 0 and 2 (c-broken)
  EXPECT_EQ(s1.exitCode, 0) << s1.err;
  const std::string r0 = readText(dir / "sh" / "RESULTS-0-of-2.jsonl"), r1 = readText(dir / "sh" / "RESULTS-1-of-2.jsonl");
  EXPECT_EQ(std::count(r0.begin(), r0.end(), '\n'), 2);
  EXPECT_EQ(std::count(r1.begin(), r1.end(), '\n'), 1);
  EXPECT_NE(r1.find("\"id\":\"b-performance.mrec\""), std::string::npos);
  EXPECT_TRUE(fs::exists(dir / "sh" / "summary-1-of-2.csv"));
  const CommandOutput badShard = runCommand(kMimesis + " lesson " + kScene + " --batch " + in.string() + " --out " +
                                                (dir / "x").string() + " --shard 2/2", dir);
  EXPECT_EQ(badShard.exitCode, 2);
  EXPECT_NE(badShard.err.find("--shard"), std::string::npos);
}

// report.html in headless Chromium (Debian package `chromium`): no console message of any kind
// (the report has no script, so any message is an error: a blocked fetch, a parse problem),
// the DOM is the report, and a screenshot is kept under the build folder and in out/.
TEST(LessonReportCli, ReportOpensInHeadlessChromiumWithoutConsoleErrors) {
  if (std::system("command -v chromium >/dev/null 2>&1") != 0) {
    const char* ci = std::getenv("CI");
    if (ci != nullptr && std::string(ci) == "true")
      FAIL() << "chromium is not installed; CI must check report.html (apt-get install chromium)";
    GTEST_SKIP() << "chromium not on PATH (apt-get install chromium); CI=true makes this a failure";
  }
  const fs::path build = fs::path(kMimesis).parent_path().parent_path().parent_path();
  const fs::path dir = build / "report-check";
  fs::remove_all(dir);
  fs::create_directories(dir);
  const fs::path report = fs::absolute(mainLessonReport(dir) / "report.html");
  const std::string flags = " --headless=new --no-sandbox --disable-gpu --no-first-run --disable-extensions "
                            "--enable-logging=stderr --v=0 --hide-scrollbars --user-data-dir=" +
                            (dir / "profile").string();
  const fs::path shot = dir / "report.png";
  const CommandOutput s = runCommand("chromium" + flags + " --window-size=1280,2000 --screenshot=" + shot.string() +
                                         " file://" + report.string(), dir);
  EXPECT_EQ(s.exitCode, 0) << s.err;
  ASSERT_TRUE(fs::exists(shot)) << s.err;
  EXPECT_GT(fs::file_size(shot), 10000u);
  const CommandOutput dom = runCommand("chromium" + flags + " --dump-dom file://" + report.string(), dir);
  EXPECT_EQ(dom.exitCode, 0) << dom.err;
  EXPECT_NE(dom.out.find("Lesson report: pinch-and-release"), std::string::npos);
  EXPECT_NE(dom.out.find("id=\"worst-moment\""), std::string::npos);
  for (const CommandOutput* run : {&s, &dom}) {
    std::istringstream lines(run->err);
    for (std::string l; std::getline(lines, l);)
      EXPECT_TRUE(l.find("CONSOLE") == std::string::npos && l.find("Uncaught") == std::string::npos &&
                  l.find("Refused to") == std::string::npos)
          << "console: " << l;
  }
  // A stable copy for people and CI artifacts (out/ is ignored by git).
  std::error_code ec;
  fs::create_directories(kSource + "/out/report-check", ec);
  fs::copy_file(shot, kSource + "/out/report-check/report.png", fs::copy_options::overwrite_existing, ec);

  // The check is not vacuous: a page with a console error is caught.
  mimesis::testing::writeText(dir / "bad.html", "<!DOCTYPE html><title>bad</title><script>console.error('boom')</script>");
  const CommandOutput bad = runCommand("chromium" + flags + " --dump-dom file://" + (dir / "bad.html").string(), dir);
  EXPECT_NE(bad.err.find("CONSOLE"), std::string::npos) << bad.err;
}

}  // namespace
