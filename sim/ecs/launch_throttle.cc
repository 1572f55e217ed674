#include "sim/ecs/launch_throttle.h"

namespace sim::ecs {

Millis LaunchThrottle::delay() const {
  if (consecutive_failures_ <= 0) return Millis{0};
  Millis d = seconds(10);
  for (int i = 1; i < consecutive_failures_ && d < cap_; ++i) d *= 2;
  return d < cap_ ? d : cap_;
}

}  // namespace sim::ecs
