// The BVH parser: one pass over the text in memory, numbers by std::from_chars, joint names the
// only strings allocated. Every refusal names the line it refers to.
#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>
#include <charconv>
#include <cmath>
#include <cstring>
#include <string>
#include <type_traits>

#include "mimesis/motion_import/BvhDocument.hpp"

namespace mimesis {
namespace {

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool isSpace(char c) { return isBlank(c) || c == '\n'; }

// A printable excerpt of a token for messages: at most 40 bytes, control bytes as '?'.
std::string quote(std::string_view s) {
  std::string out = "'";
  for (std::size_t i = 0; i < s.size() && i < 40; ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    out += (c < 0x20 || c == 0x7f) ? '?' : static_cast<char>(c);
  }
  if (s.size() > 40) out += "...";
  return out + "'";
}

// Bytes that never occur in a text file; they mark binary garbage.
bool hasControlBytes(std::string_view s) {
  return std::any_of(s.begin(), s.end(), [](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    return (c < 0x20 && !isSpace(ch)) || c == 0x7f;
  });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

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

std::string numberMessage(NumberStatus s, std::string_view what, std::string_view tok) {
  switch (s) {
    case NumberStatus::OutOfRange: return std::string(what) + ": number out of range " + quote(tok);
    case NumberStatus::NotFinite: return std::string(what) + ": not a finite number " + quote(tok);
    default: return std::string(what) + ": bad number " + quote(tok);
  }
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& where, const BvhLimits& limits)
      : p_(text.data()), end_(text.data() + text.size()), where_(where), limits_(limits) {}

  Result<BvhDocument> run();

 private:
  Error fail(std::string msg, ErrorCode code = ErrorCode::BadInput) const {
    return makeError(code, std::move(msg), where_ + ":" + std::to_string(line_));
  }
  Error failAt(int line, std::string msg) const {
    return makeError(ErrorCode::BadInput, std::move(msg), where_ + ":" + std::to_string(line));
  }

  void skipSpace() {
    while (p_ != end_ && isSpace(*p_)) {
      if (*p_ == '\n') ++line_;
      ++p_;
    }
  }
  // Next whitespace-separated token; empty at the end of the text.
  std::string_view token() {
    skipSpace();
    const char* b = p_;
    while (p_ != end_ && !isSpace(*p_)) ++p_;
    return {b, static_cast<std::size_t>(p_ - b)};
  }
  // The rest of the current line (without the newline, which stays unread).
  std::string_view restOfLine() {
    const char* b = p_;
    while (p_ != end_ && *p_ != '\n') ++p_;
    return {b, static_cast<std::size_t>(p_ - b)};
  }
  // Splits `s` into whitespace-separated tokens; returns how many, storing up to N.
  template <std::size_t N>
  static int split(std::string_view s, std::array<std::string_view, N>& out) {
    int n = 0;
    std::size_t i = 0;
    while (i < s.size()) {
      while (i < s.size() && isBlank(s[i])) ++i;
      if (i == s.size()) break;
      const std::size_t b = i;
      while (i < s.size() && !isBlank(s[i])) ++i;
      if (n < static_cast<int>(N)) out[static_cast<std::size_t>(n)] = s.substr(b, i - b);
      ++n;
    }
    return n;
  }

  Error unknown(std::string_view tok) const {
    if (hasControlBytes(tok)) return fail("binary data where a BVH keyword was expected");
    return fail("unknown keyword " + quote(tok));
  }

  Status parseHierarchy();
  Status openJoint(std::string_view keyword);
  Status parseOffset(BvhJoint& j);
  Status parseChannels(BvhJoint& j);
  Status closeJoint();
  Status parseMotion();
  Status parseRows();

  const char* p_;
  const char* end_;
  std::string where_;
  BvhLimits limits_;
  int line_ = 1;
  int framesLine_ = 0;
  BvhDocument doc_;
  std::vector<int> open_;        // joints whose '{' is not yet closed
  std::vector<bool> hasOffset_;  // per joint
  std::vector<bool> hasChannels_;
  std::vector<int> endSiteOf_;   // per joint: its End Site child, or -1
};

Result<BvhDocument> Parser::run() {
  doc_.source = where_;
  if (p_ == end_) return fail("empty file");
  if (end_ - p_ >= 3 && std::memcmp(p_, "\xEF\xBB\xBF", 3) == 0) p_ += 3;  // UTF-8 BOM
  if (const void* nul = std::memchr(p_, '\0', static_cast<std::size_t>(end_ - p_))) {
    line_ = 1 + static_cast<int>(std::count(p_, static_cast<const char*>(nul), '\n'));
    return fail("binary data (a NUL byte) in a BVH text file");
  }
  // Binary files show control bytes early; a text BVH has none anywhere.
  const std::string_view head(p_, std::min<std::size_t>(4096, static_cast<std::size_t>(end_ - p_)));
  if (hasControlBytes(head)) {
    const auto at = std::find_if(head.begin(), head.end(), [](char c) { return hasControlBytes({&c, 1}); });
    line_ = 1 + static_cast<int>(std::count(head.begin(), at, '\n'));
    return fail("not a BVH text file (binary data)");
  }
  const std::string_view first = token();
  if (first.empty()) return fail("empty file");
  if (first != "HIERARCHY") {
    return fail("missing HIERARCHY: the file starts with " + quote(first));
  }
  if (Status s = parseHierarchy(); !s) return s.error();
  if (Status s = parseMotion(); !s) return s.error();
  return std::move(doc_);
}

Status Parser::parseHierarchy() {
  for (;;) {
    const std::string_view tok = token();
    if (tok.empty()) {
      if (!open_.empty())
        return fail("unbalanced braces: '" + doc_.joints[static_cast<std::size_t>(open_.back())].name +
                    "' (line " + std::to_string(doc_.joints[static_cast<std::size_t>(open_.back())].line) +
                    ") is never closed");
      return fail("missing MOTION section");
    }
    if (tok == "ROOT" || tok == "JOINT" || tok == "End") {
      if (Status s = openJoint(tok); !s) return s;
    } else if (tok == "}") {
      if (Status s = closeJoint(); !s) return s;
    } else if (tok == "OFFSET" || tok == "CHANNELS") {
      if (open_.empty()) return fail(std::string(tok) + " outside a joint");
      BvhJoint& j = doc_.joints[static_cast<std::size_t>(open_.back())];
      if (Status s = tok == "OFFSET" ? parseOffset(j) : parseChannels(j); !s) return s;
    } else if (tok == "MOTION") {
      if (!open_.empty())
        return fail("unbalanced braces: MOTION while '" +
                    doc_.joints[static_cast<std::size_t>(open_.back())].name + "' is still open");
      if (doc_.joints.empty()) return fail("HIERARCHY has no ROOT");
      return okStatus();
    } else if (tok == "HIERARCHY") {
      return fail("HIERARCHY appears twice");
    } else if (tok == "{") {
      return fail("unexpected '{' (unbalanced braces)");
    } else {
      return unknown(tok);
    }
  }
}

Status Parser::openJoint(std::string_view keyword) {
  const bool endSite = keyword == "End";
  const bool root = keyword == "ROOT";
  const int line = line_;
  std::string_view rest = trim(restOfLine());
  bool braceOnLine = false;
  if (const auto b = rest.find('{'); b != std::string_view::npos) {
    if (!trim(rest.substr(b + 1)).empty()) return fail("unexpected text after '{'");
    rest = trim(rest.substr(0, b));
    braceOnLine = true;
  }
  if (root && !open_.empty()) return fail("ROOT inside another joint (unbalanced braces)");
  if (!root && open_.empty()) return fail(std::string(endSite ? "End Site" : "JOINT") + " outside a ROOT");
  const int parent = root ? -1 : open_.back();
  if (parent >= 0 && doc_.joints[static_cast<std::size_t>(parent)].isEndSite)
    return fail("an End Site cannot have children");

  BvhJoint j;
  j.parent = parent;
  j.line = line;
  j.isEndSite = endSite;
  if (endSite) {
    if (rest != "Site") return fail("expected 'End Site', found 'End " + std::string(rest.substr(0, 40)) + "'");
    if (endSiteOf_[static_cast<std::size_t>(parent)] >= 0)
      return fail("joint '" + doc_.joints[static_cast<std::size_t>(parent)].name + "' has a second End Site");
    j.name = doc_.joints[static_cast<std::size_t>(parent)].name + "_end";
  } else {
    if (rest.empty()) return fail(std::string(keyword) + " without a name");
    if (hasControlBytes(rest)) return fail("binary data in a joint name");
    j.name = std::string(rest);
  }
  for (const BvhJoint& other : doc_.joints)
    if (other.name == j.name)
      return fail("duplicate joint name '" + j.name + "' (first at line " + std::to_string(other.line) + ")");
  if (static_cast<int>(doc_.joints.size()) >= limits_.maxJoints)
    return fail("more than " + std::to_string(limits_.maxJoints) + " joints", ErrorCode::Limit);
  if (static_cast<int>(open_.size()) >= limits_.maxDepth)
    return fail("joints nested deeper than " + std::to_string(limits_.maxDepth), ErrorCode::Limit);
  if (!braceOnLine) {
    const std::string_view brace = token();
    if (brace != "{") return fail("expected '{' after '" + j.name + "', found " + quote(brace));
  }
  const int index = static_cast<int>(doc_.joints.size());
  if (endSite) endSiteOf_[static_cast<std::size_t>(parent)] = index;
  doc_.joints.push_back(std::move(j));
  hasOffset_.push_back(false);
  hasChannels_.push_back(false);
  endSiteOf_.push_back(-1);
  open_.push_back(index);
  return okStatus();
}

Status Parser::parseOffset(BvhJoint& j) {
  const auto k = static_cast<std::size_t>(&j - doc_.joints.data());
  if (hasOffset_[k]) return fail("second OFFSET for '" + j.name + "'");
  std::array<std::string_view, 3> v{};
  const int n = split(restOfLine(), v);
  if (n != 3) return fail("OFFSET needs 3 numbers, found " + std::to_string(n));
  for (int i = 0; i < 3; ++i) {
    const NumberStatus s = parseNumber(v[static_cast<std::size_t>(i)], j.offset[i]);
    if (s != NumberStatus::Ok) return fail(numberMessage(s, "OFFSET", v[static_cast<std::size_t>(i)]));
  }
  hasOffset_[k] = true;
  return okStatus();
}

Status Parser::parseChannels(BvhJoint& j) {
  const auto k = static_cast<std::size_t>(&j - doc_.joints.data());
  if (j.isEndSite) return fail("an End Site cannot have CHANNELS");
  if (hasChannels_[k]) return fail("second CHANNELS for '" + j.name + "'");
  std::array<std::string_view, 8> v{};
  const int n = split(restOfLine(), v);
  if (n == 0) return fail("CHANNELS without a count");
  int declared = 0;
  const NumberStatus s = parseNumber(v[0], declared);
  if (s != NumberStatus::Ok) return fail(numberMessage(s, "CHANNELS count", v[0]));
  if (declared < 0 || declared > 6) return fail("CHANNELS count must be 0 to 6, got " + std::to_string(declared));
  if (n - 1 != declared)
    return fail("CHANNELS declares " + std::to_string(declared) + " channels but lists " + std::to_string(n - 1));
  static constexpr std::array<std::string_view, 6> kNames = {"Xposition", "Yposition", "Zposition",
                                                             "Xrotation", "Yrotation", "Zrotation"};
  for (int i = 0; i < declared; ++i) {
    const std::string_view name = v[static_cast<std::size_t>(i + 1)];
    const auto it = std::find(kNames.begin(), kNames.end(), name);
    if (it == kNames.end()) return fail("unknown channel " + quote(name));
    const auto c = static_cast<BvhChannel>(it - kNames.begin());
    for (int m = 0; m < i; ++m)
      if (j.channels[static_cast<std::size_t>(m)] == c) return fail("channel " + quote(name) + " listed twice");
    j.channels[static_cast<std::size_t>(i)] = c;
  }
  j.channelCount = declared;
  j.firstChannel = doc_.channelCount;
  doc_.channelCount += declared;
  hasChannels_[k] = true;
  return okStatus();
}

Status Parser::closeJoint() {
  if (open_.empty()) return fail("unbalanced braces: '}' without a matching '{'");
  const auto k = static_cast<std::size_t>(open_.back());
  const BvhJoint& j = doc_.joints[k];
  if (!hasOffset_[k]) return fail("joint '" + j.name + "' has no OFFSET");
  if (!j.isEndSite && !hasChannels_[k]) return fail("joint '" + j.name + "' has no CHANNELS");
  open_.pop_back();
  return okStatus();
}

Status Parser::parseMotion() {
  if (doc_.channelCount == 0) return fail("the hierarchy declares no channels");
  if (!trim(restOfLine()).empty()) return fail("unexpected text after MOTION");
  // "Frames: N" (also "Frames:N").
  std::string_view tok = token();
  if (tok.empty()) return fail("missing 'Frames:' after MOTION");
  if (tok.substr(0, 7) != "Frames:") return fail("expected 'Frames:', found " + quote(tok));
  tok.remove_prefix(7);
  if (tok.empty()) tok = token();
  std::int64_t frames = 0;
  if (const NumberStatus s = parseNumber(tok, frames); s != NumberStatus::Ok)
    return fail(numberMessage(s, "Frames", tok), s == NumberStatus::OutOfRange ? ErrorCode::Limit : ErrorCode::BadInput);
  if (frames < 0) return fail("Frames must not be negative, got " + std::to_string(frames));
  if (frames > limits_.maxFrames || frames * doc_.channelCount > limits_.maxValues)
    return fail("Frames " + std::to_string(frames) + " exceeds the limit of " +
                    std::to_string(std::min<std::int64_t>(limits_.maxFrames, limits_.maxValues / doc_.channelCount)),
                ErrorCode::Limit);
  framesLine_ = line_;
  // "Frame Time: t".
  tok = token();
  if (tok != "Frame") return fail("expected 'Frame Time:', found " + quote(tok));
  tok = token();
  if (tok.substr(0, 5) != "Time:") return fail("expected 'Frame Time:', found 'Frame " + std::string(tok.substr(0, 40)) + "'");
  tok.remove_prefix(5);
  if (tok.empty()) tok = token();
  double frameTime = 0.0;
  if (const NumberStatus s = parseNumber(tok, frameTime); s != NumberStatus::Ok)
    return fail(numberMessage(s, "Frame Time", tok));
  if (!(frameTime > 0.0)) return fail("Frame Time must be positive, got " + std::string(quote(tok)));
  if (!trim(restOfLine()).empty()) return fail("unexpected text after Frame Time");
  doc_.frameCount = static_cast<int>(frames);
  doc_.frameTime = frameTime;
  return parseRows();
}

// Character classes for the row loop, one table load instead of a chain of comparisons.
enum : std::uint8_t { kOther = 0, kBlank = 1, kNewline = 2 };
constexpr std::array<std::uint8_t, 256> kCharClass = [] {
  std::array<std::uint8_t, 256> t{};
  for (const char c : {' ', '\t', '\r', '\v', '\f'}) t[static_cast<unsigned char>(c)] = kBlank;
  t[static_cast<unsigned char>('\n')] = kNewline;
  return t;
}();
std::uint8_t charClass(char c) { return kCharClass[static_cast<unsigned char>(c)]; }

// Up to 7 leading decimal digits of the 8 bytes at `q` (which must be readable), read as one
// 64-bit word instead of a byte loop whose exit branch mispredicts on every number. Returns the
// digit count (8 means "8 or more": the caller takes the slow path) and their value.
struct DigitRun {
  int count;
  std::uint64_t value;
};
DigitRun readDigits8(const char* q) {
  std::uint64_t w = 0;
  std::memcpy(&w, q, 8);
  if constexpr (std::endian::native != std::endian::little) w = __builtin_bswap64(w);
  constexpr std::uint64_t kOnes = 0x0101010101010101ull;
  const std::uint64_t d = w ^ (0x30 * kOnes);  // a digit byte becomes 0..9
  // High bit of each byte set where d >= 10 (without carries between bytes): not a digit.
  const std::uint64_t notDigit = (((d & (0x7f * kOnes)) + (0x76 * kOnes)) | d) & (0x80 * kOnes);
  if (notDigit == 0) return {8, 0};
  const int count = std::countr_zero(notDigit) / 8;
  if (count == 0) return {0, 0};
  // Keep the digits, first digit in the most significant kept byte, then combine pairs,
  // quads and octets: leading zero bytes are leading zeros.
  std::uint64_t v = (d << (8 * (8 - count))) & (0x0f * kOnes);
  v = (v * ((10ull << 8) + 1)) >> 8;  // byte k = 10 * byte k + byte k+1
  v = ((v & 0x00ff00ff00ff00ffull) * ((100ull << 16) + 1)) >> 16;
  v = ((v & 0x0000ffff0000ffffull) * ((10000ull << 32) + 1)) >> 32;
  return {count, v};
}

constexpr std::array<double, 16> kPow10 = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                           1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};

// The common case of a frame value, "-12.3456", several times faster than from_chars: sign,
// at most 15 digits, one optional point, then whitespace or the end. The digits form an integer
// below 2^53 and 10^k (k <= 15) is exact in double, so the value is one correctly rounded
// division then a rounding to float: at most one float ulp from from_chars, and deterministic.
// Anything else (exponents, "nan", errors) returns nullptr and goes through std::from_chars.
// On success returns the first byte after the number.
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
  if (digits == 0 || digits > 15 || (q != end && charClass(*q) == kOther)) return nullptr;
  const double v = static_cast<double>(mantissa) / kPow10[static_cast<std::size_t>(fraction)];
  out = static_cast<float>(negative ? -v : v);
  return q;
}

