// `deploysim explain`, part one: the causal chain of one run in plain words — what was deployed,
// what went wrong inside the new tasks, which check saw it (or why none did), how the circuit
// breaker counted, and how the run ended. Read from the trace; nothing is re-simulated here.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::explain {

struct Chapter {
  std::string title;               // "What went wrong in the new tasks"
  std::vector<std::string> lines;  // one finding per line, in words
};

std::vector<Chapter> causal_chain(const sim::model::Scenario& scenario, const sim::observe::RunResult& result,
                                  const sim::observe::Trace& trace, int breaker_threshold);

// The deployment under test: the one the last deployment-starting UpdateService of the run
// started (the deploy is the timeline's last, ecs-rules §12); none in a steady-state run.
std::optional<sim::ecs::DeploymentId> deployment_under_test(const sim::observe::Trace& trace);

// True when the deployed revision was broken in a way the run shows (a stalled start-up, a
// process that died, a dependency it needs that was down) — the question for a COMPLETED run.
bool deployed_revision_was_broken(const sim::model::Scenario& scenario, const sim::observe::Trace& trace);

}  // namespace harness::explain
