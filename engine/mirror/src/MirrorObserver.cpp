// MirrorObserver: feature extraction, round-robin fits, mapping evidence, live errors, trial
// accumulators, over-imitation sums and the skill banks.
#include "mimesis/mirror/MirrorObserver.hpp"

#include <algorithm>
#include <cmath>
#include <optional>
#include <utility>

#include <glm/geometric.hpp>

#include "mimesis/scoring/Gain.hpp"

namespace mimesis {
namespace {

// The joint whose wrist-frame position stands for each finger group.
constexpr HandJoint kGroupTip[kHandGroupCount] = {HandJoint::Wrist, HandJoint::ThumbTip,
                                                  HandJoint::IndexTip, HandJoint::MiddleTip,
                                                  HandJoint::RingTip, HandJoint::LittleTip};

// Frames arrive from memory the observer has not touched (a clip, the tracker): asking for every
// cache line extract() reads before reading any lets the misses overlap instead of queueing
// behind each other (this was a fifth of the update's cost).
void prefetchFrame(const Frame* frame) {
#if defined(__GNUC__)
  if (!frame) return;
  for (const HandPose& h : frame->hands) {
    __builtin_prefetch(&h.active);
    for (HandJoint j : kGroupTip) {
      // A joint straddles two lines at most: its start and its flags (the last field).
      __builtin_prefetch(&h.joints[index(j)]);
      __builtin_prefetch(&h.joints[index(j)].flags);
    }
  }
#else
  (void)frame;
#endif
}

bool handUsable(const HandPose& h) {
  return h.active && h.joints[index(HandJoint::Wrist)].positionValid() &&
         h.joints[index(HandJoint::Wrist)].orientationValid() && isFinite(h.wrist());
}

}  // namespace

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

void MirrorObserver::extract(const Frame* frame, bool learner, float confidence) {
  auto& feat = learner ? lFeat_ : eFeat_;
  auto& valid = learner ? lValid_ : eValid_;
  auto& anchor = learner ? lAnchor_ : eAnchor_;
  auto& anchored = learner ? lAnchored_ : eAnchored_;
  for (Hand h : {Hand::Left, Hand::Right}) {
    const int hi = index(h);
    const HandPose* hp = frame ? &frame->hand(h) : nullptr;
    const bool usable = hp && confidence >= 0.5f && handUsable(*hp);
    if (!learner && usable) expertHandPresent_[static_cast<std::size_t>(hi)] = true;
    // Canonical right-hand coordinates: a left hand is reflected in X (its own and the world's),
    // so anatomical and mirror pairings compare like with like; millimetres.
    const double flip = h == Hand::Left ? -1.0 : 1.0;
    // Unit quaternion: the conjugate is the inverse (computed once per hand).
    const glm::quat R_wrist_world = usable ? glm::conjugate(hp->wrist().orientation) : glm::quat(1, 0, 0, 0);
    for (int g = 0; g < kHandGroupCount; ++g) {
      const std::size_t s = static_cast<std::size_t>(cellIndex(h, static_cast<HandGroup>(g)));
      valid[s] = false;
      if (!usable) continue;  // hold the last value
      const Pose& T_world_wrist = hp->wrist();
      glm::dvec3 v;
      if (g == 0) {
        const glm::dvec3 p(T_world_wrist.position);
        if (!anchored[static_cast<std::size_t>(hi)]) {
          anchor[static_cast<std::size_t>(hi)] = p;
          anchored[static_cast<std::size_t>(hi)] = true;
        }
        v = (p - anchor[static_cast<std::size_t>(hi)]) * 1000.0;
      } else {
        const JointPose& tip = hp->joints[index(kGroupTip[g])];
        if (!tip.positionValid()) continue;
        const glm::vec3 p_wrist = R_wrist_world * (tip.pose.position - T_world_wrist.position);
        v = glm::dvec3(p_wrist) * 1000.0;
      }
      v.x *= flip;
      if (!std::isfinite(v.x) || !std::isfinite(v.y) || !std::isfinite(v.z)) continue;
      feat[s] = v;
      valid[s] = true;
    }
  }
}

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

void MirrorObserver::accumulateTrial(const ObservedFrame&) {
  if (est_.segment < 0 || est_.inDoNotCopy) return;
  double frameSum = 0.0;
  int frameN = 0;
  for (int c = 0; c < kCellsPerSegment; ++c) {
    const std::size_t cs = static_cast<std::size_t>(c);
    if (!est_.liveValid[cs]) continue;
    const std::size_t k = static_cast<std::size_t>(est_.segment * kCellsPerSegment + c);
    cellErrSum_[k] += est_.liveErrorRaw[cs];
    ++cellErrCount_[k];
    frameSum += est_.liveErrorRaw[cs];
    ++frameN;
  }
  if (frameN > 0 && frameSum / frameN > worstError_) {
    worstError_ = frameSum / frameN;
    worstTime_ = est_.judgedExpertTime;
  }
  for (const Resonance& r : est_.hand)
    if (r.valid) { lagSum_ += r.lagMs; ++lagCount_; }
}

void MirrorObserver::beginTrial() {
  std::fill(cellErrSum_.begin(), cellErrSum_.end(), 0.0);
  std::fill(cellErrCount_.begin(), cellErrCount_.end(), 0);
  std::fill(segSpeedSum_.begin(), segSpeedSum_.end(), 0.0);
  std::fill(segSpeedCount_.begin(), segSpeedCount_.end(), 0);
  std::fill(overSums_.begin(), overSums_.end(), 0.0);
  for (OverImitation& oi : over_) { oi.index = {}; oi.frames = {}; }
  lagSum_ = 0.0;
  lagCount_ = 0;
  worstError_ = -1.0;
  worstTime_ = 0.0;
}

double MirrorObserver::segmentSpeed(int segment) const {
  if (segment < 0 || segment >= static_cast<int>(segSpeedSum_.size())) return 0.0;
  const std::size_t s = static_cast<std::size_t>(segment);
  return segSpeedCount_[s] ? segSpeedSum_[s] / segSpeedCount_[s] : 0.0;
}

TrialOutcome MirrorObserver::measuredTrial(int trial, Stage stage, bool guided) const {
  TrialOutcome out;
  out.trial = trial;
  out.stage = stage;
  out.guided = guided;
  out.cells.resize(cellErrSum_.size());
  double sum = 0.0;
  int n = 0;
  for (std::size_t k = 0; k < cellErrSum_.size(); ++k) {
    if (cellErrCount_[k] == 0) continue;
    out.cells[k].measured = true;
    out.cells[k].relError = static_cast<float>(cellErrSum_[k] / cellErrCount_[k]);
    sum += out.cells[k].relError;
    ++n;
  }
  const double meanErr = n ? sum / n : 0.0;
  out.score = n ? 100.0 * std::exp(-meanErr / std::max(1e-6, config_.feedback.scoreReference)) : 0.0;
  out.worstMomentTime = worstTime_;
  out.lagKnown = lagCount_ > 0;
  out.meanLagMs = lagCount_ ? lagSum_ / lagCount_ : 0.0;
  return out;
}

void MirrorObserver::observeTrial(const TrialOutcome& outcome) {
  if (!stagePerforms(outcome.stage)) return;
  SkillBank& bank = outcome.guided ? guided_ : unguided_;
  const ObserverConfig& o = config_.observer;
  const int segments = bank.segments();
  for (int s = 0; s < segments; ++s)
    for (int c = 0; c < kCellsPerSegment; ++c) {
      const std::size_t k = static_cast<std::size_t>(s * kCellsPerSegment + c);
      if (k >= outcome.cells.size() || !outcome.cells[k].measured) continue;
      bank.at(s, c).observe(outcome.cells[k].relError, o.skillProcessNoise, o.skillObservationNoise);
    }
}

double MirrorObserver::guidanceDependence(int segment, bool* known) const {
  double sum = 0.0;
  int n = 0;
  for (int c = 0; c < kCellsPerSegment; ++c)
    if (guided_.observed(segment, c) && unguided_.observed(segment, c)) {
      sum += unguided_.at(segment, c).level() - guided_.at(segment, c).level();
      ++n;
    }
  if (known) *known = n > 0;
  return n ? sum / n : 0.0;
}

bool MirrorObserver::resumeSkill(const SkillBank& guided, const SkillBank& unguided) {
  const int segments = layout_.segmentCount();
  for (const SkillBank* b : {&guided, &unguided})
    if (b->segments() != segments || b->cellsPerSegment() != kCellsPerSegment) return false;
  guided_ = guided;
  unguided_ = unguided;
  return true;
}

}  // namespace mimesis
