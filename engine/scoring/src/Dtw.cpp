// Banded DTW: one DP core over arbitrary row ranges, used for the band and for refinement
// corridors; the coarse-to-fine driver; the plain reference.
#include "mimesis/scoring/Dtw.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "SqDist.hpp"

namespace mimesis {
namespace {

constexpr double kInf = std::numeric_limits<double>::infinity();
enum : std::uint8_t { kDiag = 0, kUp = 1, kLeft = 2 };

using detail::sqDist;

// Makes a corridor connectable: lo and hi non-decreasing and lo[i+1] <= hi[i] + 1.
void repair(BandRows& b, int M) {
  const std::size_t n = b.lo.size();
  b.lo[0] = 0;
  for (std::size_t i = 1; i < n; ++i) b.lo[i] = std::max(b.lo[i], b.lo[i - 1]);
  for (std::size_t i = n; i-- > 0;) {
    b.hi[i] = std::min<std::int32_t>(b.hi[i], M - 1);
    if (i + 1 < n) b.hi[i] = std::min(b.hi[i], b.hi[i + 1]);
    b.hi[i] = std::max(b.hi[i], b.lo[i]);
  }
  for (std::size_t i = 0; i + 1 < n; ++i) b.hi[i] = std::max(b.hi[i], b.lo[i + 1] - 1);
  // hi may now exceed hi[i+1] by the fix above; re-impose monotone hi from the front.
  for (std::size_t i = 1; i < n; ++i) b.hi[i] = std::max(b.hi[i], b.hi[i - 1]);
}

int pickEnd(const double* lastRow, int lo, int hi, int N) {
  int best = hi;
  double bestScore = kInf;
  for (int j = hi; j >= lo; --j) {
    const double v = lastRow[j - lo];
    if (!(v < kInf)) continue;
    const double s = v / static_cast<double>(N + j + 1);
    if (s < bestScore) { bestScore = s; best = j; }
  }
  return best;
}

// The DP over `rows` (row i spans [lo[i], hi[i]]), directions stored per cell.
WarpPath bandedCore(const FeatureMatrix& L, const FeatureMatrix& E, const BandRows& rows, bool openEnd) {
  const int N = L.frames, M = E.frames, dim = L.dim;
  std::vector<std::size_t> offset(static_cast<std::size_t>(N) + 1, 0);
  for (int i = 0; i < N; ++i)
    offset[static_cast<std::size_t>(i) + 1] = offset[static_cast<std::size_t>(i)] +
        static_cast<std::size_t>(rows.hi[static_cast<std::size_t>(i)] - rows.lo[static_cast<std::size_t>(i)] + 1);
  std::vector<std::uint8_t> dir(offset.back());
  int maxWidth = 0;
  for (int i = 0; i < N; ++i) maxWidth = std::max(maxWidth, rows.hi[static_cast<std::size_t>(i)] - rows.lo[static_cast<std::size_t>(i)] + 1);
  std::vector<double> prev(static_cast<std::size_t>(maxWidth), kInf), cur(static_cast<std::size_t>(maxWidth), kInf);
  std::vector<float> cost(static_cast<std::size_t>(maxWidth));
  int plo = 0, phi = -1;
  for (int i = 0; i < N; ++i) {
    const int lo = rows.lo[static_cast<std::size_t>(i)], hi = rows.hi[static_cast<std::size_t>(i)];
    const float* a = L.row(i);
    for (int j = lo; j <= hi; ++j) cost[static_cast<std::size_t>(j - lo)] = sqDist(a, E.row(j), dim);
    std::uint8_t* drow = dir.data() + offset[static_cast<std::size_t>(i)];
    double left = kInf;
    for (int j = lo; j <= hi; ++j) {
      double diag = kInf, up = kInf;
      if (i > 0) {
        if (j - 1 >= plo && j - 1 <= phi) diag = prev[static_cast<std::size_t>(j - 1 - plo)];
        if (j >= plo && j <= phi) up = prev[static_cast<std::size_t>(j - plo)];
      }
      double best;
      std::uint8_t d;
      if (i == 0 && j == 0) { best = 0.0; d = kDiag; }
      else if (diag <= up && diag <= left) { best = diag; d = kDiag; }
      else if (up <= left) { best = up; d = kUp; }
      else { best = left; d = kLeft; }
      const double v = best + static_cast<double>(cost[static_cast<std::size_t>(j - lo)]);
      cur[static_cast<std::size_t>(j - lo)] = v;
      drow[j - lo] = d;
      left = v;
    }
    std::swap(prev, cur);
    plo = lo;
    phi = hi;
  }
  WarpPath w;
  const int end = openEnd ? pickEnd(prev.data(), plo, phi, N) : std::min(M - 1, phi);
  w.expertEnd = end;
  w.cost = prev[static_cast<std::size_t>(end - plo)];
  int i = N - 1, j = end;
  while (true) {
    w.learner.push_back(i);
    w.expert.push_back(j);
    if (i == 0 && j == 0) break;
    const std::uint8_t d = dir[offset[static_cast<std::size_t>(i)] + static_cast<std::size_t>(j - rows.lo[static_cast<std::size_t>(i)])];
    if (i == 0) { --j; continue; }  // row 0 is reached only by expert-only steps
    if (d == kDiag) { --i; --j; }
    else if (d == kUp) { --i; }
    else { --j; }
    if (j < 0) j = 0;
  }
  std::reverse(w.learner.begin(), w.learner.end());
  std::reverse(w.expert.begin(), w.expert.end());
  return w;
}

// Corridor at the finer level around a coarse path (factor 4), radius r fine frames.
BandRows projectCorridor(const WarpPath& coarse, int factor, int N, int M, int r, const BandRows& band) {
  BandRows b;
  b.lo.assign(static_cast<std::size_t>(N), std::numeric_limits<std::int32_t>::max());
  b.hi.assign(static_cast<std::size_t>(N), -1);
  for (std::size_t k = 0; k < coarse.size(); ++k) {
    const int i0 = coarse.learner[k] * factor, j0 = coarse.expert[k] * factor;
    for (int i = i0; i < std::min(N, i0 + factor); ++i) {
      auto& lo = b.lo[static_cast<std::size_t>(i)];
      auto& hi = b.hi[static_cast<std::size_t>(i)];
      lo = std::min(lo, j0 - r);
      hi = std::max(hi, j0 + factor - 1 + r);
    }
  }
  for (int i = 0; i < N; ++i) {
    auto& lo = b.lo[static_cast<std::size_t>(i)];
    auto& hi = b.hi[static_cast<std::size_t>(i)];
    if (hi < 0) { lo = i > 0 ? b.lo[static_cast<std::size_t>(i) - 1] : 0; hi = i > 0 ? b.hi[static_cast<std::size_t>(i) - 1] : 0; }
    lo = std::max(lo, band.lo[static_cast<std::size_t>(i)]);
    hi = std::min(hi, band.hi[static_cast<std::size_t>(i)]);
    lo = std::max(lo, 0);
    hi = std::max(hi, lo);
  }
  repair(b, M);
  return b;
}

// `factor`: how many input frames one frame of this level averages.
WarpPath alignLevel(const FeatureMatrix& L, const FeatureMatrix& E, const DtwOptions& opt, int factor) {
  constexpr int kFactor = 4;
  const BandRows band = makeBand(L.frames, E.frames, opt);
  const bool limited = opt.maxCoarseFactor > 0 && factor * kFactor > opt.maxCoarseFactor;
  if (L.frames <= opt.coarseMinFrames || E.frames <= opt.coarseMinFrames || limited)
    return bandedCore(L, E, band, opt.openEnd);
  DtwOptions coarseOpt = opt;
  coarseOpt.refineRadius = opt.refineRadius;
  const WarpPath coarse =
      alignLevel(downsampleFeatures(L, kFactor), downsampleFeatures(E, kFactor), coarseOpt, factor * kFactor);
  const BandRows corridor = projectCorridor(coarse, kFactor, L.frames, E.frames, opt.refineRadius, band);
  return bandedCore(L, E, corridor, opt.openEnd);
}

}  // namespace

BandRows makeBand(int N, int M, const DtwOptions& opt) {
  BandRows b;
  b.lo.resize(static_cast<std::size_t>(N));
  b.hi.resize(static_cast<std::size_t>(N));
  const double w = std::max(1.0, std::ceil(std::clamp(opt.bandFraction, 0.0, 1.0) * M));
  const double corner = N > 1 ? static_cast<double>(M - 1) / static_cast<double>(N - 1) : 0.0;
  const double tempo = std::isfinite(opt.tempoSlope) && opt.tempoSlope > 0.0 ? opt.tempoSlope : 1.0;
  const double s1 = opt.openEnd ? std::min(tempo, corner) : corner;
  const double s2 = opt.openEnd ? std::max(tempo, corner) : corner;
  for (int i = 0; i < N; ++i) {
    const double lo = std::floor(i * s1 - w), hi = std::ceil(i * s2 + w);
    b.lo[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(std::clamp(lo, 0.0, static_cast<double>(M - 1)));
    b.hi[static_cast<std::size_t>(i)] = static_cast<std::int32_t>(std::clamp(hi, 0.0, static_cast<double>(M - 1)));
  }
  if (!opt.openEnd && N > 0) b.hi[static_cast<std::size_t>(N) - 1] = M - 1;
  repair(b, M);
  return b;
}

WarpPath alignDtw(const FeatureMatrix& learner, const FeatureMatrix& expert, const DtwOptions& opt) {
  if (learner.frames <= 0 || expert.frames <= 0 || learner.dim != expert.dim) return {};
  return alignLevel(learner, expert, opt, 1);
}

WarpPath referenceDtw(const FeatureMatrix& L, const FeatureMatrix& E, const DtwOptions& opt) {
  if (L.frames <= 0 || E.frames <= 0 || L.dim != E.dim) return {};
  const int N = L.frames, M = E.frames;
  const BandRows band = makeBand(N, M, opt);
  std::vector<double> D(static_cast<std::size_t>(N) * static_cast<std::size_t>(M), kInf);
  auto at = [&](int i, int j) -> double& { return D[static_cast<std::size_t>(i) * static_cast<std::size_t>(M) + static_cast<std::size_t>(j)]; };
  for (int i = 0; i < N; ++i)
    for (int j = band.lo[static_cast<std::size_t>(i)]; j <= band.hi[static_cast<std::size_t>(i)]; ++j) {
      double c = 0.0;
      for (int d = 0; d < L.dim; ++d) {
        const double t = static_cast<double>(L.row(i)[d]) - static_cast<double>(E.row(j)[d]);
        c += t * t;
      }
      double best = (i == 0 && j == 0) ? 0.0 : kInf;
      if (i > 0 && j > 0) best = std::min(best, at(i - 1, j - 1));
      if (i > 0) best = std::min(best, at(i - 1, j));
      if (j > 0) best = std::min(best, at(i, j - 1));
      at(i, j) = best + c;
    }
  WarpPath w;
  int end = M - 1;
  if (opt.openEnd) {
    std::vector<double> last(static_cast<std::size_t>(M));
    for (int j = 0; j < M; ++j) last[static_cast<std::size_t>(j)] = at(N - 1, j);
    end = pickEnd(last.data(), 0, M - 1, N);
  }
  w.expertEnd = end;
  w.cost = at(N - 1, end);
  int i = N - 1, j = end;
  while (true) {
    w.learner.push_back(i);
    w.expert.push_back(j);
    if (i == 0 && j == 0) break;
    const double diag = (i > 0 && j > 0) ? at(i - 1, j - 1) : kInf;
    const double up = i > 0 ? at(i - 1, j) : kInf;
    const double left = j > 0 ? at(i, j - 1) : kInf;
    if (diag <= up && diag <= left) { --i; --j; }
    else if (up <= left) { --i; }
    else { --j; }
  }
  std::reverse(w.learner.begin(), w.learner.end());
  std::reverse(w.expert.begin(), w.expert.end());
  return w;
}

}  // namespace mimesis
