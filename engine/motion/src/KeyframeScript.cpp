// The `.mkeys` parser: one directive per line, checked as it is read so every error has a line.
#include "mimesis/motion/KeyframeScript.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>

#include "mimesis/core/NumberText.hpp"
#include "mimesis/core/TextLines.hpp"
#include "mimesis/motion/HandShapePresets.hpp"

namespace mimesis {
namespace {

constexpr std::size_t kMaxLineLength = 1024;
constexpr float kMaxWristMetres = 3.0f;
constexpr float kMaxAngleDeg = 720.0f;
constexpr float kMinSpreadDeg = -30.0f, kMaxSpreadDeg = 60.0f;

// Where a first key of a hand starts from: relaxed, palm down, in front of the chest.
HandKey defaultKey(Hand h) {
  HandKey k;
  k.wristPosition = {h == Hand::Right ? 0.18f : -0.18f, 1.25f, -0.38f};
  k.shape = *handShapePreset("relaxed");
  return k;
}

std::string fmt(double v) { return shortestText(v); }

// Built by appending rather than `"'" + std::string(s) + "'"`: GCC 12 at -O2 reports a false
// -Wrestrict overlap in the operator+ form (a known libstdc++/GCC 12 issue).
std::string quoted(std::string_view s) {
  std::string out;
  out.reserve(s.size() + 2);
  out.push_back('\'');
  out.append(s);
  out.push_back('\'');
  return out;
}

// Splits a line (comment already removed) at blanks.
std::vector<std::string_view> tokenize(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t i = 0;
  while (i < s.size()) {
    while (i < s.size() && (s[i] == ' ' || s[i] == '\t')) ++i;
    const std::size_t b = i;
    while (i < s.size() && s[i] != ' ' && s[i] != '\t') ++i;
    if (i > b) out.push_back(s.substr(b, i - b));
  }
  return out;
}

// Text from token `k` to the end of the line, trimmed.
std::string restOfLine(const std::vector<std::string_view>& tok, std::size_t k) {
  if (k >= tok.size()) return {};
  const char* b = tok[k].data();
  const char* e = tok.back().data() + tok.back().size();
  return std::string(b, static_cast<std::size_t>(e - b));
}

bool isBodyDirective(std::string_view d) {
  return d == "wrist" || d == "orient" || d == "shape" || d == "curl" || d == "spread";
}

class KeyframeParser {
 public:
  KeyframeParser(std::string_view text, const std::string& where) : text_(text) {
    s_.where = where;
  }

  Result<KeyframeScript> run() {
    TextLines lines(text_);
    std::string_view raw;
    while (lines.next(raw)) {
      line_ = lines.number();
      if (raw.size() > kMaxLineLength)
        return fail("line is longer than " + std::to_string(kMaxLineLength) + " characters");
      for (char c : raw)
        if ((static_cast<unsigned char>(c) < 0x20 && c != '\t') || c == 0x7f)
          return fail("unexpected control character");
      if (const std::size_t hash = raw.find('#'); hash != std::string_view::npos) raw = raw.substr(0, hash);
      const std::vector<std::string_view> tok = tokenize(raw);
      if (tok.empty()) continue;
      if (Status st = directive(tok); !st) return st.error();
    }
    if (Status st = finish(); !st) return st.error();
    return std::move(s_);
  }

 private:
  Error fail(std::string msg, int line = 0, ErrorCode code = ErrorCode::BadInput) const {
    return makeError(code, std::move(msg), s_.where + ":" + std::to_string(line ? line : line_));
  }

  Status number(std::string_view tok, std::string_view what, double& out) const {
    // from_chars takes a '-' but not a '+'; the format allows one sign of either kind, so a
    // stripped '+' must not leave a second sign behind ('+-3' would otherwise read as -3).
    std::string_view t = tok;
    const bool plus = !t.empty() && t.front() == '+';
    if (plus) t.remove_prefix(1);
    double v = 0.0;
    const auto r = std::from_chars(t.data(), t.data() + t.size(), v);
    if (t.empty() || (plus && t.front() == '-') || r.ec != std::errc() || r.ptr != t.data() + t.size())
      return fail("bad number " + quoted(tok) + " for " + std::string(what));
    if (!std::isfinite(v))
      return fail(std::string(what) + " must be a finite number, got " + quoted(tok));
    out = v;
    return okStatus();
  }

