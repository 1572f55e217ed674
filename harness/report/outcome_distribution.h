// How one scenario ends over a range of seeds: the share of each outcome and how long it takes.
// This is the failure rate of a setting whose inputs vary from run to run (seed 003: CI services
// ready in 20-45 s against a 30 s wait fail some runs, not all), which a single seed cannot show.
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <ostream>
#include <vector>

#include "sim/observe/outcome.h"

namespace harness::report {

struct SeededResult {
  std::uint64_t seed = 0;
  sim::observe::RunResult result;
  bool expect_met = true;
};

struct OutcomeShare {
  sim::observe::Outcome outcome = sim::observe::Outcome::completed;
  int runs = 0;
  std::uint64_t first_seed = 0;  // a seed to replay it with `run --seed`
  // Time to outcome by the rule of percentile.h: a run without one counts as never reaching it, so
  // STUCK (no outcome by the horizon) has none; COMPLETED, ROLLED_BACK and FAILED runs always have one.
  std::optional<sim::Millis> p50, p95, max;
  double mean_failed_tasks = 0;
  int runs_with_failed_tasks = 0;  // runs where the breaker counted at least one failed task
};

struct OutcomeDistribution {
  std::uint64_t first_seed = 0;
  std::uint64_t last_seed = 0;
  int runs = 0;
  bool has_expect = false;
  int expect_met = 0;
  std::vector<OutcomeShare> shares;  // in Outcome order, only outcomes that happened
};

OutcomeDistribution summarize(const std::vector<SeededResult>& results);

void print_distribution(std::ostream& out, const OutcomeDistribution& d);
nlohmann::json distribution_json(const OutcomeDistribution& d);

}  // namespace harness::report
