#include "harness/docker/real_timeout.h"

#include <algorithm>

namespace harness::docker {

std::chrono::microseconds real_timeout(sim::Millis timeout, double time_scale) {
  const std::chrono::microseconds scaled{static_cast<std::int64_t>(static_cast<double>(timeout.count()) * 1000.0 * time_scale)};
  return std::max<std::chrono::microseconds>(scaled, kRealTimeoutFloor);
}

}  // namespace harness::docker
