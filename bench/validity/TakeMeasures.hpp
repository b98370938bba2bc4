// Whole-take measures for the validity analysis dump (--pairs), bench-only: candidate factors a
// shape reference could be scaled by, measured on each take so that bench/validity/reweigh.py can
// try them without rebuilding. Reach and excursion are the product's own (the scorer uses them);
// speed and acceleration were measured as candidates and not kept (SCORING.md).
#pragma once

#include <cmath>
#include <cstddef>

#include <glm/geometric.hpp>

#include "mimesis/motion/Clip.hpp"
#include "mimesis/scoring/MotionStream.hpp"

namespace mimesis::validity {

struct TakeMeasures {
  double reachM = 0, excursionM = 0;
  double speedMps = 0;  // mean over non-root joints of the RMS root-relative speed
  double accelM = 0;    // mean over non-root joints of RMS(second difference)/sqrt(6), metres per frame
};

inline TakeMeasures measureTake(const Clip& c) {
  TakeMeasures m;
  m.reachM = measureBodyReach(c);
  m.excursionM = measureBodyExcursion(c);
  const std::size_t n = static_cast<std::size_t>(c.body.jointCount());
  auto rel = [&](std::size_t f, std::size_t j) {
    return glm::dvec3(c.frames[f].body[j].pose.position) - glm::dvec3(c.frames[f].body[0].pose.position);
  };
  double speed = 0, accel = 0;
  int joints = 0;
  for (std::size_t j = 1; j < n; ++j) {
    double v2 = 0, a2 = 0;
    std::size_t nv = 0, na = 0;
    for (std::size_t f = 1; f < c.frames.size(); ++f) {
      if (c.frames[f].body.size() != n || c.frames[f - 1].body.size() != n) continue;
      const glm::dvec3 d = rel(f, j) - rel(f - 1, j);
      v2 += glm::dot(d, d), ++nv;
      if (f + 1 < c.frames.size() && c.frames[f + 1].body.size() == n) {
        const glm::dvec3 dd = rel(f + 1, j) - 2.0 * rel(f, j) + rel(f - 1, j);
        a2 += glm::dot(dd, dd), ++na;
      }
    }
    if (nv == 0 || na == 0) continue;
    speed += std::sqrt(v2 / static_cast<double>(nv)) * c.rate;
    accel += std::sqrt(a2 / static_cast<double>(na) / 6.0);
    ++joints;
  }
  if (joints > 0) m.speedMps = speed / joints, m.accelM = accel / joints;
  return m;
}

}  // namespace mimesis::validity
