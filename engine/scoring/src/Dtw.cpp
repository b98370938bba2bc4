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

// Where a banded DP's path ends in the last row, spanning [lo, hi] (`lastRow`), and its cost:
// the cheapest end per path length when the end is open, else the expert's last frame (or the
// band's last column). Both cores end their forward pass with this.
WarpPath pathEnd(const std::vector<double>& lastRow, int lo, int hi, int N, int M, bool openEnd) {
  WarpPath w;
  w.expertEnd = openEnd ? pickEnd(lastRow.data(), lo, hi, N) : std::min(M - 1, hi);
  w.cost = lastRow[static_cast<std::size_t>(w.expertEnd - lo)];
  return w;
}

// One DP row: D(i, j) for j in [lo, hi] from the previous row's [plo, phi] (`prev`, empty for
// i == 0) and the costs `cost`. `Step` is told each cell's choice (kDiag/kUp/kLeft) so the
// caller can store a direction or carry an origin. Every caller shares these exact double
// operations, which is what lets a recomputed stretch reproduce the first pass bit for bit.
template <class Step>
inline void dpRow(int i, int lo, int hi, const double* prev, int plo, int phi, const float* cost, double* cur, Step&& step) {
  double left = kInf;
  for (int j = lo; j <= hi; ++j) {
    double diag = kInf, up = kInf;
    if (i > 0) {
      if (j - 1 >= plo && j - 1 <= phi) diag = prev[j - 1 - plo];
      if (j >= plo && j <= phi) up = prev[j - plo];
    }
    double best;
    std::uint8_t d;
    if (i == 0 && j == 0) { best = 0.0; d = kDiag; }
    else if (diag <= up && diag <= left) { best = diag; d = kDiag; }
    else if (up <= left) { best = up; d = kUp; }
    else { best = left; d = kLeft; }
    const double v = best + static_cast<double>(cost[j - lo]);
    cur[j - lo] = v;
    step(j, d);
    left = v;
  }
}

inline void rowCosts(const FeatureMatrix& L, const FeatureMatrix& E, int i, int lo, int hi, float* cost) {
  const float* a = L.row(i);
  for (int j = lo; j <= hi; ++j) cost[j - lo] = sqDist(a, E.row(j), L.dim);
}

// Walks stored directions back from (i, j) until row `stopRow` (exclusive, -1: to (0, 0)),
// appending cells (reverse order). `dirAt(i, j)` gives a cell's direction.
template <class DirAt>
void walkBack(int i, int j, int stopRow, DirAt&& dirAt, WarpPath& w) {
  while (i > stopRow) {
    w.learner.push_back(i);
    w.expert.push_back(j);
    if (i == 0 && j == 0) break;
    const std::uint8_t d = dirAt(i, j);
    if (i == 0) { --j; continue; }  // row 0 is reached only by expert-only steps
    if (d == kDiag) { --i; --j; }
    else if (d == kUp) { --i; }
    else { --j; }
    if (j < 0) j = 0;
  }
}

int widthOf(const BandRows& rows, int i) {
  return rows.hi[static_cast<std::size_t>(i)] - rows.lo[static_cast<std::size_t>(i)] + 1;
}

// The DP over `rows` (row i spans [lo[i], hi[i]]) with one direction byte per cell.
WarpPath fullDirectionsCore(const FeatureMatrix& L, const FeatureMatrix& E, const BandRows& rows, bool openEnd) {
  const int N = L.frames, M = E.frames;
  std::vector<std::size_t> offset(static_cast<std::size_t>(N) + 1, 0);
  int maxWidth = 0;
  for (int i = 0; i < N; ++i) {
    offset[static_cast<std::size_t>(i) + 1] = offset[static_cast<std::size_t>(i)] + static_cast<std::size_t>(widthOf(rows, i));
    maxWidth = std::max(maxWidth, widthOf(rows, i));
  }
  std::vector<std::uint8_t> dir(offset.back());
  std::vector<double> prev(static_cast<std::size_t>(maxWidth), kInf), cur(static_cast<std::size_t>(maxWidth), kInf);
  std::vector<float> cost(static_cast<std::size_t>(maxWidth));
  int plo = 0, phi = -1;
  for (int i = 0; i < N; ++i) {
    const int lo = rows.lo[static_cast<std::size_t>(i)], hi = rows.hi[static_cast<std::size_t>(i)];
    rowCosts(L, E, i, lo, hi, cost.data());
    std::uint8_t* drow = dir.data() + offset[static_cast<std::size_t>(i)];
    dpRow(i, lo, hi, prev.data(), plo, phi, cost.data(), cur.data(), [&](int j, std::uint8_t d) { drow[j - lo] = d; });
    std::swap(prev, cur);
    plo = lo;
    phi = hi;
  }
  WarpPath w = pathEnd(prev, plo, phi, N, M, openEnd);
  const int end = w.expertEnd;
  walkBack(N - 1, end, -1, [&](int i, int j) {
    return dir[offset[static_cast<std::size_t>(i)] + static_cast<std::size_t>(j - rows.lo[static_cast<std::size_t>(i)])];
  }, w);
  std::reverse(w.learner.begin(), w.learner.end());
  std::reverse(w.expert.begin(), w.expert.end());
  return w;
}

