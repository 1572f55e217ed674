// The "service" section: describe-services / create-service JSON and its deployment settings.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A scenario whose "service" is `service` (starting on line 2) and whose task definitions both
// have container "app" listening on 8080; `extra` adds top-level members after it.
std::string with_service(const std::string& service, const std::string& extra = "") {
  return R"({
  "service": )" +
         service + R"(,
  "taskDefinitions": [
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1",
      "portMappings": [{"containerPort": 8080}]}]},
    {"family": "web", "containerDefinitions": [{"name": "app", "image": "web:2",
      "portMappings": [{"containerPort": 8080}]}]}
  ],)" + extra +
         R"(
  "apps": {"web:1": {}, "web:2": {}}
})";
}

}  // namespace

TEST_CASE("a describe-services answer is read with its deployment configuration", "[scenario]") {
  // Given the whole describe-services output, then services[0] is the service and the rest is
  // listed as ignored.
  const std::string text = with_service(R"({"services": [{
    "serviceName": "checkout", "clusterArn": "arn:aws:ecs:us-east-1:123456789012:cluster/prod",
    "desiredCount": 4, "launchType": "EC2", "roleArn": "arn:aws:iam::1:role/ecs",
    "deploymentConfiguration": {"minimumHealthyPercent": 50, "maximumPercent": 150,
      "deploymentCircuitBreaker": {"enable": true, "rollback": false, "resetOnHealthyTask": false,
        "thresholdConfiguration": {"type": "COUNT", "value": 250}},
      "alarms": {"alarmNames": [], "enable": false, "rollback": false}},
    "healthCheckGracePeriodSeconds": 60,
    "events": [], "deployments": []}], "failures": []})");
  const Loaded loaded = load_scenario_text(text, "t.json");
  const sim::model::ServiceConfig& service = loaded.scenario.service;
  CHECK(service.name == "checkout");
  CHECK(service.cluster == "prod");
  CHECK(service.desired_count == 4);
  CHECK(service.launch_type == sim::model::LaunchType::ec2);
  CHECK(service.deployment.minimum_healthy_percent == 50);
  CHECK(service.deployment.maximum_percent == 150);
  CHECK(service.deployment.circuit_breaker.enable);
  CHECK_FALSE(service.deployment.circuit_breaker.rollback);
  CHECK_FALSE(service.deployment.circuit_breaker.reset_on_healthy_task);
  CHECK(service.deployment.circuit_breaker.threshold_type == sim::model::ThresholdType::count);
  CHECK(service.deployment.circuit_breaker.threshold_value == 250);
  CHECK(service.health_check_grace_period == sim::seconds(60));
  CHECK(loaded.ignored == std::vector<std::string>{
                              "/service/failures",
                              "/service/services/0/deployments",
                              "/service/services/0/events",
                              "/service/services/0/roleArn",
                          });
}

TEST_CASE("maximumPercent 90 is below the 100-200 deploysim enforces", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"maximumPercent": 90}})")) ==
        "test.json:3:51: at /service/deploymentConfiguration/maximumPercent: expected an integer "
        "100-200, found 90");
}

TEST_CASE("a percent breaker threshold above 100 is out of range", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"deploymentCircuitBreaker": {"enable": true, "rollback": true,
      "thresholdConfiguration": {"type": "UNBOUNDED_PERCENT", "value": 150}}}})")) ==
        "test.json:4:72: at /service/deploymentConfiguration/deploymentCircuitBreaker/"
        "thresholdConfiguration/value: expected an integer 1-100, found 150");
}

TEST_CASE("a strategy ECS does not have is refused with the four it has", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"strategy": "ALL_AT_ONCE"}})")) ==
        "test.json:3:45: at /service/deploymentConfiguration/strategy: expected one of \"ROLLING\", "
        "\"BLUE_GREEN\", \"LINEAR\", \"CANARY\", found \"ALL_AT_ONCE\"");
}

