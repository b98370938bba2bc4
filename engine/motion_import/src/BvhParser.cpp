// The BVH parser: one pass over the text in memory, numbers by BvhNumbers.hpp's fast path with
// std::from_chars as the exact fallback, rows into the document or handed to a row sink (the
// streaming import), joint names the only strings allocated. Every refusal names its line.
#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <string>

#include "BvhNumbers.hpp"
#include "BvhRowSink.hpp"
#include "mimesis/motion_import/BvhDocument.hpp"

namespace mimesis {
namespace {

using detail::hasControlBytes, detail::NumberStatus, detail::numberMessage, detail::parseNumber;
constexpr auto quote = detail::quoteToken;

bool isBlank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f'; }
bool isSpace(char c) { return isBlank(c) || c == '\n'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && isBlank(s.front())) s.remove_prefix(1);
  while (!s.empty() && isBlank(s.back())) s.remove_suffix(1);
  return s;
}

class Parser {
 public:
  Parser(std::string_view text, const std::string& where, const BvhLimits& limits, detail::BvhRowSink* sink)
      : p_(text.data()), end_(text.data() + text.size()), where_(where), limits_(limits), sink_(sink) {}

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
  detail::BvhRowSink* sink_;     // null: rows go to doc_.values
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
  if (sink_)
    if (Status s = sink_->begin(doc_, static_cast<std::size_t>(end_ - p_)); !s) return s;
  return parseRows();
}

// The hot loop: one row per line, numbers straight from the buffer into the row's storage —
// `values`, sized once (no per-value capacity check; never beyond what the remaining text could
// hold), or the sink's buffer.
Status Parser::parseRows() {
  using detail::bvhCharClass, detail::kBvhBlank, detail::kBvhNewline, detail::kBvhOther;
  const std::size_t cols = static_cast<std::size_t>(doc_.channelCount);
  const auto frames = static_cast<std::size_t>(doc_.frameCount);
  if (!sink_) {
    // Each value takes at least two bytes (digit and separator): a file whose Frames claims more
    // values than its remaining text could hold gets storage for what it could hold, and grows
    // only if that guess is wrong (it never is for a valid file, which it would then fail anyway).
    const std::size_t fit = static_cast<std::size_t>(end_ - p_) / 2 + 1;
    doc_.values.resize(std::min(frames * cols, fit));
  }
  const char* p = p_;
  const char* const end = end_;
  std::size_t row = 0;
  float overflow = 0.0f;
  while (p != end) {
    const std::uint8_t cls = bvhCharClass(*p);
    if (cls == kBvhBlank) {
      ++p;
      continue;
    }
    if (cls == kBvhNewline) {  // the end of the previous line, or a blank line
      ++line_;
      ++p;
      continue;
    }
    if (row == frames) {
      p_ = p;
      return fail("more frame rows than the " + std::to_string(frames) + " declared by Frames");
    }
    float* out = nullptr;
    if (sink_) {
      out = sink_->row(row);
    } else {
      if ((row + 1) * cols > doc_.values.size()) doc_.values.resize((row + 1) * cols);
      out = doc_.values.data() + row * cols;
    }
    std::size_t count = 0;
    for (;;) {
      while (p != end && bvhCharClass(*p) == kBvhBlank) ++p;
      if (p == end || *p == '\n') break;
      // Values past the row's end go to a scratch slot (the row is refused afterwards): the
      // number is written in place, with no copy through a local and no branch.
      float& v = count < cols ? out[count] : overflow;
      if (const char* next = detail::parseSimpleDecimal(p, end, v)) [[likely]] {
        p = next;
      } else {
        const char* const b = p;
        while (p != end && bvhCharClass(*p) == kBvhOther) ++p;
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
      ++count;
    }
    if (count != cols) {
      p_ = p;
      return fail("frame row " + std::to_string(row + 1) + " has " + std::to_string(count) +
                  " values, expected " + std::to_string(cols));
    }
    if (sink_) sink_->rowDone(row);
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
  return Parser(text, where, limits, nullptr).run();
}

namespace detail {
Result<BvhDocument> parseBvhRows(std::string_view text, const std::string& where, const BvhLimits& limits,
                                 BvhRowSink& sink) {
  return Parser(text, where, limits, &sink).run();
}
}  // namespace detail

}  // namespace mimesis
