// Keyframe interpolation (monotone Catmull-Rom, smoothstep, linear) and clip authoring.
#include "mimesis/motion/KeyframeAuthoring.hpp"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <iterator>

namespace mimesis {
namespace {

// Every interpolated number of a key, in a fixed order.
constexpr int kParamCount = 3 + 3 + 2 * kFingerCount;
using Params = std::array<double, kParamCount>;

Params toParams(const HandKey& k) {
  Params p{};
  int i = 0;
  for (int c = 0; c < 3; ++c) p[i++] = k.wristPosition[c];
  for (int c = 0; c < 3; ++c) p[i++] = k.yawPitchRollDeg[c];
  for (float v : k.shape.curl) p[i++] = v;
  for (float v : k.shape.spreadDeg) p[i++] = v;
  return p;
}

void fromParams(const Params& p, HandKey& k) {
  int i = 0;
  for (int c = 0; c < 3; ++c) k.wristPosition[c] = static_cast<float>(p[i++]);
  for (int c = 0; c < 3; ++c) k.yawPitchRollDeg[c] = static_cast<float>(p[i++]);
  for (float& v : k.shape.curl) v = std::clamp(static_cast<float>(p[i++]), 0.0f, 1.0f);
  for (float& v : k.shape.spreadDeg) v = static_cast<float>(p[i++]);
}

// Tangent at key i of one parameter for the monotone cubic: the Catmull-Rom tangent, zero at
// the ends and wherever the key is a local extremum or a hold, and limited to three times the
// smaller neighbouring slope (the Fritsch-Carlson bound), so no value overshoots its keys.
double monotoneTangent(std::span<const HandKey> keys, std::size_t i, int c) {
  if (i == 0 || i + 1 >= keys.size()) return 0.0;
  const double p0 = toParams(keys[i - 1])[c], p1 = toParams(keys[i])[c], p2 = toParams(keys[i + 1])[c];
  const double d0 = (p1 - p0) / (keys[i].time - keys[i - 1].time);
  const double d1 = (p2 - p1) / (keys[i + 1].time - keys[i].time);
  if (!(d0 * d1 > 0.0)) return 0.0;
  const double m = (p2 - p0) / (keys[i + 1].time - keys[i - 1].time);
  const double bound = 3.0 * std::min(std::abs(d0), std::abs(d1));
  return std::clamp(m, -bound, bound);
}

Error bad(const KeyframeScript& s, std::string msg, ErrorCode code = ErrorCode::BadInput) {
  return makeError(code, std::move(msg), s.where);
}

bool finiteKey(const HandKey& k) {
  for (double v : toParams(k))
    if (!std::isfinite(v)) return false;
  return std::isfinite(k.time);
}

}  // namespace

HandKey interpolateKeys(std::span<const HandKey> keys, KeyInterpolation how, double t) {
  if (keys.empty()) return HandKey{};
  if (!(t > keys.front().time)) return keys.front();
  if (t >= keys.back().time) return keys.back();
  // Index of the last key at or before t; t is strictly inside the keys here.
  const auto it = std::upper_bound(keys.begin(), keys.end(), t,
                                   [](double v, const HandKey& k) { return v < k.time; });
  const std::size_t i = static_cast<std::size_t>(it - keys.begin()) - 1;
  const HandKey& a = keys[i];
  const HandKey& b = keys[i + 1];
  const double h = b.time - a.time;
  const double u = std::clamp((t - a.time) / h, 0.0, 1.0);
  const Params pa = toParams(a), pb = toParams(b);
  Params out{};
  if (how == KeyInterpolation::Monotone) {
    const double u2 = u * u, u3 = u2 * u;
    const double h00 = 2 * u3 - 3 * u2 + 1, h10 = u3 - 2 * u2 + u, h01 = -2 * u3 + 3 * u2, h11 = u3 - u2;
    for (int c = 0; c < kParamCount; ++c)
      out[c] = h00 * pa[c] + h10 * h * monotoneTangent(keys, i, c) + h01 * pb[c] +
               h11 * h * monotoneTangent(keys, i + 1, c);
  } else {
    const double w = how == KeyInterpolation::Smoothstep ? u * u * (3.0 - 2.0 * u) : u;
    for (int c = 0; c < kParamCount; ++c) out[c] = pa[c] + (pb[c] - pa[c]) * w;
  }
  HandKey k = a;
  k.time = t;
  fromParams(out, k);
  return k;
}

Result<Clip> authorClip(const KeyframeScript& s) {
  if (!std::isfinite(s.rate) || !(s.rate > 0.0)) return bad(s, "rate must be a positive number");
  if (s.rate > kMaxKeyframeRate) return bad(s, "rate is above the limit", ErrorCode::Limit);
  if (!std::isfinite(s.duration) || s.duration < 0.0) return bad(s, "duration must be a non-negative number");
  std::size_t keyCount = 0;
  for (Hand h : {Hand::Left, Hand::Right}) {
    const auto& keys = s.keys[index(h)];
    keyCount += keys.size();
    const std::string side(handName(h));
    if (s.hands[index(h)] && keys.empty()) return bad(s, "hand '" + side + "' is declared but has no keys");
    if (!s.hands[index(h)] && !keys.empty()) return bad(s, "hand '" + side + "' has keys but is not declared");
    for (std::size_t k = 0; k < keys.size(); ++k) {
      if (!finiteKey(keys[k])) return bad(s, side + " key " + std::to_string(k) + " has a non-finite value");
      if (keys[k].time < 0.0 || (k > 0 && !(keys[k].time > keys[k - 1].time)))
        return bad(s, side + " key " + std::to_string(k) + ": times must be non-negative and increasing");
    }
  }
  if (keyCount > kMaxKeyframeKeys) return bad(s, "too many keys", ErrorCode::Limit);
  const double end = s.endTime();
  if (!(end > 0.0) || end > kMaxKeyframeDuration) return bad(s, "clip length must be in (0, 600] s");
  const double frames = std::floor(end * s.rate + 1e-9) + 1.0;
  if (frames > kMaxKeyframeFrames) return bad(s, "too many frames", ErrorCode::Limit);

  Clip clip;
  clip.info.name = s.name;
  clip.info.source = s.where;
  clip.info.sourceFormat = "keyframes";
  clip.rate = s.rate;
  clip.segments = s.segments;
  clip.annotations = s.annotations;
  clip.frames.resize(static_cast<std::size_t>(frames));
  for (std::size_t f = 0; f < clip.frames.size(); ++f) {
    Frame& fr = clip.frames[f];
    fr.time = static_cast<double>(f) / s.rate;
    for (Hand h : {Hand::Left, Hand::Right}) {
      if (!s.hands[index(h)]) continue;
      const HandKey k = interpolateKeys(s.keys[index(h)], s.interpolation, fr.time);
      const Pose T_world_wrist{k.wristPosition, wristOrientationFromYawPitchRoll(
                                                    k.yawPitchRollDeg.x, k.yawPitchRollDeg.y, k.yawPitchRollDeg.z)};
      poseHand(k.shape, T_world_wrist, h, fr.hand(h));
    }
  }
  if (Status st = validateClip(clip, s.where); !st) return st.error();
  return clip;
}

Result<Clip> loadKeyframeClip(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return makeError(ErrorCode::Io, "cannot open the file", path);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  if (size < 0) return makeError(ErrorCode::Io, "cannot read the file", path);
  if (static_cast<std::uint64_t>(size) > kMaxKeyframeFileBytes)
    return makeError(ErrorCode::Limit, "file is larger than " + std::to_string(kMaxKeyframeFileBytes) + " bytes", path);
  in.seekg(0, std::ios::beg);
  std::string text(static_cast<std::size_t>(size), '\0');
  if (size > 0 && !in.read(text.data(), size)) return makeError(ErrorCode::Io, "cannot read the file", path);
  Result<KeyframeScript> script = parseKeyframes(text, path);
  if (!script) return script.error();
  return authorClip(*script);
}

}  // namespace mimesis
