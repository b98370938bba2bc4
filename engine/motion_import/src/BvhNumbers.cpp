// Internal: the cold parts of BVH number parsing — messages and the byte-at-a-time decimal path.
#include "BvhNumbers.hpp"

#include <algorithm>

namespace mimesis::detail {

std::string quoteToken(std::string_view s) {
  std::string out = "'";
  for (std::size_t i = 0; i < s.size() && i < 40; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  if (s.size() > 40) out += "...";
  return out + "'";
}

bool hasControlBytes(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && bvhCharClass(ch) == kBvhOther) || c == 0x7f;
  });
}

std::string numberMessage(NumberStatus s, std::string_view what, std::string_view tok) {
  switch (s) {
    case NumberStatus::OutOfRange: return std::string(what) + ": number out of range " + quoteToken(tok);
    case NumberStatus::NotFinite: return std::string(what) + ": not a finite number " + quoteToken(tok);
    default: return std::string(what) + ": bad number " + quoteToken(tok);
  }
}

const char* parseSimpleDecimalSlow(const char* q, const char* end, float& out) {
  bool negative = false;
  if (q != end && (*q == '-' || *q == '+')) negative = *q++ == '-';
  // Integer part, then fraction: two plain digit loops, the digit count checked once at the end
  // (more than 19 digits may wrap the unsigned mantissa, but such a number is refused anyway).
  std::uint64_t mantissa = 0;
  const char* digitsStart = q;
  while (q != end && static_cast<unsigned>(*q - '0') < 10u)
    mantissa = mantissa * 10 + static_cast<unsigned>(*q++ - '0');
  std::ptrdiff_t digits = q - digitsStart;
  std::ptrdiff_t fraction = 0;
  if (q != end && *q == '.') {
    const char* fractionStart = ++q;
    while (q != end && static_cast<unsigned>(*q - '0') < 10u)
      mantissa = mantissa * 10 + static_cast<unsigned>(*q++ - '0');
    fraction = q - fractionStart;
    digits += fraction;
  }
  if (digits == 0 || digits > 15 || (q != end && bvhCharClass(*q) == kBvhOther)) return nullptr;
  const double v = static_cast<double>(mantissa) / kPow10[static_cast<std::size_t>(fraction)];
  out = static_cast<float>(negative ? -v : v);
  return q;
}

}  // namespace mimesis::detail
