// Research batches in pieces: `mimesis merge` puts score/lesson --batch shards back together
// byte for byte, and refuses pieces that are not one whole batch; failing files are error rows
// that never stop a batch; the progress line shows on a terminal only.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>

#include "CliTestSupport.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

const std::string kExpert = kSource + "/assets/pinch-and-release.mkeys";
const std::string kScene = kSource + "/scenes/pinch-and-release.json";

// Shipped recordings, then one that is missing and one that is not a recording.
fs::path writeManifest(const fs::path& dir) {
  std::string csv = "expert,learner,id\n";
  for (int k = 1; k <= 6; ++k) csv += kExpert + "," + shippedRecording(k) + ",t" + std::to_string(k) + "\n";
  csv += kExpert + ",missing.mrec,missing\n";
  writeText(dir / "garbage.mrec", "not a recording");
  csv += kExpert + "," + (dir / "garbage.mrec").string() + ",garbage\n";
  writeText(dir / "m.csv", csv);
  return dir / "m.csv";
}

std::string scoreShard(const fs::path& manifest, const fs::path& out, const std::string& shard,
                       const std::string& extra = "") {
  return kMimesis + " score --batch " + manifest.string() + " --out " + out.string() + " --shard " + shard + extra;
}

std::string merge(const fs::path& out, const std::vector<fs::path>& shards) {
  std::string cmd = kMimesis + " merge " + out.string();
  for (const fs::path& s : shards) cmd += " " + s.string();
  return cmd;
}

void replaceIn(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = readText(file);
  const auto at = text.find(from);
  ASSERT_NE(at, std::string::npos) << from << " not in " << file;
  writeText(file, text.replace(at, from.size(), to));
}

TEST(BatchMergeCli, ScoreShardsMergeIntoTheUnshardedRunsBytes) {
  const fs::path dir = scratchDir("merge-score");
  const fs::path manifest = writeManifest(dir);
  const CommandOutput whole = runCommand(kMimesis + " score --batch " + manifest.string() + " --out " +
                                             (dir / "whole.jsonl").string(), dir);
  EXPECT_EQ(whole.exitCode, 2) << whole.err;  // two rows fail, as error rows
  EXPECT_FALSE(fs::exists(dir / "whole.jsonl.shard.json"));  // the unsharded run's output is unchanged
  std::vector<fs::path> shards;
  for (int i = 0; i < 3; ++i) {
    shards.push_back(dir / ("part-" + std::to_string(i) + ".jsonl"));
    runCommand(scoreShard(manifest, shards.back(), std::to_string(i) + "/3"), dir);
    ASSERT_TRUE(fs::exists(shards.back().string() + ".shard.json"));
  }
  std::reverse(shards.begin(), shards.end());  // the order given does not matter
  const CommandOutput m = runCommand(merge(dir / "merged.jsonl", shards), dir);
  ASSERT_EQ(m.exitCode, 0) << m.err;
  EXPECT_NE(m.out.find("8 rows (2 failed)"), std::string::npos) << m.out;
  const std::string expected = readText(dir / "whole.jsonl");
  EXPECT_EQ(std::count(expected.begin(), expected.end(), '\n'), 8);
  EXPECT_TRUE(readText(dir / "merged.jsonl") == expected);
  // More shards than rows: the empty shards merge too.
  std::vector<fs::path> many;
  for (int i = 0; i < 10; ++i) {
    many.push_back(dir / ("many-" + std::to_string(i) + ".jsonl"));
    runCommand(scoreShard(manifest, many.back(), std::to_string(i) + "/10"), dir);
  }
  ASSERT_EQ(runCommand(merge(dir, many), dir).exitCode, 0);  // a folder: FOLDER/RESULTS.jsonl
  EXPECT_TRUE(readText(dir / "RESULTS.jsonl") == expected);
}

