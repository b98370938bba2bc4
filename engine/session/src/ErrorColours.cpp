// The error colour scale: four control points, linear in between, luminance rising throughout.
#include "mimesis/session/ErrorColours.hpp"

#include <array>
#include <cmath>

namespace mimesis {
namespace {

struct Stop {
  float error;
  glm::vec4 colour;
};

// Luminances 0.33, 0.51, 0.66, 0.79: strictly rising, so every segment between them rises too
// (luminance is linear in linear RGB).
constexpr std::array<Stop, 4> kStops = {{
    {0.0f, {0.16f, 0.34f, 0.75f, 1.0f}},  // calm blue
    {0.5f, {0.50f, 0.50f, 0.58f, 1.0f}},  // pale grey-lavender
    {1.0f, {0.95f, 0.62f, 0.25f, 1.0f}},  // orange: at the reference
    {2.0f, {1.00f, 0.80f, 0.10f, 1.0f}},  // bright amber: twice the reference and beyond
}};

}  // namespace

glm::vec4 errorColour(float e) {
  if (!(e > 0.0f)) e = 0.0f;  // negative and NaN
  if (e >= kStops.back().error) return kStops.back().colour;
  for (std::size_t i = 0; i + 1 < kStops.size(); ++i)
    if (e <= kStops[i + 1].error) {
      const float u = (e - kStops[i].error) / (kStops[i + 1].error - kStops[i].error);
      return kStops[i].colour + (kStops[i + 1].colour - kStops[i].colour) * u;
    }
  return kStops.back().colour;
}

float luminance(const glm::vec4& c) { return 0.2126f * c.x + 0.7152f * c.y + 0.0722f * c.z; }

glm::vec4 ghostColour() { return {0.55f, 0.82f, 0.92f, 1.0f}; }

glm::vec4 neutralHandColour() { return {0.85f, 0.70f, 0.60f, 1.0f}; }

}  // namespace mimesis
