#include "harness/report/value_axis.h"

#include <cmath>
#include <initializer_list>

namespace harness::report {

double nice_max(double largest) {
  if (largest <= 0) return 1;
  const double decade = std::pow(10.0, std::floor(std::log10(largest)));
  for (const double m : {1.0, 2.0, 5.0})
    if (m * decade >= largest) return m * decade;
  return 10 * decade;
}

}  // namespace harness::report
