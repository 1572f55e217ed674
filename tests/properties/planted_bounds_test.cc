// The properties have teeth: linked with mutants/rounds_maximum_up.cc, a rolling update that
// rounds maximumPercent up, the safety property must see more tasks running than ECS allows. The
// controller's own invariant check cannot: it trusts the same wrong bound.
#include <catch2/catch.hpp>

#include "harness/check/explorer.h"
#include "tests/properties/property_support.h"

TEST_CASE("a maximumPercent rounded up is caught by the safety property") {
  // Given the planted bug, when the safety property explores 300 cases from the fixed seed, then
  // it fails with a task count above maxTasks, and the shrunk case replays to the same failure.
  const auto e = harness::check::explore(properties::gen_any_run(), properties::safety_holds, 300, properties::kSeed);
  REQUIRE_FALSE(e.holds());
  INFO("shrunk: " << e.failure << "\n" << properties::as_file(*e.counterexample));
  CHECK(e.failure.find("above maxTasks") != std::string::npos);
  CHECK(properties::safety_holds(*e.counterexample) == e.failure);
}
