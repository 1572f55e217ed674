// What a scenario says its run must show: the outcome, and bounds on the metrics that make its
// point ("rolls back within 6 min after exactly 3 failed tasks"). Plain data read from the
// scenario's "expect" section; the simulator never looks at it. harness/scenario checks a run's
// sim::observe::RunResult against it, and the library's tests require every scenario to state one,
// so a change that alters an outcome has to change the scenario on purpose.
#pragma once

#include <optional>

#include "sim/engine/time.h"
#include "sim/observe/outcome.h"

namespace sim::model {

// An inclusive range with either end open. Both ends equal means "exactly".
template <typename T>
struct Bounds {
  std::optional<T> min;
  std::optional<T> max;

  bool any() const { return min.has_value() || max.has_value(); }
};

// Every bound is optional: an unset one is not checked. The metrics are those of
// sim::observe::Metrics, measured from the deploy's start.
struct Expectations {
  observe::Outcome outcome = observe::Outcome::completed;
  // A time bound on a metric the run never produced (no failed task, so no time to detect; no
  // outcome by the horizon) is unmet: the scenario expected the event to happen.
  Bounds<Millis> time_to_outcome;
  Bounds<Millis> time_to_detect;
  Bounds<int> failed_tasks;    // tasks the breaker counted as failed
  Bounds<int> oom_kills;
  Bounds<int> tasks_launched;  // every launch after the deploy started, rollback included
  Bounds<int> scale_outs;      // Application Auto Scaling's scale-outs and scale-ins (§13)
  Bounds<int> scale_ins;
  Bounds<int> peak_desired_count;  // the highest desiredCount it set
  Bounds<Millis> below_desired_healthy;  // fewer healthy tasks than desiredCount
  Bounds<Millis> zero_healthy;           // no healthy task at all: a full outage
  // With traffic: 5xx served to users (by tasks or by the load balancer) over the run, and from
  // the deploy start to the moment the deployment failed.
  Bounds<int> errors_served;
  Bounds<int> errors_before_rollback;
};

}  // namespace sim::model
