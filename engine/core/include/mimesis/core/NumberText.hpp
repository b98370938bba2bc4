// NumberText: the one way numbers become text in reports, traces, tables and files.
//
// Modules that build a message with fmt may write `{:.3f}` inside it: fmt's fixed format is
// printf's, byte for byte, so it is printfFixed. A number that stands alone uses these functions.
#pragma once

#include <charconv>
#include <string>
#include <type_traits>

namespace mimesis {

// `value` rounded half away from zero to `digits` decimals (0..17) as a double, -0 made 0: what
// JSON writers store, so that nlohmann's shortest form prints at most `digits` decimals.
double roundedTo(double value, int digits);

// `value` with exactly `digits` decimals (0..17), rounded half away from zero at that digit
// (0.125 -> "0.13") and never "-0.00": what reports, charts and the decision trace print, so
// that one number reads the same in every file. Non-finite values print as printf prints them
// ("nan", "inf"); callers that must not show them decide what to print instead.
std::string roundedFixed(double value, int digits);

// Whether printfFixed keeps the minus sign of a value that prints as zero ("-0.0").
enum class NegativeZero { Keep, Drop };

// Exactly printf's "%.*f": the binary value rounded to `digits` decimals (0..17), ties to even
// (0.125 -> "0.12"). For tables, messages and times whose text was always printf's.
std::string printfFixed(double value, int digits, NegativeZero negativeZero = NegativeZero::Keep);

// The shortest text that reads back to the same value (std::to_chars without precision):
// what the clip and learner files write, so a round trip loses nothing.
// Integers print as their digits.
template <typename T>
  requires std::is_arithmetic_v<T> && (!std::is_same_v<T, bool>)
void appendShortest(std::string& out, T value) {
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value);
  out.append(buf, res.ptr);
}

template <typename T>
  requires std::is_arithmetic_v<T> && (!std::is_same_v<T, bool>)
std::string shortestText(T value) {
  std::string out;
  appendShortest(out, value);
  return out;
}

}  // namespace mimesis
