#include "sim/model/retry_policy.h"

#include <algorithm>

namespace sim::model {

Millis RetryPolicy::first_delay() const { return std::min(interval, max_interval); }

Millis RetryPolicy::grow(Millis delay) const {
  // Past kNever / 10 a wait is longer than any horizon: stop growing before the product overflows.
  if (delay >= kNever / 10) return std::min(delay, max_interval);
  return std::min(Millis{delay.count() * backoff_permille / 1000}, max_interval);
}

RetryPolicy::Around RetryPolicy::attempts_around(Millis start, Millis t) const {
  Millis at = start;
  Millis delay = first_delay();
  while (at + delay <= t) {
    const Millis next = grow(delay);
    if (next == delay) {
      at += delay * ((t - at) / delay);
      break;
    }
    at += delay;
    delay = next;
  }
  return {at, at == t ? at : at + delay};
}

}  // namespace sim::model
