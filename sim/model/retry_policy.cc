#include "sim/model/retry_policy.h"

#include <algorithm>

namespace sim::model {

Millis RetryPolicy::first_delay() const { return std::min(interval, max_interval); }

Millis RetryPolicy::grow(Millis delay) const {
  // Past kNever / 10 a wait is longer than any horizon: stop growing before the product overflows.
  if (delay >= kNever / 10) return std::min(delay, max_interval);
  return std::min(Millis{delay.count() * backoff_permille / 1000}, max_interval);
}

}  // namespace sim::model
