// NumberText: the one number formatter — rounding rules, negative zero, shortest round trip.
#include "mimesis/core/NumberText.hpp"

#include <gtest/gtest.h>

#include <charconv>
#include <cmath>
#include <limits>

namespace mimesis {
namespace {

TEST(NumberText, RoundedFixedRoundsHalfAwayFromZero) {
  EXPECT_EQ(roundedFixed(0.125, 2), "0.13");  // printf would give 0.12 (ties to even)
  EXPECT_EQ(roundedFixed(-0.125, 2), "-0.13");
  EXPECT_EQ(roundedFixed(2.5, 0), "3");
  EXPECT_EQ(roundedFixed(1.0, 3), "1.000");
  EXPECT_EQ(roundedFixed(123.456, 1), "123.5");
}

TEST(NumberText, RoundedFixedNeverPrintsNegativeZero) {
  EXPECT_EQ(roundedFixed(-0.0004, 3), "0.000");
  EXPECT_EQ(roundedFixed(-0.0, 1), "0.0");
  EXPECT_EQ(roundedFixed(-0.4, 0), "0");
}

TEST(NumberText, RoundedFixedLeavesNonFiniteToPrintf) {
  EXPECT_EQ(roundedFixed(std::numeric_limits<double>::quiet_NaN(), 2), "nan");
  EXPECT_EQ(roundedFixed(std::numeric_limits<double>::infinity(), 2), "inf");
}

TEST(NumberText, PrintfFixedIsPrintf) {
  EXPECT_EQ(printfFixed(0.125, 2), "0.12");
  EXPECT_EQ(printfFixed(0.375, 2), "0.38");
  EXPECT_EQ(printfFixed(1.5, 0), "2");
  EXPECT_EQ(printfFixed(-0.0001, 2), "-0.00");
  EXPECT_EQ(printfFixed(-0.0001, 2, NegativeZero::Drop), "0.00");
  EXPECT_EQ(printfFixed(-0.4, 0, NegativeZero::Drop), "0");
  EXPECT_EQ(printfFixed(-0.6, 0, NegativeZero::Drop), "-1");
  EXPECT_EQ(printfFixed(-1.25, 1, NegativeZero::Drop), "-1.2");
}

TEST(NumberText, DigitsAreClamped) {
  EXPECT_EQ(printfFixed(1.0, -3), "1");
  EXPECT_EQ(printfFixed(0.1, 40).size(), std::string("0.").size() + 17);
  EXPECT_EQ(printfFixed(1e308, 2).substr(0, 4), "1000");  // the largest doubles fit
}

TEST(NumberText, RoundedToDropsTheSignOfZero) {
  EXPECT_EQ(roundedTo(1.23456, 4), 1.2346);
  EXPECT_FALSE(std::signbit(roundedTo(-0.00001, 3)));
  EXPECT_EQ(roundedTo(-2.5, 0), -3.0);
}

TEST(NumberText, ShortestTextReadsBackToTheSameValue) {
  for (const double v : {0.1, 1.0 / 3.0, -2.5e-7, 1e21, 123456.789}) {
    const std::string s = shortestText(v);
    double back = 0.0;
    std::from_chars(s.data(), s.data() + s.size(), back);
    EXPECT_EQ(back, v) << s;
  }
  EXPECT_EQ(shortestText(0.1f), "0.1");  // a float prints as a float, not as its double expansion
  EXPECT_EQ(shortestText(0.1), "0.1");
  EXPECT_EQ(shortestText(42), "42");
  std::string out = "x=";
  appendShortest(out, 7u);
  appendShortest(out, 1.5f);
  EXPECT_EQ(out, "x=71.5");
}

}  // namespace
}  // namespace mimesis
