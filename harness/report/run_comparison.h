// A simulated run and a real run of the same scenario, side by side: do the outcomes agree, do
// the milestones (service events, task states and stops, container exits, health changes,
// breaker counts) happen in the same order, and how far apart in (run) time are the matching ones.
#pragma once

#include <ostream>
#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::report {

struct ComparedRun {
  const sim::observe::RunResult& result;
  const sim::observe::Trace& trace;
};

struct MilestoneMatch {
  std::size_t simulated;  // index into the simulated milestones
  std::size_t real;
  sim::Millis delta;      // real time minus simulated time
};

struct RunComparison {
  bool outcomes_agree = false;
  // Each run's deployments over time: every rolloutState a deployment entered, in order
  // ("ecs-svc/1 IN_PROGRESS", "ecs-svc/1 FAILED", "ecs-svc/0 IN_PROGRESS (rollback)" ...).
  std::vector<std::string> simulated_deployments;
  std::vector<std::string> real_deployments;
  bool deployments_agree = false;
  std::vector<sim::observe::TraceEvent> simulated;  // milestones, in order
  std::vector<sim::observe::TraceEvent> real;
  std::vector<MilestoneMatch> matched;  // the longest common subsequence, in order
  sim::Millis median_abs_delta{0};
  sim::Millis max_abs_delta{0};
};

// The milestones of a trace: the events that mark what happened, not every probe's detail.
std::vector<sim::observe::TraceEvent> milestones(const sim::observe::Trace& trace);

// The rolloutStates the trace's deployments entered, in order (RunComparison::simulated_deployments).
std::vector<std::string> deployment_sequence(const sim::observe::Trace& trace);

RunComparison compare_runs(const ComparedRun& simulated, const ComparedRun& real);

// The comparison in words: outcomes and metrics side by side, then order and timing.
void print_comparison(std::ostream& out, const RunComparison& c, const ComparedRun& simulated,
                      const ComparedRun& real, const sim::model::Scenario& scenario);

}  // namespace harness::report
