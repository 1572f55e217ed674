#include "harness/readers/autoscaling_section.h"

#include <algorithm>

namespace harness::readers {
namespace {

using nlohmann::json;

// A ResourceId the configuration states: not unknown until apply, not an unresolved "${...}".
bool known_id(const json& element) {
  return element.contains("ResourceId") && element["ResourceId"].is_string() &&
         element["ResourceId"].get<std::string>().find("${") == std::string::npos;
}

// Empty when `element` is about `resource_id` (or does not say), else what it scales instead.
std::string scales_other(const json& element, const std::string& resource_id) {
  if (element.value("ServiceNamespace", "ecs") != "ecs") return element.value("ServiceNamespace", "");
  if (element.value("ScalableDimension", "ecs:service:DesiredCount") != "ecs:service:DesiredCount")
    return element.value("ScalableDimension", "");
  if (known_id(element) && element["ResourceId"].get<std::string>() != resource_id)
    return element["ResourceId"].get<std::string>();
  return "";
}

// Without it the element is taken as the service's: unknown until apply, or left unresolved.
json with_known_id(json element) {
  if (!known_id(element)) element.erase("ResourceId");
  return element;
}

// Empty when deploysim plays `policy`, else why not.
std::string unplayed(const json& policy) {
  const std::string type = policy.value("PolicyType", "");
  if (type != "TargetTrackingScaling") return "PolicyType " + (type.empty() ? "absent" : type) + " is not simulated";
  const json configuration = policy.value("TargetTrackingScalingPolicyConfiguration", json::object());
  if (configuration.contains("CustomizedMetricSpecification")) return "a customized metric is not simulated";
  const json metric = configuration.value("PredefinedMetricSpecification", json::object());
  const std::string name = metric.value("PredefinedMetricType", "");
  if (name != "ECSServiceAverageCPUUtilization" && name != "ECSServiceAverageMemoryUtilization" &&
      name != "ALBRequestCountPerTarget")
    return "metric " + (name.empty() ? "absent" : name) + " is not simulated";
  const json label = metric.value("ResourceLabel", json());
  if (name == "ALBRequestCountPerTarget" &&
      (!label.is_string() || label.get<std::string>().find("${") != std::string::npos))
    return "its ResourceLabel (which target group) is not known here";
  return "";
}

std::string policy_name(const json& policy) { return policy.value("PolicyName", std::string("(unnamed)")); }

}  // namespace

std::string scalable_resource_id(const json& service) {
  // create-service's "cluster" (a name or an ARN), or describe-services' "clusterArn".
  std::string cluster = service.value("cluster", service.value("clusterArn", std::string("default")));
  if (const std::size_t slash = cluster.rfind('/'); slash != std::string::npos) cluster = cluster.substr(slash + 1);
  return "service/" + cluster + "/" + service.value("serviceName", std::string());
}

std::optional<json> autoscaling_section(const ConfigSections& found, OriginMap& origins, std::vector<std::string>& story) {
  const std::string resource_id = scalable_resource_id(found.service);
  std::optional<std::size_t> target;
  for (std::size_t i = 0; i < found.scalable_targets.size(); ++i) {
    const json& candidate = found.scalable_targets[i];
    if (const std::string other = scales_other(candidate, resource_id); !other.empty()) {
      story.push_back("scalable target " + other + ": not this service's desiredCount (" + resource_id + "): left out");
    } else if (target) {
      story.push_back("a second scalable target for " + resource_id +
                      ": Application Auto Scaling keeps one per service; the first is played");
    } else {
      target = i;
    }
  }
  std::vector<std::size_t> policies;
  for (std::size_t i = 0; i < found.scaling_policies.size(); ++i) {
    const json& policy = found.scaling_policies[i];
    if (const std::string other = scales_other(policy, resource_id); !other.empty())
      story.push_back("scaling policy " + policy_name(policy) + " scales " + other + ", not this service: left out");
    else if (const std::string why = unplayed(policy); !why.empty())
      story.push_back("scaling policy " + policy_name(policy) + ": read, not simulated (" + why + ")");
    else
      policies.push_back(i);
  }
  if (!target || policies.empty()) {
    if (target)
      story.push_back("scalable target " + resource_id + ": no target-tracking policy deploysim plays, so desiredCount "
                      "stays as the service says");
    for (std::size_t i : policies)
      story.push_back("scaling policy " + policy_name(found.scaling_policies[i]) +
                      ": no scalable target for the service in this configuration: not simulated");
    return std::nullopt;
  }
  json section = {{"ScalableTargets", json::array({with_known_id(found.scalable_targets[*target])})},
                  {"ScalingPolicies", json::array()}};
  origins.add_moved(found.origins, "/scalableTargets/" + std::to_string(*target), "/autoscaling/ScalableTargets/0");
  if (!known_id(found.scalable_targets[*target]))
    story.push_back("scalable target: its ResourceId is unknown here, taken as " + resource_id);
  std::string names;
  for (std::size_t i : policies) {
    const std::string to = "/autoscaling/ScalingPolicies/" + std::to_string(section["ScalingPolicies"].size());
    section["ScalingPolicies"].push_back(with_known_id(found.scaling_policies[i]));
    origins.add_moved(found.origins, "/scalingPolicies/" + std::to_string(i), to);
    names += (names.empty() ? "" : ", ") + policy_name(found.scaling_policies[i]);
  }
  const json& chosen = found.scalable_targets[*target];
  story.push_back("autoscaling: " + names + " (target tracking) between " +
                  chosen.value("MinCapacity", json()).dump() + " and " + chosen.value("MaxCapacity", json()).dump() +
                  " tasks, played by the simulator (per-task CPU and memory come from the derived app profiles: refine "
                  "them)");
  return section;
}

}  // namespace harness::readers
