// Names, grades and the score curve of ScoringConfig.
#include "mimesis/scoring/ScoringConfig.hpp"

#include <algorithm>
#include <cmath>

namespace mimesis {

std::string_view mappingName(Mapping m) {
  switch (m) {
    case Mapping::Anatomical: return "anatomical";
    case Mapping::Mirror: return "mirror";
    case Mapping::Auto: return "auto";
  }
  return "anatomical";
}

std::string_view gradeName(Grade g) {
  switch (g) {
    case Grade::Perfect: return "Perfect";
    case Grade::Good: return "Good";
    case Grade::Ok: return "OK";
    case Grade::Miss: return "Miss";
  }
  return "Miss";
}

Grade gradeFor(double score, const GradeThresholds& t) {
  if (score >= t.perfect) return Grade::Perfect;
  if (score >= t.good) return Grade::Good;
  if (score >= t.ok) return Grade::Ok;
  return Grade::Miss;
}

double scoreFromError(double error, double ref) {
  if (!std::isfinite(error)) return 0.0;
  const double e = std::max(0.0, error);
  if (!(ref > 0.0)) return e == 0.0 ? 100.0 : 0.0;
  return 100.0 * std::exp(-e / ref);
}

}  // namespace mimesis
