// Base64: RFC 4648 test vectors, every byte value round trip, strict decoding.
#include "mimesis/core/Base64.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace mimesis {
namespace {

TEST(Base64, EncodesTheRfc4648Vectors) {
  const std::pair<std::string, std::string> vectors[] = {
      {"", ""}, {"f", "Zg=="}, {"fo", "Zm8="}, {"foo", "Zm9v"}, {"foob", "Zm9vYg=="}, {"fooba", "Zm9vYmE="},
      {"foobar", "Zm9vYmFy"}, {std::string("\xff\xfe\x00\x80", 4), "//4AgA=="}};
  for (const auto& [bytes, text] : vectors) EXPECT_EQ(base64Encode(bytes), text) << text;
}

TEST(Base64, EveryByteValueRoundTrips) {
  for (std::size_t length = 0; length < 260; ++length) {
    std::string bytes;
    for (std::size_t i = 0; i < length; ++i) bytes += static_cast<char>((i * 37 + length) & 0xFF);
    const std::string text = base64Encode(bytes);
    EXPECT_EQ(text.size(), (length + 2) / 3 * 4);
    const auto back = base64Decode(text);
    ASSERT_TRUE(back.has_value()) << length;
    EXPECT_EQ(*back, bytes) << length;
  }
}

TEST(Base64, DecodingRefusesWhatIsNotPaddedBase64) {
  EXPECT_EQ(base64Decode("Zm9vYmFy"), "foobar");
  EXPECT_EQ(base64Decode("Zg=="), "f");
  EXPECT_FALSE(base64Decode("Zg").has_value());        // not a multiple of 4
  EXPECT_FALSE(base64Decode("Zm9v!mFy").has_value());  // outside the alphabet
  EXPECT_FALSE(base64Decode("Zg==Zm9v").has_value());  // padding before the end
  EXPECT_FALSE(base64Decode("Z=g=").has_value());      // padding inside a group
  EXPECT_FALSE(base64Decode("Zm9v\n").has_value());
}

}  // namespace
}  // namespace mimesis