TEST_CASE("canary and linear configurations are read in tenths of a percent", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"strategy": "CANARY",
      "canaryConfiguration": {"canaryPercent": 12.5, "canaryBakeTimeInMinutes": 3},
      "linearConfiguration": {"stepPercent": 25, "stepBakeTimeInMinutes": 2}}})"),
                                           "t.json");
  const auto& d = loaded.scenario.service.deployment;
  CHECK(d.strategy == sim::model::DeploymentStrategy::canary);
  CHECK(d.canary_percent_tenths == 125);
  CHECK(d.canary_bake_time == sim::minutes(3));
  CHECK(d.linear_step_percent_tenths == 250);
  CHECK(d.linear_step_bake_time == sim::minutes(2));
}

TEST_CASE("a linear stepPercent below 3 is refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"strategy": "LINEAR", "linearConfiguration": {"stepPercent": 2}}})")) ==
        "test.json:3:94: at /service/deploymentConfiguration/linearConfiguration/stepPercent: expected "
        "a number 3-100, found 2");
}

TEST_CASE("BLUE_GREEN requires bakeTimeInMinutes", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"strategy": "BLUE_GREEN"}})")) ==
        "test.json:3:32: at /service/deploymentConfiguration/bakeTimeInMinutes: expected an integer "
        "0-1440, found nothing (it is required)");
}

TEST_CASE("a load balancer and its target group make the service's load_balancer", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "loadBalancers": [{"targetGroupArn": "arn:tg", "containerName": "app", "containerPort": 8080}]})",
                                                        R"(
  "targetGroup": {"HealthCheckPath": "/health", "HealthCheckIntervalSeconds": 10},)"),
                                           "t.json");
  const sim::model::ServiceConfig& service = loaded.scenario.service;
  CHECK(service.container_name_for_lb == "app");
  CHECK(service.container_port_for_lb == 8080);
  REQUIRE(service.load_balancer.has_value());
  CHECK(service.load_balancer->path == "/health");
  CHECK(service.load_balancer->interval == sim::seconds(10));
}

TEST_CASE("a load balancer port the task definitions do not map is refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "loadBalancers": [{"containerName": "app", "containerPort": 80}]})",
                                R"(
  "targetGroup": {},)")) ==
        "test.json:3:65: at /service/loadBalancers/0/containerPort: expected a containerPort in "
        "the portMappings of container \"app\" of web:1, found 80");
}

TEST_CASE("a target group without service loadBalancers is refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1})", R"(
  "targetGroup": {},)")) ==
        "test.json:2:14: at /service: expected a service whose loadBalancers name the container "
        "and port \"targetGroup\" routes to, found no loadBalancers");
}

TEST_CASE("service loadBalancers without a target group are refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "loadBalancers": [{"containerName": "app", "containerPort": 8080}]})")) ==
        "test.json:1:1: at /targetGroup: expected an object with the target group's health "
        "check (service.loadBalancers names one), found nothing (it is required)");
}

}  // namespace harness::scenario

namespace harness::scenario {
namespace {

const char* const kAlarmSections = R"(
  "traffic": {"requestsPerSecond": 100},
  "alarms": [{"AlarmName": "web-5xx", "MetricName": "HTTPCode_Target_5XX_Count",
    "ComparisonOperator": "GreaterThanThreshold", "Threshold": 10, "Period": 60,
    "EvaluationPeriods": 3, "DatapointsToAlarm": 2}],)";

TEST_CASE("deploymentConfiguration.alarms and bakeTimeInMinutes are read with their alarms", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"bakeTimeInMinutes": 10,
      "alarms": {"alarmNames": ["web-5xx"], "enable": true, "rollback": true}}})",
                                                        kAlarmSections),
                                           "t.json");
  const auto& s = loaded.scenario;
  CHECK(s.service.deployment.bake_time == sim::minutes(10));
  CHECK(s.service.deployment.alarms.alarm_names == std::vector<std::string>{"web-5xx"});
  CHECK(s.service.deployment.alarms.enable);
  REQUIRE(s.traffic.has_value());
  CHECK(s.traffic->requests_per_second == 100);
  REQUIRE(s.alarms.size() == 1);
  CHECK(s.alarms[0].threshold_thousandths == 10'000);
  CHECK(s.alarms[0].period == sim::seconds(60));
  CHECK(s.alarms[0].evaluation_periods == 3);
  CHECK(s.alarms[0].datapoints_to_alarm == 2);
}

