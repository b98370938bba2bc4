// Building a group's series over whole streams (its gain/lag signal, its end-effector
// trajectory) and every pair's errors over the warp, once, for the span metrics that read them
// (GroupSeries.hpp; the metrics themselves: Metrics.cpp).
#include "GroupSeries.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/gtc/quaternion.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

namespace mimesis {
namespace {

// The signal a group's gain and residual lag are measured on.
struct Signal {
  enum Kind { Placement, Angles, Position } kind = Position;
  int unit = 0;
  int track = 0;
  std::vector<int> angles;
  int dim = 3;
  bool isAngle() const { return kind == Angles; }
};

Signal signalFor(const StreamLayout& L, int group) {
  const TrackGroup& g = L.groups[static_cast<std::size_t>(group)];
  Signal s;
  s.unit = g.unit;
  if (g.unit != static_cast<int>(UnitKind::Body)) {
    // Hands: the wrist's placement, a finger's tip in the wrist frame (how far it opens).
    s.kind = g.isUnitRoot ? Signal::Placement : Signal::Position;
    s.track = g.endEffector;
    return s;
  }
  for (std::size_t a = 0; a < L.angles.size(); ++a)
    if (L.angles[a].group == group) s.angles.push_back(static_cast<int>(a));
  if (!s.angles.empty()) {
    s.kind = Signal::Angles;
    s.dim = static_cast<int>(s.angles.size());
    return s;
  }
  s.kind = Signal::Position;
  s.track = g.endEffector;
  return s;
}

bool sample(const MotionStream& st, const Signal& sig, int f, float* out) {
  switch (sig.kind) {
    case Signal::Placement: {
      if (!st.unitValid[st.unitAt(f, sig.unit)]) return false;
      const glm::vec3 p = st.placement[st.unitAt(f, sig.unit)];
      out[0] = p.x; out[1] = p.y; out[2] = p.z;
      return true;
    }
    case Signal::Angles:
      for (std::size_t k = 0; k < sig.angles.size(); ++k) {
        if (!st.angleValid[st.angleAt(f, sig.angles[k])]) return false;
        out[k] = st.angles[st.angleAt(f, sig.angles[k])];
      }
      return true;
    case Signal::Position: {
      if (sig.track < 0 || !st.valid[st.at(f, sig.track)]) return false;
      const glm::vec3 p = st.local[st.at(f, sig.track)];
      out[0] = p.x; out[1] = p.y; out[2] = p.z;
      return true;
    }
  }
  return false;
}

// Angle of the rotation between two unit quaternions, degrees: 2·atan2(|a − b|, |a + b|) with
// b's sign chosen nearest a. Unlike 2·acos(|a·b|) it is exactly 0 for equal inputs and keeps
// its precision for small angles (acos of a dot product rounded to 1 − 2⁻²⁴ gives ~0.03°).
double rotationAngleDeg(const glm::quat& a, const glm::quat& bIn) {
  const glm::dvec4 x(a.w, a.x, a.y, a.z);
  glm::dvec4 y(bIn.w, bIn.x, bIn.y, bIn.z);
  if (glm::dot(x, y) < 0.0) y = -y;
  return 2.0 * std::atan2(glm::length(x - y), glm::length(x + y)) * 57.29577951308232;
}

// Trajectory of a group's end effector (hand root: wrist placement) over every frame, for
// tremor and smoothness; spans read slices of it.
void trajectory(const MotionStream& st, const TrackGroup& g, std::vector<glm::vec3>& x, std::vector<std::uint8_t>& ok) {
  const int n = st.frameCount;
  x.assign(static_cast<std::size_t>(n), glm::vec3(0.0f));
  ok.assign(x.size(), 0);
  const bool placement = g.isUnitRoot && g.unit != static_cast<int>(UnitKind::Body);
  for (int f = 0; f < n; ++f) {
    const std::size_t k = static_cast<std::size_t>(f);
    if (placement) {
      ok[k] = st.unitValid[st.unitAt(f, g.unit)];
      x[k] = st.placement[st.unitAt(f, g.unit)];
    } else if (g.endEffector >= 0) {
      ok[k] = st.valid[st.at(f, g.endEffector)];
      x[k] = st.local[st.at(f, g.endEffector)];
    }
  }
}

}  // namespace

namespace detail {

int lagSearchFrames(const ScoringConfig& cfg, const MotionStream& E) {
  const double v = cfg.groupLagSearchSeconds * E.rate;
  if (!(v > 0.0)) return 0;
  return static_cast<int>(std::lround(std::min(v, static_cast<double>(E.frameCount))));
}

void buildGroupSeries(const MotionStream& E, const MotionStream& L, int group, const ScoringConfig& cfg,
                      GroupSeries& out) {
  const StreamLayout& layout = *E.layout;
  const TrackGroup& g = layout.groups[static_cast<std::size_t>(group)];
  out.group = group;
  out.angles.clear();
  for (std::size_t a = 0; a < layout.angles.size(); ++a)
    if (layout.angles[a].group == group) out.angles.push_back(static_cast<int>(a));
  const Signal sig = signalFor(layout, group);
  for (int side = 0; side < 2; ++side) {
    const MotionStream& st = side == 0 ? E : L;
    SignalSeries& ss = side == 0 ? out.signalE : out.signalL;
    ss.dim = sig.dim;
    ss.isAngle = sig.isAngle();
    const std::size_t n = static_cast<std::size_t>(st.frameCount), dim = static_cast<std::size_t>(sig.dim);
    ss.value.assign(n * dim, 0.0f);
    ss.ok.assign(n, 0);
    for (std::size_t f = 0; f < n; ++f)
      ss.ok[f] = sample(st, sig, static_cast<int>(f), ss.value.data() + f * dim) ? 1 : 0;
  }
  SignalSeries& se = out.signalE;
  const std::size_t n = static_cast<std::size_t>(E.frameCount), dim = static_cast<std::size_t>(se.dim);
  se.pad = lagSearchFrames(cfg, E);
  const std::size_t pad = static_cast<std::size_t>(se.pad);
  se.padded.resize(dim);
  for (std::size_t d = 0; d < dim; ++d) {
    std::vector<float>& v = se.padded[d];
    v.assign(n + 2 * pad, 0.0f);
    for (std::size_t f = 0; f < n; ++f) v[pad + f] = se.ok[f] ? se.value[f * dim + d] : 0.0f;
  }
  se.okMask.assign(n + 2 * pad, 0.0);
  for (std::size_t f = 0; f < n; ++f) se.okMask[pad + f] = se.ok[f] ? 1.0 : 0.0;
  trajectory(E, g, out.trajE, out.trajEok);
  trajectory(L, g, out.trajL, out.trajLok);
}

void buildPairErrors(const MotionStream& E, const MotionStream& L, const WarpPath& w, PairErrors& out) {
  const StreamLayout& layout = *E.layout;
  const std::size_t P = w.size(), T = layout.tracks.size(), A = layout.angles.size();
  out.pairs = P;
  out.track.assign(T * P, -1.0f);
  out.angle.assign(A * P, -1.0f);
  out.place.assign(static_cast<std::size_t>(kUnitCount) * P, -1.0f);
  out.orient.assign(static_cast<std::size_t>(kUnitCount) * P, -1.0);
  for (std::size_t k = 0; k < P; ++k) {
    const std::size_t i = static_cast<std::size_t>(w.learner[k]), j = static_cast<std::size_t>(w.expert[k]);
    const std::uint8_t* lv = L.valid.data() + i * T;
    const std::uint8_t* ev = E.valid.data() + j * T;
    const glm::vec3* lp = L.local.data() + i * T;
    const glm::vec3* ep = E.local.data() + j * T;
    for (std::size_t t = 0; t < T; ++t)
      if (lv[t] && ev[t]) out.track[t * P + k] = glm::length(lp[t] - ep[t]);
    const std::uint8_t* la = L.angleValid.data() + i * A;
    const std::uint8_t* ea = E.angleValid.data() + j * A;
    for (std::size_t a = 0; a < A; ++a)
      if (la[a] && ea[a]) out.angle[a * P + k] = std::fabs(L.angles[i * A + a] - E.angles[j * A + a]);
    for (int u = 0; u < kUnitCount; ++u) {
      const std::size_t lu = L.unitAt(static_cast<int>(i), u), eu = E.unitAt(static_cast<int>(j), u);
      if (!L.unitValid[lu] || !E.unitValid[eu]) continue;
      const std::size_t c = static_cast<std::size_t>(u) * P + k;
      out.place[c] = glm::length(L.placement[lu] - E.placement[eu]);
      if (u != static_cast<int>(UnitKind::Body)) {
        out.orient[c] = rotationAngleDeg(L.orientation[lu], E.orientation[eu]);
      }
    }
  }
}

}  // namespace detail
}  // namespace mimesis
