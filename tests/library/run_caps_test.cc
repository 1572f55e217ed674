// The run caps (RunOptions::trace_cap, task_cap): a run's memory is bounded whatever the horizon.
// Before them, seed 004's loop with a 10^9 s horizon grew its trace past 6 GB and died of
// bad_alloc, and untraced (explain's what-if runs) took 11 GB of task records.
#include <catch2/catch.hpp>

#include "sim/simulation.h"
#include "tests/support/run_helpers.h"

namespace {

// Seed 004's endless deployment loop (it never reaches an outcome), run to `horizon`.
sim::model::Scenario seed_004_loop(sim::Millis horizon) {
  auto scenario = testsupport::library_scenario("scenarios/incidents/004-wget-loop-breaker-off.json");
  scenario.horizon = horizon;
  return scenario;
}

const sim::Millis kFarHorizon = sim::seconds(1'000'000'000);  // 10^12 ms

}  // namespace

TEST_CASE("a deployment loop with a 10^9 s horizon stops at the trace cap") {
  // Given seed 004's endless loop and a horizon of 10^12 ms, when run with a trace cap of 20,000,
  // then the run ends for that reason long before the horizon, with the trace at the cap.
  const auto scenario = seed_004_loop(kFarHorizon);
  sim::Simulation simulation(scenario, {.trace = true, .trace_cap = 20'000});
  const sim::observe::RunResult result = simulation.run();
  CHECK((result.end == sim::observe::RunEnd::trace_cap && result.ended_at < kFarHorizon));
  CHECK(simulation.trace().events().size() >= 20'000);
  CHECK(simulation.trace().events().size() < 20'100);
}

TEST_CASE("an untraced deployment loop to a 10^9 s horizon stops at the task cap") {
  // Given seed 004's loop untraced with a horizon of 10^12 ms, when run with a task cap of 1,000,
  // then it ends for that reason, STUCK, having launched exactly that many tasks.
  const auto scenario = seed_004_loop(kFarHorizon);
  const sim::observe::RunResult result =
      sim::Simulation(scenario, {.trace = false, .task_cap = 1'000}).run();
  CHECK((result.end == sim::observe::RunEnd::task_cap && result.outcome == sim::observe::Outcome::stuck));
  CHECK(result.metrics.tasks_launched == 1'000);
}

TEST_CASE("an untraced run is not stopped by the trace cap") {
  // Given the same loop untraced (benchmarks, sweeps) and a cap of 1, when run to 10^6 s, then it
  // ends at the horizon.
  const auto scenario = seed_004_loop(sim::seconds(1'000'000));
  CHECK(sim::Simulation(scenario, {.trace = false, .trace_cap = 1}).run().end ==
        sim::observe::RunEnd::horizon);
}
