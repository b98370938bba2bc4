// SkillEstimate: a one-dimensional Kalman filter on log relative error, per segment × cell,
// giving the learner's error level with its uncertainty and a mastery probability.
#pragma once

#include <vector>

namespace mimesis {

// The latent level is log(relative error). Each trial first adds process noise (the level may
// have moved: learning or forgetting), then fuses the trial's log error with observation noise.
struct SkillFilter {
  double mean = 0.0;       // log relative error
  double variance = 1.0;   // of `mean`
  int observations = 0;

  void reset(double priorError, double priorVariance);
  void observe(double relError, double processNoise, double observationNoise);
  // P(level < log tolerance) under the Gaussian belief: the mastery probability.
  double mastery(double tolerance) const;
  double level() const;    // exp(mean): the estimated relative error
};

// Standard normal cumulative distribution (erfc based, finite for any finite x).
double normalCdf(double x);

// Filters for every segment × cell, one bank per guidance condition.
class SkillBank {
 public:
  void configure(int segments, int cellsPerSegment, double priorError, double priorVariance);
  SkillFilter& at(int segment, int cell);
  const SkillFilter& at(int segment, int cell) const;
  int segments() const { return segments_; }
  int cellsPerSegment() const { return cells_; }
  // Whether any observation has reached this cell.
  bool observed(int segment, int cell) const { return at(segment, cell).observations > 0; }

 private:
  int segments_ = 0, cells_ = 0;
  std::vector<SkillFilter> filters_;
};

}  // namespace mimesis
