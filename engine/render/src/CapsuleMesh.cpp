// Builds the unit capsule: a UV sphere split at its equator, the halves assigned to ends A and B.
#include "CapsuleMesh.hpp"

#include <cmath>

namespace mimesis::render {

CapsuleMesh makeCapsuleMesh(int segments, int rings) {
  CapsuleMesh m;
  // Latitudes from the -Z pole (end A) to the +Z pole (end B); the equator appears twice, once
  // per end, so the side wall is the band between the two equator rings.
  const int latitudes = 2 * rings + 2;
  for (int lat = 0; lat < latitudes; ++lat) {
    const bool endB = lat > rings;
    const int k = endB ? lat - 1 : lat;  // 0..2*rings along the sphere
    const double theta = M_PI * (1.0 - static_cast<double>(k) / (2.0 * rings));  // angle from +Z
    for (int s = 0; s <= segments; ++s) {
      const double phi = 2.0 * M_PI * static_cast<double>(s) / segments;
      const glm::vec3 d(static_cast<float>(std::sin(theta) * std::cos(phi)),
                        static_cast<float>(std::sin(theta) * std::sin(phi)),
                        static_cast<float>(std::cos(theta)));
      m.vertices.push_back({d, endB ? 1.0f : 0.0f});
    }
  }
  const int row = segments + 1;
  for (int lat = 0; lat + 1 < latitudes; ++lat) {
    for (int s = 0; s < segments; ++s) {
      const auto a = static_cast<std::uint16_t>(lat * row + s);
      const auto b = static_cast<std::uint16_t>(lat * row + s + 1);
      const auto c = static_cast<std::uint16_t>((lat + 1) * row + s);
      const auto d = static_cast<std::uint16_t>((lat + 1) * row + s + 1);
      // Going from -Z towards +Z with phi increasing counter-clockwise about +Z, (a, b, d) and
      // (a, d, c) face outwards.
      m.indices.insert(m.indices.end(), {a, b, d, a, d, c});
    }
  }
  return m;
}

}  // namespace mimesis::render
