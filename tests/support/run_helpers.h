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

// A payload of the trace with the time it happened: `e.at`, `e.task`.
template <class Payload>
struct At : Payload {
  sim::Millis at{0};
};

// The trace events of one kind (payload type), in order.
template <class Payload>
std::vector<At<Payload>> of_kind(const TracedRun& run) {
  std::vector<At<Payload>> out;
  for (const auto& e : run.events)
    if (const Payload* p = e.as<Payload>()) out.push_back({*p, e.at});
  return out;
}

}  // namespace testsupport
