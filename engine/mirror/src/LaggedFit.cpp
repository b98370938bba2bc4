// LaggedFit: windowed cross sums per lag, expert window sums by age, parabolic peak refinement.
#include "mimesis/mirror/LaggedFit.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

#include "mimesis/scoring/Gain.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace mimesis {
namespace {
constexpr double kTiny = 1e-12;

// The per-lag kernels are element-wise (no reassociation, no FMA: AVX2 does not imply FMA), so
// the AVX2 clone, picked at load time where the CPU has it, gives the same bytes as the
// baseline one at twice the width.
#if defined(__x86_64__) && defined(__linux__) && defined(__GNUC__) && !defined(__clang__)
#define MIMESIS_LAG_KERNEL __attribute__((target_clones("avx2", "default")))
#else
#define MIMESIS_LAG_KERNEL
#endif

// Cross sums of one expert ring against one learner hand: c[i] += x(i)·y − x(i + W)·w.
MIMESIS_LAG_KERNEL
void crossUpdate1(const double* __restrict xs, const double* __restrict ys,
                  const double* __restrict zs, std::size_t lags, std::size_t W, const double* yw,
                  double* __restrict c) {
  const double y0 = yw[0], y1 = yw[1], y2 = yw[2], w0 = yw[3], w1 = yw[4], w2 = yw[5];
  for (std::size_t i = 0; i < lags; ++i)
    c[i] += (xs[i] * y0 + ys[i] * y1 + zs[i] * y2) -
            (xs[i + W] * w0 + ys[i + W] * w1 + zs[i + W] * w2);
}

// The same against both learner hands in one sweep over the expert ring.
MIMESIS_LAG_KERNEL
void crossUpdate2(const double* __restrict xs, const double* __restrict ys,
                  const double* __restrict zs, std::size_t lags, std::size_t W, const double* yw,
                  const double* vu, double* __restrict c, double* __restrict c2) {
  const double y0 = yw[0], y1 = yw[1], y2 = yw[2], w0 = yw[3], w1 = yw[4], w2 = yw[5];
  const double v0 = vu[0], v1 = vu[1], v2 = vu[2], u0 = vu[3], u1 = vu[4], u2 = vu[5];
#pragma GCC ivdep
  for (std::size_t i = 0; i < lags; ++i) {
    const double x0 = xs[i], x1 = ys[i], x2 = zs[i];
    const double o0 = xs[i + W], o1 = ys[i + W], o2 = zs[i + W];
    c[i] += (x0 * y0 + x1 * y1 + x2 * y2) - (o0 * w0 + o1 * w1 + o2 * w2);
    c2[i] += (x0 * v0 + x1 * v1 + x2 * v2) - (o0 * u0 + o1 * u1 + o2 * u2);
  }
}

// Covariance and expert variance per lag from the window sums (see pairMoments()).
MIMESIS_LAG_KERNEL
void momentsKernel(const double* __restrict hx, const double* __restrict hy,
                   const double* __restrict hz, const double* __restrict hxx,
                   const double* __restrict c, std::size_t n, double w, double w2, double syx,
                   double syy, double syz, double* __restrict co, double* __restrict vx) {
  for (std::size_t i = 0; i < n; ++i) {
    co[i] = c[i] / w - (hx[i] * syx + hy[i] * syy + hz[i] * syz) / w2;
    vx[i] = std::max(0.0, hxx[i] / w - (hx[i] * hx[i] + hy[i] * hy[i] + hz[i] * hz[i]) / w2);
  }
}

// Normalized correlation per lag: cov / sqrt(varX · varY), 0 where either variance vanishes.
// Two lags at a time where SSE2 exists (std::sqrt's errno handling keeps the compiler from
// vectorizing it); sqrt and division are correctly rounded, so the bytes equal the scalar form.
void correlationKernel(const double* cov, const double* varX, const double* varY, std::size_t n,
                       double* r) {
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128d tiny = _mm_set1_pd(kTiny), one = _mm_set1_pd(1.0);
  for (; i + 2 <= n; i += 2) {
    const __m128d vx = _mm_loadu_pd(varX + i), vy = _mm_loadu_pd(varY + i);
    const __m128d ok = _mm_and_pd(_mm_cmpgt_pd(vx, tiny), _mm_cmpgt_pd(vy, tiny));
    const __m128d prod = _mm_or_pd(_mm_and_pd(ok, _mm_mul_pd(vx, vy)), _mm_andnot_pd(ok, one));
    const __m128d num = _mm_and_pd(ok, _mm_loadu_pd(cov + i));
    _mm_storeu_pd(r + i, _mm_div_pd(num, _mm_sqrt_pd(prod)));
  }
#endif
  for (; i < n; ++i)
    r[i] = (varX[i] > kTiny && varY[i] > kTiny) ? cov[i] / std::sqrt(varX[i] * varY[i]) : 0.0;
}
// r·|r| per lag (0 where either variance vanishes): the ordering of the correlation curve.
void signedSquareKernel(const double* __restrict cov, const double* __restrict varX,
                        const double* __restrict varY, std::size_t n, double* __restrict key) {
  for (std::size_t i = 0; i < n; ++i) {
    const bool ok = varX[i] > kTiny && varY[i] > kTiny;
    const double c = ok ? cov[i] : 0.0;
    key[i] = (c * std::abs(c)) / (ok ? varX[i] * varY[i] : 1.0);
  }
}
// The rings are stored per stream twice over (2 x depth slots; a sample goes at its slot and
// depth slots later), so every window of them reads as one contiguous run. The slot of `age`
// (clamped into the ring) in `stream`'s ring whose newest sample is at `head`:
std::size_t ringSlot(int stream, std::size_t depth, std::size_t head, int age) {
  return static_cast<std::size_t>(stream) * 2 * depth + head +
         std::min(static_cast<std::size_t>(std::max(0, age)), depth - 1);
}

// Writes sample `v` and its validity at slot `b` and its twin `b + depth`.
void writeTwice(std::vector<double>& rx, std::vector<double>& ry, std::vector<double>& rz,
                std::vector<unsigned char>& valid, std::size_t b, std::size_t depth, const glm::dvec3& v,
                unsigned char ok) {
  rx[b] = rx[b + depth] = v.x;
  ry[b] = ry[b + depth] = v.y;
  rz[b] = rz[b + depth] = v.z;
  valid[b] = valid[b + depth] = ok;
}

glm::dvec3 sampleAt(const std::vector<double>& rx, const std::vector<double>& ry, const std::vector<double>& rz,
                    std::size_t i) {
  return {rx[i], ry[i], rz[i]};
}

}  // namespace

