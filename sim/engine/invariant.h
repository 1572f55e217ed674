// Invariants that stay on in release builds, TigerBeetle's discipline: a broken invariant is a
// bug of ours — never bad input (harness/scenario's ScenarioError) and never a domain failure
// (an OOM kill or a tripped breaker is state plus a trace event). SIM_INVARIANT evaluates its
// condition always and its message only when the condition is false, so it is cheap enough for
// every state transition.
//
// A failure throws InvariantViolation whose text names the check, its place in the source, the
// run's seed and the simulated time, so the run can be replayed: `deploysim run FILE --seed S`.
// Throwing rather than aborting lets the property tests shrink a planted bug to a small case;
// the CLI maps it to exit 3 (internal error).
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include "sim/engine/clock.h"
#include "sim/engine/time.h"

namespace sim {

class InvariantViolation : public std::logic_error {
 public:
  using std::logic_error::logic_error;
};

// What a broken invariant reports besides itself: which run, and when in it.
class RunContext {
 public:
  RunContext(std::uint64_t seed, const Clock& clock) : seed_(seed), clock_(&clock) {}
  std::uint64_t seed() const { return seed_; }
  Millis now() const { return clock_->now(); }

 private:
  std::uint64_t seed_;
  const Clock* clock_;
};

// Throws InvariantViolation: "invariant broken: <check> (<what>) at <file>:<line>; seed S,
// simulated time HH:MM:SS.mmm".
[[noreturn]] void invariant_failed(const char* check, const char* file, int line, const std::string& what,
                                   const RunContext& run);

}  // namespace sim

// SIM_INVARIANT(run, condition, what): `run` is a RunContext, `what` a std::string expression
// evaluated only when `condition` is false.
#define SIM_INVARIANT(run, condition, what)                                        \
  do {                                                                             \
    if (!(condition)) [[unlikely]]                                                 \
      ::sim::invariant_failed(#condition, __FILE__, __LINE__, (what), (run));      \
  } while (false)
