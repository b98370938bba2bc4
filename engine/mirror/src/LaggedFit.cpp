// LaggedFit: windowed cross sums per lag, expert window sums by age, parabolic peak refinement.
#include "mimesis/mirror/LaggedFit.hpp"

#include <algorithm>
#include <cmath>

#include <glm/geometric.hpp>

namespace mimesis {
namespace {
constexpr double kTiny = 1e-12;
}

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
    // Expert ring and its window sum over ages 0..W-1.
    const std::size_t eb = s * 2 * E + eHead_;
    ex_[eb] = ex_[eb + E] = x.x;
    ey_[eb] = ey_[eb + E] = x.y;
    ez_[eb] = ez_[eb + E] = x.z;
    eValid_[eb] = eValid_[eb + E] = xv;
    const glm::dvec3 xOut(ex_[eb + W], ey_[eb + W], ez_[eb + W]);
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
    lx_[lb] = lx_[lb + L] = y.x;
    ly_[lb] = ly_[lb + L] = y.y;
    lz_[lb] = lz_[lb + L] = y.z;
    lValid_[lb] = lValid_[lb + L] = yv;
    const glm::dvec3 yIn(lx_[lb + D], ly_[lb + D], lz_[lb + D]);
    const glm::dvec3 yOut(lx_[lb + D + W], ly_[lb + D + W], lz_[lb + D + W]);
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
    const std::size_t eb = a * 2 * E + eHead_ + base0;
    const double* __restrict xs = &ex_[eb];
    const double* __restrict ys = &ey_[eb];
    const double* __restrict zs = &ez_[eb];
    const std::size_t lb = static_cast<std::size_t>(pairs_[static_cast<std::size_t>(p)].second) * 2 * L + lHead_;
    const double y0 = lx_[lb + D], y1 = ly_[lb + D], y2 = lz_[lb + D];
    const double w0 = lx_[lb + D + W], w1 = ly_[lb + D + W], w2 = lz_[lb + D + W];
    double* __restrict c = &cross_[static_cast<std::size_t>(p) * lags];
    if (q < 0) {
      for (std::size_t i = 0; i < lags; ++i)
        c[i] += (xs[i] * y0 + ys[i] * y1 + zs[i] * y2) -
                (xs[i + W] * w0 + ys[i + W] * w1 + zs[i + W] * w2);
      continue;
    }
    const std::size_t mb = static_cast<std::size_t>(pairs_[static_cast<std::size_t>(q)].second) * 2 * L + lHead_;
    const double v0 = lx_[mb + D], v1 = ly_[mb + D], v2 = lz_[mb + D];
    const double u0 = lx_[mb + D + W], u1 = ly_[mb + D + W], u2 = lz_[mb + D + W];
    double* __restrict c2 = &cross_[static_cast<std::size_t>(q) * lags];
#pragma GCC ivdep
    for (std::size_t i = 0; i < lags; ++i) {
      const double x0 = xs[i], x1 = ys[i], x2 = zs[i];
      const double o0 = xs[i + W], o1 = ys[i + W], o2 = zs[i + W];
      c[i] += (x0 * y0 + x1 * y1 + x2 * y2) - (o0 * w0 + o1 * w1 + o2 * w2);
      c2[i] += (x0 * v0 + x1 * v1 + x2 * v2) - (o0 * u0 + o1 * u1 + o2 * u2);
    }
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

LagFit LaggedFit::peak(std::span<const double> r, std::span<const double> cov,
                       std::span<const double> varX, double expertRms, int pairForOffset) const {
  LagFit f;
  std::size_t best = 0;
  for (std::size_t i = 1; i < r.size(); ++i)
    if (r[i] > r[best]) best = i;
  double delta = 0.0;
  double rPeak = r[best];
  if (best > 0 && best + 1 < r.size()) {
    const double denom = r[best - 1] - 2.0 * r[best] + r[best + 1];
    if (denom < -kTiny) {
      delta = std::clamp(0.5 * (r[best - 1] - r[best + 1]) / denom, -0.5, 0.5);
      rPeak = r[best] - 0.25 * (r[best - 1] - r[best + 1]) * delta;
    }
  }
  auto gainAt = [&](std::size_t i) { return varX[i] > kTiny ? cov[i] / varX[i] : 0.0; };
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
  const double* __restrict hx = &hx_[hb];
  const double* __restrict hy = &hy_[hb];
  const double* __restrict hz = &hz_[hb];
  const double* __restrict hxx = &hxx_[hb];
  const double* __restrict c = &cross_[static_cast<std::size_t>(pair) * static_cast<std::size_t>(lags_)];
  double* __restrict co = cov.data();
  double* __restrict vx = varX.data();
  for (std::size_t i = 0; i < n; ++i) {
    co[i] = c[i] / w - (hx[i] * sy.x + hy[i] * sy.y + hz[i] * sy.z) / w2;
    vx[i] = std::max(0.0, hxx[i] / w - (hx[i] * hx[i] + hy[i] * hy[i] + hz[i] * hz[i]) / w2);
  }
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
  for (std::size_t i = 0; i < n; ++i) {
    r[i] = (varX[i] > kTiny && varY[i] > kTiny) ? cov[i] / std::sqrt(varX[i] * varY[i]) : 0.0;
    varXSum += varX[i];
  }
  const double expertRms = std::sqrt(varXSum / static_cast<double>(n) / pairs);
  if (!(expertRms >= minExpertRms)) return {};
  return peak(std::span<const double>(r.data(), n), cov.first(n), varX.first(n), expertRms,
              pairForOffset);
}

double LaggedFit::expertValidFraction(int stream) const {
  return static_cast<double>(eValidCount_[static_cast<std::size_t>(stream)]) / window_;
}
double LaggedFit::learnerValidFraction(int stream) const {
  return static_cast<double>(lValidCount_[static_cast<std::size_t>(stream)]) / window_;
}

glm::dvec3 LaggedFit::expertAt(int stream, int age) const {
  const std::size_t E = expertDepth_;
  const std::size_t i = static_cast<std::size_t>(stream) * 2 * E + eHead_ +
                        std::min(static_cast<std::size_t>(std::max(0, age)), E - 1);
  return {ex_[i], ey_[i], ez_[i]};
}
glm::dvec3 LaggedFit::learnerAt(int stream, int age) const {
  const std::size_t L = learnerDepth_;
  const std::size_t i = static_cast<std::size_t>(stream) * 2 * L + lHead_ +
                        std::min(static_cast<std::size_t>(std::max(0, age)), L - 1);
  return {lx_[i], ly_[i], lz_[i]};
}
bool LaggedFit::expertValidAt(int stream, int age) const {
  const std::size_t E = expertDepth_;
  return eValid_[static_cast<std::size_t>(stream) * 2 * E + eHead_ +
                 std::min(static_cast<std::size_t>(std::max(0, age)), E - 1)] != 0;
}
bool LaggedFit::learnerValidAt(int stream, int age) const {
  const std::size_t L = learnerDepth_;
  return lValid_[static_cast<std::size_t>(stream) * 2 * L + lHead_ +
                 std::min(static_cast<std::size_t>(std::max(0, age)), L - 1)] != 0;
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