// The same DP keeping, every K rows (the checkpoint rows), each cell's cost D and the column
// where its best path last stood in the checkpoint row before ("origin"; -1 before the first).
// Backtracking then knows one path cell per checkpoint row, (r, c) = the path's last cell in
// row r, and re-runs the DP of each stretch between two of them inside [c_a, c_b] only, seeded
// with the stored D(r_a, c_a). Along the path every value is the same double sum as in the
// first pass, and a cell off the path can only cost more from a narrower start, so the
// stretch's directions pick the same cells (tie order included).
WarpPath checkpointedCore(const FeatureMatrix& L, const FeatureMatrix& E, const BandRows& rows, bool openEnd,
                          std::size_t cells, std::size_t budget) {
  const int N = L.frames, M = E.frames;
  constexpr std::size_t kBytesPerCheckpointCell = sizeof(double) + sizeof(std::int32_t);
  const int K = static_cast<int>(std::clamp<std::size_t>(
      (cells * kBytesPerCheckpointCell + budget - 1) / std::max<std::size_t>(budget, 1), 2, static_cast<std::size_t>(N)));
  auto isCheckpoint = [&](int i) { return (i + 1) % K == 0 && i < N - 1; };
  std::vector<std::size_t> ckOffset;  // start of each checkpoint row in ckCost/ckOrigin
  std::size_t ckCells = 0;
  int maxWidth = 0;
  for (int i = 0; i < N; ++i) {
    maxWidth = std::max(maxWidth, widthOf(rows, i));
    if (isCheckpoint(i)) { ckOffset.push_back(ckCells); ckCells += static_cast<std::size_t>(widthOf(rows, i)); }
  }
  std::vector<double> ckCost(ckCells);
  std::vector<std::int32_t> ckOrigin(ckCells);
  const std::size_t W = static_cast<std::size_t>(maxWidth);
  std::vector<double> prev(W, kInf), cur(W, kInf);
  std::vector<std::int32_t> prevOrg(W, -1), curOrg(W, -1);
  std::vector<float> cost(W);
  int plo = 0, phi = -1;
  for (int i = 0; i < N; ++i) {
    const int lo = rows.lo[static_cast<std::size_t>(i)], hi = rows.hi[static_cast<std::size_t>(i)];
    rowCosts(L, E, i, lo, hi, cost.data());
    std::int32_t* org = curOrg.data();
    const std::int32_t* porg = prevOrg.data();
    dpRow(i, lo, hi, prev.data(), plo, phi, cost.data(), cur.data(), [&](int j, std::uint8_t d) {
      std::int32_t o = -1;
      if (i > 0 && d == kDiag && j - 1 >= plo && j - 1 <= phi) o = porg[j - 1 - plo];
      else if (i > 0 && d == kUp && j >= plo && j <= phi) o = porg[j - plo];
      else if (d == kLeft && j > lo) o = org[j - 1 - lo];
      org[j - lo] = o;
    });
    if (isCheckpoint(i)) {
      const std::size_t at = ckOffset[static_cast<std::size_t>((i + 1) / K - 1)];
      const std::size_t n = static_cast<std::size_t>(hi - lo + 1);
      std::copy_n(cur.begin(), n, ckCost.begin() + static_cast<std::ptrdiff_t>(at));
      std::copy_n(curOrg.begin(), n, ckOrigin.begin() + static_cast<std::ptrdiff_t>(at));
      for (int j = lo; j <= hi; ++j) curOrg[static_cast<std::size_t>(j - lo)] = j;
    }
    std::swap(prev, cur);
    std::swap(prevOrg, curOrg);
    plo = lo;
    phi = hi;
  }
  WarpPath w = pathEnd(prev, plo, phi, N, M, openEnd);
  const int end = w.expertEnd;

  // One known path cell per checkpoint row, from the end back.
  struct Point { int row, col; };
  std::vector<Point> points{{N - 1, end}};
  for (int c = prevOrg[static_cast<std::size_t>(end - plo)], r = (N - 1) / K * K - 1; c >= 0 && r >= 0; r -= K) {
    if (r >= N - 1) continue;
    points.push_back({r, c});
    const std::size_t at = ckOffset[static_cast<std::size_t>((r + 1) / K - 1)];
    c = ckOrigin[at + static_cast<std::size_t>(c - rows.lo[static_cast<std::size_t>(r)])];
  }
  // Re-run each stretch (ra, ca] .. (rb, cb] with its own direction bytes.
  std::vector<std::uint8_t> dir;
  std::vector<std::size_t> offset;
  std::vector<int> slo;
  for (std::size_t k = 0; k < points.size(); ++k) {
    const Point b = points[k];
    const bool first = k + 1 == points.size();
    const Point a = first ? Point{-1, 0} : points[k + 1];
    const int r0 = a.row + 1, rows_n = b.row - a.row;
    offset.assign(static_cast<std::size_t>(rows_n) + 1, 0);
    slo.assign(static_cast<std::size_t>(rows_n), 0);
    for (int i = r0; i <= b.row; ++i) {
      const int lo = std::max(rows.lo[static_cast<std::size_t>(i)], a.col);
      const int hi = std::min(rows.hi[static_cast<std::size_t>(i)], b.col);
      slo[static_cast<std::size_t>(i - r0)] = lo;
      offset[static_cast<std::size_t>(i - r0) + 1] = offset[static_cast<std::size_t>(i - r0)] + static_cast<std::size_t>(std::max(0, hi - lo + 1));
    }
    dir.resize(offset.back());
    // The seed: the stored D of the stretch's start cell (none before row 0).
    int sp_lo = a.col, sp_hi = first ? -1 : a.col;
    if (!first) {
      const std::size_t at = ckOffset[static_cast<std::size_t>((a.row + 1) / K - 1)];
      prev[0] = ckCost[at + static_cast<std::size_t>(a.col - rows.lo[static_cast<std::size_t>(a.row)])];
    }
    for (int i = r0; i <= b.row; ++i) {
      const int lo = slo[static_cast<std::size_t>(i - r0)];
      const int hi = lo + static_cast<int>(offset[static_cast<std::size_t>(i - r0) + 1] - offset[static_cast<std::size_t>(i - r0)]) - 1;
      rowCosts(L, E, i, lo, hi, cost.data());
      std::uint8_t* drow = dir.data() + offset[static_cast<std::size_t>(i - r0)];
      dpRow(i, lo, hi, prev.data(), sp_lo, sp_hi, cost.data(), cur.data(), [&](int j, std::uint8_t d) { drow[j - lo] = d; });
      std::swap(prev, cur);
      sp_lo = lo;
      sp_hi = hi;
    }
    walkBack(b.row, b.col, a.row, [&](int i, int j) {
      return dir[offset[static_cast<std::size_t>(i - r0)] + static_cast<std::size_t>(j - slo[static_cast<std::size_t>(i - r0)])];
    }, w);
  }
  std::reverse(w.learner.begin(), w.learner.end());
  std::reverse(w.expert.begin(), w.expert.end());
  return w;
}