// The same numbers and the same results, digits read eight at a time when 17 bytes are left
// (sign, 7 digits, point, 8 bytes of fraction); everything else goes to the byte loop above.
const char* parseSimpleDecimal(const char* q, const char* end, float& out) {
  if (end - q < 17) return parseSimpleDecimalSlow(q, end, out);
  const char* const start = q;
  const bool negative = *q == '-';
  q += (*q == '-' || *q == '+') ? 1 : 0;
  const DigitRun whole = readDigits8(q);
  if (whole.count == 8) return parseSimpleDecimalSlow(start, end, out);
  q += whole.count;
  std::uint64_t mantissa = whole.value;
  int fraction = 0;
  if (*q == '.') {
    const DigitRun part = readDigits8(++q);
    if (part.count == 8) return parseSimpleDecimalSlow(start, end, out);
    fraction = part.count;
    q += part.count;
    static constexpr std::array<std::uint64_t, 8> kPow10Int = {1, 10, 100, 1000, 10000, 100000, 1000000, 10000000};
    mantissa = mantissa * kPow10Int[static_cast<std::size_t>(fraction)] + part.value;
  }
  // At most 7 + 7 digits: below 2^53, so exact in double.
  if (whole.count + fraction == 0 || (q != end && charClass(*q) == kOther)) return nullptr;
  const double v = static_cast<double>(mantissa) / kPow10[static_cast<std::size_t>(fraction)];
  out = static_cast<float>(negative ? -v : v);
  return q;
}

