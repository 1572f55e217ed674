// A line chart of values over categories: each series is one metric at each value of a sweep axis
// (0, 30, 60, 120 s evenly spaced, whatever the numbers), with a dot per value and its name in the
// series' colour. The value axis runs from 0 to nice_max of the largest value (value_axis.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace harness::report {

struct LineSeries {
  std::string name;
  std::vector<std::optional<double>> values;  // one per x label; nullopt leaves a gap
};

// One <svg> element (svg_plot_frame.h) titled `title`, with `x_labels` under the evenly spaced
// categories and one line per series; the line joins the values it has across any gap.
std::string line_chart(const std::string& title, const std::string& x_name,
                       const std::vector<std::string>& x_labels, const std::string& y_name,
                       const std::vector<LineSeries>& series);

}  // namespace harness::report
