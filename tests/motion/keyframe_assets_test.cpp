// Tests that every shipped expert clip (assets/*.mkeys) parses, authors and validates.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <map>

#include "mimesis/motion/KeyframeAuthoring.hpp"

namespace mimesis {
namespace {

std::vector<std::filesystem::path> assetClips() {
  std::vector<std::filesystem::path> out;
  for (const auto& e : std::filesystem::directory_iterator(std::filesystem::path(MIMESIS_SOURCE_DIR) / "assets"))
    if (e.path().extension() == ".mkeys") out.push_back(e.path());
  std::sort(out.begin(), out.end());
  return out;
}

TEST(KeyframeAssets, EveryShippedClipAuthorsAndValidates) {
  const auto paths = assetClips();
  ASSERT_GE(paths.size(), 6u);
  for (const auto& path : paths) {
    SCOPED_TRACE(path.string());
    const auto clip = loadKeyframeClip(path.string());
    ASSERT_TRUE(clip.ok()) << clip.error().describe();
    EXPECT_TRUE(validateClip(*clip, path.string()).ok());
    EXPECT_EQ(clip->info.name, path.stem().string());  // clip name matches its file
    EXPECT_EQ(clip->info.sourceFormat, "keyframes");
    EXPECT_EQ(clip->rate, 90.0);
    EXPECT_GE(clip->duration(), 3.0);
    EXPECT_LE(clip->duration(), 8.0);
    EXPECT_GE(clip->segments.size(), 3u);
    // Placement: wrists in front of a standing performer (head near (0, 1.6, 0)), at chest to
    // shoulder height, 0.25-0.45 m forward, each hand on its own side or near the middle.
    for (const Frame& f : clip->frames)
      for (Hand h : {Hand::Left, Hand::Right}) {
        if (!f.hand(h).active) continue;
        const glm::vec3 w = f.hand(h).wrist().position;
        EXPECT_GT(w.y, 1.0f);
        EXPECT_LT(w.y, 1.55f);
        EXPECT_LT(w.z, -0.25f);
        EXPECT_GT(w.z, -0.46f);
        EXPECT_LT(std::abs(w.x), 0.3f);
        EXPECT_GT(h == Hand::Right ? w.x : -w.x, 0.0f);
      }
  }
}

TEST(KeyframeAssets, TheRequiredActionsAreThere) {
  std::map<std::string, Clip> clips;
  for (const auto& path : assetClips()) {
    auto c = loadKeyframeClip(path.string());
    ASSERT_TRUE(c.ok()) << c.error().describe();
    clips.emplace(path.stem().string(), std::move(*c));
  }
  for (const char* name : {"pinch-and-release", "point-and-tap", "fist-pumps", "thumbs-up", "fingerspell-cab", "wave"})
    EXPECT_EQ(clips.count(name), 1u) << name;
  const ClipContents pumps = describeContents(clips.at("fist-pumps"));
  EXPECT_TRUE(pumps.left && pumps.right);
  const ClipContents pinch = describeContents(clips.at("pinch-and-release"));
  EXPECT_TRUE(pinch.right && !pinch.left);
  std::vector<std::string> letters;
  for (const Segment& s : clips.at("fingerspell-cab").segments)
    if (s.name.size() == 1) letters.push_back(s.name);
  EXPECT_EQ(letters, (std::vector<std::string>{"C", "A", "B"}));
}

}  // namespace
}  // namespace mimesis