TEST(BatchMergeCli, LessonShardsMergeIntoTheUnshardedRunsBytes) {
  const fs::path dir = scratchDir("merge-lesson");
  const fs::path in = dir / "in";
  fs::create_directories(in);
  for (int k = 1; k <= 3; ++k) fs::copy_file(shippedRecording(k), in / fs::path(shippedRecording(k)).filename());
  writeText(in / "broken.mrec", "not a recording");
  const fs::path out = dir / "out";
  const std::string batch = kMimesis + " lesson " + kScene + " --batch " + in.string() + " --trials 2 --out " + out.string();
  EXPECT_EQ(runCommand(batch, dir).exitCode, 2);  // broken.mrec is an error row
  const std::string results = readText(out / "RESULTS.jsonl"), summary = readText(out / "summary.csv");
  EXPECT_EQ(std::count(results.begin(), results.end(), '\n'), 4);
  fs::remove_all(out);
  std::vector<fs::path> shards;
  for (int i = 0; i < 3; ++i) {
    runCommand(batch + " --shard " + std::to_string(i) + "/3", dir);
    shards.push_back(out / ("RESULTS-" + std::to_string(i) + "-of-3.jsonl"));
  }
  EXPECT_FALSE(fs::exists(out / "RESULTS.jsonl"));
  const CommandOutput m = runCommand(merge(out / "RESULTS.jsonl", shards), dir);
  ASSERT_EQ(m.exitCode, 0) << m.err;
  EXPECT_TRUE(readText(out / "RESULTS.jsonl") == results);
  EXPECT_TRUE(readText(out / "summary.csv") == summary);

  // A lesson shard with another scene option, or cut short in its summary, is refused.
  runCommand(kMimesis + " lesson " + kScene + " --batch " + in.string() + " --trials 3 --out " + out.string() +
                 " --shard 1/3",
             dir);
  CommandOutput opt = runCommand(merge(dir / "x.jsonl", shards), dir);
  EXPECT_EQ(opt.exitCode, 2);
  EXPECT_NE(opt.err.find(shards[1].string() + ": run with different options"), std::string::npos) << opt.err;
  EXPECT_NE(opt.err.find("--trials 3"), std::string::npos) << opt.err;
  runCommand(batch + " --shard 1/3", dir);
  ASSERT_EQ(runCommand(merge(dir / "x.jsonl", shards), dir).exitCode, 0);
  std::string csv = readText(out / "summary-1-of-3.csv");
  writeText(out / "summary-1-of-3.csv", csv.substr(0, csv.rfind('\n', csv.size() - 2) + 1));
  CommandOutput cut = runCommand(merge(dir / "x.jsonl", shards), dir);
  EXPECT_EQ(cut.exitCode, 2);
  EXPECT_NE(cut.err.find("summary-1-of-3.csv: shard 1/3 ends after"), std::string::npos) << cut.err;
}

