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

// The fixture with a Redis the deployed app's /ready endpoint checks.
nlohmann::json with_ready_checking_redis() {
  nlohmann::json scenario = clean_scenario();
  scenario["dependencies"] = {{{"name", "redis"}}};
  deployed_app(scenario)["endpoints"]["/ready"]["checks"] = {"redis"};
  return scenario;
}

TEST_CASE("deep-health-check-on-shared-dependency flags a target group asking a Redis check",
          "[lint]") {
  // Given incident 101's /health/ready, which answers 503 while Redis is down, then a warning at
  // HealthCheckPath says one blip fails every task at once.
  const Finding found =
      single_finding(with_ready_checking_redis(), "deep-health-check-on-shared-dependency");
  CHECK(headline(found) ==
        "warning deep-health-check-on-shared-dependency at /targetGroup/HealthCheckPath");
  CHECK(found.message ==
        "the target group asks /ready, which answers 503 while redis is down: every task shares "
        "it, so one blip fails every task at once and ECS replaces the whole fleet; check "
        "start-up only and watch redis through metrics");
  CHECK_THAT(found.why, Catch::StartsWith("seed 002:"));
}

TEST_CASE("deep-health-check-on-shared-dependency flags an essential container's deep check",
          "[lint]") {
  // Given the container check asking the deep /ready and no load balancer, then it is reported.
  nlohmann::json scenario = with_ready_checking_redis();
  without_load_balancer(scenario);
  deployed_container(scenario)["healthCheck"]["command"] = {
      "CMD-SHELL", "curl -f http://localhost:8080/ready || exit 1"};
  CHECK(single_finding(scenario, "deep-health-check-on-shared-dependency").pointer ==
        "/taskDefinitions/1/containerDefinitions/0/healthCheck/command");
}

TEST_CASE("deep-health-check-on-shared-dependency stays silent for a readiness that checks no "
          "dependency",
          "[lint]") {
  // Given the fixture's /ready (200 once started) and a shallow target check, then nothing.
  CHECK(lint_rule(clean_scenario(), "deep-health-check-on-shared-dependency").empty());
  nlohmann::json scenario = with_ready_checking_redis();
  scenario["targetGroup"]["HealthCheckPath"] = "/live";
  CHECK(lint_rule(scenario, "deep-health-check-on-shared-dependency").empty());
}

}  // namespace
}  // namespace harness::lint
