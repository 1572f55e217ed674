// The scenario a subcommand works on: FILE, or the built-in default when none is given.
#pragma once

#include <string>

#include "harness/scenario/scenario_loader.h"

namespace harness::cli {

// Loads `file`, or the built-in default scenario when `file` is empty. Throws ScenarioError.
scenario::Loaded load_scenario_or_default(const std::string& file);

}  // namespace harness::cli
