#include "tests/support/run_helpers.h"

#include <algorithm>
#include <filesystem>
#include <sstream>

#include "harness/report/run_report.h"
#include "harness/scenario/scenario_loader.h"
#include "sim/simulation.h"

namespace testsupport {

sim::model::Scenario library_scenario(const std::string& relative_path) {
  return harness::scenario::load_scenario_file(std::string(DEPLOYSIM_SOURCE_DIR) + "/" + relative_path).scenario;
}

TracedRun run_traced(const sim::model::Scenario& scenario) {
  sim::Simulation simulation(scenario, {.trace = true});
  TracedRun run;
  run.result = simulation.run();
  run.events = simulation.trace().events();
  std::ostringstream log;
  harness::report::write_event_log(
      log, {scenario, run.result, simulation.trace(), simulation.breaker_threshold()});
  run.event_log = log.str();
  return run;
}

std::vector<std::string> library_files() {
  namespace fs = std::filesystem;
  const fs::path root = fs::path(DEPLOYSIM_SOURCE_DIR);
  std::vector<std::string> files;
  for (const auto& entry : fs::recursive_directory_iterator(root / "scenarios"))
    // The format's JSON Schema lives beside the scenarios but is not one; nor are sweep files
    // (*.sweep.json, scenarios/sweeps/README.md).
    if (entry.is_regular_file() && entry.path().extension() == ".json" &&
        !entry.path().filename().string().ends_with(".schema.json") &&
        !entry.path().filename().string().ends_with(".sweep.json"))
      files.push_back(fs::relative(entry.path(), root).string());
  std::sort(files.begin(), files.end());
  return files;
}


}  // namespace testsupport