TEST(BatchMergeCli, RefusesPiecesThatAreNotOneWholeBatch) {
  const fs::path dir = scratchDir("merge-refuse");
  const fs::path manifest = writeManifest(dir);
  std::vector<fs::path> s;
  for (int i = 0; i < 4; ++i) {
    s.push_back(dir / ("s" + std::to_string(i) + ".jsonl"));
    runCommand(scoreShard(manifest, s.back(), std::to_string(i) + "/4"), dir);
  }
  ASSERT_EQ(runCommand(merge(dir / "ok.jsonl", s), dir).exitCode, 0);
  auto refused = [&](const std::vector<fs::path>& shards, const std::string& expect) {
    const CommandOutput r = runCommand(merge(dir / "out.jsonl", shards), dir);
    EXPECT_EQ(r.exitCode, 2) << expect;
    EXPECT_NE(r.err.find(expect), std::string::npos) << r.err;
    EXPECT_FALSE(fs::exists(dir / "out.jsonl")) << expect;  // nothing half-merged is left
  };
  refused({s[0], s[1], s[3]}, "shard 2/4 missing");
  refused({s[0], s[1], s[2], s[3], s[1]}, s[1].string() + ": duplicate shard 1/4: " + s[1].string());
  fs::copy_file(s[2], dir / "copy.jsonl");
  fs::copy_file(s[2].string() + ".shard.json", dir / "copy.jsonl.shard.json");
  refused({s[0], s[1], s[2], s[3], dir / "copy.jsonl"}, "duplicate shard 2/4");

  // Other options: the same manifest at another band.
  const fs::path band = dir / "band.jsonl";
  runCommand(scoreShard(manifest, band, "2/4", " --band 0.2"), dir);
  refused({s[0], s[1], band, s[3]}, band.string() + ": run with different options: '--mapping anatomical --band 0.2'");
  // Another manifest: one row fewer.
  std::string shorter = readText(manifest);
  writeText(dir / "m2.csv", shorter.substr(0, shorter.rfind('\n', shorter.size() - 2) + 1));
  const fs::path other = dir / "other.jsonl";
  runCommand(scoreShard(dir / "m2.csv", other, "3/4"), dir);
  refused({s[0], s[1], s[2], other}, other.string() + ": from a different manifest");
  // Another N.
  const fs::path third = dir / "third.jsonl";
  runCommand(scoreShard(manifest, third, "2/3"), dir);
  refused({s[0], s[1], third, s[3]}, third.string() + ": shard 2/3, but " + s[0].string() + " is shard 0/4");
  // Not a shard at all: the unsharded run's results.
  runCommand(kMimesis + " score --batch " + manifest.string() + " --out " + (dir / "whole.jsonl").string(), dir);
  refused({s[0], dir / "whole.jsonl"}, (dir / "whole.jsonl").string() + ": not a shard of a batch");
  // A job that stopped: its stamp was never marked complete.
  replaceIn(s[1].string() + ".shard.json", "\"complete\": true", "\"complete\": false");
  refused(s, s[1].string() + ": shard 1/4 did not finish");
  replaceIn(s[1].string() + ".shard.json", "\"complete\": false", "\"complete\": true");
  // Results cut short or tampered with behind a complete stamp.
  const std::string rows = readText(s[2]);
  writeText(s[2], rows.substr(0, rows.find('\n') + 1));
  refused(s, s[2].string() + ": shard 2/4 ends after 1 of its 2 rows");
  writeText(s[2], rows.substr(0, rows.size() - 5));
  refused(s, s[2].string() + ":2: the last row is cut short");
  writeText(s[2], rows);
  replaceIn(s[2], "{\"row\":2,", "{\"row\":3,");
  refused(s, s[2].string() + ":1: row 3 where shard 2/4 has row 2");
  writeText(s[2], rows);
  // The merged file may not overwrite a shard.
  const CommandOutput self = runCommand(merge(s[0], s), dir);
  EXPECT_EQ(self.exitCode, 2);
  EXPECT_NE(self.err.find("would overwrite this shard"), std::string::npos) << self.err;
  EXPECT_EQ(readText(s[2]), rows);
  const CommandOutput usage = runCommand(kMimesis + " merge " + (dir / "out.jsonl").string(), dir);
  EXPECT_EQ(usage.exitCode, 2);  // no shards given
}