void LaggedFit::configure(int streams, std::span<const std::pair<int, int>> pairs, int window,
                          int lagMin, int lagMax) {
  streams_ = std::max(1, streams);
  window_ = std::max(2, window);
  lagMin_ = std::min(lagMin, lagMax);
  lagMax_ = std::max(lagMin, lagMax);
  delay_ = std::max(0, -lagMin_);
  lags_ = lagMax_ - lagMin_ + 1;
  expertDepth_ = static_cast<std::size_t>(delay_ + lagMax_ + window_ + 1);
  learnerDepth_ = static_cast<std::size_t>(delay_ + window_ + 1);
  histDepth_ = static_cast<std::size_t>(delay_ + std::max(0, lagMax_) + 1);
  pairs_.assign(pairs.begin(), pairs.end());
  pushOrder_.clear();
  {
    std::vector<bool> done(pairs_.size(), false);
    for (std::size_t p = 0; p < pairs_.size(); ++p) {
      if (done[p]) continue;
      done[p] = true;
      int partner = -1;
      for (std::size_t q = p + 1; q < pairs_.size() && partner < 0; ++q)
        if (!done[q] && pairs_[q].first == pairs_[p].first) {
          partner = static_cast<int>(q);
          done[q] = true;
        }
      pushOrder_.push_back({static_cast<int>(p), partner});
    }
  }
  const std::size_t S = static_cast<std::size_t>(streams_);
  for (auto* v : {&ex_, &ey_, &ez_}) v->assign(S * 2 * expertDepth_, 0.0);
  for (auto* v : {&lx_, &ly_, &lz_}) v->assign(S * 2 * learnerDepth_, 0.0);
  eValid_.assign(S * 2 * expertDepth_, 0);
  lValid_.assign(S * 2 * learnerDepth_, 0);
  for (auto* v : {&hx_, &hy_, &hz_, &hxx_}) v->assign(S * 2 * histDepth_, 0.0);
  eSum_.assign(S, glm::dvec3(0.0));
  lSum_.assign(S, glm::dvec3(0.0));
  eSumSq_.assign(S, 0.0);
  lSumSq_.assign(S, 0.0);
  eValidCount_.assign(S, 0);
  lValidCount_.assign(S, 0);
  eLastNonZero_.assign(S, -static_cast<long>(expertDepth_) - 1);
  cross_.assign(pairs_.size() * static_cast<std::size_t>(lags_), 0.0);
  scratchR_.assign(static_cast<std::size_t>(lags_), 0.0);
  scratchCov_.assign(static_cast<std::size_t>(lags_), 0.0);
  scratchVar_.assign(static_cast<std::size_t>(lags_), 0.0);
  scratchVar2_.assign(static_cast<std::size_t>(lags_), 0.0);
  eHead_ = lHead_ = hHead_ = 0;
  pushed_ = 0;
}

