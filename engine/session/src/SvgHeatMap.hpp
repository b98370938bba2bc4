// SvgHeatMap: an accessible inline SVG grid of values (rows × columns), each cell coloured on a
// colour-blind-safe ramp and labelled with its number, so colour is never the only cue.
#pragma once

#include <string>
#include <vector>

namespace mimesis::svg {

struct HeatMap {
  std::string title;
  std::string description;         // <desc>: what the cells mean
  std::string rowLabel, columnLabel;
  std::vector<std::string> rows;   // top to bottom
  std::vector<std::string> columns;
  std::vector<double> values;      // rows × columns, row-major; non-finite: not measured
  double lo = 0.0, hi = 100.0;     // the ramp's ends
  std::string unit;                // appended in tooltips ("points")
};

// `id` must be unique in the document. Cells not measured are hatched grey with a dash.
std::string renderHeatMap(const HeatMap& map, const std::string& id);

}  // namespace mimesis::svg
