// Small helpers for tests that run whole scenarios.
#pragma once

#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/observe/outcome.h"
#include "sim/observe/trace.h"

namespace testsupport {

// A scenario file of the library, by path relative to the source tree ("scenarios/...").
sim::model::Scenario library_scenario(const std::string& relative_path);

struct TracedRun {
  sim::observe::RunResult result;
  std::vector<sim::observe::TraceEvent> events;
  std::string event_log;  // the JSONL event log, as `deploysim run --events` writes it
};

TracedRun run_traced(const sim::model::Scenario& scenario);

// Every *.json scenario under scenarios/ (sorted), relative to the source tree; the format's
// *.schema.json is not a scenario.
std::vector<std::string> library_files();

// Trace events of one kind.
std::vector<sim::observe::TraceEvent> of_kind(const TracedRun& run, sim::observe::TraceKind kind);

}  // namespace testsupport
