#include "harness/report/svg_scatter_plot.h"

#include <algorithm>

#include "harness/report/markup_escape.h"
#include "harness/report/svg_number.h"
#include "harness/report/svg_plot_frame.h"
#include "harness/report/value_axis.h"

namespace harness::report {

std::string scatter_plot(const std::string& title, const std::string& x_name, const std::string& y_name,
                         const std::vector<ScatterPoint>& points) {
  using P = PlotArea;
  double x_largest = 0, y_largest = 0;
  for (const ScatterPoint& p : points) {
    x_largest = std::max(x_largest, p.x);
    y_largest = std::max(y_largest, p.y);
  }
  const double x_max = nice_max(x_largest), y_max = nice_max(y_largest);
  std::string out = open_plot_svg(title) + plot_value_frame(y_max, x_name, y_name);
  for (int i = 0; i <= 4; ++i)
    out += "<text x=\"" + svg_number(P::kLeft + P::kPlotWidth * i / 4.0) + "\" y=\"" +
           std::to_string(P::kTop + P::kPlotHeight + 16) + "\" text-anchor=\"middle\">" +
           plot_value_label(x_max * i / 4) + "</text>";
  for (const ScatterPoint& p : points) {
    const double x = P::kLeft + P::kPlotWidth * p.x / x_max, y = P::kTop + P::kPlotHeight - P::kPlotHeight * p.y / y_max;
    out += "<circle cx=\"" + svg_number(x) + "\" cy=\"" + svg_number(y) + "\" r=\"" + (p.marked ? "7" : "4") +
           "\" fill=\"" + (p.highlighted ? "#d62728" : "#bbb") + "\" stroke=\"" + (p.marked ? "#000" : "none") +
           "\" stroke-width=\"2\"><title>" + escape_markup(p.label) + "</title></circle>";
  }
  out += "<text x=\"" + std::to_string(P::kLeft + P::kPlotWidth - 4) + "\" y=\"" + std::to_string(P::kTop + 16) +
         "\" text-anchor=\"end\" fill=\"#d62728\">red: Pareto frontier; ringed: recommended</text>";
  return out + "</svg>";
}

}  // namespace harness::report
