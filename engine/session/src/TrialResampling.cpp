// resampleTrial: a trial's frames at their real times onto the nominal frame grid.
#include "TrialResampling.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "mimesis/motion/ClipSampler.hpp"

namespace mimesis {
namespace {

constexpr double kOnGrid = 1e-6;  // seconds

bool onGrid(const Clip& trial, double rate) {
  const double t0 = trial.frames.front().time;
  for (std::size_t i = 0; i < trial.frames.size(); ++i)
    if (std::fabs(trial.frames[i].time - (t0 + static_cast<double>(i) / rate)) > kOnGrid) return false;
  return true;
}

double medianSpacing(const Clip& trial) {
  std::vector<double> dt;
  dt.reserve(trial.frames.size());
  for (std::size_t i = 1; i < trial.frames.size(); ++i) dt.push_back(trial.frames[i].time - trial.frames[i - 1].time);
  if (dt.empty()) return 0.0;
  std::nth_element(dt.begin(), dt.begin() + static_cast<std::ptrdiff_t>(dt.size() / 2), dt.end());
  return dt[dt.size() / 2];
}

}  // namespace

void resampleTrial(const Clip& trial, double rate, Clip& out) {
  if (trial.frames.size() < 2 || !(rate > 0.0) || onGrid(trial, rate)) {
    out = trial;
    return;
  }
  out.info = trial.info;
  out.rate = rate;
  out.body = trial.body;
  out.segments = trial.segments;
  out.annotations = trial.annotations;
  out.frames.clear();
  const double t0 = trial.frames.front().time;
  const double span = trial.frames.back().time - t0;
  const double maxGap = 2.5 * medianSpacing(trial);
  const auto n = static_cast<std::size_t>(std::floor(span * rate + kOnGrid * rate)) + 1;
  out.frames.resize(n);
  for (std::size_t k = 0; k < n; ++k) {
    const double t = std::min(t0 + static_cast<double>(k) / rate, trial.frames.back().time);
    Frame& f = out.frames[k];
    const std::size_t i = frameIndexAt(trial, t);
    const Frame& a = trial.frames[i];
    const Frame& b = trial.frames[std::min(i + 1, trial.frames.size() - 1)];
    if (std::fabs(a.time - t) <= kOnGrid) f = a;
    else if (std::fabs(b.time - t) <= kOnGrid) f = b;
    else if (b.time - a.time > maxGap) {
      f = a;
      f.hands = {};  // inside a gap: untracked
    } else {
      sampleClip(trial, t, f);
    }
    f.time = t;
  }
}

}  // namespace mimesis
