// Gain: the least-squares slope of learner on expert, and which groups the overall gain pools.
#include "mimesis/scoring/Gain.hpp"

#include <cmath>

#include "mimesis/scoring/ScoreReport.hpp"

namespace mimesis {

std::optional<double> gainOf(const GainSums& s, double minExpertRms) {
  // An expert variance this small per pair is no motion at all (it only guards the division).
  constexpr double kTiny = 1e-12;
  if (!(s.samples > 0.0) || !(s.expertSquares > kTiny * s.samples)) return std::nullopt;
  if (!(std::sqrt(s.expertSquares / s.samples) >= minExpertRms)) return std::nullopt;
  const double g = s.cross / s.expertSquares;
  if (!std::isfinite(g)) return std::nullopt;
  return g;
}

std::optional<double> learnerGain(std::span<const GroupReport> groups) {
  // Tiers in order: hand wrists, hand fingers, body groups; the first tier with a measured gain.
  for (int tier = 0; tier < 3; ++tier) {
    GainSums pooled;
    bool any = false;
    for (const GroupReport& g : groups) {
      const int t = g.unit == "body" ? 2 : (g.finger ? 1 : 0);
      if (t != tier || !g.hasGain) continue;
      pooled += g.gainSums;
      any = true;
    }
    if (any) return gainOf(pooled, 0.0);
  }
  return std::nullopt;
}

}  // namespace mimesis
