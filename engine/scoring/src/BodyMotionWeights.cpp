// Weights of the warp's pairs in a body group's shape mean: how fast the expert's body moves at
// the pair's expert frame, plus a floor for still frames (ScoringConfig::bodyStillFrameWeight).
// Why: a body lesson's content is in its moving frames. Before and after a repetition the
// expert stands still, and there an equal-weight mean mostly measures how still two people
// stand; on UI-PRMD the motion-weighted mean separates correct from incorrect squats and lunges
// better (SCORING.md). The floor keeps a held pose (the bottom of a squat held for 3 s) scored.
#include <cmath>

#include <glm/geometric.hpp>

#include "GroupSeries.hpp"

namespace mimesis::detail {

void weighBodyPairs(const MotionStream& E, const WarpPath& w, double stillFrameWeight, PairErrors& out) {
  out.shapeWeight.clear();
  const StreamLayout& layout = *E.layout;
  const int root = layout.unitRoot[static_cast<std::size_t>(UnitKind::Body)];
  const int M = E.frameCount;
  if (root < 0 || layout.bodyJointCount < 2 || M < 2 || w.size() == 0) return;
  // Root-relative joint speed per expert frame (central differences, one-sided at the ends),
  // summed over the joints tracked on both sides of the difference; metres per frame.
  std::vector<double> speed(static_cast<std::size_t>(M), 0.0);
  for (int f = 0; f < M; ++f) {
    const int a = f > 0 ? f - 1 : f, b = f + 1 < M ? f + 1 : f;
    double v = 0.0;
    for (int j = 1; j < layout.bodyJointCount; ++j) {
      const std::size_t ia = E.at(a, root + j), ib = E.at(b, root + j);
      if (E.valid[ia] && E.valid[ib]) v += glm::length(E.local[ib] - E.local[ia]) / static_cast<double>(b - a);
    }
    speed[static_cast<std::size_t>(f)] = std::isfinite(v) ? v : 0.0;
  }
  double mean = 0.0;
  for (std::size_t k = 0; k < w.size(); ++k) mean += speed[static_cast<std::size_t>(w.expert[k])];
  mean /= static_cast<double>(w.size());
  // An expert that never moves gives no weights: every pair then counts alike.
  if (!(mean > 0.0) || !std::isfinite(mean)) return;
  const double floor = std::max(0.0, std::isfinite(stillFrameWeight) ? stillFrameWeight : 0.0) * mean;
  out.shapeWeight.resize(w.size());
  for (std::size_t k = 0; k < w.size(); ++k)
    out.shapeWeight[k] = static_cast<float>(speed[static_cast<std::size_t>(w.expert[k])] + floor);
}

}  // namespace mimesis::detail
