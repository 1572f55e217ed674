// A heat map of one value over two sweep axes: a grid of cells from white (0) to dark red (the
// largest value), each labelled with its value, so a reader sees where a metric is high at a
// glance and can still read the figure.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace harness::report {

// One <svg> element (svg_plot_frame.h): `values[row][column]`, row 0 at the bottom (y_labels[0])
// and column 0 on the left (x_labels[0]). Each cell's label is its value printed with the printf
// `value_format` ("%.1f"); a nullopt cell is grey and labelled `missing_text` ("never", "n/a").
std::string heat_map(const std::string& title, const std::string& x_name,
                     const std::vector<std::string>& x_labels, const std::string& y_name,
                     const std::vector<std::string>& y_labels,
                     const std::vector<std::vector<std::optional<double>>>& values,
                     const std::string& value_format, const std::string& missing_text);

}  // namespace harness::report
