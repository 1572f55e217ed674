#include "harness/report/svg_heat_map.h"

#include <algorithm>
#include <cstdio>

#include "harness/report/markup_escape.h"
#include "harness/report/svg_number.h"
#include "harness/report/svg_plot_frame.h"

namespace harness::report {
namespace {

// White to dark red: the colour of `t` in [0, 1].
std::string heat_colour(double t) {
  t = std::clamp(t, 0.0, 1.0);
  const int r = static_cast<int>(255 - 75 * t), g = static_cast<int>(245 - 215 * t), b = static_cast<int>(235 - 205 * t);
  char text[16];
  std::snprintf(text, sizeof text, "#%02x%02x%02x", r, g, b);
  return text;
}

std::string cell(double x, double y, double w, double h, const std::string& fill, const std::string& label) {
  return "<rect x=\"" + svg_number(x) + "\" y=\"" + svg_number(y) + "\" width=\"" + svg_number(w) + "\" height=\"" +
         svg_number(h) + "\" fill=\"" + fill + "\" stroke=\"#fff\"/><text x=\"" + svg_number(x + w / 2) + "\" y=\"" +
         svg_number(y + h / 2 + 4) + "\" text-anchor=\"middle\">" + escape_markup(label) + "</text>";
}

}  // namespace

std::string heat_map(const std::string& title, const std::string& x_name, const std::vector<std::string>& x_labels,
                     const std::string& y_name, const std::vector<std::string>& y_labels,
                     const std::vector<std::vector<std::optional<double>>>& values, const std::string& value_format,
                     const std::string& missing_text) {
  using P = PlotArea;
  double v_max = 0;
  for (const auto& row : values)
    for (const auto& v : row)
      if (v) v_max = std::max(v_max, *v);
  std::string out = open_plot_svg(title);
  const double w = static_cast<double>(P::kPlotWidth) / static_cast<double>(std::max<std::size_t>(1, x_labels.size()));
  const double h = static_cast<double>(P::kPlotHeight) / static_cast<double>(std::max<std::size_t>(1, y_labels.size()));
  for (std::size_t r = 0; r < y_labels.size(); ++r) {
    const double y = P::kTop + P::kPlotHeight - h * static_cast<double>(r + 1);
    out += "<text x=\"" + std::to_string(P::kLeft - 6) + "\" y=\"" + svg_number(y + h / 2 + 4) +
           "\" text-anchor=\"end\">" + escape_markup(y_labels[r]) + "</text>";
    for (std::size_t c = 0; c < x_labels.size(); ++c) {
      const std::optional<double>& v = values[r][c];
      char text[48] = "";
      if (v) std::snprintf(text, sizeof text, value_format.c_str(), *v);
      out += cell(P::kLeft + w * static_cast<double>(c), y, w, h, v ? heat_colour(v_max > 0 ? *v / v_max : 0) : "#ccc",
                  v ? text : missing_text);
    }
  }
  for (std::size_t c = 0; c < x_labels.size(); ++c)
    out += "<text x=\"" + svg_number(P::kLeft + w * static_cast<double>(c) + w / 2) + "\" y=\"" +
           std::to_string(P::kTop + P::kPlotHeight + 16) + "\" text-anchor=\"middle\">" + escape_markup(x_labels[c]) +
           "</text>";
  return out + plot_axis_names(x_name, y_name) + "</svg>";
}

}  // namespace harness::report
