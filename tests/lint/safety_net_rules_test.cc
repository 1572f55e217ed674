#include <catch2/catch.hpp>

#include "tests/lint/lint_fixture.h"

namespace harness::lint {
namespace {

using namespace testing;

// clean_scenario() with traffic, a 5xx alarm and deploymentConfiguration.alarms as given.
nlohmann::json with_alarm(bool enable, bool rollback, int bake_minutes) {
  nlohmann::json scenario = clean_scenario();
  scenario["traffic"] = {{"requestsPerSecond", 100}};
  scenario["alarms"] = nlohmann::json::parse(R"([{"AlarmName": "web-5xx", "MetricName": "Target5XXPercent",
    "ComparisonOperator": "GreaterThanThreshold", "Threshold": 1, "Period": 60, "EvaluationPeriods": 3}])");
  auto& deployment = scenario["service"]["deploymentConfiguration"];
  deployment["alarms"] = {{"alarmNames", {"web-5xx"}}, {"enable", enable}, {"rollback", rollback}};
  deployment["bakeTimeInMinutes"] = bake_minutes;
  return scenario;
}

}  // namespace

TEST_CASE("alarms-not-enforced flags alarms that are not enabled, or enabled without rollback", "[lint]") {
  // Given the 5xx alarm with enable false, then a warning at enable; with rollback false, at
  // rollback; enabled with rollback, nothing. Source: ecs-rules §2 (API_DeploymentAlarms).
  CHECK(headline(single_finding(with_alarm(false, false, 10), "alarms-not-enforced")) ==
        "warning alarms-not-enforced at /service/deploymentConfiguration/alarms/enable");
  const Finding no_rollback = single_finding(with_alarm(true, false, 10), "alarms-not-enforced");
  CHECK(headline(no_rollback) == "warning alarms-not-enforced at /service/deploymentConfiguration/alarms/rollback");
  CHECK_THAT(no_rollback.why, Catch::StartsWith("seed 001:"));
  CHECK(lint_rule(with_alarm(true, true, 10), "alarms-not-enforced").empty());
  CHECK(lint_rule(clean_scenario(), "alarms-not-enforced").empty());
}

TEST_CASE("bake-zero-with-alarms flags enabled alarms with no bake time", "[lint]") {
  // Given enabled alarms and bakeTimeInMinutes 0, then a warning at bakeTimeInMinutes; with 10
  // min, or alarms off, nothing. Source: ecs-rules §2 (alarms are watched through the bake).
  CHECK(headline(single_finding(with_alarm(true, true, 0), "bake-zero-with-alarms")) ==
        "warning bake-zero-with-alarms at /service/deploymentConfiguration/bakeTimeInMinutes");
  CHECK(lint_rule(with_alarm(true, true, 10), "bake-zero-with-alarms").empty());
  CHECK(lint_rule(with_alarm(false, false, 0), "bake-zero-with-alarms").empty());
}

TEST_CASE("hook-timeout-continue flags a lifecycle hook whose timeout lets the deployment through", "[lint]") {
  // Given a PRE_SCALE_UP hook with timeout action CONTINUE, then a warning at its action; with
  // ROLLBACK (the default), nothing. Source: API_DeploymentLifecycleHookTimeoutConfiguration.
  nlohmann::json scenario = clean_scenario();
  const char* const arn = "arn:aws:lambda:us-east-1:1:function:approve";
  scenario["service"]["deploymentConfiguration"]["lifecycleHooks"] = {
      {{"hookTargetArn", arn},
       {"lifecycleStages", {"PRE_SCALE_UP"}},
       {"timeoutConfiguration", {{"timeoutInMinutes", 30}, {"action", "CONTINUE"}}}}};
  scenario["lifecycleHookResults"][arn] = {{"hookStatus", "IN_PROGRESS"}};
  CHECK(headline(single_finding(scenario, "hook-timeout-continue")) ==
        "warning hook-timeout-continue at /service/deploymentConfiguration/lifecycleHooks/0/timeoutConfiguration/action");
  scenario["service"]["deploymentConfiguration"]["lifecycleHooks"][0]["timeoutConfiguration"]["action"] = "ROLLBACK";
  CHECK(lint_rule(scenario, "hook-timeout-continue").empty());
}

}  // namespace harness::lint
