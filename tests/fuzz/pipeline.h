// The whole path a scenario takes through deploysim: load it, lint it, simulate it with its trace,
// write every report (setup, timeline, outcome, JSONL event log) and check its `expect`. Shared
// by the pipeline fuzz target and the bad-input table, so both try exactly what a user's run does.
// Bad input ends in harness::scenario::ScenarioError; anything else escaping is a bug of ours.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "sim/engine/time.h"
#include "sim/observe/outcome.h"

namespace fuzzing {

// Lower bounds on one run than the scenario's own, for the fuzzer (its inputs must finish inside
// its per-input timeout). Unset: the scenario's horizon and event cap, as deploysim run plays them.
struct RunLimits {
  std::optional<sim::Millis> horizon;
  std::optional<std::uint64_t> event_cap;
};

struct PipelineRun {
  sim::observe::RunResult result;
  std::size_t trace_events = 0;
  std::size_t report_bytes = 0;  // all reports together, as deploysim would print them
};

// Scenario text in memory ("$file" resolves against the current directory).
PipelineRun run_pipeline_text(std::string_view text, const std::string& display_name,
                              RunLimits limits = {});

// A scenario file ("$file" resolves against its directory).
PipelineRun run_pipeline_file(const std::string& path, RunLimits limits = {});

}  // namespace fuzzing
