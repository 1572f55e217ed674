// The frame the charts of categories and pairs share (line chart, heat map, scatter plot; the
// sweep report draws them): a white 560 x 340 <svg> with a title of one or two lines, a plot area
// of 470 x 240 px at (70, 40), and the names of both axes. The charts style themselves with inline
// attributes (no CSS, scripts or fonts), so each works inside an HTML page and as a standalone .svg
// file docs/sweeps.md shows.
#pragma once

#include <cstddef>
#include <string>

namespace harness::report {

struct PlotArea {
  static constexpr int kWidth = 560, kHeight = 340;  // the whole <svg>
  static constexpr int kLeft = 70, kRight = 20, kTop = 40, kBottom = 60;
  static constexpr int kPlotWidth = kWidth - kLeft - kRight, kPlotHeight = kHeight - kTop - kBottom;
};

// "<svg ...>" with a white background and the title centred on top; the caller closes it. A title
// wider than the chart is split before its "(...)" qualifier, or at the last space that fits, and
// the rest goes on a second, smaller line.
std::string open_plot_svg(const std::string& title);

// The plot area's border, grid lines and value labels at 0, 1/4 ... 4/4 of `y_max`, then the axis
// names (plot_axis_names).
std::string plot_value_frame(double y_max, const std::string& x_name, const std::string& y_name);

// The x axis name under the plot and the y axis name turned along the left edge.
std::string plot_axis_names(const std::string& x_name, const std::string& y_name);

// A value label: up to 4 significant digits ("12.5", "0.125", "1500").
std::string plot_value_label(double v);

// The stroke colour of the i-th series; six, then they repeat.
const char* series_colour(std::size_t i);

}  // namespace harness::report