TEST_CASE("an alarm name the scenario does not define is refused with a hint", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"alarms": {"alarmNames": ["web-5xxx"], "enable": true, "rollback": true}}})",
                                kAlarmSections)) ==
        "test.json:3:59: at /service/deploymentConfiguration/alarms/alarmNames/0: expected one of the "
        "alarms defined in the scenario's \"alarms\" section \"web-5xx\" (did you mean \"web-5xx\"?), "
        "found \"web-5xxx\"");
}

TEST_CASE("alarms without traffic are refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1})", R"(
  "alarms": [],)")) ==
        "test.json:9:13: at /alarms: expected a \"traffic\" section with it (the alarms watch its "
        "requests), found no \"traffic\"");
}

TEST_CASE("a CloudWatch period that is not 10, 20, 30 or a multiple of 60 is refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1})", R"(
  "traffic": {"requestsPerSecond": 100},
  "alarms": [{"AlarmName": "a", "MetricName": "HTTPCode_Target_5XX_Count",
    "ComparisonOperator": "GreaterThanThreshold", "Threshold": 10, "Period": 45, "EvaluationPeriods": 1}],)")) ==
        "test.json:11:78: at /alarms/0/Period: expected 10, 20, 30 or a multiple of 60 (CloudWatch "
        "alarm periods), found 45");
}

// `alarm`'s JSON as the one alarm of a scenario with traffic.
std::string with_alarm(const std::string& alarm) {
  return with_service(R"({"serviceName": "web", "desiredCount": 1})", R"(
  "traffic": {"requestsPerSecond": 100},
  "alarms": [)" + alarm + "],");
}

TEST_CASE("TargetResponseTime alarms take a percentile or the Average", "[scenario]") {
  // PutMetricAlarm: ExtendedStatistic "p99" (or "p99.9") or Statistic "Average", not both.
  const std::string head = R"({"AlarmName": "slow", "MetricName": "TargetResponseTime",
    "ComparisonOperator": "GreaterThanThreshold", "Threshold": 0.5, "Period": 60, "EvaluationPeriods": 1, )";
  const auto alarm = [](const std::string& text) {
    return load_scenario_text(with_alarm(text), "t.json").scenario.alarms.at(0);
  };
  CHECK(alarm(head + R"("ExtendedStatistic": "p99"})").percentile_ppm == 990'000);
  CHECK(alarm(head + R"("ExtendedStatistic": "p99.9"})").percentile_ppm == 999'000);
  CHECK(alarm(head + R"("Statistic": "Average"})").percentile_ppm == 0);
  CHECK(alarm(head + R"("Statistic": "Average"})").threshold_thousandths == 500);
  CHECK(load_error(with_alarm(head + R"("ExtendedStatistic": "p100"})")) ==
        "test.json:11:128: at /alarms/0/ExtendedStatistic: expected a percentile \"pNN\" or \"pNN.NN\" between p0 "
        "and p100, such as \"p99\", found \"p100\"");
  CHECK(load_error(with_alarm(head + R"("Statistic": "Sum"})")) ==
        "test.json:11:120: at /alarms/0/Statistic: expected one of \"Average\", found \"Sum\"");
}

TEST_CASE("an app's requestLatencyMs needs p50 <= p99", "[scenario]") {
  const std::string text = R"({
  "service": {"serviceName": "web", "desiredCount": 1},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {"requestLatencyMs": {"p50": 200, "p99": 100}}}
})";
  CHECK(load_error(text) == "test.json:5:62: at /apps/web:1/requestLatencyMs/p99: expected an integer 200-600000, found 100");
}

