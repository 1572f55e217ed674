// How a run ended and the figures that matter to the engineer choosing settings.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sim/engine/time.h"

namespace sim::observe {

enum class Outcome : std::uint8_t {
  completed,    // the new deployment reached COMPLETED
  rolled_back,  // the breaker tripped and the rollback deployment COMPLETED
  failed,       // the breaker tripped without rollback (or had no COMPLETED deployment to go to)
  stuck,        // no terminal state by the horizon (seed 004's deployment loop)
};

// Why the run loop stopped.
enum class RunEnd : std::uint8_t { outcome_reached, horizon, event_cap, queue_empty, trace_cap, task_cap };

struct Metrics {
  Millis deploy_started_at{0};
  std::optional<Millis> time_to_detect;    // deploy start -> first failed task of the deployment
  std::optional<Millis> time_to_outcome;   // deploy start -> COMPLETED / rollback COMPLETED / FAILED
  std::optional<Millis> time_to_rollback_start;  // deploy start -> breaker trip
  int tasks_launched = 0;        // all launches after the deploy started
  int failed_tasks = 0;          // tasks of the deployed revision the breaker counted as failed
  int breaker_threshold = 0;     // the threshold in force at deploy start
  int breaker_max_count = 0;     // highest failure count reached
  int oom_kills = 0;
  Millis below_desired_healthy{0};  // time with fewer healthy tasks than desiredCount
  Millis zero_healthy{0};           // time with no healthy task at all (a full outage)
  std::int64_t task_milliseconds = 0;  // summed lifetime of all tasks after the deploy started
  std::uint64_t events = 0;            // events the engine executed
  std::uint64_t probes = 0;            // health-check probes accounted (simulated or predicted)
  int invariant_violations = 0;        // broken controller invariants (always 0 unless a bug)
};

struct RunResult {
  Outcome outcome = Outcome::stuck;
  RunEnd end = RunEnd::horizon;
  Millis ended_at{0};
  Metrics metrics;
};

std::string_view to_string(Outcome o);
std::string_view to_string(RunEnd e);

}  // namespace sim::observe
