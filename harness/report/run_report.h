// What `deploysim run` prints: the setup that matters, the timeline, the outcome and metrics;
// plus the machine-readable forms (JSONL event log, JSON summary).
#pragma once

#include <nlohmann/json.hpp>
#include <ostream>

#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace harness::report {

struct RunReportInput {
  const sim::model::Scenario& scenario;
  const sim::observe::RunResult& result;
  const sim::observe::Trace& trace;
  int breaker_threshold;
};

// The header: service, bounds, breaker with the threshold in force, grace period, deploy.
void print_setup(std::ostream& out, const RunReportInput& in);

// One line per trace event: "00:01:05.123  task 3 RUNNING".
void print_timeline(std::ostream& out, const RunReportInput& in);

// The outcome and its metrics, in words.
void print_outcome(std::ostream& out, const RunReportInput& in);

// The JSONL event log: one JSON object per trace event.
void write_event_log(std::ostream& out, const RunReportInput& in);

// The summary as JSON (outcome, end, metrics, threshold, seed).
nlohmann::json summary_json(const RunReportInput& in);

}  // namespace harness::report
