// The "autoscaling" section: describe-scalable-targets and describe-scaling-policies pasted in,
// and the traffic changes and app CPU that feed its metrics.
#include <catch2/catch.hpp>

#include "harness/scenario/scenario_loader.h"
#include "tests/scenario/load_error.h"

namespace harness::scenario {
namespace {

using testing::load_error;

// A service "web" in cluster "prod" whose "autoscaling" is `section`, on line 2.
std::string with_autoscaling(const std::string& section, const std::string& traffic = "") {
  return R"({
  "autoscaling": )" +
         section + R"(,
  "service": {"serviceName": "web", "cluster": "prod", "desiredCount": 2},
  "taskDefinitions": [{"family": "web", "cpu": "256", "memory": "512",
    "containerDefinitions": [{"name": "app", "image": "web:1"}]}],
  "deploy": {"taskDefinition": "web:1"},
  "apps": {"web:1": {"cpuIdleUnits": 12, "cpuMsPerRequest": 2.5}})" +
         traffic + "\n}";
}

const std::string kTarget = R"({"ScalableTargets": [{"ServiceNamespace": "ecs", "ResourceId": "service/prod/web",
    "ScalableDimension": "ecs:service:DesiredCount", "MinCapacity": 2, "MaxCapacity": 8,
    "RoleARN": "arn:aws:iam::1:role/x", "SuspendedState": {"DynamicScalingInSuspended": true}}],
  "ScalingPolicies": [)";

}  // namespace

TEST_CASE("pasted describe-scalable-targets and describe-scaling-policies answers are read", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_autoscaling(kTarget + R"({"PolicyName": "cpu60",
      "PolicyARN": "arn:aws:autoscaling:us-east-1:1:scalingPolicy:x", "PolicyType": "TargetTrackingScaling",
      "ResourceId": "service/prod/web",
      "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 60.5,
        "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"},
        "ScaleOutCooldown": 60, "DisableScaleIn": true},
      "Alarms": [{"AlarmName": "TargetTracking-service/prod/web-AlarmHigh-d4f0", "AlarmARN": "a"},
                 {"AlarmName": "TargetTracking-service/prod/web-AlarmLow-1b43", "AlarmARN": "b"}]}]})"),
                                           "t.json");
  const sim::model::ServiceAutoScaling& a = *loaded.scenario.autoscaling;
  CHECK(a.target.min_capacity == 2);
  CHECK(a.target.max_capacity == 8);
  CHECK(a.target.dynamic_scaling_in_suspended);
  CHECK_FALSE(a.target.dynamic_scaling_out_suspended);
  REQUIRE(a.policies.size() == 1);
  const sim::model::TargetTrackingPolicy& p = a.policies[0];
  CHECK(p.name == "cpu60");
  CHECK(p.metric == sim::model::ScalingMetric::ecs_cpu);
  CHECK(p.target_value_thousandths == 60'500);
  CHECK(p.scale_out_cooldown == sim::seconds(60));
  CHECK(p.scale_in_cooldown == sim::seconds(300));  // ECS's default
  CHECK(p.disable_scale_in);
  CHECK(p.alarm_high == "TargetTracking-service/prod/web-AlarmHigh-d4f0");
  CHECK(p.alarm_low == "TargetTracking-service/prod/web-AlarmLow-1b43");
  CHECK(loaded.scenario.apps.at("web:1").cpu_idle_units == 12);
  CHECK(loaded.scenario.apps.at("web:1").cpu_micros_per_request == 2'500);
  CHECK(loaded.ignored == std::vector<std::string>{"/autoscaling/ScalableTargets/0/RoleARN",
                                                   "/autoscaling/ScalingPolicies/0/Alarms/0/AlarmARN",
                                                   "/autoscaling/ScalingPolicies/0/Alarms/1/AlarmARN",
                                                   "/autoscaling/ScalingPolicies/0/PolicyARN"});
}

TEST_CASE("a policy without Alarms gets alarm names as Application Auto Scaling makes them", "[scenario]") {
  const Loaded loaded = load_scenario_text(with_autoscaling(kTarget + R"({"PolicyName": "mem", "PolicyType": "TargetTrackingScaling",
      "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 70,
        "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageMemoryUtilization"}}}]})"),
                                           "t.json");
  const sim::model::TargetTrackingPolicy& p = loaded.scenario.autoscaling->policies.at(0);
  CHECK(p.metric == sim::model::ScalingMetric::ecs_memory);
  CHECK(p.alarm_high == "TargetTracking-service/prod/web-AlarmHigh");
  CHECK(p.alarm_low == "TargetTracking-service/prod/web-AlarmLow");
}

