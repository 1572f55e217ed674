// harness/check/liveness_bounds.h: the formula's terms for a known scenario, worked by hand.
#include <catch2/catch.hpp>

#include "harness/check/liveness_bounds.h"
#include "harness/scenario/scenario_loader.h"
#include "sim/simulation.h"

using namespace std::chrono_literals;
using sim::Millis;

namespace {

sim::model::Scenario default_scenario() {
  return harness::scenario::load_scenario_file(DEPLOYSIM_SOURCE_DIR "/scenarios/examples/default.json").scenario;
}

}  // namespace

TEST_CASE("the default scenario's liveness terms are the ones worked by hand") {
  // Given the built-in default (2 tasks, min 100 / max 200, target group every 10 s, unhealthy
  // after 2, healthy after 2, timeout 5 s, deregistration 30 s, grace 60 s, start-up 15 s x 1.2,
  // provisioning 2 s + pull 5 s x 1.2), then:
  const auto t = harness::check::liveness_terms(default_scenario());
  CHECK(t.launch_to_running == 8400ms);       // (2 + 5 + 0) x 1.2
  CHECK(t.startup == 18s);                    // (2 + 3 + 10) x 1.2
  CHECK(t.unhealthy_detection == 30s);        // earliest 10 s (2nd probe) + 2 x 5 s + 10 s
  CHECK(t.grace == 60s);
  CHECK(t.healthy_detection == 35s);          // (2 + 1) x 10 s + 5 s
  CHECK(t.drain == 61200ms);                  // 30 s deregistration + 30 s stopTimeout + 1 s x 1.2
  CHECK(t.threshold == 3);                    // max(3, ceil(0.5 x 2))
  CHECK(t.throttle_waits == 30s);             // W(1) + W(2) = 10 s + 20 s
  CHECK(t.rounds == 1);                       // ceil(2 / (4 - 2))
  // T x (L + S + C + max(G, D)) + W + R x (L + S + H) + X = 3 x 86.4 + 30 + 61.4 + 61.2 s
  CHECK(harness::check::failure_outcome_bound(t) == 411800ms);
  CHECK(harness::check::completion_bound(t) == 122600ms);  // 61.4 + 61.2 s
}

TEST_CASE("the default scenario rolls back within its failure bound") {
  // Given the default (every new task stalls, breaker on), when run, then it rolls back before
  // the bound: the bound is a worst case, not a prediction.
  const auto s = default_scenario();
  const auto r = sim::Simulation(s, {.trace = false}).run();
  REQUIRE(r.outcome == sim::observe::Outcome::rolled_back);
  CHECK(*r.metrics.time_to_outcome <= harness::check::failure_outcome_bound(harness::check::liveness_terms(s)));
}

TEST_CASE("the grace period needed covers start-up plus recovery only when a check can fail first") {
  // Given the default, whose target can turn unhealthy (10 s) before the app listens (18 s), then
  // the grace needed is S + H = 53 s; with a start-up below 10 s no grace is needed.
  auto s = default_scenario();
  CHECK(harness::check::grace_needed(s) == 53s);
  sim::model::StartupPhase quick;
  quick.duration = 5s;
  for (auto& [image, app] : s.apps) app.phases = {quick};
  CHECK(harness::check::grace_needed(s) == Millis{0});
}

TEST_CASE("the throttle term grows with the threshold as the launch throttle doubles") {
  // Given a COUNT threshold of 5, then the waits are 10 + 20 + 40 + 80 s.
  auto s = default_scenario();
  s.service.deployment.circuit_breaker.threshold_type = sim::model::ThresholdType::count;
  s.service.deployment.circuit_breaker.threshold_value = 5;
  const auto t = harness::check::liveness_terms(s);
  CHECK(t.threshold == 5);
  CHECK(t.throttle_waits == 150s);
}
