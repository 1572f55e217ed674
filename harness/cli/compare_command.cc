#include "harness/cli/compare_command.h"

#include <boost/program_options.hpp>
#include <fstream>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/usage_error.h"
#include "harness/docker/real_run.h"
#include "harness/report/run_comparison.h"
#include "harness/report/run_report.h"
#include "harness/scenario/scenario_loader.h"
#include "sim/simulation.h"

namespace harness::cli {
namespace po = boost::program_options;

int compare_command(const std::vector<std::string>& args) {
  std::string file;
  double time_scale = 0.05;
  double horizon_seconds = -1;
  std::string events_path;
  po::options_description visible("deploysim compare FILE [options]\n\n"
                                  "Runs FILE simulated and for real (see `deploysim real --help`) and compares\n"
                                  "outcome, metrics, event order and timings. Exit 0 when the outcomes agree.\n\nOptions");
  visible.add_options()("help,h", "this help")
      ("time-scale", po::value(&time_scale), "real seconds per scenario second for the real run (default 0.05)")
      ("horizon", po::value(&horizon_seconds), "override the horizon of both runs, in scenario seconds")
      ("events", po::value(&events_path), "write the real run's event log as JSON lines to this file");
  const po::variables_map vm = parse_command_line("compare", args, visible, file);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  if (file.empty()) throw UsageError("compare: expected a scenario FILE");
  if (!(time_scale > 0 && time_scale <= 10)) throw UsageError("compare: --time-scale must be in (0, 10]");
  scenario::Loaded loaded = scenario::load_scenario_file(file);
  sim::model::Scenario& s = loaded.scenario;
  if (vm.count("horizon")) {
    if (!(horizon_seconds > 0 && horizon_seconds <= 1e7))
      throw UsageError("compare: --horizon must be a number of seconds in (0, 1e7]");
    s.horizon = sim::Millis{static_cast<std::int64_t>(horizon_seconds * 1000)};
  }

  // Opened first: a path it cannot write is said before the runs, not after.
  std::ofstream events;
  if (!events_path.empty()) {
    events.open(events_path);
    if (!events) throw UsageError("compare: cannot write the event log to " + events_path);
  }

  sim::Simulation simulation(s, {.trace = true});
  const sim::observe::RunResult simulated = simulation.run();
  for (const sim::model::Fault& fault : s.faults)
    if (fault.kind == sim::model::FaultKind::az_lost)
      throw UsageError("compare: " + file + " has an az_lost fault, and real mode has no Availability Zones "
                       "(ecs-rules §12.6): simulate it with `deploysim run`");
  docker::RealRun real(s, file, {.time_scale = time_scale});
  const sim::observe::RunResult real_result = real.run();
  if (real.interrupted_by() != 0) {
    std::cerr << "deploysim: real run interrupted by signal " << real.interrupted_by() << "; removed its "
              << real.containers_removed() << " container(s)\n";
    return 128 + real.interrupted_by();
  }
  if (events.is_open()) report::write_event_log(events, {s, real_result, real.trace(), real.breaker_threshold()});
  const report::ComparedRun a{simulated, simulation.trace()};
  const report::ComparedRun b{real_result, real.trace()};
  const report::RunComparison comparison = report::compare_runs(a, b);
  std::cout << "compare " << s.name << " (seed " << s.seed << "): simulated vs real at time scale " << time_scale
            << " (wall time " << real.wall_seconds() << " s)\n\n";
  report::print_comparison(std::cout, comparison, a, b, s);
  return comparison.outcomes_agree ? 0 : 1;
}

}  // namespace harness::cli