// The hot loop: one row per line, numbers straight from the buffer into `values`, which is
// sized once (no per-value capacity check; never beyond what the remaining text could hold).
Status Parser::parseRows() {
  const std::size_t cols = static_cast<std::size_t>(doc_.channelCount);
  const auto frames = static_cast<std::size_t>(doc_.frameCount);
  // Each value takes at least two bytes (digit and separator): a file whose Frames claims more
  // values than its remaining text could hold gets storage for what it could hold, and grows
  // only if that guess is wrong (it never is for a valid file, which it would then fail anyway).
  const std::size_t fit = static_cast<std::size_t>(end_ - p_) / 2 + 1;
  doc_.values.resize(std::min(frames * cols, fit));
  const char* p = p_;
  const char* const end = end_;
  std::size_t row = 0;
  while (p != end) {
    const std::uint8_t cls = charClass(*p);
    if (cls == kBlank) {
      ++p;
      continue;
    }
    if (cls == kNewline) {  // the end of the previous line, or a blank line
      ++line_;
      ++p;
      continue;
    }
    if (row == frames) {
      p_ = p;
      return fail("more frame rows than the " + std::to_string(frames) + " declared by Frames");
    }
    if ((row + 1) * cols > doc_.values.size()) doc_.values.resize((row + 1) * cols);
    float* const out = doc_.values.data() + row * cols;
    std::size_t count = 0;
    for (;;) {
      while (p != end && charClass(*p) == kBlank) ++p;
      if (p == end || *p == '\n') break;
      float v = 0.0f;
      if (const char* next = parseSimpleDecimal(p, end, v)) {
        p = next;
      } else {
        const char* const b = p;
        while (p != end && charClass(*p) == kOther) ++p;
        if (count < cols) {
          const std::string_view tok(b, static_cast<std::size_t>(p - b));
          const NumberStatus s = parseNumber(tok, v);
          if (s != NumberStatus::Ok) {
            p_ = p;
            if (hasControlBytes(tok)) return fail("binary data in frame row " + std::to_string(row + 1));
            return fail(numberMessage(s, "frame row " + std::to_string(row + 1), tok));
          }
        }
      }
      if (count < cols) out[count] = v;
      ++count;
    }
    if (count != cols) {
      p_ = p;
      return fail("frame row " + std::to_string(row + 1) + " has " + std::to_string(count) +
                  " values, expected " + std::to_string(cols));
    }
    ++row;
  }
  p_ = p;
  if (row < frames)
    return failAt(framesLine_, "the file ends after " + std::to_string(row) + " frame rows, but Frames declares " +
                std::to_string(frames));
  return okStatus();
}

}  // namespace

std::string_view bvhChannelName(BvhChannel c) {
  static constexpr std::array<std::string_view, 6> k = {"Xposition", "Yposition", "Zposition",
                                                        "Xrotation", "Yrotation", "Zrotation"};
  return k[static_cast<std::size_t>(c)];
}

Result<BvhDocument> parseBvh(std::string_view text, const std::string& where, const BvhLimits& limits) {
  return Parser(text, where, limits).run();
}

}  // namespace mimesis
