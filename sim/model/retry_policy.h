// How an app retries a dependency it waits for: seed 003's services "with retry logic ... with
// exponential backoff". Pure data and integer arithmetic, shared by the simulated world and the
// chaos app, so both make their attempts at the same moments.
#pragma once

#include "sim/engine/time.h"

namespace sim::model {

// An attempt when the phase starts, then one `interval` later, each later wait `backoff_permille`
// / 1000 times the previous one, at most `max_interval`. An interval of 0 is a tight loop: the
// app gets through the moment the dependency is up (the model before retries existed).
// Waits are whole milliseconds: a wait grows only once backoff x wait gains a millisecond (a 1 ms
// interval with backoff 1.5 stays at 1 ms), in the world and the chaos app alike.
struct RetryPolicy {
  Millis interval{0};
  int backoff_permille = 1000;  // 1000: a fixed interval; 2000: doubling
  Millis max_interval = kNever;

  bool tight() const { return interval <= Millis{0}; }
  // The wait after the first failed attempt.
  Millis first_delay() const;
  // The wait after a failed attempt, given the wait after the attempt before it.
  Millis grow(Millis delay) const;

  // The attempts of a wait that began at `start` around `t` >= start: the last at or before t
  // and the first at or after it (the same when one falls on t). Once the wait stops growing the
  // attempts are evenly spaced and are skipped in one stride, so a 1 ms interval over a 10^9 s
  // wait costs nothing. Not for a tight policy.
  struct Around {
    Millis last_by;
    Millis first_from;
  };
  Around attempts_around(Millis start, Millis t) const;
};

}  // namespace sim::model
