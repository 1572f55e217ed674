#include "harness/cli/explain_command.h"

#include <boost/program_options.hpp>
#include <iomanip>
#include <iostream>

#include "harness/cli/command_line.h"
#include "harness/cli/scenario_input.h"
#include "harness/explain/explanation.h"
#include "sim/simulation.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

std::string outcome_words(const explain::Tried& t) {
  std::string s(sim::observe::to_string(t.outcome));
  if (t.time_to_outcome) s += " in " + sim::format_seconds(*t.time_to_outcome);
  return s;
}

// A revision that completes while failing requests is healthy to ECS and broken to its users:
// only an alarm on the 5xx can catch it (ecs-rules §2). Says so when the run had traffic; true if
// it did.
bool print_requests_failed(const sim::observe::RunResult& r, const sim::model::Scenario& s) {
  bool failed = false;
  for (const auto& t : r.metrics.traffic_by_revision) {
    if (t.task_definition != s.deploy.to_task_definition || t.requests == 0 || t.errors * 100 < t.requests) continue;
    std::cout << "  The deploy completed, but the new revision failed " << t.errors << " of its " << t.requests
              << " requests with a 5xx, which no health check sees: list a CloudWatch alarm on the 5xx in "
                 "deploymentConfiguration.alarms (with rollback) and give it a bakeTimeInMinutes.\n";
    failed = true;
  }
  return failed;
}

void print_what_if(const explain::WhatIf& w, sim::observe::Outcome actual, const sim::observe::RunResult& r,
                   const sim::model::Scenario& s) {
  std::cout << "What would have changed it\n";
  if (w.goals.empty()) {
    if (actual == sim::observe::Outcome::steady_state) {
      std::cout << "  No deployment ran, so there is no outcome to change: a steady-state run is judged by its "
                   "figures (the scenario's \"expect\").\n";
      return;
    }
    if (actual == sim::observe::Outcome::completed && print_requests_failed(r, s)) return;
    std::cout << "  Nothing to change: the deploy completed and the new revision showed no fault.\n";
    return;
  }
  for (std::size_t g = 0; g < w.goals.size(); ++g) {
    std::cout << "  To get " << sim::observe::to_string(w.goals[g]) << " instead of " << sim::observe::to_string(actual)
              << ": ";
    if (w.smallest[g])
      std::cout << w.smallest[g]->change << " -> " << outcome_words(*w.smallest[g]) << ".\n";
    else
      std::cout << "no single change we tried, nor a pair of the cheapest ones.\n";
  }
  if (w.pairs_tried > 0)
    std::cout << "  (" << w.pairs_tried << " pairs of the cheapest changes were tried where no single one did it)\n";
  std::cout << "  Tried (one change each, same seed):\n";
  for (const auto& t : w.tried) std::cout << "    " << std::left << std::setw(62) << t.change << " " << outcome_words(t) << "\n";
}

}  // namespace

int explain_command(const std::vector<std::string>& args) {
  std::string file;
  ScenarioInputFlags input;
  po::options_description visible("deploysim explain [FILE]\n\n"
                                  "Explains how a scenario's deploy ended and which single config change\n"
                                  "would have changed it (the built-in default without FILE).\n\nOptions");
  visible.add_options()("help,h", "this help");
  add_scenario_input_options(visible, input);
  const po::variables_map vm = parse_command_line("explain", args, visible, file);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  const scenario::Loaded loaded = load_scenario_or_default(file, input);
  const sim::model::Scenario& s = loaded.scenario;
  sim::Simulation simulation(s, {.trace = true});
  const sim::observe::RunResult result = simulation.run();
  std::cout << "explain " << s.name << " (seed " << s.seed << ")\n\n";
  const explain::Explanation why = explain::explain_run(s, result, simulation.trace(), simulation.breaker_threshold());
  for (const auto& chapter : why.chain) {
    std::cout << chapter.title << "\n";
    for (const std::string& line : chapter.lines) std::cout << "  " << line << "\n";
    std::cout << "\n";
  }
  print_what_if(why.what_if, result.outcome, result, s);
  return 0;
}

}  // namespace harness::cli
