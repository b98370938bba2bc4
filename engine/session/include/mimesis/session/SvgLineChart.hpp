// SvgLineChart: an accessible inline SVG chart of lines and points over x, with background
// bands (the lesson's stages), axes with ticks and labels, a legend, and a title and
// description that screen readers announce.
#pragma once

#include <limits>
#include <string>
#include <vector>

namespace mimesis::svg {

struct Point {
  double x = 0.0;
  double y = 0.0;  // non-finite: a gap (the line breaks)
};

struct Series {
  std::string name;            // legend text
  std::string colour;          // stroke / fill
  std::vector<Point> points;   // in x order
  bool line = true;            // joined by straight segments ...
  bool step = false;           // ... or held until the next point (step function)
  bool markers = false;        // a circle at each point (drawn with a <title> tooltip)
  bool dashed = false;
  bool rightAxis = false;      // plotted against the right-hand y axis
};

struct Band {
  double x0 = 0.0, x1 = 0.0;
  std::string label;           // written at the top of the band when it is wide enough
  std::string colour;
};

struct LineChart {
  std::string title;           // <title>, also the visible heading inside the SVG
  std::string description;     // <desc>: a sentence stating what the chart shows
  std::string xLabel, yLabel, yRightLabel;
  static constexpr double kAuto = std::numeric_limits<double>::quiet_NaN();
  double xMin = kAuto, xMax = kAuto;  // NaN: from the data
  double yMin = kAuto, yMax = kAuto;
  double yRightMin = kAuto, yRightMax = kAuto;
  std::vector<Series> series;
  std::vector<Band> bands;
  int width = 760, height = 300;
};

// `id` must be unique in the document (it names the title and description for aria).
std::string renderLineChart(const LineChart& chart, const std::string& id);

}  // namespace mimesis::svg
