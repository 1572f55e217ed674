#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

nlohmann::json& deployment_configuration(nlohmann::json& scenario) {
  return scenario["service"]["deploymentConfiguration"];
}

TEST_CASE("breaker-disabled flags a service without a circuit breaker", "[lint]") {
  // Given seed 004's breaker off, then a warning points at enable.
  nlohmann::json scenario = clean_scenario();
  deployment_configuration(scenario)["deploymentCircuitBreaker"]["enable"] = false;
  const Finding found = single_finding(scenario, "breaker-disabled");
  CHECK(headline(found) ==
        "warning breaker-disabled at "
        "/service/deploymentConfiguration/deploymentCircuitBreaker/enable");
  CHECK_THAT(found.why, Catch::StartsWith("seed 004:"));
  CHECK(lint_rule(clean_scenario(), "breaker-disabled").empty());
}

TEST_CASE("breaker-disabled flags a service that sets no breaker at all", "[lint]") {
  // Given no deploymentCircuitBreaker (the service default is off), then it is reported too.
  nlohmann::json scenario = clean_scenario();
  deployment_configuration(scenario).erase("deploymentCircuitBreaker");
  CHECK(lint_rule(scenario, "breaker-disabled").size() == 1);
}

TEST_CASE("single-task-zero-min flags one task with minimumHealthyPercent 0", "[lint]") {
  // Given seeds 000 and 001's single task and min 0, then a warning points at the minimum.
  nlohmann::json scenario = clean_scenario();
  scenario["service"]["desiredCount"] = 1;
  deployment_configuration(scenario)["minimumHealthyPercent"] = 0;
  const Finding found = single_finding(scenario, "single-task-zero-min");
  CHECK(headline(found) ==
        "warning single-task-zero-min at /service/deploymentConfiguration/minimumHealthyPercent");
  CHECK(found.message ==
        "minimumHealthyPercent 0 with desiredCount 1 lets ECS stop the only running task before "
        "a replacement is healthy: downtime on every deploy");
}

TEST_CASE("single-task-zero-min stays silent with minimumHealthyPercent 100", "[lint]") {
  nlohmann::json scenario = clean_scenario();
  scenario["service"]["desiredCount"] = 1;
  CHECK(lint_rule(scenario, "single-task-zero-min").empty());
}

TEST_CASE("deadlock-bounds flags min 100 / max 100, which can neither start nor stop", "[lint]") {
  // Given two tasks, when both percents are 100, then the first rolling step is blocked.
  nlohmann::json scenario = clean_scenario();
  deployment_configuration(scenario)["maximumPercent"] = 100;
  const Finding found = single_finding(scenario, "deadlock-bounds");
  CHECK(headline(found) ==
        "error deadlock-bounds at /service/deploymentConfiguration/maximumPercent");
  CHECK(found.message ==
        "minimumHealthyPercent 100 and maximumPercent 100 with desiredCount 2 keep at least 2 "
        "healthy and at most 2 running: ECS can neither start a new task nor stop an old one");
}

TEST_CASE("deadlock-bounds stays silent when the bounds leave room on either side", "[lint]") {
  // Given max 200 (room to start) or min 50 with max 100 (room to stop), then no deadlock.
  CHECK(lint_rule(clean_scenario(), "deadlock-bounds").empty());
  nlohmann::json scenario = clean_scenario();
  deployment_configuration(scenario)["maximumPercent"] = 100;
  deployment_configuration(scenario)["minimumHealthyPercent"] = 50;
  CHECK(lint_rule(scenario, "deadlock-bounds").empty());
}

}  // namespace
}  // namespace harness::lint
