// The project's own properties: safety on every event, liveness within the derived bounds, over
// generated configs and faults from a fixed seed. A failure prints the shrunk scenario as a file.
#include <catch2/catch.hpp>

#include "harness/check/explorer.h"
#include "tests/properties/property_support.h"

using harness::check::explore;

namespace {

constexpr int kRuns = 1000;

template <typename Property>
void require_holds(const rc::Gen<sim::model::Scenario>& gen, Property property) {
  const auto e = explore(gen, property, kRuns, properties::kSeed);
  INFO("first failure: " << e.first_failure << "\nshrunk (" << e.shrink_steps << " steps): " << e.failure
                         << "\n" << (e.counterexample ? properties::as_file(*e.counterexample) : ""));
  REQUIRE(e.holds());
  CHECK(e.runs == kRuns);
}

}  // namespace

TEST_CASE("safety holds on every event of any generated config and faults") {
  // Given 1000 generated configs with slow starts, breaking faults and killed tasks, run past their
  // outcome, then no event breaks maxTasks, the healthy floor, the rollback target or a terminal state.
  require_holds(properties::gen_any_run(), properties::safety_holds);
}

TEST_CASE("with the breaker on and every new task failing the deploy rolls back or fails within its bound") {
  // Given 1000 generated configs whose new tasks all fail, then each ends ROLLED_BACK (FAILED
  // without rollback) within T x F + throttle waits + the rollback's rounds and drain.
  require_holds(properties::gen_bad_deploy(), properties::bad_deploy_ends_within_bound);
}

TEST_CASE("a healthy app whose grace period covers start-up completes within its bound") {
  // Given 1000 generated healthy apps (slow starts up to 120 s) with enough memory and grace,
  // then each COMPLETES within R x (L + S + H) + X.
  require_holds(properties::gen_good_deploy(), properties::good_deploy_completes_within_bound);
}
