// Resource limit of lesson scenes (issue 9): a scene file over 1 MiB is refused, naming the file,
// without being parsed (a hostile JSON of deeply nested arrays could otherwise cost a lot).
#include <gtest/gtest.h>

#include <string>

#include "SessionTestSupport.hpp"
#include "mimesis/session/Lesson.hpp"

namespace mimesis {
namespace {

TEST(SceneSizeLimit, OverOneMebibyteIsRefused) {
  const auto dir = testing::sessionTempDir("scene-limit");
  std::string big = R"({"clip": "thumbs-up.mkeys", "description": ")";
  big += std::string((1u << 20) + 16, 'x');
  big += "\"}";
  const std::string path = testing::writeScene(dir, "big.json", big);
  Result<Lesson> l = loadLesson(path);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.error().describe().find(path), std::string::npos) << l.error().describe();
  EXPECT_NE(l.error().code, ErrorCode::Internal);
}

TEST(SceneSizeLimit, DeepNestingIsAnErrorNotACrash) {
  const auto dir = testing::sessionTempDir("scene-nesting");
  // 100,000 nested arrays: within 1 MiB; a recursive parser must not overflow the stack.
  const std::string deep = R"({"clip": "thumbs-up.mkeys", "mirror": )" + std::string(100000, '[') +
                           std::string(100000, ']') + "}";
  const std::string path = testing::writeScene(dir, "deep.json", deep);
  Result<Lesson> l = loadLesson(path);
  ASSERT_FALSE(l.ok());
  EXPECT_NE(l.error().describe().find("deep.json"), std::string::npos) << l.error().describe();
}

}  // namespace
}  // namespace mimesis
