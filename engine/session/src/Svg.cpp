// Svg: escaping, number format, palettes and axis ticks for the report's charts.
#include "mimesis/session/Svg.hpp"

#include "mimesis/core/NumberText.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>

namespace mimesis::svg {

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // Control characters other than tab/newline are not allowed in HTML text.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') out += ' ';
        else out += c;
    }
  }
  return out;
}

std::string n(double v, int digits) { return roundedFixed(std::isfinite(v) ? v : 0.0, digits); }

std::string chartOpening(const std::string& id, double w, double h, std::string_view title,
                         std::string_view description) {
  return "<svg class=\"chart\" role=\"img\" viewBox=\"0 0 " + n(w, 0) + " " + n(h, 0) + "\" width=\"" + n(w, 0) +
         "\" height=\"" + n(h, 0) + "\" aria-labelledby=\"" + id + "-t " + id + "-d\">\n" + "<title id=\"" + id + "-t\">" +
         escape(title) + "</title>\n" + "<desc id=\"" + id + "-d\">" + escape(description) + "</desc>\n";
}

const char* stageTint(Stage stage) {
  switch (stage) {
    case Stage::Watch: return "#e8e8e8";
    case Stage::Imagine: return "#f3e6ef";
    case Stage::Guided: return "#ddebf5";
    case Stage::Faded: return "#e3f1ec";
    case Stage::Solo: return "#fbf0d9";
    case Stage::Retention: return "#f6e1d5";
  }
  return "#ffffff";
}

namespace {
// Stops sampled from a viridis-like ramp (perceptually ordered, colour-blind safe).
constexpr std::array<std::array<int, 3>, 5> kRamp{{{68, 1, 84}, {59, 82, 139}, {33, 145, 140}, {94, 201, 98}, {253, 231, 37}}};
}  // namespace

std::string ramp(double t) {
  if (!std::isfinite(t)) t = 0.0;
  t = std::clamp(t, 0.0, 1.0) * static_cast<double>(kRamp.size() - 1);
  const auto i = std::min(static_cast<std::size_t>(t), kRamp.size() - 2);
  const double f = t - static_cast<double>(i);
  char buf[8];
  int rgb[3];
  for (std::size_t c = 0; c < 3; ++c)
    rgb[c] = static_cast<int>(std::lround(kRamp[i][c] + (kRamp[i + 1][c] - kRamp[i][c]) * f));
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", rgb[0], rgb[1], rgb[2]);
  return buf;
}

bool rampNeedsLightText(double t) { return std::isfinite(t) && t < 0.55; }

std::vector<double> ticks(double lo, double hi, int target) {
  std::vector<double> out;
  if (!std::isfinite(lo) || !std::isfinite(hi) || !(hi > lo) || target < 1) return out;
  const double raw = (hi - lo) / target;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  double step = mag;
  for (const double m : {1.0, 2.0, 5.0, 10.0})
    if (raw <= m * mag) {
      step = m * mag;
      break;
    }
  const double first = std::ceil(lo / step - 1e-9) * step;
  for (int k = 0; k < 200; ++k) {
    const double v = first + k * step;
    if (v > hi + step * 1e-9) break;
    out.push_back(std::abs(v) < step * 1e-9 ? 0.0 : v);
  }
  return out;
}

}  // namespace mimesis::svg
