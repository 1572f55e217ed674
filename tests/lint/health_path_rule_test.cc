#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("shallow-health-path flags a target group asking a live endpoint", "[lint]") {
  // Given seed 001's /health/live, when the target group asks /live, then a warning points at
  // HealthCheckPath.
  nlohmann::json scenario = clean_scenario();
  scenario["targetGroup"]["HealthCheckPath"] = "/live";
  const std::vector<Finding> found = lint_rule(scenario, "shallow-health-path");
  REQUIRE_FALSE(found.empty());
  CHECK(headline(found[0]) == "warning shallow-health-path at /targetGroup/HealthCheckPath");
  CHECK(found[0].message ==
        "the target group asks /live, a live endpoint: it answers 200 while the process runs, "
        "started or not");
  CHECK_THAT(found[0].why, Catch::StartsWith("seed 001:"));
}

TEST_CASE("shallow-health-path flags a degraded endpoint that answers 200 without Redis",
          "[lint]") {
  // Given seed 002's "degraded" 200, then the target group asking it is reported.
  nlohmann::json scenario = clean_scenario();
  deployed_app(scenario)["endpoints"]["/ready"]["kind"] = "degraded";
  const std::vector<Finding> found = lint_rule(scenario, "shallow-health-path");
  REQUIRE_FALSE(found.empty());
  CHECK(found[0].pointer == "/targetGroup/HealthCheckPath");
  CHECK_THAT(found[0].why, Catch::StartsWith("seed 002:"));
}

TEST_CASE("shallow-health-path flags a live container check when nothing deeper checks readiness",
          "[lint]") {
  // Given no load balancer, the container check on /live is the only signal: it is reported.
  nlohmann::json scenario = clean_scenario();
  without_load_balancer(scenario);
  CHECK(single_finding(scenario, "shallow-health-path").pointer ==
        "/taskDefinitions/1/containerDefinitions/0/healthCheck/command");
}

TEST_CASE(
    "shallow-health-path stays silent for liveness in the container and readiness at the "
    "target group",
    "[lint]") {
  CHECK(lint_rule(clean_scenario(), "shallow-health-path").empty());
}

}  // namespace
}  // namespace harness::lint
