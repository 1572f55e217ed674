// One trace event described twice from the same facts: as a line for people (the timeline) and
// as named fields for tools (the JSONL event log). Both renderers use this, so they never drift.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "sim/model/scenario.h"
#include "sim/observe/trace.h"

namespace harness::report {

struct EventView {
  std::string text;       // "task 3 (checkout:8) RUNNING"
  nlohmann::json fields;  // {"t_ms":..., "kind":"task_state", "task":3, "state":"RUNNING"}
};

EventView describe(const sim::observe::TraceEvent& e, const sim::model::Scenario& scenario);

}  // namespace harness::report
