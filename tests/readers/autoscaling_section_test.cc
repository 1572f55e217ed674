// What of the Application Auto Scaling the readers found goes into the scenario
// (harness/readers/autoscaling_section.h): the service's target and the policies deploysim plays.
#include "harness/readers/autoscaling_section.h"

#include <catch2/catch.hpp>

using harness::readers::autoscaling_section;
using harness::readers::ConfigSections;
using harness::readers::OriginMap;
using harness::readers::scalable_resource_id;
using nlohmann::json;

namespace {

json target(const std::string& resource_id, int min, int max) {
  return {{"ServiceNamespace", "ecs"}, {"ScalableDimension", "ecs:service:DesiredCount"},
          {"ResourceId", resource_id}, {"MinCapacity", min}, {"MaxCapacity", max}};
}

json cpu_policy(const std::string& name, const std::string& resource_id) {
  return {{"PolicyName", name},
          {"PolicyType", "TargetTrackingScaling"},
          {"ResourceId", resource_id},
          {"TargetTrackingScalingPolicyConfiguration",
           {{"TargetValue", 50}, {"PredefinedMetricSpecification", {{"PredefinedMetricType", "ECSServiceAverageCPUUtilization"}}}}}};
}

ConfigSections found() {
  ConfigSections s;
  s.service = {{"serviceName", "web"}, {"cluster", "arn:aws:ecs:eu-west-1:123456789012:cluster/shop"}};
  return s;
}

bool told(const std::vector<std::string>& story, const std::string& words) {
  for (const std::string& line : story)
    if (line.find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST_CASE("the resource id is service/<cluster name>/<service name>, the cluster from an ARN or absent") {
  CHECK(scalable_resource_id(found().service) == "service/shop/web");
  CHECK(scalable_resource_id({{"serviceName", "api"}, {"clusterArn", "arn:aws:ecs:us-east-1:1:cluster/prod"}}) ==
        "service/prod/api");
  CHECK(scalable_resource_id({{"serviceName", "api"}}) == "service/default/api");
}

TEST_CASE("the service's target and its target-tracking policy are kept; another service's are left out, said so") {
  ConfigSections s = found();
  s.scalable_targets = json::array({target("service/shop/worker", 1, 3), target("service/shop/web", 2, 9)});
  s.scaling_policies = json::array({cpu_policy("worker-cpu", "service/shop/worker"), cpu_policy("web-cpu", "service/shop/web")});
  OriginMap origins;
  std::vector<std::string> story;
  const std::optional<json> section = autoscaling_section(s, origins, story);
  REQUIRE(section);
  CHECK((*section)["ScalableTargets"] == json::array({target("service/shop/web", 2, 9)}));
  REQUIRE((*section)["ScalingPolicies"].size() == 1);
  CHECK((*section)["ScalingPolicies"][0]["PolicyName"] == "web-cpu");
  CHECK(told(story, "scalable target service/shop/worker: not this service's desiredCount"));
  CHECK(told(story, "scaling policy worker-cpu scales service/shop/worker, not this service"));
}

TEST_CASE("step scaling, customized metrics and an ALB policy whose target group is unknown are not played, each said why") {
  ConfigSections s = found();
  s.scalable_targets = json::array({target("service/shop/web", 1, 4)});
  json step = {{"PolicyName", "step"}, {"PolicyType", "StepScaling"}};
  json custom = cpu_policy("custom", "service/shop/web");
  custom["TargetTrackingScalingPolicyConfiguration"]["CustomizedMetricSpecification"] = json::object();
  json alb = cpu_policy("alb", "service/shop/web");
  alb["TargetTrackingScalingPolicyConfiguration"]["PredefinedMetricSpecification"] = {
      {"PredefinedMetricType", "ALBRequestCountPerTarget"}, {"ResourceLabel", "${Listener.LoadBalancerFullName}"}};
  s.scaling_policies = json::array({step, custom, alb});
  OriginMap origins;
  std::vector<std::string> story;
  CHECK_FALSE(autoscaling_section(s, origins, story));
  CHECK(told(story, "scaling policy step: read, not simulated (PolicyType StepScaling is not simulated)"));
  CHECK(told(story, "scaling policy custom: read, not simulated (a customized metric is not simulated)"));
  CHECK(told(story, "scaling policy alb: read, not simulated (its ResourceLabel (which target group) is not known here)"));
  CHECK(told(story, "scalable target service/shop/web: no target-tracking policy deploysim plays"));
}

TEST_CASE("a resource id unknown until apply is taken as the service's and left out of the section") {
  ConfigSections s = found();
  json unknown = target("", 2, 5);
  unknown.erase("ResourceId");
  json unresolved = cpu_policy("web-cpu", "service/${Cluster}/web");
  s.scalable_targets = json::array({unknown});
  s.scaling_policies = json::array({unresolved});
  OriginMap origins;
  std::vector<std::string> story;
  const std::optional<json> section = autoscaling_section(s, origins, story);
  REQUIRE(section);
  CHECK_FALSE((*section)["ScalableTargets"][0].contains("ResourceId"));
  CHECK_FALSE((*section)["ScalingPolicies"][0].contains("ResourceId"));
  CHECK(told(story, "its ResourceId is unknown here, taken as service/shop/web"));
}

TEST_CASE("policies without a scalable target scale nothing: left out, said so") {
  ConfigSections s = found();
  s.scaling_policies = json::array({cpu_policy("web-cpu", "service/shop/web")});
  OriginMap origins;
  std::vector<std::string> story;
  CHECK_FALSE(autoscaling_section(s, origins, story));
  CHECK(told(story, "scaling policy web-cpu: no scalable target for the service"));
}
