// Writing a scenario back out: the plain-data sim::model::Scenario as a scenario file in the
// format of scenarios/README.md, which load_scenario_text() reads back to an equal model. That is
// what lets `deploysim check` hand over a counterexample (a generated config and fault set) as a
// file that `deploysim run` and `deploysim explain` replay exactly, seed included.
//
// The file is canonical, not the user's original: AWS sections are written unwrapped with only
// the fields deploysim models, every duration in seconds (exact to the millisecond), defaults
// written out. `expect` is written; `check` is not (a replay is one run, not a search).
#pragma once

#include <nlohmann/json.hpp>

#include "sim/model/scenario.h"

namespace harness::scenario {

// The scenario as a JSON document. Loading its dump() gives back the same run (same trace).
nlohmann::ordered_json scenario_to_json(const sim::model::Scenario& scenario);

// One section of it: the service, and one task definition (deploysim serve answers with them).
nlohmann::ordered_json service_to_json(const sim::model::ServiceConfig& service);
nlohmann::ordered_json task_definition_to_json(const sim::model::TaskDefinition& definition);

}  // namespace harness::scenario