void LaggedFit::push(std::span<const glm::dvec3> expert, std::span<const bool> expertValid,
                     std::span<const glm::dvec3> learner, std::span<const bool> learnerValid) {
  if (lags_ == 0) return;
  const std::size_t E = expertDepth_, L = learnerDepth_, H = histDepth_;
  const std::size_t W = static_cast<std::size_t>(window_), D = static_cast<std::size_t>(delay_);
  eHead_ = (eHead_ + E - 1) % E;
  lHead_ = (lHead_ + L - 1) % L;
  hHead_ = (hHead_ + H - 1) % H;
  for (std::size_t s = 0; s < static_cast<std::size_t>(streams_); ++s) {
    const glm::dvec3 x = s < expert.size() ? expert[s] : glm::dvec3(0.0);
    const glm::dvec3 y = s < learner.size() ? learner[s] : glm::dvec3(0.0);
    const unsigned char xv = s < expertValid.size() && expertValid[s] ? 1 : 0;
    const unsigned char yv = s < learnerValid.size() && learnerValid[s] ? 1 : 0;
    if (x.x != 0.0 || x.y != 0.0 || x.z != 0.0) eLastNonZero_[s] = pushed_;
    // Expert ring and its window sum over ages 0..W-1.
    const std::size_t eb = s * 2 * E + eHead_;
    writeTwice(ex_, ey_, ez_, eValid_, eb, E, x, xv);
    const glm::dvec3 xOut = sampleAt(ex_, ey_, ez_, eb + W);
    eSum_[s] += x - xOut;
    eSumSq_[s] += glm::dot(x, x) - glm::dot(xOut, xOut);
    eValidCount_[s] += xv - eValid_[eb + W];
    const std::size_t hb = s * 2 * H + hHead_;
    hx_[hb] = hx_[hb + H] = eSum_[s].x;
    hy_[hb] = hy_[hb + H] = eSum_[s].y;
    hz_[hb] = hz_[hb + H] = eSum_[s].z;
    hxx_[hb] = hxx_[hb + H] = eSumSq_[s];
    // Learner ring and its window sum over ages D..D+W-1 (the judged window).
    const std::size_t lb = s * 2 * L + lHead_;
    writeTwice(lx_, ly_, lz_, lValid_, lb, L, y, yv);
    const glm::dvec3 yIn = sampleAt(lx_, ly_, lz_, lb + D);
    const glm::dvec3 yOut = sampleAt(lx_, ly_, lz_, lb + D + W);
    lSum_[s] += yIn - yOut;
    lSumSq_[s] += glm::dot(yIn, yIn) - glm::dot(yOut, yOut);
    lValidCount_[s] += lValid_[lb + D] - lValid_[lb + D + W];
  }
  // Cross sums: add dot(x(age D+lag), y(age D)), drop dot(x(age D+lag+W), y(age D+W)).
  const std::size_t base0 = static_cast<std::size_t>(delay_ + lagMin_);  // >= 0 by construction
  const std::size_t lags = static_cast<std::size_t>(lags_);
  // Each pair's sums are independent (same expression either way); two pairs that share an
  // expert stream are updated in one sweep over its ring.
  for (const auto& [p, q] : pushOrder_) {
    const std::size_t a = static_cast<std::size_t>(pairs_[static_cast<std::size_t>(p)].first);
    // An expert ring that is all zeros (a hand this clip has not shown yet) adds exactly +0 to
    // every cross sum: skipping it changes no bit and halves the work for one-handed clips.
    if (pushed_ - eLastNonZero_[a] >= static_cast<long>(E)) continue;
    const std::size_t eb = a * 2 * E + eHead_ + base0;
    const double* xs = &ex_[eb];
    const double* ys = &ey_[eb];
    const double* zs = &ez_[eb];
    const std::size_t lb = static_cast<std::size_t>(pairs_[static_cast<std::size_t>(p)].second) * 2 * L + lHead_;
    const double yw[6] = {lx_[lb + D], ly_[lb + D], lz_[lb + D],
                          lx_[lb + D + W], ly_[lb + D + W], lz_[lb + D + W]};
    double* c = &cross_[static_cast<std::size_t>(p) * lags];
    if (q < 0) {
      crossUpdate1(xs, ys, zs, lags, W, yw, c);
      continue;
    }
    const std::size_t mb = static_cast<std::size_t>(pairs_[static_cast<std::size_t>(q)].second) * 2 * L + lHead_;
    const double vu[6] = {lx_[mb + D], ly_[mb + D], lz_[mb + D],
                          lx_[mb + D + W], ly_[mb + D + W], lz_[mb + D + W]};
    crossUpdate2(xs, ys, zs, lags, W, yw, vu, c, &cross_[static_cast<std::size_t>(q) * lags]);
  }
  ++pushed_;
}

