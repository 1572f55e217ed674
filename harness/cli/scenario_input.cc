#include "harness/cli/scenario_input.h"

#include "harness/scenario/default_scenario.h"

namespace harness::cli {

scenario::Loaded load_scenario_or_default(const std::string& file) {
  return file.empty() ? scenario::load_scenario_text(scenario::default_scenario_json(), "<built-in default>")
                      : scenario::load_scenario_file(file);
}

}  // namespace harness::cli
