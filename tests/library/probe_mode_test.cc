// The predictive health checks against the per-probe reference: the same transitions at the same
// times, the same outcome and metrics, on W1 and on every scenario of the library.
#include <catch2/catch.hpp>

#include "sim/simulation.h"
#include "tests/support/run_helpers.h"
#include "tests/support/w1_workload.h"

namespace {

void require_same_run(sim::model::Scenario scenario) {
  scenario.probe_mode = sim::model::ProbeMode::predictive;
  const auto predicted = testsupport::run_traced(scenario);
  scenario.probe_mode = sim::model::ProbeMode::per_probe;
  const auto probed = testsupport::run_traced(scenario);
  CHECK(predicted.event_log == probed.event_log);
  const auto& a = predicted.result;
  const auto& b = probed.result;
  CHECK(a.outcome == b.outcome);
  CHECK(a.ended_at == b.ended_at);
  CHECK(a.metrics.time_to_detect == b.metrics.time_to_detect);
  CHECK(a.metrics.time_to_outcome == b.metrics.time_to_outcome);
  CHECK(a.metrics.failed_tasks == b.metrics.failed_tasks);
  CHECK(a.metrics.tasks_launched == b.metrics.tasks_launched);
  CHECK(a.metrics.below_desired_healthy == b.metrics.below_desired_healthy);
  CHECK(a.metrics.task_milliseconds == b.metrics.task_milliseconds);
  // Probes are accounted in one mode and executed in the other: the counts agree up to probes
  // in flight when the run stops.
  CHECK(a.metrics.probes <= b.metrics.probes + 64);
  CHECK(b.metrics.probes <= a.metrics.probes + 64);
  // The per-probe mode really simulates probes: it spends more events.
  if (b.metrics.probes > 0) CHECK(b.metrics.events > a.metrics.events);
}

}  // namespace

TEST_CASE("predictive and per-probe modes agree on W1 with 50 tasks") {
  // Given W1 at N=50 (healthy and OOM variants), when run in both modes, then they agree.
  require_same_run(testsupport::w1_scenario(50, testsupport::W1Variant::healthy));
  require_same_run(testsupport::w1_scenario(50, testsupport::W1Variant::oom));
}

TEST_CASE("predictive and per-probe modes agree on every library scenario") {
  // Given every scenario shipped in scenarios/, when run in both modes, then they agree.
  for (const std::string& file : testsupport::library_files()) {
    INFO(file);
    require_same_run(testsupport::library_scenario(file));
  }
}