LaggedFit::Moments LaggedFit::moments(int pair, int lagIndex) const {
  const auto [a, b] = pairs_[static_cast<std::size_t>(pair)];
  const double n = window_;
  const std::size_t H = histDepth_;
  const std::size_t hb = static_cast<std::size_t>(a) * 2 * H + hHead_ +
                         static_cast<std::size_t>(delay_ + lagMin_ + lagIndex);
  const glm::dvec3 sx(hx_[hb], hy_[hb], hz_[hb]);
  const glm::dvec3& sy = lSum_[static_cast<std::size_t>(b)];
  const double c = cross_[static_cast<std::size_t>(pair) * static_cast<std::size_t>(lags_) +
                          static_cast<std::size_t>(lagIndex)];
  Moments m;
  m.cov = c / n - glm::dot(sx, sy) / (n * n);
  m.varX = std::max(0.0, hxx_[hb] / n - glm::dot(sx, sx) / (n * n));
  m.varY = std::max(0.0, lSumSq_[static_cast<std::size_t>(b)] / n - glm::dot(sy, sy) / (n * n));
  return m;
}

LagFit LaggedFit::peak(std::span<const double> r, std::size_t best, std::span<const double> cov,
                       std::span<const double> varX, int pairs, double expertRms, int pairForOffset) const {
  LagFit f;
  double delta = 0.0;
  double rPeak = r[best];
  if (best > 0 && best + 1 < r.size()) {
    const double denom = r[best - 1] - 2.0 * r[best] + r[best + 1];
    if (denom < -kTiny) {
      delta = std::clamp(0.5 * (r[best - 1] - r[best + 1]) / denom, -0.5, 0.5);
      rPeak = r[best] - 0.25 * (r[best - 1] - r[best + 1]) * delta;
    }
  }
  // The one gain estimator (scoring/Gain.hpp) at each lag; the expert-motion gate was applied
  // by the caller over the whole lag range. Moments are per-window means, one per pooled pair.
  auto gainAt = [&](std::size_t i) { return gainOf({cov[i], varX[i], static_cast<double>(pairs)}, 0.0).value_or(0.0); };
  double gain = gainAt(best);
  if (delta > 0.0 && best + 1 < r.size()) gain += delta * (gainAt(best + 1) - gain);
  if (delta < 0.0 && best > 0) gain += -delta * (gainAt(best - 1) - gain);
  f.lagFrames = lagMin_ + static_cast<double>(best) + delta;
  f.gain = gain;
  f.r = std::clamp(rPeak, -1.0, 1.0);
  f.expertRms = expertRms;
  if (pairForOffset >= 0) {
    const auto [a, b] = pairs_[static_cast<std::size_t>(pairForOffset)];
    f.offset = learnerMean(b) - gain * expertMean(a, lagMin_ + static_cast<int>(best));
  }
  f.valid = std::isfinite(f.r) && std::isfinite(f.gain) && std::isfinite(f.lagFrames);
  if (!f.valid) f = LagFit{};
  return f;
}

LagFit LaggedFit::fitPair(int pair, double minExpertRms) const {
  return fitPooled(std::span<const int>(&pair, 1), minExpertRms);
}

LagFit LaggedFit::fitPooled(std::span<const int> pairs, double minExpertRms) const {
  if (!ready() || pairs.empty()) return {};
  for (int i = 0; i < lags_; ++i) {
    double cov = 0, vx = 0, vy = 0;
    for (int p : pairs) {
      const Moments m = moments(p, i);
      cov += m.cov;
      vx += m.varX;
      vy += m.varY;
    }
    const std::size_t k = static_cast<std::size_t>(i);
    scratchCov_[k] = cov;
    scratchVar_[k] = vx;
    scratchR_[k] = vy;
  }
  return fitFromMoments(scratchCov_, scratchVar_, scratchR_, static_cast<int>(pairs.size()),
                        minExpertRms, pairs.size() == 1 ? pairs[0] : -1);
}

