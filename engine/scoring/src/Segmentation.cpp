// Segments from the clip's names or from speed minima of the expert's features.
#include "mimesis/scoring/Segmentation.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace mimesis {

std::vector<FrameSpan> segmentExpert(const Clip& clip, const FeatureMatrix& F, const ScoringConfig& cfg) {
  std::vector<double> times;
  times.reserve(clip.frames.size());
  for (const Frame& f : clip.frames) times.push_back(f.time);
  return segmentExpert(clip, times, F, cfg);
}

std::vector<FrameSpan> segmentExpert(const Clip& clip, std::span<const double> times, const FeatureMatrix& F,
                                     const ScoringConfig& cfg) {
  std::vector<FrameSpan> out;
  const int n = static_cast<int>(times.size());
  if (n == 0) return out;
  if (!clip.segments.empty()) {
    auto frameAt = [&](double t) {
      int lo = 0, hi = n;  // first frame with time >= t
      while (lo < hi) {
        const int mid = (lo + hi) / 2;
        if (times[static_cast<std::size_t>(mid)] < t) lo = mid + 1; else hi = mid;
      }
      return lo;
    };
    for (const Segment& s : clip.segments) {
      const int b = frameAt(s.start), e = frameAt(s.end);
      if (e > b) out.push_back({s.name, b, e, false});
    }
    if (!out.empty()) return out;
  }
  // Speed of the feature vector, smoothed by a centred moving average.
  std::vector<double> speed(static_cast<std::size_t>(n), 0.0), smooth(static_cast<std::size_t>(n), 0.0);
  for (int i = 1; i < n && i < F.frames; ++i) {
    double s = 0.0;
    for (int d = 0; d < F.dim; ++d) {
      const double t = static_cast<double>(F.row(i)[d] - F.row(i - 1)[d]);
      s += t * t;
    }
    speed[static_cast<std::size_t>(i)] = std::sqrt(s);
  }
  if (n > 1) speed[0] = speed[1];
  const int half = std::max(1, static_cast<int>(std::lround(0.1 * clip.rate)));
  for (int i = 0; i < n; ++i) {
    double s = 0.0;
    int c = 0;
    for (int k = std::max(0, i - half); k <= std::min(n - 1, i + half); ++k) { s += speed[static_cast<std::size_t>(k)]; ++c; }
    smooth[static_cast<std::size_t>(i)] = s / c;
  }
  std::vector<double> sorted = smooth;
  std::sort(sorted.begin(), sorted.end());
  const double p90 = sorted[static_cast<std::size_t>(0.9 * (n - 1))];
  const int minGap = std::max(2, static_cast<int>(std::lround(cfg.minSegmentSeconds * clip.rate)));
  std::vector<int> candidates;
  for (int i = minGap; i + minGap <= n; ++i) {
    const double v = smooth[static_cast<std::size_t>(i)];
    if (!(v < 0.3 * p90)) continue;
    bool isMin = true;
    for (int k = std::max(0, i - half); k <= std::min(n - 1, i + half) && isMin; ++k)
      if (smooth[static_cast<std::size_t>(k)] < v || (smooth[static_cast<std::size_t>(k)] == v && k < i)) isMin = k == i;
    if (isMin) candidates.push_back(i);
  }
  std::stable_sort(candidates.begin(), candidates.end(), [&](int a, int b) {
    return smooth[static_cast<std::size_t>(a)] < smooth[static_cast<std::size_t>(b)];
  });
  std::vector<int> cuts;
  for (int c : candidates) {
    if (static_cast<int>(cuts.size()) + 1 >= std::max(1, cfg.maxSegments)) break;
    bool farEnough = true;
    for (int k : cuts) farEnough = farEnough && std::abs(k - c) >= minGap;
    if (farEnough) cuts.push_back(c);
  }
  std::sort(cuts.begin(), cuts.end());
  int begin = 0;
  cuts.push_back(n);
  for (int c : cuts) {
    char name[32];
    std::snprintf(name, sizeof name, "auto_%02d", static_cast<int>(out.size()) + 1);
    out.push_back({name, begin, c, true});
    begin = c;
  }
  return out;
}

}  // namespace mimesis
