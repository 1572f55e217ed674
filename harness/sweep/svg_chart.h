// Small, dependency-free SVG charts for the sweep report: a line chart (a metric against one
// axis), a heat map (a metric over two axes) and a scatter plot (the Pareto frontier). Each
// returns one <svg> element with its own styles, no scripts or fonts, so it can be embedded in
// the HTML report or saved as a file and shown by a README.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace harness::sweep {

struct Series {
  std::string name;
  std::vector<std::optional<double>> values;  // one per x label; nullopt leaves a gap
};

// x positions are categories, evenly spaced (axis values such as 0, 30, 60, 120 s).
std::string line_chart(const std::string& title, const std::string& x_name,
                       const std::vector<std::string>& x_labels, const std::string& y_name,
                       const std::vector<Series>& series);

// values[row][column]; a nullopt cell is drawn hatched grey and labelled `missing_text`.
std::string heat_map(const std::string& title, const std::string& x_name,
                     const std::vector<std::string>& x_labels, const std::string& y_name,
                     const std::vector<std::string>& y_labels,
                     const std::vector<std::vector<std::optional<double>>>& values,
                     const std::string& value_format, const std::string& missing_text);

struct ScatterPoint {
  double x = 0;
  double y = 0;
  std::string label;
  bool highlighted = false;  // on the frontier
  bool marked = false;       // the recommendation
};

std::string scatter_plot(const std::string& title, const std::string& x_name, const std::string& y_name,
                         const std::vector<ScatterPoint>& points);

// Escapes &, <, > and quotes for SVG and HTML text.
std::string xml_escape(const std::string& text);

}  // namespace harness::sweep