  Status numbers(const std::vector<std::string_view>& tok, std::size_t first, std::string_view what,
                 double* out, std::size_t n) const {
    for (std::size_t i = 0; i < n; ++i)
      if (Status st = number(tok[first + i], what, out[i]); !st) return st;
    return okStatus();
  }

  Status arity(const std::vector<std::string_view>& tok, std::size_t n, std::string_view usage,
               bool moreAllowed = false) const {
    const std::size_t got = tok.size() - 1;
    if (got == n || (moreAllowed && got > n)) return okStatus();
    return fail(quoted(tok[0]) + " expects " + std::string(usage) + ", got " + std::to_string(got) +
                (got == 1 ? " value" : " values"));
  }

  Status header(const std::vector<std::string_view>& tok, int& seenLine) {
    if (seenLine) return fail("duplicate " + quoted(tok[0]) + " (first on line " + std::to_string(seenLine) + ")");
    if (keyCount_ > 0) return fail(quoted(tok[0]) + " must come before the first key");
    seenLine = line_;
    return okStatus();
  }

  Status directive(const std::vector<std::string_view>& tok) {
    const std::string_view d = tok[0];
    if (!mkeysLine_ && d != "mkeys")
      return fail("expected 'mkeys 1' as the first directive, got " + quoted(d));
    if (!isBodyDirective(d)) blockHands_ = {};
    if (d == "mkeys") {
      if (Status st = header(tok, mkeysLine_); !st) return st;
      if (Status st = arity(tok, 1, "a version number"); !st) return st;
      if (tok[1] != "1") return fail("unsupported mkeys version " + quoted(tok[1]) + " (this build reads 1)");
      return okStatus();
    }
    if (d == "clip") {
      if (Status st = header(tok, clipLine_); !st) return st;
      if (tok.size() < 2) return fail("'clip' expects a name");
      s_.name = restOfLine(tok, 1);
      return okStatus();
    }
    if (d == "rate") {
      if (Status st = header(tok, rateLine_); !st) return st;
      if (Status st = arity(tok, 1, "frames per second"); !st) return st;
      if (Status st = number(tok[1], "rate", s_.rate); !st) return st;
      if (!(s_.rate > 0.0)) return fail("rate must be positive, got " + std::string(tok[1]));
      if (s_.rate > kMaxKeyframeRate)
        return fail("rate " + std::string(tok[1]) + " is above the limit of " + fmt(kMaxKeyframeRate), 0, ErrorCode::Limit);
      return okStatus();
    }
    if (d == "hands") {
      if (Status st = header(tok, handsLine_); !st) return st;
      if (Status st = arity(tok, 1, "left, right or both"); !st) return st;
      const auto which = parseHand(tok[1]);
      if (!which) return fail("unknown hand " + quoted(tok[1]) + " (expected left, right or both)");
      s_.hands = *which;
      return okStatus();
    }
    if (d == "duration") {
      if (Status st = header(tok, durationLine_); !st) return st;
      if (Status st = arity(tok, 1, "seconds"); !st) return st;
      if (Status st = number(tok[1], "duration", s_.duration); !st) return st;
      if (!(s_.duration > 0.0)) return fail("duration must be positive, got " + std::string(tok[1]));
      if (s_.duration > kMaxKeyframeDuration)
        return fail("duration " + std::string(tok[1]) + " s is above the limit of " + fmt(kMaxKeyframeDuration) + " s", 0, ErrorCode::Limit);
      return okStatus();
    }
    if (d == "interpolation") {
      if (Status st = header(tok, interpLine_); !st) return st;
      if (Status st = arity(tok, 1, "catmull-rom, smoothstep or linear"); !st) return st;
      for (KeyInterpolation k : {KeyInterpolation::Monotone, KeyInterpolation::Smoothstep, KeyInterpolation::Linear})
        if (tok[1] == keyInterpolationName(k)) { s_.interpolation = k; return okStatus(); }
      return fail("unknown interpolation " + quoted(tok[1]) + " (expected catmull-rom, smoothstep or linear)");
    }
    if (d == "key") return key(tok);
    if (d == "segment" || d == "do-not-copy" || d == "tolerance" || d == "note") return span(tok);
    if (isBodyDirective(d)) return body(tok);
    return fail("unknown directive " + quoted(d));
  }