TEST_CASE("DatapointsToAlarm above EvaluationPeriods is refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1})", R"(
  "traffic": {"requestsPerSecond": 100},
  "alarms": [{"AlarmName": "a", "MetricName": "Target5XXPercent", "ComparisonOperator": "GreaterThanThreshold",
    "Threshold": 5, "Period": 60, "EvaluationPeriods": 2, "DatapointsToAlarm": 3}],)")) ==
        "test.json:11:80: at /alarms/0/DatapointsToAlarm: expected an integer 1-2, found 3");
}

TEST_CASE("bakeTimeInMinutes above 1440 is refused", "[scenario]") {
  CHECK(load_error(with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"bakeTimeInMinutes": 1441}})")) ==
        "test.json:3:54: at /service/deploymentConfiguration/bakeTimeInMinutes: expected an integer "
        "0-1440, found 1441");
}

}  // namespace
}  // namespace harness::scenario

namespace harness::scenario {
namespace {

const char* const kHookResult = R"(
  "lifecycleHookResults": {"arn:aws:lambda:us-east-1:1:function:check": {"hookStatus": "FAILED", "afterSeconds": 90}},)";

// A BLUE_GREEN service with `hooks` as its lifecycleHooks.
std::string with_hooks(const std::string& hooks, const std::string& strategy = "BLUE_GREEN",
                       const std::string& results = kHookResult) {
  return with_service(R"({"serviceName": "web", "desiredCount": 1,
    "deploymentConfiguration": {"strategy": ")" + strategy + R"(", "bakeTimeInMinutes": 5,
      "lifecycleHooks": )" + hooks + "}}",
                      results);
}

}  // namespace

TEST_CASE("lifecycle hooks are read with what their Lambda answers", "[scenario]") {
  // Source: API_DeploymentLifecycleHook, API_DeploymentLifecycleHookTimeoutConfiguration.
  const Loaded loaded = load_scenario_text(with_hooks(R"([{"hookTargetArn": "arn:aws:lambda:us-east-1:1:function:check",
        "roleArn": "arn:aws:iam::1:role/hooks", "targetType": "AWS_LAMBDA", "hookDetails": {"suite": "smoke"},
        "lifecycleStages": ["POST_SCALE_UP", "POST_TEST_TRAFFIC_SHIFT"],
        "timeoutConfiguration": {"timeoutInMinutes": 30, "action": "CONTINUE"}}])"),
                                           "t.json");
  const auto& hooks = loaded.scenario.service.deployment.lifecycle_hooks;
  REQUIRE(hooks.size() == 1);
  CHECK(hooks[0].lifecycle_stages == std::vector<sim::model::LifecycleStage>{
                                         sim::model::LifecycleStage::post_scale_up,
                                         sim::model::LifecycleStage::post_test_traffic_shift});
  CHECK(hooks[0].timeout == sim::minutes(30));
  CHECK(hooks[0].timeout_action == sim::model::HookTimeoutAction::continue_deployment);
  CHECK(hooks[0].hook_details_json == R"({"suite":"smoke"})");
  const auto& result = loaded.scenario.hook_results.at("arn:aws:lambda:us-east-1:1:function:check");
  CHECK(result.hook_status == sim::model::HookStatus::failed);
  CHECK(result.after == sim::seconds(90));
}

