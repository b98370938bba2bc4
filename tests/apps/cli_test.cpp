// End-to-end tests of `mimesis inspect|convert|simulate`, including a catalogue of bad inputs:
// each must exit with code 2 and a message naming the file (and line or key where there is one).
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <vector>

#include "CliTestSupport.hpp"
#include "SharedData.hpp"

namespace fs = std::filesystem;
using namespace mimesis::testing;

namespace {

std::vector<fs::path> shippedClips() {
  std::vector<fs::path> clips;
  for (const auto& e : fs::directory_iterator(fs::path(MIMESIS_SOURCE_DIR) / "assets"))
    if (e.path().extension() == ".mkeys") clips.push_back(e.path());
  std::sort(clips.begin(), clips.end());
  return clips;
}

std::size_t countLines(const std::string& s) { return static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')); }

// Extracts the integer after "frames" in inspect's output.
long framesOf(const std::string& inspectOutput) {
  const auto pos = inspectOutput.find("frames ");
  if (pos == std::string::npos) return -1;
  return std::stol(inspectOutput.substr(inspectOutput.find_first_not_of(' ', pos + 6)));
}

TEST(Cli, HelpOnEveryCommand) {
  const fs::path dir = scratchDir("help");
  CommandOutput r = runCommand(kMimesis + " --help", dir);
  EXPECT_EQ(r.exitCode, 0);
  for (const char* sub : {"inspect", "convert", "simulate"}) {
    EXPECT_NE(r.out.find(sub), std::string::npos) << sub;
    CommandOutput s = runCommand(kMimesis + " " + sub + " --help", dir);
    EXPECT_EQ(s.exitCode, 0) << sub;
    EXPECT_NE(s.out.find("Usage"), std::string::npos) << sub << s.out;
  }
}

TEST(Cli, ShipsAtLeastSixClipsThatInspect) {
  const auto clips = shippedClips();
  ASSERT_GE(clips.size(), 6u);
  const fs::path dir = scratchDir("inspect-assets");
  for (const auto& clip : clips) {
    CommandOutput r = runCommand(kMimesis + " inspect '" + clip.string() + "'", dir);
    EXPECT_EQ(r.exitCode, 0) << clip << r.err;
    EXPECT_GT(framesOf(r.out), 0) << r.out;
    EXPECT_NE(r.out.find("segments"), std::string::npos);
  }
}

TEST(Cli, ConvertRoundTripsThroughMrecCsvAndJsonLines) {
  const fs::path dir = scratchDir("convert");
  const fs::path clip = shippedClips().front();
  CommandOutput a = runCommand(kMimesis + " inspect '" + clip.string() + "'", dir);
  ASSERT_EQ(a.exitCode, 0) << a.err;
  const long frames = framesOf(a.out);
  ASSERT_EQ(runCommand(kMimesis + " convert '" + clip.string() + "' " + (dir / "c.mrec").string(), dir).exitCode, 0);
  CommandOutput b = runCommand(kMimesis + " inspect " + (dir / "c.mrec").string(), dir);
  ASSERT_EQ(b.exitCode, 0) << b.err;
  EXPECT_EQ(framesOf(b.out), frames);
  EXPECT_NE(b.out.find("integrity    complete"), std::string::npos) << b.out;
  ASSERT_EQ(runCommand(kMimesis + " convert " + (dir / "c.mrec").string() + " " + (dir / "c.csv").string(), dir).exitCode, 0);
  EXPECT_EQ(countLines(readText(dir / "c.csv")), static_cast<std::size_t>(frames) + 1);  // header + rows
  ASSERT_EQ(runCommand(kMimesis + " convert " + (dir / "c.mrec").string() + " " + (dir / "c.jsonl").string(), dir).exitCode, 0);
  EXPECT_EQ(countLines(readText(dir / "c.jsonl")), static_cast<std::size_t>(frames) + 1);  // header + frames
}

TEST(Cli, SimulateIsDeterministicPerSeed) {
  const fs::path dir = scratchDir("simulate");
  const std::string expert = "'" + shippedClips().front().string() + "'";
  const std::string base = kMimesis + " simulate --expert " + expert + " --lag-ms 120 --gain 0.8 --noise-mm 3 --dropout 0.05";
  ASSERT_EQ(runCommand(base + " --seed 7 --out " + (dir / "a.mrec").string(), dir).exitCode, 0);
  ASSERT_EQ(runCommand(base + " --seed 7 --out " + (dir / "b.mrec").string(), dir).exitCode, 0);
  ASSERT_EQ(runCommand(base + " --seed 8 --out " + (dir / "c.mrec").string(), dir).exitCode, 0);
  EXPECT_EQ(readText(dir / "a.mrec"), readText(dir / "b.mrec"));
  EXPECT_NE(readText(dir / "a.mrec"), readText(dir / "c.mrec"));
  CommandOutput t = runCommand(kMimesis + " simulate --expert " + expert + " --trials 3 --learning-rate 0.5 --out " +
                                   (dir / "learner.mrec").string(), dir);
  ASSERT_EQ(t.exitCode, 0) << t.err;
  for (const char* name : {"learner-t01.mrec", "learner-t02.mrec", "learner-t03.mrec"})
    EXPECT_TRUE(fs::exists(dir / name)) << name;
}

TEST(Cli, InspectsTheRealCmuBvh) {
  const fs::path bvh = fs::path(MIMESIS_SHARED_DATA_DIR) / "cmu-bvh" / "01_01.bvh";
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh/01_01.bvh");
  const fs::path dir = scratchDir("cmu");
  CommandOutput r = runCommand(kMimesis + " inspect " + bvh.string(), dir);
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(framesOf(r.out), 2752);
  EXPECT_NE(r.out.find("rig map      cmu"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("filled"), std::string::npos);
}

TEST(Cli, TornRecordingIsRecoveredAndSaysSo) {
  const fs::path dir = scratchDir("torn");
  const std::string expert = "'" + shippedClips().front().string() + "'";
  ASSERT_EQ(runCommand(kMimesis + " convert " + expert + " " + (dir / "r.mrec").string(), dir).exitCode, 0);
  const std::string bytes = readText(dir / "r.mrec");
  writeText(dir / "torn.mrec", bytes.substr(0, bytes.size() - 37));
  CommandOutput r = runCommand(kMimesis + " inspect " + (dir / "torn.mrec").string(), dir);
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("torn"), std::string::npos) << r.out;
}

// One malformed input: what to write, the command, and text the error must contain.
struct BadCase {
  std::string name;
  std::string file;      // file name written in the scratch dir ("" for none)
  std::string contents;
  std::string args;      // {} is replaced by the file's path
  std::vector<std::string> expected;  // substrings of stderr
};

// Short names in test listings instead of gtest's byte dump of the parameter.
void PrintTo(const BadCase& c, std::ostream* os) { *os << c.name; }

class CliBadInput : public ::testing::TestWithParam<BadCase> {};

TEST_P(CliBadInput, ExitsTwoWithASpecificMessage) {
  const BadCase& c = GetParam();
  const fs::path dir = scratchDir("bad-" + c.name);
  std::string args = c.args;
  if (!c.file.empty()) {
    writeText(dir / c.file, c.contents);
    for (std::size_t p; (p = args.find("{}")) != std::string::npos;) args.replace(p, 2, (dir / c.file).string());
  }
  CommandOutput r = runCommand(kMimesis + " " + args, dir);
  EXPECT_EQ(r.exitCode, 2) << r.err << r.out;
  for (const std::string& e : c.expected) EXPECT_NE(r.err.find(e), std::string::npos) << "missing '" << e << "' in: " << r.err;
}

const std::string kBvhHead = "HIERARCHY\nROOT Hips\n{\n  OFFSET 0 0 0\n  CHANNELS 6 Xposition Yposition Zposition Zrotation Yrotation Xrotation\n  End Site\n  {\n    OFFSET 0 1 0\n  }\n}\n";

INSTANTIATE_TEST_SUITE_P(
    Catalogue, CliBadInput,
    ::testing::Values(
        BadCase{"missing-file", "", "", "inspect /nonexistent/clip.bvh", {"/nonexistent/clip.bvh"}},
        BadCase{"unknown-extension", "clip.xyz", "hello", "inspect {}", {"clip.xyz", ".bvh"}},
        BadCase{"empty-bvh", "empty.bvh", "", "inspect {}", {"empty.bvh"}},
        BadCase{"bvh-bad-number", "num.bvh", kBvhHead + "MOTION\nFrames: 1\nFrame Time: 0.01\n0 0 zz 0 0 0\n",
                "inspect {}", {"num.bvh:14"}},
        BadCase{"bvh-short-row", "row.bvh", kBvhHead + "MOTION\nFrames: 2\nFrame Time: 0.01\n0 0 0 0 0 0\n0 0 0\n",
                "inspect {}", {"row.bvh:15"}},
        BadCase{"bvh-absurd-frames", "huge.bvh", kBvhHead + "MOTION\nFrames: 1000000000\nFrame Time: 0.01\n0 0 0 0 0 0\n",
                "convert {} out.mrec", {"huge.bvh"}},
        BadCase{"mkeys-unknown-directive", "k.mkeys", "bogus 1 2 3\n", "inspect {}", {"k.mkeys:1"}},
        BadCase{"mrec-bad-magic", "bad.mrec", "NOT A RECORDING AT ALL, JUST TEXT", "inspect {}", {"bad.mrec"}},
        BadCase{"gltf-garbage", "bad.glb", "glTF\x02\x00\x00\x00garbage", "inspect {}", {"bad.glb"}},
        BadCase{"csv-bad-columns", "table.csv", "1,2,3\n1,2\n", "inspect {}", {"table.csv:2"}},
        BadCase{"convert-unknown-output", "", "", "convert " MIMESIS_SOURCE_DIR "/assets/wave.mkeys out.txt", {"out.txt"}},
        BadCase{"simulate-bad-gain", "", "", "simulate --expert x.mkeys --out y.mrec --gain -1", {"gain"}},
        BadCase{"simulate-bad-mapping", "", "", "simulate --expert x.mkeys --out y.mrec --mapping sideways", {"mapping"}},
        BadCase{"simulate-missing-expert", "", "", "simulate --out y.mrec", {"expert"}},
        BadCase{"unknown-subcommand", "", "", "dance", {"dance"}},
        BadCase{"inspect-no-file", "", "", "inspect", {"FILE"}}),
    [](const ::testing::TestParamInfo<BadCase>& i) {
      std::string n = i.param.name;
      std::replace(n.begin(), n.end(), '-', '_');
      return n;
    });

}  // namespace
