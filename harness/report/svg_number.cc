#include "harness/report/svg_number.h"

#include <cmath>
#include <cstdio>

namespace harness::report {

std::string svg_number(double v) {
  double rounded = std::round(v * 10) / 10;
  if (rounded == 0) rounded = 0;  // no "-0"
  char buf[32];
  if (rounded == std::floor(rounded))
    std::snprintf(buf, sizeof buf, "%.0f", rounded);
  else
    std::snprintf(buf, sizeof buf, "%.1f", rounded);
  return buf;
}

}  // namespace harness::report
