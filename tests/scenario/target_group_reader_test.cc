// The "targetGroup" section: ELBv2 health-check settings.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A scenario with a load-balanced service whose "targetGroup" is `group`, on line 2.
std::string with_target_group(const std::string& group) {
  return R"({
  "targetGroup": )" +
         group + R"(,
  "service": {"serviceName": "web", "desiredCount": 1,
    "loadBalancers": [{"containerName": "app", "containerPort": 8080}]},
  "taskDefinitions": [{"family": "web", "containerDefinitions": [{"name": "app", "image": "web:1",
    "portMappings": [{"containerPort": 8080}]}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {}}
})";
}

sim::model::TargetGroupHealthCheck target_group(const std::string& group) {
  return *load_scenario_text(with_target_group(group), "t.json").scenario.service.load_balancer;
}

}  // namespace

TEST_CASE("a describe-target-groups answer is read with ELBv2 names", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_target_group(R"({"TargetGroups": [{
    "TargetGroupName": "web-tg", "Protocol": "HTTP", "HealthCheckPath": "/health/ready",
    "HealthCheckPort": "8081", "HealthCheckIntervalSeconds": 10, "HealthCheckTimeoutSeconds": 4,
    "HealthyThresholdCount": 2, "UnhealthyThresholdCount": 3,
    "Matcher": {"HttpCode": "200-204,302"}, "DeregistrationDelaySeconds": 30}]})"),
                                           "t.json");
  const sim::model::TargetGroupHealthCheck& group = *loaded.scenario.service.load_balancer;
  CHECK(group.name == "web-tg");
  CHECK(group.path == "/health/ready");
  CHECK(group.port == 8081);
  CHECK(group.interval == sim::seconds(10));
  CHECK(group.timeout == sim::seconds(4));
  CHECK(group.healthy_threshold == 2);
  CHECK(group.unhealthy_threshold == 3);
  CHECK(group.matcher == std::vector<int>{200, 201, 202, 203, 204, 302});
  CHECK(group.deregistration_delay == sim::seconds(30));
  CHECK(loaded.ignored == std::vector<std::string>{"/targetGroup/TargetGroups/0/Protocol"});
}

TEST_CASE("an empty target group has ALB's defaults and checks the traffic port", "[scenario]") {
  const sim::model::TargetGroupHealthCheck group =
      target_group(R"({"HealthCheckPort": "traffic-port"})");
  CHECK(group.port == 0);
  CHECK(group.path == "/");
  CHECK(group.interval == sim::seconds(30));
  CHECK(group.healthy_threshold == 5);
  CHECK(group.matcher == std::vector<int>{200});
  CHECK(group.deregistration_delay == sim::seconds(300));
}

TEST_CASE("a negative target-group interval is out of ELBv2's 5-300 s range", "[scenario]") {
  CHECK(load_error(with_target_group(R"({"HealthCheckIntervalSeconds": -10})")) ==
        "test.json:2:49: at /targetGroup/HealthCheckIntervalSeconds: expected a number of "
        "seconds 5-300, found -10");
}

TEST_CASE("a target-group timeout must be shorter than the interval", "[scenario]") {
  CHECK(load_error(with_target_group(
            R"({"HealthCheckIntervalSeconds": 10, "HealthCheckTimeoutSeconds": 10})")) ==
        "test.json:2:82: at /targetGroup/HealthCheckTimeoutSeconds: expected a number of "
        "seconds 2-120 and less than HealthCheckIntervalSeconds (10 s), found 10");
  CHECK(load_error(with_target_group(R"({"HealthCheckIntervalSeconds": 5})")) ==
        "test.json:2:49: at /targetGroup/HealthCheckIntervalSeconds: expected a number of "
        "seconds 5-300 and more than the default timeout (5 s), found 5");
}

TEST_CASE("thresholds outside 2-10 and bad matcher codes are refused", "[scenario]") {
  CHECK(load_error(with_target_group(R"({"HealthyThresholdCount": 1})")) ==
        "test.json:2:44: at /targetGroup/HealthyThresholdCount: expected an integer 2-10, "
        "found 1");
  CHECK(load_error(with_target_group(R"({"Matcher": {"HttpCode": "200-"}})")) ==
        "test.json:2:43: at /targetGroup/Matcher/HttpCode: expected HTTP codes 200-499 as "
        "\"200\", \"200-299\" or \"200,302\", found \"200-\"");
}

}  // namespace harness::scenario