WarpPath bandedCore(const FeatureMatrix& L, const FeatureMatrix& E, const BandRows& rows, bool openEnd,
                    std::size_t budget) {
  std::size_t cells = 0;
  for (int i = 0; i < L.frames; ++i) cells += static_cast<std::size_t>(widthOf(rows, i));
  if (cells <= budget) return fullDirectionsCore(L, E, rows, openEnd);
  return checkpointedCore(L, E, rows, openEnd, cells, budget);
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
  if (L.frames <= opt.coarseMinFrames || E.frames <= opt.coarseMinFrames)
    return bandedCore(L, E, band, opt.openEnd, opt.pathMemoryBytes);
  const int coarser = factor * kFactor;
  int radius = opt.refineRadius;
  if (opt.maxCoarseFactor > 0 && coarser > opt.maxCoarseFactor) {
    // A level at the limit: a coarser path is trusted only as the centre of a wide search, and
    // only where that search is narrower than the band (short inputs keep the band as before).
    const int wide = opt.searchRadius > 0 ? (opt.searchRadius + factor - 1) / factor : 0;
    const double halfBand = std::max(1.0, std::ceil(std::clamp(opt.bandFraction, 0.0, 1.0) * E.frames));
    if (wide <= 0 || coarser > opt.maxSearchFactor || halfBand <= wide)
      return bandedCore(L, E, band, opt.openEnd, opt.pathMemoryBytes);
    radius = wide;
  }
  const WarpPath coarse =
      alignLevel(downsampleFeatures(L, kFactor), downsampleFeatures(E, kFactor), opt, coarser);
  const BandRows corridor = projectCorridor(coarse, kFactor, L.frames, E.frames, radius, band);
  return bandedCore(L, E, corridor, opt.openEnd, opt.pathMemoryBytes);
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
