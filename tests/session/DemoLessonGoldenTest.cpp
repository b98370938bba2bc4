// The demo lesson (tools/demo: scenes/pinch-and-release.json with the ten shipped learner
// recordings) against the files stored in tests/session/golden/: its decision trace byte for
// byte, and the CRC-32C of the other reports, so any change in what the core (motion, scoring,
// mirror, session) decides or writes shows up here. tests/session/golden/README.md says how to
// regenerate them when a change of behaviour is intended.
#include <gtest/gtest.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>

#include "SessionTestSupport.hpp"
#include "mimesis/core/Crc32.hpp"
#include "mimesis/session/HeadlessLesson.hpp"
#include "mimesis/sim/RecordingSource.hpp"

namespace mimesis {
namespace {

using namespace mimesis::testing;

const std::filesystem::path kGolden = std::filesystem::path(MIMESIS_SOURCE_DIR) / "tests" / "session" / "golden";
// Reports compared by digest (too large to keep whole, or derived from the same decisions).
const char* kDigested[] = {"trials.json", "trials.csv", "feedback.jsonl", "frames.csv", "session.mrec"};

std::string crcHex(const std::string& bytes) {
  char hex[9];
  std::snprintf(hex, sizeof hex, "%08x", crc32c(bytes.data(), bytes.size()));
  return hex;
}

// "CRC  file" lines, as `demo-lesson.crc32c` stores them.
std::map<std::string, std::string> readDigests(const std::filesystem::path& p) {
  std::map<std::string, std::string> d;
  std::istringstream in(readBytes(p));
  std::string crc, file;
  while (in >> crc >> file) d[file] = crc;
  return d;
}

TEST(DemoLessonGolden, TraceAndReportsMatchTheStoredGolden) {
  const std::string scene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/pinch-and-release.json";
  Result<Lesson> lesson = loadLesson(scene);
  ASSERT_TRUE(lesson.ok()) << lesson.error().describe();
  std::vector<std::string> recordings;
  for (int t = 1; t <= 10; ++t) {
    char name[64];
    std::snprintf(name, sizeof name, "recordings/pinch-and-release-learner-t%02d.mrec", t);
    recordings.push_back(assetPath(name));
  }
  Result<RecordingSource> source = RecordingSource::fromFiles(recordings);
  ASSERT_TRUE(source.ok()) << source.error().describe();
  const auto dir = sessionTempDir("demo-golden");
  ReportOptions report;
  report.writeHtml = false;  // the HTML carries GPU-rendered pictures in the demo; not compared
  Result<HeadlessResult> r = runHeadlessLesson(*lesson, *source, 0, dir.string(), report);
  ASSERT_TRUE(r.ok()) << r.error().describe();
  ASSERT_EQ(r->trials.size(), 10u);

  if (const char* regen = std::getenv("MIMESIS_REGENERATE_GOLDEN"); regen != nullptr && std::string(regen) == "1") {
    std::filesystem::copy_file(dir / "trace.json", kGolden / "demo-lesson-trace.json",
                               std::filesystem::copy_options::overwrite_existing);
    std::ofstream digests(kGolden / "demo-lesson.crc32c", std::ios::binary);
    for (const char* f : kDigested) digests << crcHex(readBytes(dir / f)) << "  " << f << "\n";
    GTEST_SKIP() << "golden files regenerated in " << kGolden << "; review the diff before committing";
  }

  const std::string golden = readBytes(kGolden / "demo-lesson-trace.json");
  ASSERT_FALSE(golden.empty()) << "missing " << kGolden / "demo-lesson-trace.json";
  const std::string trace = readBytes(dir / "trace.json");
  EXPECT_TRUE(trace == golden) << "trace.json differs from " << kGolden / "demo-lesson-trace.json"
                               << " (diff it against " << dir / "trace.json"
                               << "; regenerate only for an intended change: tests/session/golden/README.md)";
  const std::map<std::string, std::string> digests = readDigests(kGolden / "demo-lesson.crc32c");
  for (const char* f : kDigested) {
    ASSERT_TRUE(digests.count(f)) << f << " has no digest in demo-lesson.crc32c";
    EXPECT_EQ(crcHex(readBytes(dir / f)), digests.at(f)) << f << " differs from the golden run";
  }
}

}  // namespace
}  // namespace mimesis
