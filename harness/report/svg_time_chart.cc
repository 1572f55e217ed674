#include "harness/report/svg_time_chart.h"

#include <algorithm>
#include <cmath>

#include "harness/report/markup_escape.h"
#include "harness/report/value_axis.h"

namespace harness::report {
namespace {

constexpr double kTop = 30;      // room for the title
constexpr double kPlot = 140;    // plot height
constexpr double kBottom = 24;   // tick labels
constexpr double kLegend = 18;   // one legend row

std::string path_of(const ChartLine& line, const TimeAxis& axis, double y_max) {
  auto y = [&](double v) { return svg_number(kTop + kPlot - kPlot * v / y_max); };
  std::string d;
  for (std::size_t i = 0; i < line.points.size(); ++i) {
    const StepPoint& p = line.points[i];
    const std::string x = svg_number(axis.x(p.at));
    if (i == 0)
      d += "M" + x + " " + y(p.value);
    else if (line.steps)
      d += " H" + x + " V" + y(p.value);
    else
      d += " L" + x + " " + y(p.value);
  }
  return d;
}

}  // namespace

std::string render_chart(const ChartSpec& spec, const TimeAxis& axis) {
  double largest = 0;
  for (const ChartLine& l : spec.lines)
    for (const StepPoint& p : l.points) largest = std::max(largest, p.value);
  for (const ChartReference& r : spec.references) largest = std::max(largest, r.value);
  const double y_max = spec.y_max > 0 ? spec.y_max : nice_max(largest * 1.1);
  std::vector<std::pair<std::string, std::string>> legend;  // (class, label)
  for (const ChartLine& l : spec.lines)
    if (l.in_legend) legend.emplace_back(l.css_class, l.label);
  for (const ChartReference& r : spec.references) legend.emplace_back(r.css_class + " ref", r.label);
  const double height = kTop + kPlot + kBottom + kLegend * static_cast<double>((legend.size() + 2) / 3);

  std::string out = "<svg class=\"chart\" id=\"" + spec.id + "\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" +
                    svg_number(axis.total_width()) + "\" height=\"" + svg_number(height) + "\" viewBox=\"0 0 " +
                    svg_number(axis.total_width()) + " " + svg_number(height) + "\" role=\"img\">";
  out += "<title>" + escape_markup(spec.title) + "</title>";
  out += "<text class=\"chart-title\" x=\"" + svg_number(TimeAxis::kLeft) + "\" y=\"18\">" + escape_markup(spec.title) +
         "</text>";
  out += axis.grid(kTop, kTop + kPlot);
  std::vector<double> labelled{0.0, y_max};
  if (y_max / 2 == std::floor(y_max / 2)) labelled.insert(labelled.begin() + 1, y_max / 2);
  for (const double v : labelled) {
    const std::string y = svg_number(kTop + kPlot - kPlot * v / y_max);
    out += "<text class=\"y-label\" x=\"" + svg_number(TimeAxis::kLeft - 6) + "\" y=\"" + y +
           "\" text-anchor=\"end\" dominant-baseline=\"middle\">" + svg_number(v) + " " + escape_markup(spec.unit) +
           "</text>";
  }
  for (const ChartReference& r : spec.references) {
    const std::string y = svg_number(kTop + kPlot - kPlot * r.value / y_max);
    out += "<line class=\"ref " + r.css_class + "\" x1=\"" + svg_number(TimeAxis::kLeft) + "\" x2=\"" +
           svg_number(TimeAxis::kLeft + TimeAxis::kWidth) + "\" y1=\"" + y + "\" y2=\"" + y + "\"><title>" +
           escape_markup(r.label) + "</title></line>";
  }
  for (const ChartLine& l : spec.lines) {
    if (l.points.empty()) continue;
    out += "<path class=\"series " + l.css_class + "\" d=\"" + path_of(l, axis, y_max) + "\"><title>" +
           escape_markup(l.label) + "</title></path>";
  }
  const double legend_top = kTop + kPlot + kBottom + 12;
  for (std::size_t i = 0; i < legend.size(); ++i) {
    const double x = TimeAxis::kLeft + 300 * static_cast<double>(i % 3);
    const double y = legend_top + kLegend * static_cast<double>(i / 3);
    out += "<g class=\"legend\"><line class=\"" + legend[i].first + "\" x1=\"" + svg_number(x) + "\" x2=\"" +
           svg_number(x + 22) + "\" y1=\"" + svg_number(y - 4) + "\" y2=\"" + svg_number(y - 4) + "\"/><text x=\"" +
           svg_number(x + 28) + "\" y=\"" + svg_number(y) + "\">" + escape_markup(legend[i].second) + "</text></g>";
  }
  return out + "</svg>";
}

}  // namespace harness::report
