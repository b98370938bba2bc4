// LearnerBehaviour: guidance dependence by scaling simulateLearner's params; a stalled span by
// splicing in a second, non-learning performance over that span.
#include "mimesis/motion/LearnerBehaviour.hpp"

#include <algorithm>
#include <cmath>

namespace mimesis {
namespace {
double finiteOr(double v, double fallback) { return std::isfinite(v) ? v : fallback; }
}  // namespace

LearnerParams effectiveLearnerParams(const LearnerBehaviour& b, double ghostOpacity) {
  LearnerParams p = b.base;
  const double dep = std::clamp(finiteOr(b.guidanceDependence, 0.0), 0.0, 100.0);
  const double ref = std::clamp(finiteOr(b.dependenceOpacity, 0.3), 1e-3, 1.0);
  const double missing = std::clamp(1.0 - finiteOr(ghostOpacity, 1.0) / ref, 0.0, 1.0);
  p.noiseMm = finiteOr(p.noiseMm, 2.0) * (1.0 + dep * missing);
  p.gain = std::max(0.0, finiteOr(p.gain, 1.0) - 0.3 * dep * missing);
  return p;
}

Clip simulateLearnerBehaviour(const Clip& expertShown, const LearnerBehaviour& b, int trial,
                              double ghostOpacity, double tempo, double expertTimeOffset) {
  const LearnerParams p = effectiveLearnerParams(b, ghostOpacity);
  Clip out = simulateLearner(expertShown, p, trial);
  const double start = finiteOr(b.stallStart, 0.0), end = finiteOr(b.stallEnd, 0.0);
  if (!(end > start) || out.frames.empty()) return out;
  // The stalled span: trial 0's performance (no learning), smaller and noisier.
  LearnerParams s = p;
  s.learningRate = 0.0;
  s.gain = std::clamp(finiteOr(b.stallGain, 0.6), 0.0, 10.0);
  s.noiseMm = finiteOr(p.noiseMm, 2.0) + std::clamp(finiteOr(b.stallNoiseMm, 0.0), 0.0, 1000.0);
  const Clip stalled = simulateLearner(expertShown, s, 0);
  const double lagS = std::clamp(finiteOr(p.lagMs, 0.0), -10000.0, 10000.0) * 1e-3;
  const double rate = std::clamp(finiteOr(tempo, 1.0), 0.01, 100.0);
  const double t0 = expertShown.frames.empty() ? 0.0 : expertShown.frames.front().time;
  const std::size_t n = std::min(out.frames.size(), stalled.frames.size());
  for (std::size_t i = 0; i < n; ++i) {
    const double expertT = (out.frames[i].time - lagS - t0) * rate + expertTimeOffset;
    if (expertT >= start && expertT < end) out.frames[i] = stalled.frames[i];
  }
  return out;
}

}  // namespace mimesis
