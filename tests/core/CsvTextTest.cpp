// CsvText and TextLines: what the CSV readers and writers share, cell by cell and line by line.
#include "mimesis/core/CsvText.hpp"
#include "mimesis/core/TextLines.hpp"

#include <gtest/gtest.h>

#include <utility>

namespace mimesis {
namespace {

using Cells = std::vector<std::string>;

TEST(CsvText, SplitsQuotedCellsWithCommasAndDoubledQuotes) {
  Cells cells{"stale"};
  ASSERT_TRUE(splitCsvCells("a,\"b,c\",\"say \"\"hi\"\"\",,", cells));
  EXPECT_EQ(cells, (Cells{"a", "b,c", "say \"hi\"", "", ""}));
  ASSERT_TRUE(splitCsvCells("", cells));
  EXPECT_EQ(cells, Cells{""});
  EXPECT_FALSE(splitCsvCells("a,\"open", cells));
}

TEST(CsvText, QuotesOnlyTheFieldsThatNeedIt) {
  const std::pair<std::string, std::string> fields[] = {{"plain text", "plain text"},
                                                        {"a,b", "\"a,b\""},
                                                        {"say \"hi\"", "\"say \"\"hi\"\"\""},
                                                        {"two\nlines", "\"two\nlines\""},
                                                        {"cr\r", "\"cr\r\""}};
  for (const auto& [text, cell] : fields) EXPECT_EQ(csvCell(text), cell) << text;
}

TEST(CsvText, AWrittenFieldSplitsBackToItself) {
  for (const std::string s : {"x", "a,b", "\"", "\"\"", "q\"q,", ""}) {
    Cells cells;
    ASSERT_TRUE(splitCsvCells(csvCell(s) + "," + csvCell(s), cells)) << s;
    EXPECT_EQ(cells, (Cells{s, s})) << s;
  }
}

TEST(TextLines, NumbersLinesAndDropsTheirEndings) {
  TextLines lines("first\r\n\nthird\nlast");
  std::vector<std::string> seen;
  std::vector<int> numbers;
  std::string_view line;
  while (lines.next(line)) {
    seen.emplace_back(line);
    numbers.push_back(lines.number());
  }
  EXPECT_EQ(seen, (std::vector<std::string>{"first", "", "third", "last"}));
  EXPECT_EQ(numbers, (std::vector<int>{1, 2, 3, 4}));
}

TEST(TextLines, AFinalLineBreakMakesNoEmptyLine) {
  TextLines lines("one\n");
  std::string_view line;
  ASSERT_TRUE(lines.next(line));
  EXPECT_EQ(line, "one");
  EXPECT_FALSE(lines.next(line));
  EXPECT_EQ(lines.number(), 1);
  TextLines empty("");
  EXPECT_FALSE(empty.next(line));
  EXPECT_EQ(empty.number(), 0);
}

}  // namespace
}  // namespace mimesis
