// NumberText: fixed-decimal and shortest round-trip number text.
#include "mimesis/core/NumberText.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mimesis {
namespace {

int clampDigits(int digits) { return std::clamp(digits, 0, 17); }

}  // namespace

double roundedTo(double value, int digits) {
  const double scale = std::pow(10.0, clampDigits(digits));
  const double rounded = std::round(value * scale) / scale;
  return rounded == 0.0 ? 0.0 : rounded;  // -0.0 == 0.0: this drops the sign, so no "-0.000"
}

std::string roundedFixed(double value, int digits) { return printfFixed(roundedTo(value, digits), digits); }

std::string printfFixed(double value, int digits, NegativeZero negativeZero) {
  char buf[384];  // DBL_MAX with 17 decimals fits
  std::snprintf(buf, sizeof buf, "%.*f", clampDigits(digits), value);
  std::string text = buf;
  if (negativeZero == NegativeZero::Drop && text.size() > 1 && text[0] == '-' &&
      text.find_first_not_of("0.", 1) == std::string::npos)
    text.erase(0, 1);
  return text;
}

}  // namespace mimesis
