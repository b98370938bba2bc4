// Identity (issue 17): every shipped clip and recording scored against itself gives exactly 100
// with every error 0 — the expert and the learner sides are normalised alike. Runs over
// assets/*.mkeys, assets/recordings/*.mrec, the fuzz seed clips (.mkeys, .mrec, .bvh) and, when
// ../shared/data is present, the CMU BVH takes and one UI-PRMD take per movement.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "mimesis/motion_import/ClipLoader.hpp"
#include "mimesis/scoring/Scorer.hpp"
#include "SharedData.hpp"

namespace mimesis {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> filesIn(const fs::path& dir, const std::vector<std::string>& exts) {
  std::vector<std::string> out;
  if (!fs::is_directory(dir)) return out;
  for (const auto& e : fs::directory_iterator(dir)) {
    const std::string p = e.path().string();
    for (const std::string& x : exts)
      if (p.size() > x.size() && p.compare(p.size() - x.size(), x.size(), x) == 0) out.push_back(p);
  }
  std::sort(out.begin(), out.end());
  return out;
}

void expectIdentity(const ScoreReport& r, const std::string& what) {
  SCOPED_TRACE(what);
  EXPECT_EQ(r.score, 100.0);
  EXPECT_EQ(r.shapeMm, 0.0);
  EXPECT_EQ(r.postureDeg, 0.0);
  EXPECT_EQ(r.placementMm, 0.0);
  EXPECT_EQ(r.lagMs, 0.0);
  EXPECT_EQ(r.tremorMm, 0.0);
  EXPECT_EQ(r.smoothnessLoss, 0.0);
  EXPECT_EQ(r.irregularityMs, 0.0);
  EXPECT_EQ(r.coverage, 1.0);
  EXPECT_EQ(r.mapping, Mapping::Anatomical);
  for (const GroupReport& g : r.groups) {
    if (!g.scorable) continue;
    EXPECT_EQ(g.score, 100.0) << g.name;
    EXPECT_EQ(g.shapeMm, 0.0) << g.name;
    EXPECT_EQ(g.postureDeg, 0.0) << g.name;
    EXPECT_EQ(g.placementMm, 0.0) << g.name;
    EXPECT_EQ(g.lagMs, 0.0) << g.name;
    EXPECT_EQ(g.tremorMm, 0.0) << g.name;
    EXPECT_EQ(g.smoothnessLoss, 0.0) << g.name;
  }
  for (const SegmentReport& s : r.segments) {
    EXPECT_EQ(s.score, 100.0) << s.name;
    EXPECT_EQ(s.lagMs, 0.0) << s.name;
  }
}

void checkFile(const std::string& path, int& checked) {
  auto clip = loadClip(path);
  ASSERT_TRUE(clip.ok()) << clip.error().describe();
  for (Mapping m : {Mapping::Anatomical, Mapping::Auto}) {
    ScoringConfig cfg;
    cfg.mapping = m;
    auto r = scorePerformance(*clip, *clip, cfg);
    ASSERT_TRUE(r.ok()) << path << ": " << r.error().describe();
    expectIdentity(*r, path + " (" + std::string(mappingName(m)) + ")");
  }
  ++checked;
}

TEST(ScoringIdentity, EveryShippedClipAndRecordingAgainstItselfScoresExactlyHundred) {
  const fs::path src = MIMESIS_SOURCE_DIR;
  std::vector<std::string> files = filesIn(src / "assets", {".mkeys"});
  const auto recs = filesIn(src / "assets/recordings", {".mrec"});
  ASSERT_GE(files.size(), 8u);
  ASSERT_GE(recs.size(), 10u);
  files.insert(files.end(), recs.begin(), recs.end());
  for (const char* dir : {"fuzz/corpus/fuzz_mkeys", "fuzz/corpus/fuzz_mrec", "fuzz/corpus/fuzz_bvh"})
    for (const std::string& f : filesIn(src / dir, {".mkeys", ".mrec", ".bvh"}))
      if (loadClip(f).ok()) files.push_back(f);  // some seeds are deliberately torn or tiny
  int checked = 0;
  for (const std::string& f : files) checkFile(f, checked);
  EXPECT_EQ(checked, static_cast<int>(files.size()));
}

TEST(ScoringIdentity, RealMotionCaptureAgainstItselfScoresExactlyHundred) {
  MIMESIS_NEEDS_SHARED_DATA("cmu-bvh");
  MIMESIS_NEEDS_SHARED_DATA("ui-prmd");
  const fs::path data = MIMESIS_SHARED_DATA_DIR;
  int checked = 0;
  for (const std::string& f : filesIn(data / "cmu-bvh", {".bvh"})) checkFile(f, checked);
  const fs::path prmd = data / "ui-prmd/Segmented Movements/Kinect/Positions";
  for (int m = 1; m <= 10; ++m) {
    char name[64];
    std::snprintf(name, sizeof name, "m%02d_s01_e01_positions.txt.gz", m);
    if (fs::exists(prmd / name)) checkFile((prmd / name).string(), checked);
  }
  EXPECT_GT(checked, 0) << "no CMU BVH take nor UI-PRMD take found under " << data.string();
}

}  // namespace
}  // namespace mimesis
