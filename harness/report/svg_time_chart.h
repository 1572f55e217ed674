// One chart of a quantity over the run's time: lines (step functions or straight segments
// between samples) against horizontal reference lines such as desiredCount or a threshold.
#pragma once

#include <string>
#include <vector>

#include "harness/report/svg_axis.h"
#include "harness/report/timeline_model.h"

namespace harness::report {

struct ChartLine {
  std::string label;      // legend and tooltip text
  std::string css_class;  // colour: "healthy", "breaker", "mem-new" ...
  std::vector<StepPoint> points;
  bool steps = true;       // false: straight segments between the points (memory curves)
  bool in_legend = true;   // many memory lines share one legend entry
};

struct ChartReference {
  std::string label;  // "desiredCount 2"
  std::string css_class;
  double value = 0;
};

struct ChartSpec {
  std::string id;     // element id, for the page's links and the render check
  std::string title;  // "Healthy tasks vs desired and the minimum-healthy floor"
  std::string unit;   // y-axis label: "tasks", "MiB", "%"
  std::vector<ChartLine> lines;
  std::vector<ChartReference> references;
  double y_max = 0;  // the top of the y axis; 0: nice_max (value_axis.h) of 1.1 x the largest value
};

// The chart as one <svg class="chart"> element; the y range covers every line and reference.
std::string render_chart(const ChartSpec& spec, const TimeAxis& axis);

}  // namespace harness::report
