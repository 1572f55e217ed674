// The properties have teeth: linked with a mutant copy of the rolling-update bounds (mutants/
// rounds_maximum_up.cc or rounds_minimum_down.cc), the safety property must see the rule broken —
// more tasks running than maximumPercent allows, or a healthy task stopped below the floor. The
// controller's own invariant checks cannot: they trust the same wrong bound.
// PLANTED_BUG_SHOWS is what the shrunk failure must say (set per executable in CMakeLists.txt).
#include <catch2/catch.hpp>

#include "harness/check/explorer.h"
#include "tests/properties/property_support.h"

TEST_CASE("a wrongly rounded rolling-update bound is caught by the safety property: " PLANTED_BUG_SHOWS) {
  // Given the planted bug, when the safety property explores 300 cases from the fixed seed, then
  // it fails saying which bound broke, and the shrunk case replays to the same failure.
  const auto e = harness::check::explore(properties::gen_any_run(), properties::safety_holds, 300, properties::kSeed);
  REQUIRE_FALSE(e.holds());
  INFO("shrunk: " << e.failure << "\n" << properties::as_file(*e.counterexample));
  CHECK(e.failure.find(PLANTED_BUG_SHOWS) != std::string::npos);
  CHECK(properties::safety_holds(*e.counterexample) == e.failure);
}
