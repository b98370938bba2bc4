// MirrorObserver: construction, the lesson's layout (segments, do-not-copy spans) and the
// per-frame update — live errors, over-imitation sums and the chameleon index. The rest lives
// beside it: feature extraction (MirrorObserverFeatures.cpp), the round-robin lag fits and
// mapping evidence (MirrorObserverFits.cpp), trial accumulators and the skill banks
// (MirrorObserverTrial.cpp).
#include "mimesis/mirror/MirrorObserver.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include <glm/geometric.hpp>

#include "MirrorObserverFrames.hpp"
#include "mimesis/scoring/Gain.hpp"

namespace mimesis {

using observer_detail::prefetchFrame;

LessonLayout LessonLayout::fromClip(const Clip& clip) {
  LessonLayout l;
  l.segments = clip.segments;
  l.annotations = clip.annotations;
  l.clipDuration = clip.duration();
  return l;
}

MirrorObserver::MirrorObserver(const MirrorConfig& config, LessonLayout layout)
    : config_(config), layout_(std::move(layout)) {
  const ObserverConfig& o = config_.observer;
  const double rate = std::clamp(o.frameRateHz, 1.0, 1000.0);
  msPerFrame_ = 1000.0 / rate;
  const int window = std::clamp(static_cast<int>(std::lround(o.windowSeconds * rate)), 8, 20000);
  const int lagMin = static_cast<int>(std::lround(std::clamp(o.lagMinMs, -5000.0, 5000.0) / msPerFrame_));
  const int lagMax = static_cast<int>(std::lround(std::clamp(o.lagMaxMs, -5000.0, 5000.0) / msPerFrame_));
  std::vector<std::pair<int, int>> pairs(static_cast<std::size_t>(4 * kHandGroupCount));
  for (Hand e : {Hand::Left, Hand::Right})
    for (Hand l : {Hand::Left, Hand::Right})
      for (int g = 0; g < kHandGroupCount; ++g)
        pairs[static_cast<std::size_t>(pairIndex(e, l, static_cast<HandGroup>(g)))] = {
            cellIndex(e, static_cast<HandGroup>(g)), cellIndex(l, static_cast<HandGroup>(g))};
  fit_.configure(kStreams, pairs, window, lagMin, lagMax);
  const std::size_t lags = static_cast<std::size_t>(fit_.lagCount());
  pairFit_.assign(pairs.size(), LagFit{});
  momentCache_.assign(pairs.size() * 3 * lags, 0.0);
  pooled_.assign(3 * lags, 0.0);
  expertTimes_.assign(static_cast<std::size_t>(fit_.expertDepth()), 0.0);
  for (std::size_t i = 0; i < layout_.annotations.size(); ++i)
    if (layout_.annotations[i].kind == "do-not-copy") doNotCopy_.push_back(static_cast<int>(i));
  const int segments = layout_.segmentCount();
  cellErrSum_.assign(static_cast<std::size_t>(segments * kCellsPerSegment), 0.0);
  cellErrCount_.assign(cellErrSum_.size(), 0);
  segSpeedSum_.assign(static_cast<std::size_t>(segments), 0.0);
  segSpeedCount_.assign(static_cast<std::size_t>(segments), 0);
  over_.assign(doNotCopy_.size(), OverImitation{});
  for (std::size_t i = 0; i < doNotCopy_.size(); ++i) over_[i].annotation = doNotCopy_[i];
  overSums_.assign(doNotCopy_.size() * 2 * kOverStride, 0.0);
  guided_.configure(segments, kCellsPerSegment, o.skillPriorError, o.skillPriorVariance);
  unguided_.configure(segments, kCellsPerSegment, o.skillPriorError, o.skillPriorVariance);
}

int MirrorObserver::segmentAt(double t) const {
  if (layout_.segments.empty()) return 0;
  // Segments are ordered by start: the last one starting at or before t, if t is inside it.
  auto it = std::upper_bound(layout_.segments.begin(), layout_.segments.end(), t,
                             [](double v, const Segment& s) { return v < s.start; });
  if (it == layout_.segments.begin()) return -1;
  --it;
  return t < it->end ? static_cast<int>(it - layout_.segments.begin()) : -1;
}

int MirrorObserver::doNotCopyAt(double t) const {
  for (int a : doNotCopy_) {
    const Annotation& an = layout_.annotations[static_cast<std::size_t>(a)];
    if (t >= an.start && t < an.end) return a;
  }
  return -1;
}

void MirrorObserver::update(const ObservedFrame& frame) {
  const ObserverConfig& o = config_.observer;
  prefetchFrame(frame.expert);
  prefetchFrame(frame.learner);
  extract(frame.expert, false, 1.0f);
  extract(frame.learner, true, frame.trackingConfidence);
  // Expert speed of the current segment (for "fast segments"), from consecutive features.
  if (stagePerforms(frame.stage)) {
    const int seg = segmentAt(frame.expertTime);
    double speed = 0.0;
    int n = 0;
    for (std::size_t s = 0; s < eFeat_.size(); ++s)
      if (eValid_[s] && ePrevValid_[s]) {
        speed += glm::length(eFeat_[s] - ePrev_[s]);
        ++n;
      }
    if (seg >= 0 && n > 0) {
      segSpeedSum_[static_cast<std::size_t>(seg)] += speed / n * (1000.0 / msPerFrame_);
      ++segSpeedCount_[static_cast<std::size_t>(seg)];
    }
  }
  ePrev_ = eFeat_;
  ePrevValid_ = eValid_;
  fit_.push(eFeat_, eValid_, lFeat_, lValid_);
  timeHead_ = (timeHead_ + expertTimes_.size() - 1) % expertTimes_.size();
  expertTimes_[timeHead_] = std::isfinite(frame.expertTime) ? frame.expertTime : 0.0;
  ++frames_;
  refreshFits();

  // The judged moment: the learner `delay` frames ago against the expert `lag` before that.
  double lagSum = 0.0;
  int lagN = 0;
  for (const Resonance& r : est_.hand)
    if (r.valid) { lagSum += r.lagMs; ++lagN; }
  const int lagFrames = lagN ? std::clamp(static_cast<int>(std::lround(lagSum / lagN / msPerFrame_)),
                                          fit_.lagMin(), fit_.lagMax())
                             : 0;
  const int expertAge = std::clamp(fit_.delay() + lagFrames, 0, static_cast<int>(expertTimes_.size()) - 1);
  est_.judgedExpertTime = expertTimes_[(timeHead_ + static_cast<std::size_t>(expertAge)) % expertTimes_.size()];
  est_.segment = segmentAt(est_.judgedExpertTime);
  const int dnc = doNotCopyAt(est_.judgedExpertTime);
  est_.inDoNotCopy = dnc >= 0;

  // Live errors: the scorer's when given, else our own lag-corrected comparison.
  const double alpha = 1.0 - std::exp(-(msPerFrame_ / 1000.0) / std::max(1e-3, o.errorSmoothingSeconds));
  for (Hand l : {Hand::Left, Hand::Right}) {
    const Hand e = expertHandFor(l, est_.mapping);
    for (int g = 0; g < kHandGroupCount; ++g) {
      const int c = cellIndex(l, static_cast<HandGroup>(g));
      const std::size_t cs = static_cast<std::size_t>(c);
      bool valid = false;
      float rel = 0.0f;
      if (frame.liveErrors) {
        valid = frame.liveErrors->valid[cs] && std::isfinite(frame.liveErrors->relError[cs]);
        rel = valid ? std::max(0.0f, frame.liveErrors->relError[cs]) : 0.0f;
      } else {
        const int es = cellIndex(e, static_cast<HandGroup>(g));
        valid = expertHandPresent_[static_cast<std::size_t>(index(e))] &&
                fit_.learnerValidAt(c, fit_.delay()) && fit_.expertValidAt(es, expertAge);
        if (valid) {
          glm::dvec3 d = fit_.learnerAt(c, fit_.delay()) - fit_.expertAt(es, expertAge);
          if (g == 0 && fit_.ready()) d -= fit_.learnerMean(c) - fit_.expertMean(es, lagFrames);
          const double ref = g == 0 ? o.placementReferenceMm : o.shapeReferenceMm;
          rel = static_cast<float>(glm::length(d) / std::max(1e-3, ref));
          valid = std::isfinite(rel);
          if (!valid) rel = 0.0f;
        }
      }
      est_.liveValid[cs] = valid;
      est_.liveErrorRaw[cs] = rel;
      if (valid) {
        errorMean_[cs] = errorSeeded_[cs] ? errorMean_[cs] + alpha * (rel - errorMean_[cs]) : rel;
        errorSeeded_[cs] = true;
      }
      est_.liveError[cs] = static_cast<float>(errorMean_[cs]);
    }
  }

  if (stagePerforms(frame.stage)) {
    accumulateTrial(frame);
    // Over-imitation: how much the learner follows the expert inside a do-not-copy span.
    if (dnc >= 0) {
      const std::size_t slot = static_cast<std::size_t>(
          std::find(doNotCopy_.begin(), doNotCopy_.end(), dnc) - doNotCopy_.begin());
      for (Hand l : {Hand::Left, Hand::Right}) {
        const Hand e = expertHandFor(l, est_.mapping);
        if (!fit_.learnerValidAt(cellIndex(l, HandGroup::WristPalm), fit_.delay())) continue;
        double* s = &overSums_[(slot * 2 + static_cast<std::size_t>(index(l))) * kOverStride];
        s[0] += 1.0;
        for (int g = 0; g < kHandGroupCount; ++g) {
          const glm::dvec3 x = fit_.expertAt(cellIndex(e, static_cast<HandGroup>(g)), expertAge);
          const glm::dvec3 y = fit_.learnerAt(cellIndex(l, static_cast<HandGroup>(g)), fit_.delay());
          s[1] += glm::dot(x, y);
          s[2] += glm::dot(x, x);
          s[3] += glm::dot(y, y);
          for (int k = 0; k < 3; ++k) {
            s[4 + g * 3 + k] += x[k];
            s[4 + 3 * kHandGroupCount + g * 3 + k] += y[k];
          }
        }
        OverImitation& oi = over_[slot];
        const double n = s[0];
        double sxSy = 0, sxSx = 0, sySy = 0;
        for (int k = 0; k < 3 * kHandGroupCount; ++k) {
          const double sx = s[4 + k], sy = s[4 + 3 * kHandGroupCount + k];
          sxSy += sx * sy;
          sxSx += sx * sx;
          sySy += sy * sy;
        }
        const double cov = s[1] / n - sxSy / (n * n);
        const double vx = s[2] / n - sxSx / (n * n);
        const double vy = s[3] / n - sySy / (n * n);
        // The one gain estimator (scoring/Gain.hpp), gated on the expert's motion in the span.
        const std::optional<double> gain = gainOf({cov, vx, 1.0}, o.minExpertMotionMm);
        double idx = 0.0;
        if (gain && vy > 1e-9) {
          const double r = cov / std::sqrt(vx * vy);
          idx = std::max(0.0, r) * std::clamp(*gain, 0.0, 1.0);
        }
        oi.index[static_cast<std::size_t>(index(l))] = std::isfinite(idx) ? idx : 0.0;
        oi.frames[static_cast<std::size_t>(index(l))] = static_cast<int>(n);
      }
    }
  }
  // Chameleon index: spontaneous following while only asked to watch.
  if (frame.stage == Stage::Watch) {
    double sum = 0.0;
    int n = 0;
    for (const Resonance& r : est_.hand)
      if (r.valid) { sum += r.resonance; ++n; }
    if (n > 0) {
      const double v = sum / n;
      ++est_.chameleonFrames;
      est_.chameleonIndex += (v - est_.chameleonIndex) / est_.chameleonFrames;
    }
  }
}

}  // namespace mimesis