  static std::optional<std::array<bool, 2>> parseHand(std::string_view t) {
    if (t == "left") return std::array<bool, 2>{true, false};
    if (t == "right") return std::array<bool, 2>{false, true};
    if (t == "both") return std::array<bool, 2>{true, true};
    return std::nullopt;
  }

  Status key(const std::vector<std::string_view>& tok) {
    if (!rateLine_) return fail("missing 'rate' before the first key");
    if (!handsLine_) return fail("missing 'hands' before the first key");
    if (!clipLine_) return fail("missing 'clip' before the first key");
    if (Status st = arity(tok, 2, "a time in seconds and a hand (left, right or both)"); !st) return st;
    double t = 0.0;
    if (Status st = number(tok[1], "key time", t); !st) return st;
    if (t < 0.0) return fail("key time " + std::string(tok[1]) + " is negative");
    if (durationLine_ && t > s_.duration + 1e-9)
      return fail("key time " + std::string(tok[1]) + " is after the clip's duration " + fmt(s_.duration));
    const auto which = parseHand(tok[2]);
    if (!which) return fail("unknown hand " + quoted(tok[2]) + " (expected left, right or both)");
    for (Hand h : {Hand::Left, Hand::Right}) {
      if (!(*which)[index(h)]) continue;
      if (!s_.hands[index(h)])
        return fail("hand '" + std::string(handName(h)) + "' is not declared by 'hands' (line " +
                    std::to_string(handsLine_) + ")");
      const auto& keys = s_.keys[index(h)];
      if (!keys.empty() && !(t > keys.back().time))
        return fail("key time " + std::string(tok[1]) + " is not after the previous " +
                    std::string(handName(h)) + " key at " + fmt(keys.back().time) + " (line " +
                    std::to_string(keys.back().line) + ")");
    }
    const std::size_t adding = ((*which)[0] ? 1u : 0u) + ((*which)[1] ? 1u : 0u);
    if (keyCount_ + adding > kMaxKeyframeKeys)
      return fail("too many keys (the limit is " + std::to_string(kMaxKeyframeKeys) + ")", 0, ErrorCode::Limit);
    for (Hand h : {Hand::Left, Hand::Right}) {
      if (!(*which)[index(h)]) continue;
      auto& keys = s_.keys[index(h)];
      HandKey k = keys.empty() ? defaultKey(h) : keys.back();
      k.time = t;
      k.line = line_;
      keys.push_back(k);
      ++keyCount_;
    }
    blockHands_ = *which;
    blockMirrored_ = tok[2] == "both";
    return okStatus();
  }

  // Applies `fn(key, mirror)` to the current key of each hand of the open block; `mirror` is
  // true for the left hand of a `both` key, whose values are the right hand's reflected in X.
  template <typename Fn>
  void forBlock(Fn fn) {
    for (Hand h : {Hand::Left, Hand::Right})
      if (blockHands_[index(h)]) fn(s_.keys[index(h)].back(), blockMirrored_ && h == Hand::Left);
  }

  static std::optional<std::pair<int, int>> parseFingers(std::string_view t) {
    if (t == "all") return std::pair{0, kFingerCount};
    if (t == "fingers") return std::pair{1, kFingerCount};
    for (int f = 0; f < kFingerCount; ++f)
      if (t == fingerName(static_cast<Finger>(f))) return std::pair{f, f + 1};
    return std::nullopt;
  }

