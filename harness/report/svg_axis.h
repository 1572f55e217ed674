// The time axis every picture of a run shares: simulated time from 0 to the run's end mapped onto
// the same pixel columns, so a lane's OOM mark lines up with the breaker step it causes.
#pragma once

#include <string>
#include <vector>

#include "harness/report/svg_number.h"
#include "sim/engine/time.h"

namespace harness::report {

class TimeAxis {
 public:
  static constexpr double kLeft = 190;   // room for lane and value labels
  static constexpr double kWidth = 860;  // the plot area
  static constexpr double kRight = 30;

  explicit TimeAxis(sim::Millis end);

  double x(sim::Millis t) const;
  double total_width() const { return kLeft + kWidth + kRight; }
  // About eight round ticks (10 s, 30 s, 1 min ... 1 h apart) from 0 to the end.
  std::vector<sim::Millis> ticks() const;
  // Vertical grid lines from `top` to `bottom` and tick labels under `bottom`, as SVG.
  std::string grid(double top, double bottom) const;

 private:
  sim::Millis end_;
};

// "1:30" / "1:00:00" for tick labels.
std::string short_clock(sim::Millis t);

}  // namespace harness::report
