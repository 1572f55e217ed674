// A scatter plot of settings by two costs (the sweep's Pareto frontier: time to roll back a bad
// deploy against good deploys rolled back by mistake). Both axes run from 0 to nice_max of their
// largest value (value_axis.h); points on the frontier are red, the recommended one is ringed.
#pragma once

#include <string>
#include <vector>

namespace harness::report {

struct ScatterPoint {
  double x = 0;
  double y = 0;
  std::string label;         // the point's tooltip
  bool highlighted = false;  // on the frontier: drawn red
  bool marked = false;       // the recommendation: drawn larger, ringed in black
};

// One <svg> element (svg_plot_frame.h) with a key to the colours in its top right corner.
std::string scatter_plot(const std::string& title, const std::string& x_name, const std::string& y_name,
                         const std::vector<ScatterPoint>& points);

}  // namespace harness::report
