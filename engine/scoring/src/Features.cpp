// Per-frame alignment features from a stream.
#include "mimesis/scoring/Features.hpp"

#include <algorithm>

namespace mimesis {
namespace {

constexpr float kAxisScale = 0.1f;  // 1 rad of wrist rotation weighs like ~10 cm

int unitDim(const StreamLayout& L, int unit, BodyFeatures body) {
  if (L.unitRoot[static_cast<std::size_t>(unit)] < 0) return 0;
  if (unit == static_cast<int>(UnitKind::Body))
    return 3 * (L.bodyJointCount - 1) + (body == BodyFeatures::PoseAndPlacement ? 3 : 0);
  return 5 * 3 + 3 + 6;
}

}  // namespace

int featureDim(const StreamLayout& layout, const UnitMask& units, BodyFeatures body) {
  int d = 0;
  for (int u = 0; u < kUnitCount; ++u)
    if (units[static_cast<std::size_t>(u)]) d += unitDim(layout, u, body);
  return d;
}

void featureRow(const MotionStream& s, int f, const UnitMask& units, FeatureHold& hold, float* out,
                int dim, BodyFeatures body) {
  const StreamLayout& L = *s.layout;
  const int raw = featureDim(L, units, body);
  if (hold.last.size() != static_cast<std::size_t>(raw)) hold.last.assign(static_cast<std::size_t>(raw), 0.0f);
  int k = 0;
  auto put3 = [&](bool ok, const glm::vec3& v) {
    if (ok) {
      hold.last[static_cast<std::size_t>(k)] = v.x;
      hold.last[static_cast<std::size_t>(k) + 1] = v.y;
      hold.last[static_cast<std::size_t>(k) + 2] = v.z;
    }
    out[k] = hold.last[static_cast<std::size_t>(k)];
    out[k + 1] = hold.last[static_cast<std::size_t>(k) + 1];
    out[k + 2] = hold.last[static_cast<std::size_t>(k) + 2];
    k += 3;
  };
  for (int u = 0; u < kUnitCount; ++u) {
    if (!units[static_cast<std::size_t>(u)] || L.unitRoot[static_cast<std::size_t>(u)] < 0) continue;
    const int root = L.unitRoot[static_cast<std::size_t>(u)];
    const bool uok = s.unitValid[s.unitAt(f, u)] != 0;
    if (u == static_cast<int>(UnitKind::Body)) {
      for (int j = 1; j < L.bodyJointCount; ++j)
        put3(s.valid[s.at(f, root + j)] != 0, s.local[s.at(f, root + j)]);
      if (body == BodyFeatures::PoseAndPlacement) put3(uok, s.placement[s.unitAt(f, u)]);
      continue;
    }
    const int base = root - index(HandJoint::Wrist);
    for (int tip : {5, 10, 15, 20, 25}) put3(s.valid[s.at(f, base + tip)] != 0, s.local[s.at(f, base + tip)]);
    put3(uok, s.placement[s.unitAt(f, u)]);
    const glm::quat q = s.orientation[s.unitAt(f, u)];
    put3(uok, (q * glm::vec3(0.0f, 1.0f, 0.0f)) * kAxisScale);
    put3(uok, (q * glm::vec3(0.0f, 0.0f, 1.0f)) * kAxisScale);
  }
  for (; k < dim; ++k) out[k] = 0.0f;
}

FeatureMatrix buildFeatures(const MotionStream& s, const UnitMask& units, BodyFeatures body) {
  FeatureMatrix m;
  const int raw = featureDim(*s.layout, units, body);
  m.dim = std::max(8, (raw + 7) / 8 * 8);
  m.frames = s.frameCount;
  m.data.assign(static_cast<std::size_t>(m.frames) * static_cast<std::size_t>(m.dim), 0.0f);
  FeatureHold hold;
  for (int f = 0; f < m.frames; ++f) featureRow(s, f, units, hold, m.row(f), m.dim, body);
  return m;
}

FeatureMatrix downsampleFeatures(const FeatureMatrix& in, int factor) {
  FeatureMatrix m;
  m.dim = in.dim;
  m.frames = (in.frames + factor - 1) / factor;
  m.data.assign(static_cast<std::size_t>(m.frames) * static_cast<std::size_t>(m.dim), 0.0f);
  for (int i = 0; i < m.frames; ++i) {
    const int a = i * factor, b = std::min(in.frames, a + factor);
    float* o = m.row(i);
    for (int r = a; r < b; ++r) {
      const float* x = in.row(r);
      for (int d = 0; d < m.dim; ++d) o[d] += x[d];
    }
    const float inv = 1.0f / static_cast<float>(b - a);
    for (int d = 0; d < m.dim; ++d) o[d] *= inv;
  }
  return m;
}

}  // namespace mimesis
