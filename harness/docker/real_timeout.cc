#include "harness/docker/real_timeout.h"

#include <algorithm>
#include <cmath>

namespace harness::docker {

std::chrono::microseconds real_timeout(sim::Millis timeout, double time_scale) {
  const std::chrono::microseconds scaled{static_cast<std::int64_t>(static_cast<double>(timeout.count()) * 1000.0 * time_scale)};
  return std::max<std::chrono::microseconds>(scaled, kRealTimeoutFloor);
}

sim::Millis floored_run_timeout(sim::Millis timeout, double time_scale) {
  // Up to the next whole millisecond, past the rounding error of dividing by the scale.
  const double real_ms = static_cast<double>(real_timeout(timeout, time_scale).count()) / 1000.0;
  return std::max(timeout, sim::Millis{static_cast<std::int64_t>(std::ceil(real_ms / time_scale - 1e-6))});
}

}  // namespace harness::docker
