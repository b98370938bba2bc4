// Logging levels from --verbose / --quiet change stderr only: stdout and the files written are
// the same bytes at every level. Also: a batch manifest's unclosed quote is named by file:line.
#include <gtest/gtest.h>

#include <filesystem>

#include "RunCommand.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

const std::string kMimesis = MIMESIS_BINARY;
const std::string kScene = std::string(MIMESIS_SOURCE_DIR) + "/scenes/pinch-and-release.json";
const std::string kExpert = std::string(MIMESIS_SOURCE_DIR) + "/assets/pinch-and-release.mkeys";

CommandOutput lesson(const fs::path& dir, const std::string& report, const std::string& flags) {
  return runCommand(kMimesis + " lesson " + kScene + " --simulate --trials 3 --no-html --report " +
                        (dir / report).string() + flags,
                    dir);
}

TEST(LoggingCli, VerboseAddsDiagnosticsOnStderrOnly) {
  const fs::path dir = scratchDir("logging-verbose");
  const CommandOutput normal = lesson(dir, "normal", "");
  const CommandOutput verbose = lesson(dir, "verbose", " --verbose");
  ASSERT_EQ(normal.exitCode, 0) << normal.err;
  ASSERT_EQ(verbose.exitCode, 0) << verbose.err;
  EXPECT_EQ(normal.err, "");
  EXPECT_NE(verbose.err.find("[mimesis.session debug] trial 1: stage watch"), std::string::npos) << verbose.err;
  EXPECT_NE(verbose.err.find("[mimesis.session debug] lesson 'pinch-and-release' ended after 3 trial(s)"),
            std::string::npos)
      << verbose.err;
  // stdout names the report folder; with that swapped, every byte is the same.
  std::string out = verbose.out;
  for (auto at = out.find("/verbose"); at != std::string::npos; at = out.find("/verbose")) out.replace(at, 8, "/normal");
  EXPECT_EQ(out, normal.out);
  for (const char* file : {"trials.json", "trace.json", "summary.json", "frames.csv", "feedback.jsonl"})
    EXPECT_EQ(readText(dir / "verbose" / file), readText(dir / "normal" / file)) << file;
}

TEST(LoggingCli, EverySubcommandTakesTheLevelFlags) {
  const fs::path dir = scratchDir("logging-flags");
  const std::string inspect = kMimesis + " inspect " + kExpert;
  const CommandOutput plain = runCommand(inspect, dir);
  ASSERT_EQ(plain.exitCode, 0) << plain.err;
  for (const char* flag : {" --quiet", " --verbose"}) {
    const CommandOutput r = runCommand(inspect + flag, dir);
    EXPECT_EQ(r.exitCode, 0) << flag << ": " << r.err;
    EXPECT_EQ(r.out, plain.out) << flag;
  }
  const CommandOutput help = runCommand(kMimesis + " render --help", dir);
  EXPECT_NE(help.out.find("--verbose"), std::string::npos) << help.out;
  EXPECT_NE(help.out.find("--quiet"), std::string::npos) << help.out;
}

TEST(LoggingCli, ErrorsStayOnePlainLineAtEveryLevel) {
  const fs::path dir = scratchDir("logging-errors");
  const std::string missing = (dir / "missing.mrec").string();
  const CommandOutput plain = runCommand(kMimesis + " inspect " + missing, dir);
  EXPECT_EQ(plain.exitCode, 2);
  EXPECT_EQ(plain.err.rfind("mimesis inspect: " + missing + ": cannot open file", 0), 0u) << plain.err;
  EXPECT_EQ(plain.err.find('\n'), plain.err.size() - 1) << plain.err;
  for (const char* flag : {" --quiet", " --verbose"}) {
    const CommandOutput r = runCommand(kMimesis + " inspect " + missing + flag, dir);
    EXPECT_EQ(r.exitCode, 2) << flag;
    EXPECT_EQ(r.err, plain.err) << flag;
  }
}

TEST(LoggingCli, ManifestWithAnUnclosedQuoteNamesTheLine) {
  const fs::path dir = scratchDir("logging-manifest");
  writeText(dir / "m.csv", "expert,learner\r\n" + kExpert + ",\"" + kExpert + "\r\n");
  const CommandOutput r = runCommand(kMimesis + " score --batch " + (dir / "m.csv").string() + " --out " +
                                         (dir / "out.jsonl").string(),
                                     dir);
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_EQ(r.err, "mimesis score: " + (dir / "m.csv").string() + ":2: a quoted cell is not closed\n") << r.err;
}

}  // namespace
