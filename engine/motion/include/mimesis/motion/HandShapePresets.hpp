// Named hand shapes (fist, point, pinch, fingerspelling letters...) for keyframe authoring.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "mimesis/motion/HandRig.hpp"

namespace mimesis {

// The shape named `name` ("open", "fist", "letter-c", ...), or nullopt. Names are lower case;
// the list is handShapePresetNames(). Shapes are approximations with curl and spread only: they
// read clearly as the intended shape, not as an anatomical measurement.
std::optional<HandShape> handShapePreset(std::string_view name);

// Every preset name, in a fixed order (for error messages and documentation).
std::span<const std::string_view> handShapePresetNames();

}  // namespace mimesis
