// The user's configuration as a scenario, in one call: read each source (config_reader.h),
// build the scenario (scenario_builder.h) and load it with the scenario loader, so run, lint,
// explain, check and sweep take a plan, a template, ecspresso or live exports as they take a
// scenario. A load error about a value that came from the user's file is reported there, and so
// is each field the simulation ignores (Loaded::ignored).
#pragma once

#include <string>
#include <vector>

#include "harness/readers/read_options.h"
#include "harness/readers/scenario_builder.h"
#include "harness/scenario/scenario_loader.h"

namespace harness::readers {

struct ConfigInput {
  BuiltScenario built;
  scenario::Loaded loaded;
};

// True when `path` is a configuration the readers read rather than a deploysim scenario.
bool is_config_input(const std::string& path, const ReadOptions& options);

// `paths`: one source, or BASE HEAD (scenario_builder.h); `ours`: see build_scenario.
// Throws ScenarioError placed in the user's files where the value came from one.
ConfigInput load_config_input(const std::vector<std::string>& paths, const ReadOptions& options,
                              const nlohmann::json& ours = nullptr);

}  // namespace harness::readers
