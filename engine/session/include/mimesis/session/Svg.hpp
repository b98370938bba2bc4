// Svg: the small vocabulary the report's charts share — text escaping, fixed number format, the
// colour-blind-safe palettes (Okabe–Ito for categories, a viridis-like ramp for magnitudes) and
// the nice tick steps of an axis.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "mimesis/mirror/MirrorTypes.hpp"

namespace mimesis::svg {

// Escapes text for HTML/SVG content and attribute values (& < > " ').
std::string escape(std::string_view text);

// Fixed-point number for coordinates and labels: no "-0", non-finite written as 0.
std::string n(double v, int digits = 1);

// The opening of a chart: the <svg> element sized w × h, labelled by its <title> and <desc>
// (ids `id`-t and `id`-d, so screen readers announce both).
std::string chartOpening(const std::string& id, double w, double h, std::string_view title,
                         std::string_view description);

// Okabe–Ito: distinguishable with every common colour-vision deficiency.
inline constexpr const char* kBlue = "#0072B2";
inline constexpr const char* kOrange = "#E69F00";
inline constexpr const char* kSkyBlue = "#56B4E9";
inline constexpr const char* kGreen = "#009E73";
inline constexpr const char* kVermillion = "#D55E00";
inline constexpr const char* kPurple = "#CC79A7";
inline constexpr const char* kYellow = "#F0E442";
inline constexpr const char* kInk = "#222222";
inline constexpr const char* kGrid = "#d9d9d9";

// A light background tint per stage (the bands behind time charts); each also has a text label.
const char* stageTint(Stage stage);

// A sequential ramp, dark blue-purple (t = 0) through teal to yellow (t = 1), readable in grey
// scale too; t is clamped to [0, 1]. Also says whether text on it should be white.
std::string ramp(double t);
bool rampNeedsLightText(double t);

// Tick values covering [lo, hi] at a 1/2/5 × 10^k step, about `target` of them.
std::vector<double> ticks(double lo, double hi, int target = 5);

}  // namespace mimesis::svg
