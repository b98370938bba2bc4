// Group and timing metrics over warp spans. Untracked samples are skipped, never zero-filled.
#include "mimesis/scoring/Metrics.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include <glm/geometric.hpp>
#include <glm/vec3.hpp>
#include <glm/vec4.hpp>

#include "GroupSeries.hpp"
#include "mimesis/scoring/Gain.hpp"

namespace mimesis {
namespace {

// Gain sums of the pairs with the expert side shifted by `shift` frames (expert frame j − shift),
// over the pairs whose shifted expert sample is tracked; means taken over those pairs.
GainSums shiftedGainSums(const std::vector<float>& pairSample, const std::vector<std::int32_t>& pairE,
                         const detail::SignalSeries& se, std::size_t dim, int shift) {
  GainSums g;
  std::vector<double> meanL(dim, 0.0), meanE(dim, 0.0);
  const std::size_t D = dim;
  auto at = [&](std::size_t p) { return static_cast<std::size_t>(pairE[p] - shift + se.pad); };
  for (std::size_t p = 0; p < pairE.size(); ++p) {
    if (se.okMask[at(p)] == 0.0) continue;
    g.samples += 1.0;
    for (std::size_t d = 0; d < D; ++d) { meanL[d] += pairSample[p * dim + d]; meanE[d] += se.padded[d][at(p)]; }
  }
  if (g.samples == 0.0) return g;
  for (std::size_t d = 0; d < D; ++d) { meanL[d] /= g.samples; meanE[d] /= g.samples; }
  for (std::size_t p = 0; p < pairE.size(); ++p) {
    if (se.okMask[at(p)] == 0.0) continue;
    for (std::size_t d = 0; d < D; ++d) {
      const double x = pairSample[p * dim + d] - meanL[d], y = se.padded[d][at(p)] - meanE[d];
      g.cross += x * y;
      g.expertSquares += y * y;
    }
  }
  return g;
}

double median(std::vector<double>& v) {
  if (v.empty()) return 0.0;
  const auto mid = v.begin() + static_cast<std::ptrdiff_t>(v.size() / 2);
  std::nth_element(v.begin(), mid, v.end());
  double m = *mid;
  if (v.size() % 2 == 0) m = 0.5 * (m + *std::max_element(v.begin(), mid));
  return m;
}

double finiteOr(double v, double fallback) { return std::isfinite(v) ? v : fallback; }

// RMS (metres) of the residual after a centred moving average of ~0.1 s; -1 if not measurable.
double highFrequencyRms(const glm::vec3* x, const std::uint8_t* ok, int n, double rate) {
  const int half = std::max(1, static_cast<int>(std::lround(rate * 0.05)));
  double sum = 0.0;
  std::size_t count = 0;
  for (int i = half; i + half < n; ++i) {
    glm::vec3 m(0.0f);
    bool all = true;
    for (int k = -half; k <= half && all; ++k) {
      all = ok[static_cast<std::size_t>(i + k)] != 0;
      m += x[static_cast<std::size_t>(i + k)];
    }
    if (!all) continue;
    m /= static_cast<float>(2 * half + 1);
    const glm::vec3 r = x[static_cast<std::size_t>(i)] - m;
    sum += static_cast<double>(glm::dot(r, r));
    ++count;
  }
  return count ? std::sqrt(sum / static_cast<double>(count)) : -1.0;
}

}  // namespace

bool logDimensionlessJerk(const glm::vec3* xin, const std::uint8_t* okin, std::size_t stride, int a, int b,
                          double rate, double& out) {
  if (b - a < 8 || !(rate > 0.0)) return false;
  // Low-pass first (three passes of a ~50 ms moving average, about 8 Hz at 90 Hz): jerk is a
  // third derivative, and without it float rounding and sensor noise dominate the measure.
  const int n = b - a;
  std::vector<glm::dvec3> xs(static_cast<std::size_t>(n)), tmp(static_cast<std::size_t>(n));
  std::vector<std::uint8_t> oks(static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) {
    xs[static_cast<std::size_t>(i)] = glm::dvec3(xin[static_cast<std::size_t>(a + i) * stride]);
    oks[static_cast<std::size_t>(i)] = okin[static_cast<std::size_t>(a + i) * stride];
  }
  const int h = std::max(1, static_cast<int>(std::lround(rate * 0.025)));
  for (int pass = 0; pass < 3; ++pass) {
    for (int i = 0; i < n; ++i) {
      glm::dvec3 s(0.0);
      int c = 0;
      for (int k = std::max(0, i - h); k <= std::min(n - 1, i + h); ++k)
        if (oks[static_cast<std::size_t>(k)]) { s += xs[static_cast<std::size_t>(k)]; ++c; }
      tmp[static_cast<std::size_t>(i)] = c ? s / static_cast<double>(c) : xs[static_cast<std::size_t>(i)];
    }
    xs.swap(tmp);
  }
  a = 0;
  b = n;
  auto X = [&](int i) { return xs[static_cast<std::size_t>(i)]; };
  auto OK = [&](int i) { return oks[static_cast<std::size_t>(i)] != 0; };
  double vpeak = 0.0, jerk2 = 0.0;
  std::size_t jerkCount = 0;
  for (int i = a + 1; i + 1 < b; ++i) {
    if (OK(i - 1) && OK(i + 1))
      vpeak = std::max(vpeak, glm::length(X(i + 1) - X(i - 1)) * rate * 0.5);
    if (i + 2 < b && OK(i - 1) && OK(i) && OK(i + 1) && OK(i + 2)) {
      const glm::dvec3 j3 = X(i + 2) - 3.0 * X(i + 1) + 3.0 * X(i) - X(i - 1);
      jerk2 += glm::dot(j3, j3) * rate * rate * rate * rate * rate * rate;
      ++jerkCount;
    }
  }
  if (!(vpeak > 1e-3) || jerkCount == 0) return false;
  const double T = static_cast<double>(b - a - 1) / rate;
  const double dimless = T * T * T / (vpeak * vpeak) * (jerk2 / rate);
  out = -std::log(std::max(dimless, 1e-12));
  return std::isfinite(out);
}

TimingMetrics measureTiming(const MotionStream& E, const MotionStream& L, const WarpPath& w, PairSpan span,
                            int expertBegin, int expertEnd) {
  TimingMetrics t;
  if (span.empty()) return t;
  t.reached = true;
  std::vector<double> lags;
  lags.reserve(span.end - span.begin);
  double sx = 0, sy = 0, sxx = 0, sxy = 0;
  for (std::size_t k = span.begin; k < span.end; ++k) {
    const double tl = L.times[static_cast<std::size_t>(w.learner[k])];
    const double te = E.times[static_cast<std::size_t>(w.expert[k])];
    lags.push_back(tl - te);
    sx += tl; sy += te; sxx += tl * tl; sxy += tl * te;
  }
  t.lagMs = finiteOr(median(lags) * 1000.0, 0.0);
  const int i0 = w.learner[span.begin], i1 = w.learner[span.end - 1];
  const int j0 = w.expert[span.begin], j1 = w.expert[span.end - 1];
  t.learnerStart = L.times[static_cast<std::size_t>(i0)];
  t.learnerEnd = L.times[static_cast<std::size_t>(i1)];
  const double dl = t.learnerEnd - t.learnerStart;
  const double de = E.times[static_cast<std::size_t>(j1)] - E.times[static_cast<std::size_t>(j0)];
  t.tempo = dl > 1e-9 ? finiteOr(de / dl, 1.0) : 1.0;
  const double n = static_cast<double>(span.end - span.begin);
  const double den = n * sxx - sx * sx;
  if (n >= 3 && den > 1e-12) {
    const double b = (n * sxy - sx * sy) / den, a = (sy - b * sx) / n;
    double r2 = 0.0;
    for (std::size_t k = span.begin; k < span.end; ++k) {
      const double r = E.times[static_cast<std::size_t>(w.expert[k])] - (a + b * L.times[static_cast<std::size_t>(w.learner[k])]);
      r2 += r * r;
    }
    t.irregularityMs = finiteOr(std::sqrt(r2 / n) * 1000.0, 0.0);
  }
  const int frames = std::max(1, expertEnd - expertBegin);
  t.coverage = std::clamp(static_cast<double>(j1 - j0 + 1) / frames, 0.0, 1.0);
  return t;
}

double combineScores(const MetricScores& s, const ScoreWeights& w, bool withCoverage) {
  // Summed as the weighted shortfall from 100, so all-perfect metrics give exactly 100.
  double loss = w.shape * (100.0 - s.shape) + w.timing * (100.0 - s.timing), wsum = w.shape + w.timing;
  if (s.hasPosture) { loss += w.posture * (100.0 - s.posture); wsum += w.posture; }
  if (s.hasPlacement) { loss += w.placement * (100.0 - s.placement); wsum += w.placement; }
  if (s.hasSmoothness) { loss += w.smoothness * (100.0 - s.smoothness); wsum += w.smoothness; }
  if (s.hasRhythm) { loss += w.rhythm * (100.0 - s.rhythm); wsum += w.rhythm; }
  if (s.hasMatch) { loss += w.match * (100.0 - s.match); wsum += w.match; }
  if (withCoverage) { loss += w.coverage * (100.0 - s.coverage); wsum += w.coverage; }
  return wsum > 0.0 ? std::clamp(finiteOr(100.0 - loss / wsum, 0.0), 0.0, 100.0) : 0.0;
}

namespace detail {

GroupReport measureGroupSeries(const MotionStream& E, const MotionStream& L, const WarpPath& w, PairSpan span,
                               const GroupSeries& series, const PairErrors& errors, double spanLagMs,
                               const ScoringConfig& cfg, GroupScratch& scratch) {
  const int group = series.group;
  const StreamLayout& layout = *E.layout;
  const TrackGroup& g = layout.groups[static_cast<std::size_t>(group)];
  GroupReport r;
  r.name = g.name;
  r.label = g.label;
  r.unit = g.unit == 0 ? "left" : (g.unit == 1 ? "right" : "body");
  r.finger = g.isFinger;
  r.lagMs = spanLagMs;
  if (span.empty()) return r;
  const int i0 = w.learner[span.begin], i1 = w.learner[span.end - 1];
  const int j0 = w.expert[span.begin], j1 = w.expert[span.end - 1];

  // Validity over the learner frames of the span.
  std::size_t seen = 0, total = 0;
  for (int i = i0; i <= i1; ++i)
    for (int t : g.tracks) { seen += L.valid[L.at(i, t)]; ++total; }
  r.validity = total ? static_cast<double>(seen) / static_cast<double>(total) : 0.0;

  // Shape, posture, placement over the pairs (per-pair errors prepared for the whole warp).
  const std::size_t P = errors.pairs;
  double shape = 0, posture = 0, place = 0, shapeWeight = 0, plainShape = 0;
  std::size_t nShape = 0, nPosture = 0, nPlace = 0;
  // Body groups weigh each pair by the expert's motion there (weighBodyPairs); hands alike.
  const bool weighed = g.unit == static_cast<int>(UnitKind::Body) && errors.shapeWeight.size() == P;
  for (std::size_t k = span.begin; k < span.end; ++k) {
    const double wk = weighed ? static_cast<double>(errors.shapeWeight[k]) : 1.0;
    for (int t : g.tracks) {
      const float v = errors.track[static_cast<std::size_t>(t) * P + k];
      if (v >= 0.0f) { shape += wk * static_cast<double>(v); plainShape += static_cast<double>(v); shapeWeight += wk; ++nShape; }
    }
  }
  const std::size_t uc = static_cast<std::size_t>(g.unit) * P;  // the unit's column
  const bool handRoot = g.isUnitRoot && g.unit != static_cast<int>(UnitKind::Body);
  for (std::size_t k = span.begin; k < span.end; ++k) {
    for (int a : series.angles) {
      const float v = errors.angle[static_cast<std::size_t>(a) * P + k];
      if (v >= 0.0f) { posture += static_cast<double>(v); ++nPosture; }
    }
    if (handRoot && errors.orient[uc + k] >= 0.0) { posture += errors.orient[uc + k]; ++nPosture; }
  }
  if (g.isUnitRoot)
    for (std::size_t k = span.begin; k < span.end; ++k) {
      const float v = errors.place[uc + k];
      if (v >= 0.0f) { place += static_cast<double>(v); ++nPlace; }
    }
  r.scorable = nShape > 0;
  // A span the weights leave empty (only still frames, with no floor) falls back to equal weights.
  if (nShape && !(shapeWeight > 0.0)) shape = plainShape, shapeWeight = static_cast<double>(nShape);
  r.shapeMm = nShape ? finiteOr(shape / shapeWeight * 1000.0, 0.0) : 0.0;
  r.postureDeg = nPosture ? finiteOr(posture / static_cast<double>(nPosture), 0.0) : 0.0;
  r.hasPlacement = nPlace > 0;
  r.placementMm = nPlace ? finiteOr(place / static_cast<double>(nPlace) * 1000.0, 0.0) : 0.0;

  // Gain and residual lag on the group's signal, over at most ~2000 pairs.
  const SignalSeries& sl = series.signalL;
  const SignalSeries& se = series.signalE;
  const std::size_t dim = static_cast<std::size_t>(se.dim);
  const std::size_t stride = std::max<std::size_t>(1, (span.end - span.begin) / 2000);
  std::vector<double>& meanL = scratch.meanL;
  std::vector<double>& meanE = scratch.meanE;
  meanL.assign(dim, 0.0);
  meanE.assign(dim, 0.0);
  std::vector<std::int32_t>& pairL = scratch.pairL;
  std::vector<std::int32_t>& pairE = scratch.pairE;
  std::vector<float>& pairSample = scratch.pairSample;  // the learner's sample of each pair
  pairL.clear();
  pairE.clear();
  pairSample.clear();
  for (std::size_t k = span.begin; k < span.end; k += stride) {
    const std::int32_t i = w.learner[k], j = w.expert[k];
    if (!sl.ok[static_cast<std::size_t>(i)] || !se.ok[static_cast<std::size_t>(j)]) continue;
    pairL.push_back(i);
    pairE.push_back(j);
    const float* a = sl.value.data() + static_cast<std::size_t>(i) * dim;
    const float* b = se.value.data() + static_cast<std::size_t>(j) * dim;
    pairSample.insert(pairSample.end(), a, a + dim);
    for (std::size_t d = 0; d < dim; ++d) { meanL[d] += a[d]; meanE[d] += b[d]; }
  }
  const std::size_t nPairs = pairE.size();
  if (nPairs >= 4) {
    const double n = static_cast<double>(nPairs);
    for (std::size_t d = 0; d < dim; ++d) { meanL[d] /= n; meanE[d] /= n; }
    GainSums atWarp;  // the pairs as the warp matched them
    atWarp.samples = n;
    for (std::size_t p = 0; p < nPairs; ++p) {
      const float* a = pairSample.data() + p * dim;
      const float* b = se.value.data() + static_cast<std::size_t>(pairE[p]) * dim;
      for (std::size_t d = 0; d < dim; ++d) {
        const double x = a[d] - meanL[d], y = b[d] - meanE[d];
        atWarp.cross += x * y;
        atWarp.expertSquares += y * y;
      }
    }
    // The gate in the signal's units (metres for positions, degrees for angles).
    const double minAmp = se.isAngle ? cfg.diagnosis.minExpertMotionDeg : cfg.diagnosis.minExpertMotionMm / 1000.0;
    if (gainOf(atWarp, minAmp)) {
      // Residual lag: shift the expert side of the pairs by s frames, keep the best fit. Each
      // shift's error sums its pairs in pair order exactly as a per-shift loop would (so the
      // figures do not depend on this layout); all shifts advance together, pair by pair, over
      // the padded series, which keeps the loop free of branches and its sums independent.
      const int S = std::min(lagSearchFrames(cfg, E), se.pad);
      const std::size_t U = static_cast<std::size_t>(2 * S + 1);
      std::vector<double>& err = scratch.shiftErr;      // index u = S - s
      std::vector<std::size_t>& cnt = scratch.shiftCount;
      err.assign(U, 0.0);
      cnt.assign(U, 0);
      for (std::size_t p = 0; p < nPairs; ++p) {
        // Shift s reads expert frame j - s = (j - S) + u.
        const std::size_t first = static_cast<std::size_t>(pairE[p] - S + se.pad);
        const double* mask = se.okMask.data() + first;
        for (std::size_t u = 0; u < U; ++u) cnt[u] += mask[u] != 0.0 ? 1 : 0;
        for (std::size_t d = 0; d < dim; ++d) {
          const float a = pairSample[p * dim + d];
          const float* b = se.padded[d].data() + first;
          double* __restrict e = err.data();
          for (std::size_t u = 0; u < U; ++u) {
            const double x = static_cast<double>(a - b[u]);
            e[u] += mask[u] * (x * x);
          }
        }
      }
      double bestErr = -1.0, zeroErr = -1.0;
      int bestShift = 0;
      for (int m = 0; m <= 2 * S; ++m) {
        const int s = (m % 2 == 1) ? (m + 1) / 2 : -(m / 2);  // 0, 1, -1, 2, -2, ...
        const std::size_t u = static_cast<std::size_t>(S - s);
        if (cnt[u] * 2 < nPairs) continue;
        const double e = err[u] / static_cast<double>(cnt[u]);
        if (s == 0) zeroErr = e;
        if (bestErr < 0.0 || e < bestErr * (1.0 - 1e-9)) { bestErr = e; bestShift = s; }
      }
      // A shift counts only when it explains the group clearly better than the warp does, and
      // the learner's group actually moves (a frozen finger has no timing).
      const bool better = zeroErr > 0.0 && bestErr < 0.8 * zeroErr;
      // The gain is measured where the group's timing is: at the kept shift (a finger that is
      // only late must not read as one that moves too little).
      r.gainSums = better ? shiftedGainSums(pairSample, pairE, se, dim, bestShift) : atWarp;
      if (!gainOf(r.gainSums, minAmp)) r.gainSums = atWarp;
      r.hasGain = true;
      r.gain = *gainOf(r.gainSums, minAmp);
      if (better && r.gain >= cfg.diagnosis.frozenGain) r.lagMs = spanLagMs + bestShift * 1000.0 / E.rate;
    }
  }

  // Tremor and smoothness on the end effector, learner frames vs matched expert frames.
  const glm::vec3* xl = series.trajL.data() + i0;
  const glm::vec3* xe = series.trajE.data() + j0;
  const std::uint8_t* okl = series.trajLok.data() + i0;
  const std::uint8_t* oke = series.trajEok.data() + j0;
  const int nl = i1 + 1 - i0, ne = j1 + 1 - j0;
  const double hl = highFrequencyRms(xl, okl, nl, L.rate), he = highFrequencyRms(xe, oke, ne, E.rate);
  if (hl >= 0.0 && he >= 0.0) r.tremorMm = finiteOr(std::max(0.0, hl - he) * 1000.0, 0.0);
  double ldl = 0, lde = 0;
  const bool smooth = logDimensionlessJerk(xl, okl, 1, 0, nl, L.rate, ldl) &&
                      logDimensionlessJerk(xe, oke, 1, 0, ne, E.rate, lde);
  if (smooth) r.smoothnessLoss = finiteOr(std::max(0.0, lde - ldl), 0.0);
  r.hasSmoothness = smooth;

  const ScoreReferences& ref = cfg.references;
  r.scores.shape = scoreFromError(r.shapeMm, g.unit == static_cast<int>(UnitKind::Body) ? ref.bodyShapeMm : ref.shapeMm);
  r.scores.posture = scoreFromError(r.postureDeg, ref.postureDeg);
  r.scores.placement = scoreFromError(r.placementMm, ref.placementMm);
  r.scores.timing = scoreFromError(std::fabs(r.lagMs), ref.lagMs);
  r.scores.smoothness = scoreFromError(r.smoothnessLoss, ref.smoothness);
  r.scores.coverage = 100.0;
  r.scores.rhythm = 0.0;
  r.scores.hasRhythm = false;  // a group has no warp of its own
  r.scores.hasPosture = nPosture > 0;
  r.scores.hasPlacement = r.hasPlacement;
  r.scores.hasSmoothness = smooth;
  if (!r.scores.hasPosture) r.scores.posture = 0.0;
  if (!r.scores.hasPlacement) r.scores.placement = 0.0;
  if (!smooth) r.scores.smoothness = 0.0;
  r.score = r.scorable ? combineScores(r.scores, cfg.weights, false) : 0.0;
  r.grade = gradeFor(r.score, cfg.grades);
  return r;
}

}  // namespace detail

GroupReport measureGroup(const MotionStream& E, const MotionStream& L, const WarpPath& w, PairSpan span,
                         int group, double spanLagMs, const ScoringConfig& cfg) {
  detail::GroupSeries series;
  detail::buildGroupSeries(E, L, group, cfg, series);
  detail::PairErrors errors;
  detail::buildPairErrors(E, L, w, errors);
  detail::weighBodyPairs(E, w, cfg.bodyStillFrameWeight, errors);
  detail::GroupScratch scratch;
  return detail::measureGroupSeries(E, L, w, span, series, errors, spanLagMs, cfg, scratch);
}

}  // namespace mimesis
