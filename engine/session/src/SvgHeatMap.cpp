// SvgHeatMap: labelled cells on the viridis-like ramp, with a legend bar.
#include "SvgHeatMap.hpp"

#include <algorithm>
#include <cmath>

#include "mimesis/session/Svg.hpp"

namespace mimesis::svg {

std::string renderHeatMap(const HeatMap& m, const std::string& id) {
  const double cellW = 58.0, cellH = 26.0, rowHead = 120.0, colHead = 86.0, top = 36.0;
  // Wide enough for the legend (ramp plus its caption) even with few columns.
  const double w = std::max(rowHead + cellW * static_cast<double>(std::max<std::size_t>(m.columns.size(), 1)) + 20.0,
                            rowHead + 240.0 + 12.0 + 7.0 * static_cast<double>(m.unit.size() + 26));
  const double gridH = cellH * static_cast<double>(std::max<std::size_t>(m.rows.size(), 1));
  const double h = top + colHead + gridH + 64.0;
  const double x0 = rowHead, y0 = top + colHead;
  const double span = m.hi > m.lo ? m.hi - m.lo : 1.0;

  std::string o = chartOpening(id, w, h, m.title, m.description);
  o += "<defs><pattern id=\"" + id + "-na\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\">"
       "<rect width=\"6\" height=\"6\" fill=\"#f2f2f2\"/><path d=\"M0,6 L6,0\" stroke=\"#bbbbbb\"/></pattern></defs>\n";
  o += "<text x=\"8\" y=\"20\" class=\"ct\">" + escape(m.title) + "</text>\n";
  o += "<text x=\"8\" y=\"" + n(y0 - 8) + "\" class=\"al\" style=\"text-anchor:start\">" + escape(m.rowLabel) + " \u2193 / " +
       escape(m.columnLabel) + " \u2192</text>\n";
  for (std::size_t c = 0; c < m.columns.size(); ++c) {
    const double cx = x0 + cellW * (static_cast<double>(c) + 0.5);
    o += "<text transform=\"translate(" + n(cx + 4) + " " + n(y0 - 6) + ") rotate(-55)\" class=\"hc\">" +
         escape(m.columns[c]) + "</text>\n";
  }
  for (std::size_t r = 0; r < m.rows.size(); ++r) {
    const double ry = y0 + cellH * static_cast<double>(r);
    o += "<text x=\"" + n(x0 - 6) + "\" y=\"" + n(ry + cellH / 2 + 4) + "\" class=\"hr\">" + escape(m.rows[r]) +
         "</text>\n";
    for (std::size_t c = 0; c < m.columns.size(); ++c) {
      const std::size_t i = r * m.columns.size() + c;
      const double v = i < m.values.size() ? m.values[i] : std::nan("");
      const double cx = x0 + cellW * static_cast<double>(c);
      const std::string tip = m.rows[r] + ", " + m.columns[c] + ": " +
                              (std::isfinite(v) ? n(v, 1) + (m.unit.empty() ? "" : " " + m.unit) : "not measured");
      if (std::isfinite(v)) {
        const double t = (v - m.lo) / span;
        o += "<rect x=\"" + n(cx) + "\" y=\"" + n(ry) + "\" width=\"" + n(cellW - 1) + "\" height=\"" + n(cellH - 1) +
             "\" fill=\"" + ramp(t) + "\"><title>" + escape(tip) + "</title></rect>\n";
        o += "<text x=\"" + n(cx + cellW / 2) + "\" y=\"" + n(ry + cellH / 2 + 4) + "\" class=\"cv\" fill=\"" +
             (rampNeedsLightText(t) ? "#ffffff" : "#000000") + "\">" + n(v, 0) + "</text>\n";
      } else {
        o += "<rect x=\"" + n(cx) + "\" y=\"" + n(ry) + "\" width=\"" + n(cellW - 1) + "\" height=\"" + n(cellH - 1) +
             "\" fill=\"url(#" + id + "-na)\"><title>" + escape(tip) + "</title></rect>\n";
        o += "<text x=\"" + n(cx + cellW / 2) + "\" y=\"" + n(ry + cellH / 2 + 4) + "\" class=\"cv\">\u2013</text>\n";
      }
    }
  }
  // Legend: the ramp from lo to hi in ten steps.
  const double ly = y0 + gridH + 24, lw = 24.0;
  for (int k = 0; k < 10; ++k)
    o += "<rect x=\"" + n(x0 + lw * k) + "\" y=\"" + n(ly) + "\" width=\"" + n(lw) + "\" height=\"12\" fill=\"" +
         ramp((k + 0.5) / 10.0) + "\"/>\n";
  o += "<text x=\"" + n(x0) + "\" y=\"" + n(ly + 28) + "\" class=\"lg\">" + n(m.lo, 0) + "</text>\n";
  o += "<text x=\"" + n(x0 + lw * 10) + "\" y=\"" + n(ly + 28) + "\" class=\"lg\" style=\"text-anchor:end\">" + n(m.hi, 0) +
       "</text>\n";
  o += "<text x=\"" + n(x0 + lw * 10 + 12) + "\" y=\"" + n(ly + 11) + "\" class=\"lg\">" + escape(m.unit) +
       " (hatched: not measured)</text>\n";
  o += "</svg>\n";
  return o;
}

}  // namespace mimesis::svg