  Status body(const std::vector<std::string_view>& tok) {
    const std::string_view d = tok[0];
    if (!blockHands_[0] && !blockHands_[1]) return fail(quoted(d) + " must follow a 'key' line");
    if (d == "wrist" || d == "orient") {
      const bool wrist = d == "wrist";
      if (Status st = arity(tok, 3, wrist ? "x y z in metres" : "yaw pitch roll in degrees"); !st) return st;
      double v[3];
      if (Status st = numbers(tok, 1, wrist ? "wrist position" : "orientation", v, 3); !st) return st;
      const double lim = wrist ? kMaxWristMetres : kMaxAngleDeg;
      for (double x : v)
        if (std::abs(x) > lim)
          return fail(std::string(wrist ? "wrist coordinate " : "angle ") + fmt(x) + " is outside ±" +
                      fmt(lim) + (wrist ? " m" : " degrees"));
      const glm::vec3 p(static_cast<float>(v[0]), static_cast<float>(v[1]), static_cast<float>(v[2]));
      forBlock([&](HandKey& k, bool mirror) {
        if (wrist) k.wristPosition = mirror ? glm::vec3(-p.x, p.y, p.z) : p;
        else k.yawPitchRollDeg = mirror ? glm::vec3(-p.x, p.y, -p.z) : p;
      });
      return okStatus();
    }
    if (d == "shape") {
      if (Status st = arity(tok, 1, "a hand shape name"); !st) return st;
      const auto shape = handShapePreset(tok[1]);
      if (!shape) {
        std::string known;
        for (std::string_view n : handShapePresetNames()) known += (known.empty() ? "" : ", ") + std::string(n);
        return fail("unknown hand shape " + quoted(tok[1]) + " (known: " + known + ")");
      }
      forBlock([&](HandKey& k, bool) { k.shape = *shape; });
      return okStatus();
    }
    // curl / spread <finger|fingers|all> <value>
    const bool curl = d == "curl";
    if (Status st = arity(tok, 2, curl ? "a finger and a curl in [0, 1]" : "a finger and an angle in degrees"); !st) return st;
    const auto fingers = parseFingers(tok[1]);
    if (!fingers)
      return fail("unknown finger " + quoted(tok[1]) + " (expected thumb, index, middle, ring, little, fingers or all)");
    double v = 0.0;
    if (Status st = number(tok[2], curl ? "curl" : "spread", v); !st) return st;
    if (curl && (v < 0.0 || v > 1.0))
      return fail("curl " + std::string(tok[2]) + " for " + std::string(tok[1]) + " is outside [0, 1]");
    if (!curl && (v < kMinSpreadDeg || v > kMaxSpreadDeg))
      return fail("spread " + std::string(tok[2]) + " for " + std::string(tok[1]) + " is outside [" +
                  fmt(kMinSpreadDeg) + ", " + fmt(kMaxSpreadDeg) + "] degrees");
    forBlock([&](HandKey& k, bool) {
      for (int f = fingers->first; f < fingers->second; ++f)
        (curl ? k.shape.curl : k.shape.spreadDeg)[f] = static_cast<float>(v);
    });
    return okStatus();
  }