TEST_CASE("lifecycle hooks: bad input is refused with its place and what was expected", "[scenario]") {
  const std::string arn = R"("hookTargetArn": "arn:aws:lambda:us-east-1:1:function:check")";
  const std::string at = "at /service/deploymentConfiguration/lifecycleHooks/0/";
  // SCALE_UP takes no hook (ecs-rules §3.3).
  CHECK(load_error(with_hooks("[{" + arn + R"(, "lifecycleStages": ["SCALE_UP"]}])")) ==
        "test.json:4:109: " + at + "lifecycleStages/0: expected one of \"RECONCILE_SERVICE\", \"PRE_SCALE_UP\", "
        "\"POST_SCALE_UP\", \"TEST_TRAFFIC_SHIFT\", \"POST_TEST_TRAFFIC_SHIFT\", \"PRE_PRODUCTION_TRAFFIC_SHIFT\", "
        "\"PRODUCTION_TRAFFIC_SHIFT\", \"POST_PRODUCTION_TRAFFIC_SHIFT\", found \"SCALE_UP\"");
  // PAUSE hooks are not simulated.
  CHECK(load_error(with_hooks("[{" + arn + R"(, "targetType": "PAUSE", "lifecycleStages": ["PRE_SCALE_UP"]}])")) ==
        "test.json:4:103: " + at + "targetType: expected \"AWS_LAMBDA\" (deploysim does not simulate PAUSE hooks "
        "and ContinueServiceDeployment), found \"PAUSE\"");
  // A rolling update never reaches the traffic stages.
  CHECK(load_error(with_hooks("[{" + arn + R"(, "lifecycleStages": ["POST_TEST_TRAFFIC_SHIFT"]}])", "ROLLING")) ==
        "test.json:4:109: " + at + "lifecycleStages/0: expected a stage a ROLLING deployment goes through: "
        "\"RECONCILE_SERVICE\", \"PRE_SCALE_UP\" or \"POST_SCALE_UP\" (a rolling update shifts no traffic; use "
        "BLUE_GREEN, LINEAR or CANARY), found \"POST_TEST_TRAFFIC_SHIFT\"");
  // A hook must say what it answers, and every answer must belong to a hook.
  CHECK(load_error(with_hooks(R"([{"hookTargetArn": "arn:aws:lambda:us-east-1:1:function:other",
        "lifecycleStages": ["PRE_SCALE_UP"]}])")) ==
        "test.json:4:44: " + at + "hookTargetArn: expected one of the hook ARNs given in \"lifecycleHookResults\" "
        "\"arn:aws:lambda:us-east-1:1:function:check\", found \"arn:aws:lambda:us-east-1:1:function:other\"");
  CHECK(load_error(with_hooks("[]")) ==
        "test.json:11:28: at /lifecycleHookResults/arn:aws:lambda:us-east-1:1:function:check: expected the "
        "hookTargetArn of a hook in service.deploymentConfiguration.lifecycleHooks, found "
        "\"arn:aws:lambda:us-east-1:1:function:check\"");
  // IN_PROGRESS never answers, so it has no afterSeconds.
  CHECK(load_error(with_hooks("[{" + arn + R"(, "lifecycleStages": ["PRE_SCALE_UP"]}])", "BLUE_GREEN", R"(
  "lifecycleHookResults": {"arn:aws:lambda:us-east-1:1:function:check": {"hookStatus": "IN_PROGRESS", "afterSeconds": 5}},)")) ==
        "test.json:11:119: at /lifecycleHookResults/arn:aws:lambda:us-east-1:1:function:check/afterSeconds: "
        "expected no \"afterSeconds\" with IN_PROGRESS (the hook never answers otherwise; its timeout decides), "
        "found 5");
  // timeoutInMinutes 1-20160 (API_DeploymentLifecycleHookTimeoutConfiguration).
  CHECK(load_error(with_hooks("[{" + arn + R"(, "lifecycleStages": ["PRE_SCALE_UP"],
        "timeoutConfiguration": {"timeoutInMinutes": 20161}}])")) ==
        "test.json:5:54: " + at + "timeoutConfiguration/timeoutInMinutes: expected an integer 1-20160, found 20161");
}

}  // namespace harness::scenario