void LaggedFit::pairMoments(int pair, std::span<double> cov, std::span<double> varX,
                            std::span<double> varY) const {
  const std::size_t n = std::min({cov.size(), varX.size(), varY.size(), static_cast<std::size_t>(lags_)});
  const auto [a, b] = pairs_[static_cast<std::size_t>(pair)];
  // Same as moments() for every lag, with the learner's terms hoisted and contiguous history
  // arrays, so the loop vectorizes.
  const double w = window_, w2 = w * w;
  const glm::dvec3& sy = lSum_[static_cast<std::size_t>(b)];
  const double vy = std::max(0.0, lSumSq_[static_cast<std::size_t>(b)] / w - glm::dot(sy, sy) / w2);
  const std::size_t hb = static_cast<std::size_t>(a) * 2 * histDepth_ + hHead_ +
                         static_cast<std::size_t>(delay_ + lagMin_);
  momentsKernel(&hx_[hb], &hy_[hb], &hz_[hb], &hxx_[hb],
                &cross_[static_cast<std::size_t>(pair) * static_cast<std::size_t>(lags_)], n, w, w2,
                sy.x, sy.y, sy.z, cov.data(), varX.data());
  std::fill(varY.begin(), varY.begin() + static_cast<std::ptrdiff_t>(n), vy);
}

LagFit LaggedFit::fitFromMoments(std::span<const double> cov, std::span<const double> varX,
                                 std::span<const double> varY, int pairs, double minExpertRms,
                                 int pairForOffset) const {
  const std::size_t n = static_cast<std::size_t>(lags_);
  if (!ready() || pairs <= 0 || cov.size() < n || varX.size() < n || varY.size() < n) return {};
  // The correlation curve goes in a member scratch unless the caller passed that very buffer.
  std::vector<double>& r = (varY.data() == scratchR_.data()) ? scratchVar2_ : scratchR_;
  r.resize(n);  // sized by configure(); never grows here
  double varXSum = 0.0;
  for (std::size_t i = 0; i < n; ++i) varXSum += varX[i];
  const double expertRms = std::sqrt(varXSum / static_cast<double>(n) / pairs);
  if (!(expertRms >= minExpertRms)) return {};
  // The peak is found on r·|r| = cov·|cov| / (varX·varY), which orders lags as r does without
  // a square root per lag; r itself is then computed at the peak and its two neighbours only.
  signedSquareKernel(cov.data(), varX.data(), varY.data(), n, r.data());
  std::size_t best = 0;
  for (std::size_t i = 1; i < n; ++i)
    if (r[i] > r[best]) best = i;
  const std::size_t lo = best > 0 ? best - 1 : 0, hi = std::min(n, best + 2);
  correlationKernel(cov.data() + lo, varX.data() + lo, varY.data() + lo, hi - lo, r.data() + lo);
  return peak(std::span<const double>(r.data(), n), best, cov.first(n), varX.first(n), pairs, expertRms,
              pairForOffset);
}

double LaggedFit::expertValidFraction(int stream) const {
  return static_cast<double>(eValidCount_[static_cast<std::size_t>(stream)]) / window_;
}
double LaggedFit::learnerValidFraction(int stream) const {
  return static_cast<double>(lValidCount_[static_cast<std::size_t>(stream)]) / window_;
}

glm::dvec3 LaggedFit::expertAt(int stream, int age) const {
  return sampleAt(ex_, ey_, ez_, ringSlot(stream, expertDepth_, eHead_, age));
}
glm::dvec3 LaggedFit::learnerAt(int stream, int age) const {
  return sampleAt(lx_, ly_, lz_, ringSlot(stream, learnerDepth_, lHead_, age));
}
bool LaggedFit::expertValidAt(int stream, int age) const {
  return eValid_[ringSlot(stream, expertDepth_, eHead_, age)] != 0;
}
bool LaggedFit::learnerValidAt(int stream, int age) const {
  return lValid_[ringSlot(stream, learnerDepth_, lHead_, age)] != 0;
}

glm::dvec3 LaggedFit::learnerMean(int stream) const {
  return lSum_[static_cast<std::size_t>(stream)] / static_cast<double>(window_);
}
glm::dvec3 LaggedFit::expertMean(int stream, int lag) const {
  const int age = std::clamp(delay_ + lag, 0, static_cast<int>(histDepth_) - 1);
  const std::size_t hb = static_cast<std::size_t>(stream) * 2 * histDepth_ + hHead_ +
                         static_cast<std::size_t>(age);
  return glm::dvec3(hx_[hb], hy_[hb], hz_[hb]) / static_cast<double>(window_);
}

}  // namespace mimesis
