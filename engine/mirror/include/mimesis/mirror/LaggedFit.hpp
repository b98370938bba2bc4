// LaggedFit: sliding-window fit of learner(t) ≈ gain · expert(t − lag) + offset over a range of
// lags, for several expert/learner stream pairs at once, in O(pairs × lags) per frame.
#pragma once

#include <span>
#include <utility>
#include <vector>

#include <glm/vec3.hpp>

namespace mimesis {

// One fit result. Lag in frames (fractional: parabolic refinement of the correlation peak);
// gain = gainOf (scoring/Gain.hpp, the one gain estimator): Σ cov / Σ expert variance at the
// peak lag (below 1: timid, above 1: overshoot); r = normalized
// correlation at the peak in [-1, 1]; expertRms = the expert's RMS motion about its mean.
struct LagFit {
  bool valid = false;
  double lagFrames = 0.0;
  double gain = 0.0;
  double r = 0.0;
  double expertRms = 0.0;
  glm::dvec3 offset{0.0};   // mean learner − gain · mean expert (per axis), at the peak lag
};

// How it works (why it is cheap): for every pair and lag it keeps the windowed cross sum
// Σ dot(x(t−lag−k), y(t−k)), updated by adding the newest product and subtracting the one
// leaving the window. The expert's own windowed sums are kept once per stream and looked up at
// the lag's age, so only the cross sums cost per lag. Negative lags (anticipation) are handled
// by judging the learner `delay` frames in the past. All storage is allocated by configure();
// push() and fit*() never allocate. Rings are written twice (at i and i + N) so every window is
// contiguous and the inner loop vectorizes.
class LaggedFit {
 public:
  // `streams` vec3 streams per side; `pairs` (expert stream, learner stream) whose cross sums
  // are kept; window of `window` frames; lags [lagMin, lagMax] frames (lagMin may be negative).
  void configure(int streams, std::span<const std::pair<int, int>> pairs, int window, int lagMin,
                 int lagMax);

  // One frame: `expert[s]` and `learner[s]` for every stream s (held values when untracked),
  // and whether each stream was tracked (valid flags count toward validFraction()).
  void push(std::span<const glm::dvec3> expert, std::span<const bool> expertValid,
            std::span<const glm::dvec3> learner, std::span<const bool> learnerValid);

  // True once the window and lag range hold real samples only.
  bool ready() const { return pushed_ >= static_cast<long>(expertDepth_); }

  // The best fit of one pair, or pooled over several pairs (sums of covariances/variances).
  // `minExpertRms`: a pooled expert RMS below it gives an invalid fit (nothing to follow).
  LagFit fitPair(int pair, double minExpertRms) const;
  LagFit fitPooled(std::span<const int> pairs, double minExpertRms) const;

  // The same in two steps, so a caller can cache per-pair moments and pool them later:
  // covariance and variances per lag index (spans of lagCount() each, caller-owned), then the
  // peak of summed moments (`pairs` = how many were summed; `pairForOffset` >= 0 for an offset).
  void pairMoments(int pair, std::span<double> cov, std::span<double> varX,
                   std::span<double> varY) const;
  LagFit fitFromMoments(std::span<const double> cov, std::span<const double> varX,
                        std::span<const double> varY, int pairs, double minExpertRms,
                        int pairForOffset = -1) const;
  int lagCount() const { return lags_; }

  // Fraction of tracked frames in the judged window, per stream and side.
  double expertValidFraction(int stream) const;
  double learnerValidFraction(int stream) const;

  // Samples by age in frames (0 = newest). Learner samples are judged at age delay().
  glm::dvec3 expertAt(int stream, int age) const;
  glm::dvec3 learnerAt(int stream, int age) const;
  bool expertValidAt(int stream, int age) const;
  bool learnerValidAt(int stream, int age) const;
  int expertDepth() const { return static_cast<int>(expertDepth_); }
  // Window means: the learner's over the judged window; the expert's for a given lag (frames).
  glm::dvec3 learnerMean(int stream) const;
  glm::dvec3 expertMean(int stream, int lag) const;

  int delay() const { return delay_; }
  int lagMin() const { return lagMin_; }
  int lagMax() const { return lagMax_; }
  int window() const { return window_; }
  int pairCount() const { return static_cast<int>(pairs_.size()); }
  const std::pair<int, int>& pair(int p) const { return pairs_[static_cast<std::size_t>(p)]; }

 private:
  // Correlation statistics of one pair at lag index i (sums, not yet normalized).
  struct Moments { double cov = 0, varX = 0, varY = 0; };
  Moments moments(int pair, int lagIndex) const;
  // `r` needs to be exact at best − 1, best and best + 1 only (the parabola's three points).
  LagFit peak(std::span<const double> r, std::size_t best, std::span<const double> cov,
              std::span<const double> varX, int pairs, double expertRms, int pairForOffset) const;

  int streams_ = 0, window_ = 0, lagMin_ = 0, lagMax_ = 0, delay_ = 0, lags_ = 0;
  std::size_t expertDepth_ = 0, learnerDepth_ = 0, histDepth_ = 0;
  std::size_t eHead_ = 0, lHead_ = 0, hHead_ = 0;  // ring heads (decreasing; age a at head + a)
  long pushed_ = 0;
  std::vector<std::pair<int, int>> pairs_;
  // Pairs grouped by expert stream, two at a time (second -1 when alone), so push() reads each
  // expert ring once for both learner hands that may copy it: {first pair, second pair}.
  std::vector<std::pair<int, int>> pushOrder_;
  // Per stream, SoA rings of 2 × depth: expert x/y/z, learner x/y/z, valid flags.
  std::vector<double> ex_, ey_, ez_, lx_, ly_, lz_;
  std::vector<unsigned char> eValid_, lValid_;
  // Per stream, the expert's window sums history (2 × histDepth): Σx, Σy, Σz, Σ|x|².
  std::vector<double> hx_, hy_, hz_, hxx_;
  // Running sums: expert window ending now, learner window ending at age delay.
  std::vector<glm::dvec3> eSum_, lSum_;
  std::vector<double> eSumSq_, lSumSq_;
  std::vector<int> eValidCount_, lValidCount_;
  // Per expert stream, the push index of its last non-zero sample (ring all zeros when it is
  // expertDepth_ or more pushes ago: its cross sums are then left as they are, exactly +0).
  std::vector<long> eLastNonZero_;
  // Cross sums per pair × lag.
  std::vector<double> cross_;
  // Scratch for pooled fits (sized once).
  mutable std::vector<double> scratchR_, scratchCov_, scratchVar_, scratchVar2_;
};

}  // namespace mimesis
