#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

TEST_CASE("grace-shorter-than-startup flags a target group that condemns a starting task",
          "[lint]") {
  // Given a start-up of up to 30 s and a target group that can say unhealthy 10 s after
  // registration, when the grace period is 0, then a warning points at the grace period.
  nlohmann::json scenario = clean_scenario();
  scenario["service"]["healthCheckGracePeriodSeconds"] = 0;
  const Finding found = single_finding(scenario, "grace-shorter-than-startup");
  CHECK(headline(found) ==
        "warning grace-shorter-than-startup at /service/healthCheckGracePeriodSeconds");
  CHECK(found.message ==
        "grace period 0 s is shorter than the start-up of container \"app\" (up to 30 s): the "
        "target group can report it unhealthy 10 s after registration and ECS replaces the task "
        "before the app is up");
}

TEST_CASE("grace-shorter-than-startup stays silent when grace or the checks cover start-up",
          "[lint]") {
  // Given a 30 s grace period for a 30 s start-up, then nothing is reported.
  nlohmann::json scenario = clean_scenario();
  scenario["service"]["healthCheckGracePeriodSeconds"] = 30;
  CHECK(lint_rule(scenario, "grace-shorter-than-startup").empty());
  // Given no load balancer and a container check that cannot fail before 50 s, then a zero grace
  // period is harmless.
  without_load_balancer(scenario);
  scenario["service"]["healthCheckGracePeriodSeconds"] = 0;
  CHECK(lint_rule(scenario, "grace-shorter-than-startup").empty());
}

TEST_CASE("start-period-shorter-than-startup flags a container check that gives up too soon",
          "[lint]") {
  // Given a start-up of up to 30 s, when the check has no startPeriod and 3 retries every 5 s,
  // then a warning points at startPeriod.
  nlohmann::json scenario = clean_scenario();
  auto& check = deployed_container(scenario)["healthCheck"];
  check["startPeriod"] = 0;
  check["interval"] = 5;
  const Finding found = single_finding(scenario, "start-period-shorter-than-startup");
  CHECK(headline(found) ==
        "warning start-period-shorter-than-startup at "
        "/taskDefinitions/1/containerDefinitions/0/healthCheck/startPeriod");
  CHECK(found.message ==
        "startPeriod 0 s with 3 retries every 5 s lets the check of container \"app\" report "
        "UNHEALTHY 15 s after start, before its start-up (up to 30 s) ends");
}

TEST_CASE("start-period-shorter-than-startup stays silent when retries x interval cover start-up",
          "[lint]") {
  // Given no startPeriod but 3 retries every 10 s, then the first verdict comes at 30 s, when
  // the app is up.
  nlohmann::json scenario = clean_scenario();
  deployed_container(scenario)["healthCheck"]["startPeriod"] = 0;
  CHECK(lint_rule(scenario, "start-period-shorter-than-startup").empty());
  CHECK(lint_rule(clean_scenario(), "start-period-shorter-than-startup").empty());
}

}  // namespace
}  // namespace harness::lint
