// SvgLineChart: axes, bands, series and legend of one inline SVG chart.
#include "mimesis/session/SvgLineChart.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/session/Svg.hpp"

namespace mimesis::svg {
namespace {

struct Range {
  double lo = 0.0, hi = 1.0;
};

// The data's range, widened when flat, unless the chart fixes it.
Range rangeOf(const LineChart& c, bool xAxis, bool right, double fixedLo, double fixedHi) {
  double lo = std::numeric_limits<double>::infinity(), hi = -lo;
  for (const Series& s : c.series) {
    if (!xAxis && s.rightAxis != right) continue;
    for (const Point& p : s.points) {
      if (!std::isfinite(p.y)) continue;
      const double v = xAxis ? p.x : p.y;
      if (!std::isfinite(v)) continue;
      lo = std::min(lo, v);
      hi = std::max(hi, v);
    }
  }
  if (xAxis)
    for (const Band& b : c.bands) {
      lo = std::min(lo, b.x0);
      hi = std::max(hi, b.x1);
    }
  if (!std::isfinite(lo)) lo = 0.0, hi = 1.0;
  if (std::isfinite(fixedLo)) lo = fixedLo;
  if (std::isfinite(fixedHi)) hi = fixedHi;
  if (!(hi > lo)) {
    const double pad = std::max(std::abs(lo) * 0.1, 1.0);
    lo -= pad;
    hi += pad;
  }
  return {lo, hi};
}

}  // namespace

std::string renderLineChart(const LineChart& c, const std::string& id) {
  const bool hasRight = std::any_of(c.series.begin(), c.series.end(), [](const Series& s) { return s.rightAxis; });
  const double left = 64.0, right = hasRight ? 64.0 : 20.0, top = 36.0, bottom = 78.0;
  const double w = c.width, h = c.height;
  const double pw = w - left - right, ph = h - top - bottom;
  const Range xr = rangeOf(c, true, false, c.xMin, c.xMax);
  const Range yr = rangeOf(c, false, false, c.yMin, c.yMax);
  const Range yr2 = rangeOf(c, false, true, c.yRightMin, c.yRightMax);
  auto X = [&](double x) { return left + (x - xr.lo) / (xr.hi - xr.lo) * pw; };
  auto Y = [&](double y, bool r) {
    const Range& rr = r ? yr2 : yr;
    return top + ph - (std::clamp(y, rr.lo, rr.hi) - rr.lo) / (rr.hi - rr.lo) * ph;
  };

  std::string o = chartOpening(id, w, h, c.title, c.description);
  o += "<text x=\"" + n(left) + "\" y=\"20\" class=\"ct\">" + escape(c.title) + "</text>\n";

  // Bands first, so everything else draws over them.
  for (const Band& b : c.bands) {
    const double x0 = X(std::max(b.x0, xr.lo)), x1 = X(std::min(b.x1, xr.hi));
    if (!(x1 > x0)) continue;
    o += "<rect x=\"" + n(x0) + "\" y=\"" + n(top) + "\" width=\"" + n(x1 - x0) + "\" height=\"" + n(ph) +
         "\" fill=\"" + b.colour + "\"><title>" + escape(b.label) + "</title></rect>\n";
    if (x1 - x0 > 7.0 * static_cast<double>(b.label.size()))
      o += "<text x=\"" + n((x0 + x1) / 2) + "\" y=\"" + n(top + 12) + "\" class=\"bl\">" + escape(b.label) +
           "</text>\n";
  }
  // Grid and axes.
  for (const double t : ticks(yr.lo, yr.hi)) {
    o += "<line x1=\"" + n(left) + "\" x2=\"" + n(left + pw) + "\" y1=\"" + n(Y(t, false)) + "\" y2=\"" +
         n(Y(t, false)) + "\" stroke=\"" + kGrid + "\"/>\n";
    o += "<text x=\"" + n(left - 6) + "\" y=\"" + n(Y(t, false) + 4) + "\" class=\"yt\">" + n(t, t == std::round(t) ? 0 : 2) +
         "</text>\n";
  }
  if (hasRight)
    for (const double t : ticks(yr2.lo, yr2.hi))
      o += "<text x=\"" + n(left + pw + 6) + "\" y=\"" + n(Y(t, true) + 4) + "\" class=\"yt2\">" +
           n(t, t == std::round(t) ? 0 : 2) + "</text>\n";
  for (const double t : ticks(xr.lo, xr.hi, 8)) {
    o += "<line x1=\"" + n(X(t)) + "\" x2=\"" + n(X(t)) + "\" y1=\"" + n(top + ph) + "\" y2=\"" + n(top + ph + 5) +
         "\" stroke=\"" + kInk + "\"/>\n";
    o += "<text x=\"" + n(X(t)) + "\" y=\"" + n(top + ph + 18) + "\" class=\"xt\">" + n(t, t == std::round(t) ? 0 : 1) +
         "</text>\n";
  }
  o += "<rect x=\"" + n(left) + "\" y=\"" + n(top) + "\" width=\"" + n(pw) + "\" height=\"" + n(ph) +
       "\" fill=\"none\" stroke=\"" + kInk + "\"/>\n";
  o += "<text x=\"" + n(left + pw / 2) + "\" y=\"" + n(top + ph + 36) + "\" class=\"al\">" + escape(c.xLabel) +
       "</text>\n";
  o += "<text transform=\"translate(16 " + n(top + ph / 2) + ") rotate(-90)\" class=\"al\">" + escape(c.yLabel) +
       "</text>\n";
  if (hasRight)
    o += "<text transform=\"translate(" + n(w - 14) + " " + n(top + ph / 2) + ") rotate(90)\" class=\"al\">" +
         escape(c.yRightLabel) + "</text>\n";

  // Series: polylines broken at gaps, then markers.
  for (const Series& s : c.series) {
    const std::string dash = s.dashed ? " stroke-dasharray=\"6 4\"" : "";
    if (s.line) {
      std::string pts;
      auto flush = [&] {
        if (!pts.empty())
          o += "<polyline fill=\"none\" stroke=\"" + s.colour + "\" stroke-width=\"2\"" + dash + " points=\"" + pts +
               "\"/>\n";
        pts.clear();
      };
      for (std::size_t i = 0; i < s.points.size(); ++i) {
        const Point& p = s.points[i];
        if (!std::isfinite(p.y) || !std::isfinite(p.x)) {
          flush();
          continue;
        }
        if (s.step && !pts.empty()) pts += n(X(p.x)) + "," + n(Y(s.points[i - 1].y, s.rightAxis)) + " ";
        pts += n(X(p.x)) + "," + n(Y(p.y, s.rightAxis)) + " ";
      }
      flush();
    }
    if (s.markers)
      for (const Point& p : s.points) {
        if (!std::isfinite(p.y) || !std::isfinite(p.x)) continue;
        o += "<circle cx=\"" + n(X(p.x)) + "\" cy=\"" + n(Y(p.y, s.rightAxis)) + "\" r=\"4\" fill=\"" + s.colour +
             "\"><title>" + escape(s.name) + ": " + n(p.x, 2) + ", " + n(p.y, 2) + "</title></circle>\n";
      }
  }
  // Legend under the x label: a swatch in the series' style and its name.
  double lx = left;
  const double ly = top + ph + 58;
  for (const Series& s : c.series) {
    o += "<line x1=\"" + n(lx) + "\" x2=\"" + n(lx + 22) + "\" y1=\"" + n(ly - 4) + "\" y2=\"" + n(ly - 4) +
         "\" stroke=\"" + s.colour + "\" stroke-width=\"3\"" + (s.dashed ? " stroke-dasharray=\"6 4\"" : "") + "/>\n";
    if (s.markers) o += "<circle cx=\"" + n(lx + 11) + "\" cy=\"" + n(ly - 4) + "\" r=\"4\" fill=\"" + s.colour + "\"/>\n";
    o += "<text x=\"" + n(lx + 28) + "\" y=\"" + n(ly) + "\" class=\"lg\">" + escape(s.name) + "</text>\n";
    lx += 40.0 + 7.0 * static_cast<double>(s.name.size());
  }
  o += "</svg>\n";
  return o;
}

}  // namespace mimesis::svg
