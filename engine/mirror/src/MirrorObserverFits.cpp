// MirrorObserver: the round-robin lag fits — a slice of the per-pair fits each frame, pooled
// fits per hand pairing and for the whole learner, and the mapping evidence (anatomical against
// mirror) smoothed over the cycle; published under the current mapping.
#include <algorithm>
#include <cmath>

#include "mimesis/mirror/MirrorObserver.hpp"

namespace mimesis {

Resonance MirrorObserver::toResonance(const LagFit& f) const {
  Resonance r;
  if (!f.valid) return r;
  r.valid = true;
  r.lagMs = f.lagFrames * msPerFrame_;
  r.gain = f.gain;
  r.resonance = std::clamp(f.r, 0.0, 1.0);
  r.expertRmsMm = f.expertRms;
  return r;
}

void MirrorObserver::refreshFits() {
  if (!fit_.ready()) return;
  const ObserverConfig& o = config_.observer;
  const std::size_t lags = static_cast<std::size_t>(fit_.lagCount());
  const int pairCount = fit_.pairCount();
  const int perFrame = (pairCount + kRefreshFrames - 1) / kRefreshFrames;
  auto pairTracked = [&](int p) {
    const auto [a, b] = fit_.pair(p);
    return fit_.expertValidFraction(a) >= o.minValidFraction &&
           fit_.learnerValidFraction(b) >= o.minValidFraction;
  };
  // A slice of the per-pair fits, moments cached for the pooled fits below.
  for (int k = 0; k < perFrame; ++k) {
    const int p = refreshPhase_ * perFrame + k;
    if (p >= pairCount) break;
    double* m = &momentCache_[static_cast<std::size_t>(p) * 3 * lags];
    fit_.pairMoments(p, {m, lags}, {m + lags, lags}, {m + 2 * lags, lags});
    pairFit_[static_cast<std::size_t>(p)] =
        pairTracked(p) ? fit_.fitFromMoments({m, lags}, {m + lags, lags}, {m + 2 * lags, lags}, 1,
                                             o.minExpertMotionMm, p)
                       : LagFit{};
  }
  // One pooled fit per frame: the four hand pairings, then both mapping hypotheses.
  auto pool = [&](Hand e, Hand l, bool bothHands, bool anatomical) {
    std::fill(pooled_.begin(), pooled_.end(), 0.0);
    int n = 0;
    for (int p = 0; p < pairCount; ++p) {
      const int eh = p / (2 * kHandGroupCount), lh = (p / kHandGroupCount) % 2;
      const bool take = bothHands ? ((eh == lh) == anatomical) : (eh == index(e) && lh == index(l));
      // Only followed, tracked pairs: a still expert group says nothing about imitation.
      if (!take || !pairTracked(p) || !pairFit_[static_cast<std::size_t>(p)].valid) continue;
      const double* m = &momentCache_[static_cast<std::size_t>(p) * 3 * lags];
      for (std::size_t i = 0; i < 3 * lags; ++i) pooled_[i] += m[i];
      ++n;
    }
    if (n == 0) return LagFit{};
    return fit_.fitFromMoments({pooled_.data(), lags}, {pooled_.data() + lags, lags},
                               {pooled_.data() + 2 * lags, lags}, n, o.minExpertMotionMm);
  };
  // Pooled fits on even phases only: six of them spread over the cycle.
  if (refreshPhase_ % 2 == 1) {
    // nothing pooled this frame
  } else if (refreshPhase_ / 2 < 4) {
    const int hp = refreshPhase_ / 2;
    const Hand e = hp / 2 == 0 ? Hand::Left : Hand::Right;
    const Hand l = hp % 2 == 0 ? Hand::Left : Hand::Right;
    // The wrist's trajectory defines lag and gain unambiguously; fingertips move on arcs (bone
    // lengths fixed), so their positional gain is not the movement's gain: they are the
    // fallback when the wrist hardly moves.
    const LagFit& wrist = pairFit_[static_cast<std::size_t>(pairIndex(e, l, HandGroup::WristPalm))];
    handFit_[static_cast<std::size_t>(hp)] = wrist.valid ? wrist : pool(e, l, false, false);
  } else {
    const bool anatomical = refreshPhase_ / 2 == 4;
    if (anatomical) {
      // The whole learner: both wrists under the current mapping, else all fingertips.
      std::fill(pooled_.begin(), pooled_.end(), 0.0);
      int n = 0;
      for (bool wristsOnly : {true, false}) {
        for (Hand l : {Hand::Left, Hand::Right})
          for (int g = 0; g < kHandGroupCount; ++g) {
            if (wristsOnly != (g == 0)) continue;
            const int p = pairIndex(expertHandFor(l, est_.mapping), l, static_cast<HandGroup>(g));
            if (!pairTracked(p) || !pairFit_[static_cast<std::size_t>(p)].valid) continue;
            const double* m = &momentCache_[static_cast<std::size_t>(p) * 3 * lags];
            for (std::size_t i = 0; i < 3 * lags; ++i) pooled_[i] += m[i];
            ++n;
          }
        if (n > 0) break;
      }
      learnerFit_ = n ? fit_.fitFromMoments({pooled_.data(), lags}, {pooled_.data() + lags, lags},
                                            {pooled_.data() + 2 * lags, lags}, n, o.minExpertMotionMm)
                      : LagFit{};
    }
    const LagFit f = pool(Hand::Left, Hand::Left, true, anatomical);
    (anatomical ? est_.resonanceAnatomical : est_.resonanceMirror) = f.valid ? f.r : 0.0;
    if (!anatomical) {
      // Evidence compared once per cycle, smoothed with the configured time constant.
      const bool any = est_.resonanceAnatomical != 0.0 || est_.resonanceMirror != 0.0;
      if (any) {
        const double dt = kRefreshFrames * msPerFrame_ / 1000.0;
        const double alpha = 1.0 - std::exp(-dt / std::max(1e-3, o.mappingSmoothingSeconds));
        const double delta = est_.resonanceAnatomical - est_.resonanceMirror;
        mappingEvidence_ = mappingCompared_ ? mappingEvidence_ + alpha * (delta - mappingEvidence_) : delta;
        mappingCompared_ = true;
        est_.mapping = mappingEvidence_ >= 0.0 ? ImitationMapping::Anatomical : ImitationMapping::Mirror;
        est_.mappingConfidence =
            1.0 - std::exp(-std::abs(mappingEvidence_) / std::max(1e-6, o.mappingDeltaScale));
      }
    }
  }
  refreshPhase_ = (refreshPhase_ + 1) % kRefreshFrames;
  // Publish under the current mapping (cheap copies).
  est_.learner = toResonance(learnerFit_);
  for (Hand l : {Hand::Left, Hand::Right}) {
    const Hand e = expertHandFor(l, est_.mapping);
    est_.hand[static_cast<std::size_t>(index(l))] =
        toResonance(handFit_[static_cast<std::size_t>(index(e) * 2 + index(l))]);
    for (int g = 0; g < kHandGroupCount; ++g)
      est_.cell[static_cast<std::size_t>(cellIndex(l, static_cast<HandGroup>(g)))] =
          toResonance(pairFit_[static_cast<std::size_t>(pairIndex(e, l, static_cast<HandGroup>(g)))]);
  }
}

}  // namespace mimesis
