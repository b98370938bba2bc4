// JsonText: string literals for the line-by-line JSON writers read back as the same strings.
#include "mimesis/core/JsonText.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

namespace mimesis {
namespace {

TEST(JsonText, EscapesQuotesBackslashesAndControlCharacters) {
  EXPECT_EQ(jsonQuoted(""), "\"\"");
  EXPECT_EQ(jsonQuoted("a \"b\" c\\d"), "\"a \\\"b\\\" c\\\\d\"");
  EXPECT_EQ(jsonQuoted("line\nnext\ttab\rret"), "\"line\\nnext\\ttab\\rret\"");
  EXPECT_EQ(jsonQuoted(std::string("\x01\x1f", 2)), "\"\\u0001\\u001f\"");
  EXPECT_EQ(jsonQuoted("caf\xc3\xa9 \xe2\x86\x92"), "\"caf\xc3\xa9 \xe2\x86\x92\"");  // UTF-8 stays as is
}

TEST(JsonText, ResultIsAlwaysValidJson) {
  const std::string tricky = std::string("path/with \"quotes\"\x02 and \xff broken UTF-8");
  const nlohmann::json back = nlohmann::json::parse(jsonQuoted(tricky));
  ASSERT_TRUE(back.is_string());
  EXPECT_NE(back.get<std::string>().find("\xef\xbf\xbd"), std::string::npos);  // U+FFFD for the stray byte
  EXPECT_EQ(nlohmann::json::parse(jsonQuoted("a\\b\n\"c\"")).get<std::string>(), "a\\b\n\"c\"");
}

}  // namespace
}  // namespace mimesis