  // segment <name> <start> <end> | do-not-copy <start> <end> [text] |
  // tolerance <start> <end> <value> [text] | note <start> <end> <text>
  Status span(const std::vector<std::string_view>& tok) {
    const std::string_view d = tok[0];
    if (s_.segments.size() + s_.annotations.size() >= kMaxKeyframeSpans)
      return fail("too many segments and annotations (the limit is " + std::to_string(kMaxKeyframeSpans) + ")", 0, ErrorCode::Limit);
    const bool seg = d == "segment";
    const std::size_t first = seg ? 2 : 1;
    Status st = seg ? arity(tok, 3, "a name, a start and an end in seconds")
              : d == "tolerance" ? arity(tok, 3, "a start, an end and a relative tolerance", true)
              : d == "note" ? arity(tok, 3, "a start, an end and a text", true)
                            : arity(tok, 2, "a start and an end in seconds", true);
    if (!st) return st;
    double se[2];
    if (Status n = numbers(tok, first, "span time", se, 2); !n) return n;
    const std::string label = seg ? "segment " + quoted(tok[1]) : quoted(d) + " span";
    if (se[0] < 0.0) return fail(label + " starts before 0");
    if (!(se[1] > se[0])) return fail(label + " ends (" + fmt(se[1]) + ") before it starts (" + fmt(se[0]) + ")");
    if (seg) {
      if (!s_.segments.empty() && se[0] < s_.segments.back().start)
        return fail(label + " starts before the previous segment " + quoted(s_.segments.back().name));
      s_.segments.push_back(Segment{std::string(tok[1]), se[0], se[1]});
    } else {
      Annotation a{std::string(d), se[0], se[1], 0.0, {}};
      std::size_t textFrom = 3;
      if (d == "tolerance") {
        if (Status n = number(tok[3], "tolerance", a.value); !n) return n;
        if (!(a.value > 0.0)) return fail("tolerance must be positive, got " + std::string(tok[3]));
        textFrom = 4;
      }
      a.text = restOfLine(tok, textFrom);
      s_.annotations.push_back(std::move(a));
    }
    spanLines_.push_back({line_, seg});
    return okStatus();
  }

  Status finish() {
    const int last = std::max(line_, 1);
    if (!mkeysLine_) return fail("empty file: expected 'mkeys 1'", last);
    if (!clipLine_) return fail("missing 'clip'", last);
    if (!rateLine_) return fail("missing 'rate'", last);
    if (!handsLine_) return fail("missing 'hands'", last);
    for (Hand h : {Hand::Left, Hand::Right})
      if (s_.hands[index(h)] && s_.keys[index(h)].empty())
        return fail("hand '" + std::string(handName(h)) + "' is declared but has no keys", handsLine_);
    const double end = s_.endTime();
    if (!(end > 0.0)) return fail("the clip has no length: add 'duration' or a later key", last);
    const double frames = std::floor(end * s_.rate + 1e-9) + 1.0;
    if (frames > kMaxKeyframeFrames)
      return fail(fmt(end) + " s at " + fmt(s_.rate) + " Hz would be " + fmt(frames) +
                  " frames (the limit is " + fmt(kMaxKeyframeFrames) + ")", rateLine_, ErrorCode::Limit);
    std::size_t si = 0, ai = 0;
    for (const auto& [line, seg] : spanLines_) {
      const double start = seg ? s_.segments[si].start : s_.annotations[ai].start;
      const double stop = seg ? s_.segments[si].end : s_.annotations[ai].end;
      const std::string label = seg ? "segment " + quoted(s_.segments[si].name) : quoted(s_.annotations[ai].kind) + " span";
      (seg ? si : ai)++;
      if (stop > end + 1e-9)
        return fail(label + " [" + fmt(start) + ", " + fmt(stop) + "] extends past the end of the clip at " + fmt(end) + " s", line);
    }
    return okStatus();
  }

  std::string_view text_;
  KeyframeScript s_;
  int line_ = 0;
  int mkeysLine_ = 0, clipLine_ = 0, rateLine_ = 0, handsLine_ = 0, durationLine_ = 0, interpLine_ = 0;
  std::size_t keyCount_ = 0;
  std::array<bool, 2> blockHands_{};
  bool blockMirrored_ = false;
  std::vector<std::pair<int, bool>> spanLines_;  // line and is-segment, in file order
};

}  // namespace

double KeyframeScript::endTime() const {
  if (duration > 0.0) return duration;
  double end = 0.0;
  for (const auto& track : keys)
    if (!track.empty()) end = std::max(end, track.back().time);
  return end;
}

std::string_view keyInterpolationName(KeyInterpolation k) {
  switch (k) {
    case KeyInterpolation::Monotone: return "catmull-rom";
    case KeyInterpolation::Smoothstep: return "smoothstep";
    case KeyInterpolation::Linear: return "linear";
  }
  return "catmull-rom";
}

Result<KeyframeScript> parseKeyframes(std::string_view text, const std::string& where) {
  return KeyframeParser(text, where).run();
}

}  // namespace mimesis