TEST_CASE("autoscaling errors name the field, its position and what was expected", "[scenario]") {
  const std::string policy_head = R"({"PolicyName": "p", "PolicyType": )";
  CHECK(load_error(with_autoscaling(kTarget + policy_head + R"("StepScaling"}]})")) ==
        "test.json:5:57: at /autoscaling/ScalingPolicies/0/PolicyType: expected one of \"TargetTrackingScaling\", "
        "found \"StepScaling\"");
  CHECK(load_error(with_autoscaling(R"({"ScalableTargets": [{"ResourceId": "service/default/web", "MinCapacity": 1,
    "MaxCapacity": 2}], "ScalingPolicies": []})")) ==
        "test.json:2:54: at /autoscaling/ScalableTargets/0/ResourceId: expected \"service/prod/web\" (the scenario's "
        "service), found \"service/default/web\"");
  CHECK(load_error(with_autoscaling(R"({"ScalableTargets": [{"MinCapacity": 5, "MaxCapacity": 2}],
    "ScalingPolicies": []})")) ==
        "test.json:2:73: at /autoscaling/ScalableTargets/0/MaxCapacity: expected an integer 5-100000, found 2");
  CHECK(load_error(with_autoscaling(kTarget + policy_head + R"("TargetTrackingScaling",
      "TargetTrackingScalingPolicyConfiguration": {"TargetValue": 100,
        "PredefinedMetricSpecification": {"PredefinedMetricType": "ALBRequestCountPerTarget"}}}]})")) ==
        "test.json:7:42: at /autoscaling/ScalingPolicies/0/TargetTrackingScalingPolicyConfiguration/"
        "PredefinedMetricSpecification/ResourceLabel: expected a non-empty string, found nothing (it is required)");
}

TEST_CASE("traffic changes must come in time order", "[scenario]") {
  const std::string no_scaling = R"({"ScalableTargets": [{"MinCapacity": 1, "MaxCapacity": 2}], "ScalingPolicies": [{
    "PolicyName": "p", "PolicyType": "TargetTrackingScaling", "TargetTrackingScalingPolicyConfiguration": {
    "TargetValue": 50, "PredefinedMetricSpecification": {"PredefinedMetricType": "ECSServiceAverageCPUUtilization"}}}]})";
  const Loaded loaded = load_scenario_text(
      with_autoscaling(no_scaling, R"(,
  "traffic": {"requestsPerSecond": 10, "changes": [{"atSeconds": 60, "requestsPerSecond": 40}]})"),
      "t.json");
  REQUIRE(loaded.scenario.traffic->changes.size() == 1);
  CHECK(loaded.scenario.traffic->rate_at(sim::seconds(60)) == 40);
  CHECK(load_error(with_autoscaling(no_scaling, R"(,
  "traffic": {"requestsPerSecond": 10, "changes": [{"atSeconds": 60, "requestsPerSecond": 40},
    {"atSeconds": 30, "requestsPerSecond": 5}]})")) ==
        "test.json:11:19: at /traffic/changes/1/atSeconds: expected a time after the previous change's (changes are "
        "in time order), found 30");
}

}  // namespace harness::scenario
