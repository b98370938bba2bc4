// The table of named hand shapes. Values were tuned by looking at fingertip distances (a pinch
// closes thumb and index tips to about a centimetre; a fist's thumb lies over the fingers).
#include "mimesis/motion/HandShapePresets.hpp"

#include <array>

namespace mimesis {
namespace {

struct Preset {
  std::string_view name;
  HandShape shape;  // curl: thumb, index, middle, ring, little; then spread, degrees
};

// Thumb curl ~0.8 with a small negative spread tucks it over the middle phalanges of the
// index and middle fingers; that is the "fingers closed" thumb for fist-like shapes.
const std::array<Preset, 16> kPresets = {{
    {"open", {{0.0f, 0.0f, 0.0f, 0.0f, 0.0f}, {20.0f, 8.0f, 0.0f, 8.0f, 15.0f}}},
    {"flat", {{0.0f, 0.0f, 0.0f, 0.0f, 0.0f}, {-15.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"relaxed", {{0.15f, 0.2f, 0.25f, 0.3f, 0.35f}, {0.0f, 3.0f, 0.0f, 3.0f, 6.0f}}},
    {"fist", {{0.8f, 1.0f, 1.0f, 1.0f, 1.0f}, {-10.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"point", {{0.8f, 0.0f, 1.0f, 1.0f, 1.0f}, {-10.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"pinch", {{0.55f, 0.5f, 0.25f, 0.3f, 0.35f}, {0.0f, 0.0f, 0.0f, 3.0f, 6.0f}}},
    {"thumbs-up", {{0.0f, 1.0f, 1.0f, 1.0f, 1.0f}, {30.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-a", {{0.0f, 1.0f, 1.0f, 1.0f, 1.0f}, {-15.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-b", {{1.0f, 0.0f, 0.0f, 0.0f, 0.0f}, {-20.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-c", {{0.25f, 0.45f, 0.45f, 0.45f, 0.45f}, {25.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-h", {{0.8f, 0.0f, 0.0f, 1.0f, 1.0f}, {-10.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-i", {{0.8f, 1.0f, 1.0f, 1.0f, 0.0f}, {-10.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-l", {{0.0f, 0.0f, 1.0f, 1.0f, 1.0f}, {45.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-o", {{0.55f, 0.55f, 0.55f, 0.55f, 0.55f}, {0.0f, 0.0f, 0.0f, 0.0f, 0.0f}}},
    {"letter-v", {{0.8f, 0.0f, 0.0f, 1.0f, 1.0f}, {-10.0f, 10.0f, -10.0f, 0.0f, 0.0f}}},
    {"letter-y", {{0.0f, 1.0f, 1.0f, 1.0f, 0.0f}, {40.0f, 0.0f, 0.0f, 0.0f, 20.0f}}},
}};

const std::array<std::string_view, kPresets.size()> kNames = [] {
  std::array<std::string_view, kPresets.size()> n{};
  for (std::size_t i = 0; i < kPresets.size(); ++i) n[i] = kPresets[i].name;
  return n;
}();

}  // namespace

std::optional<HandShape> handShapePreset(std::string_view name) {
  for (const Preset& p : kPresets)
    if (p.name == name) return p.shape;
  return std::nullopt;
}

std::span<const std::string_view> handShapePresetNames() { return kNames; }

}  // namespace mimesis
