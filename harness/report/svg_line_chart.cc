#include "harness/report/svg_line_chart.h"

#include <algorithm>

#include "harness/report/markup_escape.h"
#include "harness/report/svg_number.h"
#include "harness/report/svg_plot_frame.h"
#include "harness/report/value_axis.h"

namespace harness::report {

std::string line_chart(const std::string& title, const std::string& x_name, const std::vector<std::string>& x_labels,
                       const std::string& y_name, const std::vector<LineSeries>& series) {
  using P = PlotArea;
  double largest = 0;
  for (const LineSeries& s : series)
    for (const auto& v : s.values)
      if (v) largest = std::max(largest, *v);
  const double y_max = nice_max(largest);
  std::string out = open_plot_svg(title) + plot_value_frame(y_max, x_name, y_name);
  const auto x_at = [&](std::size_t i) {
    return P::kLeft + (x_labels.size() < 2 ? P::kPlotWidth / 2.0
                                           : P::kPlotWidth * (0.05 + 0.9 * i / (x_labels.size() - 1.0)));
  };
  const auto y_at = [&](double v) { return P::kTop + P::kPlotHeight - P::kPlotHeight * v / y_max; };
  for (std::size_t i = 0; i < x_labels.size(); ++i)
    out += "<text x=\"" + svg_number(x_at(i)) + "\" y=\"" + std::to_string(P::kTop + P::kPlotHeight + 16) +
           "\" text-anchor=\"middle\">" + escape_markup(x_labels[i]) + "</text>";
  for (std::size_t s = 0; s < series.size(); ++s) {
    const std::string colour = series_colour(s);
    std::string path;
    for (std::size_t i = 0; i < series[s].values.size(); ++i) {
      if (!series[s].values[i]) continue;
      const std::string x = svg_number(x_at(i)), y = svg_number(y_at(*series[s].values[i]));
      path += (path.empty() ? "M" : " L") + x + "," + y;
      out += "<circle cx=\"" + x + "\" cy=\"" + y + "\" r=\"3\" fill=\"" + colour + "\"/>";
    }
    out += "<path d=\"" + path + "\" fill=\"none\" stroke=\"" + colour + "\" stroke-width=\"2\"/>" + "<text x=\"" +
           std::to_string(P::kLeft + 8) + "\" y=\"" + std::to_string(P::kTop + 16 + 15 * s) + "\" fill=\"" + colour +
           "\">" + escape_markup(series[s].name) + "</text>";
  }
  return out + "</svg>";
}

}  // namespace harness::report
