// The properties have teeth: linked with mutants/counts_replaced_healthy_tasks.cc, a breaker that
// counts the healthy old tasks the rolling update retires as failures of the new deployment, the
// liveness property of good deploys must find a false rollback (or FAILED) and shrink it.
#include <catch2/catch.hpp>

#include "harness/check/explorer.h"
#include "tests/properties/property_support.h"

TEST_CASE("a breaker that counts replaced healthy tasks is caught by the good-deploy property") {
  // Given the planted bug, when the good-deploy property explores 300 cases from the fixed seed,
  // then it fails, and the shrunk case still fails for the same reason: not COMPLETED.
  const auto e = harness::check::explore(properties::gen_good_deploy(), properties::good_deploy_completes_within_bound,
                                         300, properties::kSeed);
  REQUIRE_FALSE(e.holds());
  INFO("shrunk: " << e.failure << "\n" << properties::as_file(*e.counterexample));
  CHECK(e.failure.find("not COMPLETED") != std::string::npos);
  CHECK(properties::good_deploy_completes_within_bound(*e.counterexample) == e.failure);
}
