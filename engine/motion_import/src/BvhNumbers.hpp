// Internal: number parsing for the BVH reader — the fast path for frame values ("-12.3456")
// and the exact, checked fallback through std::from_chars, with the messages for bad numbers.
#pragma once

#include <array>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <type_traits>

namespace mimesis::detail {

// Character classes for the row loop, one table load instead of a chain of comparisons.
enum : std::uint8_t { kBvhOther = 0, kBvhBlank = 1, kBvhNewline = 2 };
inline constexpr std::array<std::uint8_t, 256> kBvhCharClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (const char c : {' ', '\t', '\r', '\v', '\f'}) t[static_cast<unsigned char>(c)] = kBvhBlank;
  t[static_cast<unsigned char>('\n')] = kBvhNewline;
  return t;
}();
inline std::uint8_t bvhCharClass(char c) { return kBvhCharClass[static_cast<unsigned char>(c)]; }

// A printable excerpt of a token for messages: at most 40 bytes, control bytes as '?'.
std::string quoteToken(std::string_view s);

// Bytes that never occur in a text file; they mark binary garbage.
bool hasControlBytes(std::string_view s);

enum class NumberStatus { Ok, Bad, OutOfRange, NotFinite };

// Parses a whole token as a number (a leading '+' is allowed, as strtod allows it).
template <typename T>
NumberStatus parseNumber(std::string_view tok, T& out) {
  if (!tok.empty() && tok.front() == '+') tok.remove_prefix(1);
  if (tok.empty()) return NumberStatus::Bad;
  const auto [ptr, ec] = std::from_chars(tok.data(), tok.data() + tok.size(), out);
  if (ec == std::errc::result_out_of_range) return NumberStatus::OutOfRange;
  if (ec != std::errc() || ptr != tok.data() + tok.size()) return NumberStatus::Bad;
  if constexpr (std::is_floating_point_v<T>) {
    if (!std::isfinite(out)) return NumberStatus::NotFinite;
  }
  return NumberStatus::Ok;
}

// "<what>: bad number '<tok>'" and its variants for each NumberStatus.
std::string numberMessage(NumberStatus s, std::string_view what, std::string_view tok);

inline constexpr std::array<double, 16> kPow10 = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                  1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

inline constexpr std::uint64_t kSwarOnes = 0x0101010101010101ull;

// Digits are read eight bytes at a time (SWAR: one 64-bit word instead of a byte loop whose
// exit branch mispredicts on every number). swarLoad gives the 8 bytes at `q` (which must be
// readable) with the first in the lowest byte and digits turned into 0..9.
inline std::uint64_t swarLoad(const char* q) {
  std::uint64_t w = 0;
  std::memcpy(&w, q, 8);
  if constexpr (std::endian::native != std::endian::little) w = __builtin_bswap64(w);
  return w ^ (0x30 * kSwarOnes);
}

// The high bit of each byte of swarLoad's word that is not a digit (>= 10, computed without
// carries between bytes); zero when all eight are digits.
inline std::uint64_t swarNotDigit(std::uint64_t d) {
  return (((d & (0x7f * kSwarOnes)) + (0x76 * kSwarOnes)) | d) & (0x80 * kSwarOnes);
}

// The value of the digits (bytes 0..9) packed into the top bytes of `v`, first digit highest,
// zero bytes below them as leading zeros: pairs, quads, then octets combined by multiplication.
inline std::uint64_t swarDigitsValue(std::uint64_t v) {
  v &= 0x0f * kSwarOnes;
  v = (v * ((10ull << 8) + 1)) >> 8;  // byte k = 10 * byte k + byte k+1
  v = ((v & 0x00ff00ff00ff00ffull) * ((100ull << 16) + 1)) >> 16;
  return ((v & 0x0000ffff0000ffffull) * ((10000ull << 32) + 1)) >> 32;
}

// The common case of a frame value, "-12.3456", several times faster than from_chars: sign,
// at most 15 digits, one optional point, then whitespace or the end. The digits form an integer
// below 2^53 and 10^k (k <= 15) is exact in double, so the value is one correctly rounded
// division then a rounding to float: at most one float ulp from from_chars, and deterministic.
// (The eight-at-a-time path below multiplies by 10^-k instead: also within one float ulp.)
// Anything else (exponents, "nan", errors) returns nullptr and goes through std::from_chars.
// On success returns the first byte after the number.
const char* parseSimpleDecimalSlow(const char* q, const char* end, float& out);

inline constexpr std::array<double, 8> kPow10Inverse = {1e0, 1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7};

// The same numbers, digits read eight at a time when 17 bytes are left (sign, 7 digits, point,
// 8 bytes of fraction); everything else goes to the byte loop above.
inline const char* parseSimpleDecimal(const char* q, const char* end, float& out) {
  if (end - q < 17) [[unlikely]]
    return parseSimpleDecimalSlow(q, end, out);
  const char* const start = q;
  const bool negative = *q == '-';
  q += (*q == '-' || *q == '+') ? 1 : 0;
  const std::uint64_t wholeBytes = swarLoad(q);
  const std::uint64_t wholeNotDigit = swarNotDigit(wholeBytes);
  if (wholeNotDigit == 0) [[unlikely]]
    return parseSimpleDecimalSlow(start, end, out);
  const int whole = std::countr_zero(wholeNotDigit) / 8;
  q += whole;
  // The digits as the top bytes of a word (first digit highest, zeros below as leading zeros).
  const auto topDigits = [](std::uint64_t d, int count) { return count == 0 ? 0 : d << (8 * (8 - count)); };
  std::uint64_t mantissa = 0;
  int fraction = 0;
  if (*q == '.') {
    const std::uint64_t fractionBytes = swarLoad(++q);
    const std::uint64_t fractionNotDigit = swarNotDigit(fractionBytes);
    if (fractionNotDigit == 0) [[unlikely]]
      return parseSimpleDecimalSlow(start, end, out);
    fraction = std::countr_zero(fractionNotDigit) / 8;
    q += fraction;
    if (whole + fraction <= 8) [[likely]] {
      // Both parts in one word, whole digits above fraction digits, and one conversion for the
      // lot: "18.8972" is the integer 188972 over 10^4.
      mantissa = swarDigitsValue((topDigits(wholeBytes, whole) >> (8 * fraction)) | topDigits(fractionBytes, fraction));
    } else {
      static constexpr std::array<std::uint64_t, 8> kPow10Int = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000};
      mantissa = swarDigitsValue(topDigits(wholeBytes, whole)) * kPow10Int[static_cast<std::size_t>(fraction)] +
                 swarDigitsValue(topDigits(fractionBytes, fraction));
    }
  } else {
    mantissa = swarDigitsValue(topDigits(wholeBytes, whole));
  }
  // At most 7 + 7 digits: below 2^53, so exact in double; the product with the double nearest
  // 10^-k is within an ulp of double, far below the float rounding that follows. The sign goes
  // on as a bit: a branch on it would mispredict on every other number of a typical row.
  if (whole + fraction == 0 || (q != end && bvhCharClass(*q) == kBvhOther)) [[unlikely]]
    return nullptr;
  const auto magnitude = static_cast<float>(static_cast<double>(static_cast<std::int64_t>(mantissa)) *
                                            kPow10Inverse[static_cast<std::size_t>(fraction)]);
  out = std::bit_cast<float>(std::bit_cast<std::uint32_t>(magnitude) | (static_cast<std::uint32_t>(negative) << 31));
  return q;
}

}  // namespace mimesis::detail
