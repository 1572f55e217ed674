#include "harness/cli/run_command.h"

#include <boost/program_options.hpp>
#include <iostream>

#include "harness/cli/usage_error.h"
#include "harness/report/outcome_distribution.h"
#include "harness/report/run_report.h"
#include "harness/cli/command_line.h"
#include "harness/cli/run_output.h"
#include "harness/cli/scenario_input.h"
#include "harness/report/junit.h"
#include "harness/scenario/expectation_check.h"
#include "sim/simulation.h"

namespace harness::cli {
namespace po = boost::program_options;

namespace {

struct RunFlags {
  std::string file;
  std::int64_t seed = -1;
  double horizon_seconds = -1;
  std::string events_path;
  bool json = false;
  bool per_probe = false;
  bool quiet = false;
  std::string seeds;
  std::string junit_path;
  ScenarioInputFlags input;
};

po::options_description run_options(RunFlags& f) {
  po::options_description d("deploysim run [FILE] [options]\n\n"
                             "Simulates FILE (the built-in default scenario without it) and prints the\n"
                             "setup, the timeline and the outcome.\n\nOptions");
  d.add_options()
      ("help,h", "this help")
      ("seed", po::value(&f.seed), "override the scenario's seed (0 .. 2^63-1)")
      ("horizon", po::value(&f.horizon_seconds), "override the horizon, in simulated seconds")
      ("events", po::value(&f.events_path), "write the event log as JSON lines to this file")
      ("json", po::bool_switch(&f.json), "print a JSON summary instead of the text report")
      ("per-probe", po::bool_switch(&f.per_probe), "simulate every health-check probe (reference mode)")
      ("quiet,q", po::bool_switch(&f.quiet), "print the setup and outcome, not the timeline")
      ("junit", po::value(&f.junit_path), "write the check of `expect` as JUnit XML to this file")
      ("seeds", po::value(&f.seeds),
       "run seeds A-B (or 1-N given N) and print how often each outcome happens, with times and\n"
       "how many runs meet `expect`; exit 1 when any run misses it");
  add_scenario_input_options(d, f.input);
  return d;
}

// "A-B" or "N" (meaning 1-N), at most 1,000,000 runs.
std::pair<std::uint64_t, std::uint64_t> parse_seed_range(const std::string& text) {
  const std::string usage = "run: --seeds takes A-B (0 <= A <= B, at most 1000000 seeds) or N, found \"" + text + "\"";
  try {
    std::size_t used = 0;
    const std::size_t dash = text.find('-');
    std::uint64_t first = 1;
    std::uint64_t last = 0;
    if (dash == std::string::npos) {
      last = std::stoull(text, &used);
      if (used != text.size()) throw UsageError(usage);
    } else {
      first = std::stoull(text.substr(0, dash), &used);
      if (used != dash) throw UsageError(usage);
      last = std::stoull(text.substr(dash + 1), &used);
      if (used != text.size() - dash - 1) throw UsageError(usage);
    }
    if (text.empty() || text[0] == '-' || first > last || last - first >= 1'000'000) throw UsageError(usage);
    return {first, last};
  } catch (const std::logic_error&) {
    throw UsageError(usage);
  }
}

int run_over_seeds(const sim::model::Scenario& base, const std::string& range, bool json) {
  const auto [first, last] = parse_seed_range(range);
  std::vector<report::SeededResult> results;
  for (std::uint64_t seed = first;; ++seed) {
    sim::model::Scenario s = base;
    s.seed = seed;
    sim::Simulation simulation(s, {.trace = false});
    report::SeededResult r{seed, simulation.run(), true};
    if (s.expect) r.expect_met = scenario::unmet_expectations(*s.expect, r.result).empty();
    results.push_back(r);
    if (seed == last) break;
  }
  report::OutcomeDistribution d = report::summarize(results);
  d.has_expect = base.expect.has_value();
  if (json) std::cout << report::distribution_json(d).dump(2) << "\n";
  else report::print_distribution(std::cout, d);
  return d.expect_met == d.runs ? 0 : 1;
}

// The run against the scenario's `expect` as one JUnit case: failed with every unmet expectation,
// skipped when the scenario expects nothing.
report::JunitSuite expect_suite(const sim::model::Scenario& s, const sim::observe::RunResult& result) {
  report::JunitCase c{"deploysim.run." + s.name, "expect", report::JunitResult::passed, "", "", "",
                      "outcome: " + std::string(sim::observe::to_string(result.outcome))};
  if (!s.expect) {
    c.result = report::JunitResult::skipped;
    c.message = "the scenario has no expect section";
  }
  const std::vector<std::string> unmet_lines =
      s.expect ? scenario::unmet_expectations(*s.expect, result) : std::vector<std::string>{};
  for (const std::string& unmet : unmet_lines) {
    c.result = report::JunitResult::failed;
    c.type = "ExpectationNotMet";
    if (c.message.empty()) c.message = unmet;
    c.details += unmet + "\n";
  }
  if (c.result == report::JunitResult::failed)
    c.details += "replay: deploysim run " + s.source + " --seed " + std::to_string(s.seed) + "\n";
  return {s.name, {c}, 0};
}

}  // namespace

int run_command(const std::vector<std::string>& args) {
  RunFlags f;
  po::options_description visible = run_options(f);
  const po::variables_map vm = parse_command_line("run", args, visible, f.file);
  if (vm.count("help")) {
    std::cout << visible << "\n";
    return 0;
  }
  scenario::Loaded loaded = load_scenario_or_default(f.file, f.input);
  sim::model::Scenario& s = loaded.scenario;
  if (f.seed >= 0) s.seed = static_cast<std::uint64_t>(f.seed);
  if (vm.count("seed") && f.seed < 0) throw UsageError("run: --seed must be 0 or more");
  if (vm.count("horizon")) {
    if (!(f.horizon_seconds > 0 && f.horizon_seconds <= 1e9))
      throw UsageError("run: --horizon must be a number of seconds in (0, 1e9]");
    s.horizon = sim::Millis{static_cast<std::int64_t>(f.horizon_seconds * 1000)};
  }
  if (f.per_probe) s.probe_mode = sim::model::ProbeMode::per_probe;
  if (vm.count("seeds") && (vm.count("seed") || vm.count("events") || vm.count("junit")))
    throw UsageError("run: --seeds goes without --seed, --events and --junit");
  if (!f.json)
    for (const std::string& ignored : loaded.ignored)
      std::cerr << "note: ignored (not modelled): " << ignored << "\n";
  if (vm.count("seeds")) return run_over_seeds(s, f.seeds, f.json);

  sim::Simulation simulation(s, {.trace = true});
  const sim::observe::RunResult result = simulation.run();
  if (!f.junit_path.empty())
    write_output_file("run", f.junit_path, "JUnit report",
                      [&](std::ostream& out) { report::write_junit(out, "deploysim run", {expect_suite(s, result)}); });
  const report::RunReportInput in{s, result, simulation.trace(), simulation.breaker_threshold()};
  return print_run_output("run", {f.events_path, f.json, f.quiet}, in);
}

}  // namespace harness::cli