// A failing file — missing, not a recording, a bad mapping — is an error row, first or in the
// middle; the rows after it are still scored, and the exit code says rows failed.
TEST(BatchMergeCli, FailingFilesAreErrorRowsAndTheBatchGoesOn) {
  const fs::path dir = scratchDir("batch-failures");
  writeText(dir / "garbage.mrec", "not a recording");
  const std::string torn = readText(shippedRecording(1));
  writeText(dir / "torn.bvh", "HIERARCHY\nROOT hips\n{\n  OFFSET 0 0 0\n");
  writeText(dir / "m.csv", "expert,learner,mapping,id\n" + kExpert + ",missing.mrec,,missing\n" + kExpert + "," +
                               (dir / "garbage.mrec").string() + ",,garbage\n" + kExpert + "," + shippedRecording(1) +
                               ",sideways,bad-mapping\n" + kExpert + "," + (dir / "torn.bvh").string() + ",,torn\n" +
                               kExpert + "," + shippedRecording(2) + ",,good\n");
  const CommandOutput r = runCommand(kMimesis + " score --batch " + (dir / "m.csv").string() + " --out " +
                                         (dir / "r.jsonl").string(), dir);
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.out.find("1 rows scored, 4 failed"), std::string::npos) << r.out;
  const std::string results = readText(dir / "r.jsonl");
  EXPECT_EQ(std::count(results.begin(), results.end(), '\n'), 5);
  for (const char* id : {"missing", "garbage", "bad-mapping", "torn"})
    EXPECT_NE(results.find(std::string("\"id\":\"") + id + "\",\"expert\""), std::string::npos) << id;
  EXPECT_NE(results.find("\"row\":4,\"id\":\"good\""), std::string::npos);
  EXPECT_NE(results.substr(results.find("\"id\":\"good\"")).find("\"report\":"), std::string::npos);
  std::size_t errors = 0;
  for (std::size_t at = results.find("\"error\":"); at != std::string::npos; at = results.find("\"error\":", at + 1)) ++errors;
  EXPECT_EQ(errors, 4u);

  // Lesson batches likewise: the broken recordings sort first.
  const fs::path in = dir / "in";
  fs::create_directories(in);
  writeText(in / "a-garbage.mrec", "not a recording");
  writeText(in / "b-torn.mrec", torn.substr(0, torn.size() / 3));  // a recording cut off mid-file
  fs::copy_file(shippedRecording(2), in / "c-good.mrec");
  const CommandOutput l = runCommand(kMimesis + " lesson " + kScene + " --batch " + in.string() + " --trials 2 --out " +
                                         (dir / "lesson").string(), dir);
  EXPECT_EQ(l.exitCode, 2) << l.err;
  const std::string lr = readText(dir / "lesson" / "RESULTS.jsonl");
  EXPECT_EQ(std::count(lr.begin(), lr.end(), '\n'), 3);
  EXPECT_NE(lr.find("\"id\":\"a-garbage.mrec\",\"recording\""), std::string::npos);
  EXPECT_NE(lr.find("\"id\":\"c-good.mrec\""), std::string::npos);
  EXPECT_NE(lr.substr(lr.find("\"id\":\"c-good.mrec\"")).find("\"lessonComplete\""), std::string::npos) << lr;
  EXPECT_TRUE(fs::exists(dir / "lesson" / "c-good.mrec" / "trials.json"));
}

// Progress (files done / total, rate, ETA) on a terminal; nothing with --quiet or in a log.
// `script` (util-linux, in every Debian) gives the command a pseudo-terminal.
TEST(BatchMergeCli, ProgressShowsOnATerminalOnly) {
  const fs::path dir = scratchDir("batch-progress");
  const fs::path manifest = writeManifest(dir);
  const std::string batch = kMimesis + " score --batch " + manifest.string() + " --out " + (dir / "r.jsonl").string();
  const CommandOutput tty = runCommand("script -qefc '" + batch + "' /dev/null", dir);
  EXPECT_EQ(tty.exitCode, 2) << tty.out;  // the exit code passes through; two rows fail
  EXPECT_NE(tty.out.find("\r0/8 files   0%"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("\r8/8 files 100%"), std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("ETA 0:00"), std::string::npos) << tty.out;
  EXPECT_TRUE(tty.out.find(" files/s") != std::string::npos || tty.out.find(" s/file") != std::string::npos) << tty.out;
  EXPECT_NE(tty.out.find("2 failed"), std::string::npos) << tty.out;
  const CommandOutput quiet = runCommand("script -qefc '" + batch + " --quiet' /dev/null", dir);
  EXPECT_EQ(quiet.out.find(" files"), std::string::npos) << quiet.out;
  EXPECT_EQ(quiet.out.find('\r'), quiet.out.find("\r\n")) << quiet.out;  // only the terminal's line ends
  const CommandOutput log = runCommand(batch, dir);
  EXPECT_EQ(log.err.find(" files"), std::string::npos) << log.err;
  EXPECT_EQ(log.err.find('\r'), std::string::npos) << log.err;

  const std::string lesson = kMimesis + " lesson " + kScene + " --batch " + kSource + "/assets/recordings --trials 2 --out " +
                             (dir / "lesson").string() + " --shard 0/5";
  const CommandOutput ltty = runCommand("script -qefc '" + lesson + "' /dev/null", dir);
  EXPECT_EQ(ltty.exitCode, 0) << ltty.out;
  EXPECT_NE(ltty.out.find("\r2/2 files 100%"), std::string::npos) << ltty.out;
  const CommandOutput lquiet = runCommand("script -qefc '" + lesson + " --quiet' /dev/null", dir);
  EXPECT_EQ(lquiet.out.find(" files"), std::string::npos) << lquiet.out;
}

}  // namespace
