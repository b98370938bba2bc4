// SkillEstimate: Kalman predict/update in log space and the mastery probability.
#include "mimesis/mirror/SkillEstimate.hpp"

#include <algorithm>
#include <cmath>

namespace mimesis {
namespace {
constexpr double kMinError = 1e-3;  // log of a zero error would be -inf
}

double normalCdf(double x) {
  if (!std::isfinite(x)) return x > 0 ? 1.0 : 0.0;
  return 0.5 * std::erfc(-x / std::sqrt(2.0));
}

void SkillFilter::reset(double priorError, double priorVariance) {
  mean = std::log(std::max(kMinError, priorError));
  variance = std::max(1e-6, priorVariance);
  observations = 0;
}

void SkillFilter::observe(double relError, double processNoise, double observationNoise) {
  if (!std::isfinite(relError)) return;
  const double z = std::log(std::max(kMinError, relError));
  variance += std::max(0.0, processNoise);
  const double r = std::max(1e-6, observationNoise);
  const double k = variance / (variance + r);
  mean += k * (z - mean);
  variance *= (1.0 - k);
  ++observations;
}

double SkillFilter::mastery(double tolerance) const {
  const double t = std::log(std::max(kMinError, tolerance));
  return normalCdf((t - mean) / std::sqrt(std::max(1e-12, variance)));
}

double SkillFilter::level() const { return std::exp(mean); }

void SkillBank::configure(int segments, int cellsPerSegment, double priorError, double priorVariance) {
  segments_ = std::max(1, segments);
  cells_ = std::max(1, cellsPerSegment);
  filters_.assign(static_cast<std::size_t>(segments_ * cells_), SkillFilter{});
  for (SkillFilter& f : filters_) f.reset(priorError, priorVariance);
}

SkillFilter& SkillBank::at(int segment, int cell) {
  return filters_[static_cast<std::size_t>(std::clamp(segment, 0, segments_ - 1) * cells_ +
                                           std::clamp(cell, 0, cells_ - 1))];
}
const SkillFilter& SkillBank::at(int segment, int cell) const {
  return filters_[static_cast<std::size_t>(std::clamp(segment, 0, segments_ - 1) * cells_ +
                                           std::clamp(cell, 0, cells_ - 1))];
}

}  // namespace mimesis
