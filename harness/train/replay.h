// The timeline as a trainee watches it: the events that tell the story (service events, launches,
// exits, health changes, breaker counts — not every lifecycle step), each in ECS's words, and the
// first time a rule decides something, one short sentence on that rule with the scenario's own
// numbers ("the breaker trips at 3 failed tasks: max(3, ceil(0.5 x 1))").
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/trace.h"

namespace harness::train {

struct ReplayStep {
  sim::Millis at{0};
  std::string text;       // "task 1 STOPPED: EssentialContainerExited ..."
  std::string rule;       // the rule this step shows for the first time, or ""
};

std::vector<ReplayStep> replay_steps(const sim::model::Scenario& scenario, const sim::observe::Trace& trace,
                                     int breaker_threshold);

}  // namespace harness::train
