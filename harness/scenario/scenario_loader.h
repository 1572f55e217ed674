// Loading a scenario: a JSON file in the format of scenarios/README.md becomes the plain-data
// sim::model::Scenario the simulator runs. Every problem with the input — an unreadable file,
// broken JSON, a wrong type, a value outside ECS's range, a name that refers to nothing, a
// misspelt key in one of our own sections — throws ScenarioError (scenario_error.h) pointing at
// the spot. AWS sections may carry everything AWS prints; what we do not model comes back in
// Loaded::ignored so the user can see what the simulation leaves out.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "harness/scenario/scenario_error.h"
#include "sim/model/scenario.h"

namespace harness::scenario {

struct Loaded {
  sim::model::Scenario scenario;
  // JSON pointers of AWS fields accepted but not modelled, each once, in pointer order
  // ("/taskDefinitions/0/taskRoleArn"). A field of a "$file" document reads "<file>#<pointer>".
  std::vector<std::string> ignored;
};

// Reads the scenario file at `path`; "$file" references resolve against its directory.
Loaded load_scenario_file(const std::string& path);

// Reads a scenario from memory; `display_name` stands for the file in messages and in
// Scenario::source, and "$file" references resolve against the current directory.
Loaded load_scenario_text(std::string_view json_text, const std::string& display_name);

// The same, with "$file" references resolved against `base_dir` (a sweep loads its base scenario
// once, changes settings in the JSON and reads each variant with this).
Loaded load_scenario_text(std::string_view json_text, const std::string& display_name,
                          const std::filesystem::path& base_dir);

}  // namespace harness::scenario
