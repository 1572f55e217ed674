// The safety properties, checked on every event of a run's trace. They watch the run from the
// outside, as the event log tells it, with their own counts and their own reading of the ECS
// rules: they never ask the controller (whose own invariant checks they do not trust).
//
//  - never more tasks than maximumPercent allows: tasks launched and not yet told to stop (an
//    unhealthy task kept until its replacement is healthy still counts) stay <= floor(N x max / 100);
//  - never fewer healthy than minimumHealthyPercent because of a deliberate stop: the rolling
//    update stops a healthy old task only while ceil(N x min / 100) healthy ones remain;
//  - a rollback goes to the last deployment that reached COMPLETED;
//  - nothing happens after a terminal state that should not: a FAILED deployment launches no
//    task; a COMPLETED one counts no failure and does not fail; after FAILED without rollback no
//    deployment changes state again.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/trace.h"

namespace harness::check {

// One line per violation, "at 00:03:12.500: 5 tasks running, above maxTasks 4 (maximumPercent 200)",
// at most `limit` of them, in the order they happened; empty when every property holds.
std::vector<std::string> safety_violations(const sim::model::Scenario& scenario,
                                           const std::vector<sim::observe::TraceEvent>& events,
                                           std::size_t limit = 5);

}  // namespace harness::check
