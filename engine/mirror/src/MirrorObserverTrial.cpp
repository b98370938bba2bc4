// MirrorObserver: what a trial adds up to — per-segment cell errors, the worst moment, lag and
// expert speed; the measured outcome; and the guided / unguided skill banks it feeds.
#include <algorithm>
#include <cmath>

#include "mimesis/mirror/MirrorObserver.hpp"

namespace mimesis {

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
