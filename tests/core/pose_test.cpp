// Tests for Pose algebra and CRC-32C.
#include <gtest/gtest.h>

#include <glm/gtc/quaternion.hpp>
#include <string>
#include <vector>

#include "mimesis/core/Crc32.hpp"
#include "mimesis/core/Error.hpp"
#include "mimesis/core/Pose.hpp"

namespace mimesis {
namespace {

void expectNear(const glm::vec3& a, const glm::vec3& b, float tol = 1e-5f) {
  EXPECT_NEAR(a.x, b.x, tol);
  EXPECT_NEAR(a.y, b.y, tol);
  EXPECT_NEAR(a.z, b.z, tol);
}

TEST(Pose, ComposeAndInverse) {
  const Pose T_world_a{{1, 2, 3}, glm::angleAxis(glm::radians(90.0f), glm::vec3(0, 1, 0))};
  const Pose T_a_b{{0, 0, -1}, glm::angleAxis(glm::radians(30.0f), glm::vec3(1, 0, 0))};
  const Pose T_world_b = T_world_a * T_a_b;
  // +90° about Y maps -Z to -X.
  expectNear(T_world_b.position, {0, 2, 3});
  const Pose back = T_world_b.inverse() * T_world_b;
  expectNear(back.position, {0, 0, 0});
  EXPECT_NEAR(std::abs(back.orientation.w), 1.0f, 1e-5f);
  const glm::vec3 p{0.3f, -0.2f, 0.5f};
  expectNear(T_world_b.inverse().apply(T_world_b.apply(p)), p);
}

TEST(Pose, InterpolateTakesShortestArc) {
  const glm::quat a = glm::angleAxis(glm::radians(10.0f), glm::vec3(0, 0, 1));
  const glm::quat b = -glm::angleAxis(glm::radians(50.0f), glm::vec3(0, 0, 1));  // same rotation, negated
  const glm::quat m = slerpShortest(a, b, 0.5f);
  const float angle = glm::degrees(2.0f * std::acos(std::min(1.0f, std::abs(m.w))));
  EXPECT_NEAR(angle, 30.0f, 1e-3f);
  const Pose p = interpolate(Pose{{0, 0, 0}, a}, Pose{{2, 4, 6}, b}, 0.25f);
  expectNear(p.position, {0.5f, 1.0f, 1.5f});
}

TEST(Pose, LookRotationPointsZAlongForward) {
  const glm::quat q = lookRotation({1, 0, 0}, {0, 1, 0});
  expectNear(q * glm::vec3(0, 0, 1), {1, 0, 0});
  expectNear(q * glm::vec3(0, 1, 0), {0, 1, 0});
  // Degenerate hint still gives a proper rotation.
  const glm::quat d = lookRotation({0, 1, 0}, {0, 1, 0});
  expectNear(d * glm::vec3(0, 0, 1), {0, 1, 0});
  EXPECT_NEAR(glm::length(d), 1.0f, 1e-5f);
}

TEST(Pose, FiniteChecks) {
  Pose p;
  EXPECT_TRUE(isFinite(p));
  p.position.y = std::numeric_limits<float>::quiet_NaN();
  EXPECT_FALSE(isFinite(p));
}

TEST(Crc32c, KnownVectorsAndIncremental) {
  const std::string s = "123456789";
  EXPECT_EQ(crc32c(s.data(), s.size()), 0xE3069283u);  // the standard CRC-32C check value
  EXPECT_EQ(crc32c(nullptr, 0), 0u);
  const std::uint32_t part = crc32c(s.data(), 4);
  EXPECT_EQ(crc32c(s.data() + 4, s.size() - 4, part), 0xE3069283u);
}

// Whichever implementation runs (the SSE4.2 instruction where the CPU has it, else the table),
// it must agree with the bit-at-a-time definition at every length, alignment and running value.
TEST(Crc32c, AgreesWithBitwiseDefinition) {
  auto bitwise = [](const unsigned char* p, std::size_t n, std::uint32_t crc) {
    crc = ~crc;
    while (n--) {
      crc ^= *p++;
      for (int k = 0; k < 8; ++k) crc = (crc & 1u) ? (crc >> 1) ^ 0x82F63B78u : crc >> 1;
    }
    return ~crc;
  };
  std::vector<unsigned char> buf(300);
  std::uint32_t x = 12345;
  for (unsigned char& b : buf) b = static_cast<unsigned char>((x = x * 1103515245u + 12345u) >> 16);
  for (std::size_t off = 0; off < 9; ++off)
    for (std::size_t n = 0; n + off <= buf.size(); n += 7)
      for (std::uint32_t seed : {0u, 0xDEADBEEFu})
        ASSERT_EQ(crc32c(buf.data() + off, n, seed), bitwise(buf.data() + off, n, seed)) << off << " " << n;
}

TEST(Error, DescribeNamesThePlace) {
  const Error e = makeError(ErrorCode::BadInput, "bad number 'x'", "clip.bvh:12");
  EXPECT_EQ(e.describe(), "clip.bvh:12: bad number 'x'");
  Result<int> r = e;
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.error().code, ErrorCode::BadInput);
  Result<int> v = 7;
  ASSERT_TRUE(v.ok());
  EXPECT_EQ(*v, 7);
}

}  // namespace
}  // namespace mimesis
