// What a sweep keeps of one simulated deploy: the figures its cell's metrics are computed from,
// as integers (milliseconds), so a partial result written by one shard reads back exactly.
#pragma once

#include <cstdint>

namespace harness::sweep {

struct RunRecord {
  int fault = -1;       // the deploy's fault class, -1 for a good deploy
  int outcome = 3;      // sim::observe::Outcome as a number (0 COMPLETED ... 3 STUCK)
  std::int64_t detect_ms = -1;   // deploy start -> first failed task; -1: none
  std::int64_t outcome_ms = -1;  // deploy start -> COMPLETED / rollback COMPLETED / FAILED; -1: none
  std::int64_t below_desired_ms = 0;  // time with fewer healthy tasks than desiredCount
  std::int64_t zero_healthy_ms = 0;   // time with no healthy task
  std::int64_t task_ms = 0;           // summed task lifetime after the deploy started
  int failed_tasks = 0;
  // 5xx users got from the deploy's start to the end of the run, from tasks and from the load
  // balancer (no healthy task); 0 without scenario traffic. A bad deploy that is never rolled
  // back serves its errors until the horizon when the scenario does not stop at the outcome.
  std::int64_t errors_served = 0;

  bool operator==(const RunRecord&) const = default;
};

}  // namespace harness::sweep
