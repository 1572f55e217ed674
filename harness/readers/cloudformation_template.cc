#include "harness/readers/cloudformation_template.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <functional>
#include <initializer_list>
#include <iterator>
#include <map>
#include <string_view>
#include <vector>

#include "harness/readers/cloudformation_intrinsics.h"
#include "harness/readers/service_choice.h"
#include "harness/scenario/position_index.h"

namespace harness::readers {
namespace {

using nlohmann::json;

// CloudFormation takes numeric properties written as strings ("DesiredCount": "2", "TargetValue":
// "70.5"); the scenario loader wants numbers where the ECS and Application Auto Scaling APIs have
// them. Every member of `value`, at any depth, for which `numeric(object, key)` holds and whose
// string is a whole finite number becomes that number: an integer when it is one (so an integer
// field written "1.5" still fails in the loader, at its position), else a double.
void numbers_from_strings(json& value, const std::function<bool(const json& object, const std::string& key)>& numeric) {
  if (value.is_array())
    for (json& element : value) numbers_from_strings(element, numeric);
  if (!value.is_object()) return;
  for (auto& [key, member] : value.items()) {
    if (!member.is_string() || !numeric(value, key)) {
      numbers_from_strings(member, numeric);
      continue;
    }
    const std::string text = member.get<std::string>();
    char* end = nullptr;
    const double number = std::strtod(text.c_str(), &end);
    if (text.empty() || std::isspace(static_cast<unsigned char>(text[0])) || *end != '\0' || !std::isfinite(number))
      continue;
    constexpr double kExactIntegers = 9007199254740992.0;  // 2^53: every integer below is a double exactly
    member = number == std::trunc(number) && std::fabs(number) < kExactIntegers ? json(static_cast<long long>(number))
                                                                                 : json(number);
  }
}

// The integer fields of ECS's service and task definition that the scenario loader reads.
bool ecs_integer_field(const json& object, const std::string& key) {
  static const char* const fields[] = {"desiredCount", "healthCheckGracePeriodSeconds", "minimumHealthyPercent",
                                       "maximumPercent", "containerPort", "hostPort", "memoryReservation",
                                       "interval", "timeout", "retries", "startPeriod", "startTimeout",
                                       "stopTimeout", "bakeTimeInMinutes"};
  return std::find(std::begin(fields), std::end(fields), key) != std::end(fields) ||
         (key == "memory" && object.contains("image"));  // a container's, not the task's
}

// The named members only (Application Auto Scaling's capacities, target value and cooldowns).
std::function<bool(const json&, const std::string&)> members_named(std::initializer_list<std::string_view> names) {
  return [fields = std::vector<std::string_view>(names)](const json&, const std::string& key) {
    return std::find(fields.begin(), fields.end(), key) != fields.end();
  };
}

std::string resource_pointer(const std::string& id) { return "/Resources/" + scenario::pointer_token(id); }

class TemplateReader {
 public:
  TemplateReader(const SourcePtr& source, const ReadOptions& options)
      : source_(source),
        options_(options),
        resources_(source->root()["Resources"]),
        resolver_(*source, options.parameters, sections_.notes) {
    sections_.format = "CloudFormation template";
    sections_.file = source->name();
  }

  ConfigSections read() {
    const std::string service_id = choose_service();
    read_service(service_id);
    read_task_definition(service_id);
    read_target_group(service_id);
    read_alarms(service_id);
    read_autoscaling();
    return std::move(sections_);
  }

 private:
  // How messages name a resource: its logical id, and for `cdk synth` output the construct path
  // the CDK records in Metadata (what the user wrote in code).
  std::string label(const std::string& id) const {
    const json& resource = resources_[id];
    if (resource.contains("Metadata") && resource["Metadata"].is_object() &&
        resource["Metadata"].contains("aws:cdk:path") && resource["Metadata"]["aws:cdk:path"].is_string())
      return id + " [" + resource["Metadata"]["aws:cdk:path"].get<std::string>() + "]";
    return id;
  }

  std::vector<std::string> ids_of(const std::string& type) const {
    std::vector<std::string> ids;
    for (const auto& [id, resource] : resources_.items())
      if (resource.is_object() && resource.value("Type", "") == type) ids.push_back(id);
    return ids;
  }

  json properties(const std::string& id) {
    const json& resource = resources_[id];
    if (!resource.is_object())
      source_->fail(resource_pointer(id), resource_pointer(id), "a resource: an object with Type and Properties",
                    resource.dump());
    if (!resource.contains("Properties")) return json::object();
    if (!resource["Properties"].is_object())
      source_->fail(resource_pointer(id) + "/Properties", resource_pointer(id) + "/Properties", "an object",
                    resource["Properties"].dump());
    return resolver_.resolve(resource["Properties"], resource_pointer(id) + "/Properties");
  }

  std::string choose_service() {
    std::vector<ServiceCandidate> candidates;
    for (const std::string& id : ids_of("AWS::ECS::Service")) {
      const json props = properties(id);
      candidates.push_back({props.contains("ServiceName") && props["ServiceName"].is_string()
                                ? props["ServiceName"].get<std::string>()
                                : id,
                            id});
    }
    return choose_service_candidate(*source_, "/Resources", "an AWS::ECS::Service resource", candidates,
                                    options_.service);
  }

  void read_service(const std::string& id) {
    SectionWriter writer(sections_, source_, label(id));
    const std::string base = resource_pointer(id) + "/Properties";
    json service = writer.camel_case(properties(id), "/service", base);
    if (!service.contains("serviceName")) {
      service["serviceName"] = id;
      sections_.notes.push_back(id + ": no ServiceName; CloudFormation generates one, the logical id stands for it");
    }
    if (!service.contains("desiredCount")) {
      service["desiredCount"] = 1;
      sections_.notes.push_back(id + ": no DesiredCount; ECS starts a new service with 1 (AWS::ECS::Service docs)");
    }
    service.erase("taskDefinition");
    numbers_from_strings(service, ecs_integer_field);
    if (service.contains("capacityProviderStrategy"))
      sections_.notes.push_back(id + ": CapacityProviderStrategy is not simulated; the tasks run as FARGATE");
    sections_.service = std::move(service);
  }

  const json& raw_property(const std::string& id, const std::string& name) const {
    static const json none;
    const json& resource = resources_[id];
    if (!resource.contains("Properties") || !resource["Properties"].contains(name)) return none;
    return resource["Properties"][name];
  }

  void read_task_definition(const std::string& service_id) {
    const json& reference = raw_property(service_id, "TaskDefinition");
    const std::optional<std::string> id = resolver_.referenced_resource(reference);
    const std::string at = resource_pointer(service_id) + "/Properties/TaskDefinition";
    if (!id || resources_[*id].value("Type", "") != "AWS::ECS::TaskDefinition")
      source_->fail(at, service_id + " TaskDefinition",
                    "a Ref to an AWS::ECS::TaskDefinition of this template (deploysim needs its containers)",
                    reference.is_null() ? "nothing" : reference.dump());
    SectionWriter writer(sections_, source_, label(*id));
    json definition = writer.camel_case(properties(*id), "/deployed", resource_pointer(*id) + "/Properties");
    if (!definition.contains("family")) {
      definition["family"] = *id;
      sections_.notes.push_back(*id + ": no Family; CloudFormation generates one, the logical id stands for it");
    }
    definition["revision"] = options_.revision;
    numbers_from_strings(definition["containerDefinitions"], ecs_integer_field);
    sections_.deployed_task_definition = std::move(definition);
  }

  void read_target_group(const std::string& service_id) {
    json& service = sections_.service;
    if (!service.contains("loadBalancers") || !service["loadBalancers"].is_array() || service["loadBalancers"].empty())
      return;
    const std::string at = resource_pointer(service_id) + "/Properties/LoadBalancers/0/TargetGroupArn";
    const json& raw = raw_property(service_id, "LoadBalancers");
    const std::optional<std::string> id =
        raw.is_array() && !raw.empty() && raw[0].contains("TargetGroupArn")
            ? resolver_.referenced_resource(raw[0]["TargetGroupArn"])
            : std::nullopt;
    if (!id) {
      const scenario::TextPosition p = source_->position(at);
      sections_.notes.push_back(source_->name() + ":" + std::to_string(p.line) + ":" + std::to_string(p.column) +
                                ": the load balancer's target group is not in this template: its health check is "
                                "unknown, so the load balancer is left out");
      service.erase("loadBalancers");
      return;
    }
    SectionWriter writer(sections_, source_, label(*id));
    const std::string base = resource_pointer(*id) + "/Properties";
    json props = properties(*id);
    json group = writer.as_is(props, "/targetGroup", base);
    group["TargetGroupName"] = props.contains("Name") ? props["Name"] : json(*id);
    if (props.contains("TargetGroupAttributes") && props["TargetGroupAttributes"].is_array()) {
      const json& attributes = props["TargetGroupAttributes"];
      for (std::size_t i = 0; i < attributes.size(); ++i) {
        if (attributes[i].value("Key", "") != "deregistration_delay.timeout_seconds") continue;
        const json value = attributes[i].value("Value", json());
        group["DeregistrationDelaySeconds"] = value.is_string() ? json(std::atoll(value.get<std::string>().c_str())) : value;
        writer.origin("/targetGroup/DeregistrationDelaySeconds", base + "/TargetGroupAttributes/" + std::to_string(i) + "/Value");
      }
    }
    service["loadBalancers"][0]["targetGroupArn"] = group["TargetGroupName"];
    sections_.target_group = std::move(group);
  }

  // The alarms the service's deployment watches; other alarms are reported, not simulated.
  void read_alarms(const std::string& service_id) {
    const json& configuration = raw_property(service_id, "DeploymentConfiguration");
    std::vector<std::string> named;
    if (configuration.is_object() && configuration.contains("Alarms") && configuration["Alarms"].contains("AlarmNames") &&
        configuration["Alarms"]["AlarmNames"].is_array())
      for (const json& name : configuration["Alarms"]["AlarmNames"])
        if (const std::optional<std::string> id = resolver_.referenced_resource(name)) named.push_back(*id);
    for (const std::string& id : ids_of("AWS::CloudWatch::Alarm")) {
      if (std::find(named.begin(), named.end(), id) == named.end()) {
        sections_.notes.push_back(id + ": an alarm the service's deployment does not watch: read, not simulated");
        continue;
      }
      SectionWriter writer(sections_, source_, label(id));
      const std::string pointer = "/alarms/" + std::to_string(sections_.alarms.size());
      json alarm = writer.as_is(properties(id), pointer, resource_pointer(id) + "/Properties");
      if (!alarm.contains("AlarmName")) alarm["AlarmName"] = id;
      sections_.alarms.push_back(std::move(alarm));
    }
  }

  // The named properties of `id`, resolved (others, such as a RoleARN built from pseudo
  // parameters, are not needed and not resolved), with integers written as strings made numbers.
  json resolved(const std::string& id, std::initializer_list<const char*> names) {
    json out = json::object();
    for (const char* name : names) {
      const json& raw = raw_property(id, name);
      if (raw.is_null()) continue;
      out[name] = resolver_.resolve(raw, resource_pointer(id) + "/Properties/" + name);
    }
    return out;
  }

  // AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy of any service, in the shapes
  // the AWS CLI prints; the scenario builder keeps what scales this one (autoscaling_section.h).
  // A policy names its target by ScalingTargetId (a Ref) or by ResourceId and the rest.
  void read_autoscaling() {
    std::map<std::string, json> targets;
    for (const std::string& id : ids_of("AWS::ApplicationAutoScaling::ScalableTarget")) {
      SectionWriter writer(sections_, source_, label(id));
      json target = writer.as_is(resolved(id, {"ServiceNamespace", "ScalableDimension", "ResourceId", "MinCapacity",
                                               "MaxCapacity", "SuspendedState"}),
                                 "/scalableTargets/" + std::to_string(sections_.scalable_targets.size()),
                                 resource_pointer(id) + "/Properties");
      numbers_from_strings(target, members_named({"MinCapacity", "MaxCapacity"}));
      targets[id] = target;
      sections_.scalable_targets.push_back(std::move(target));
    }
    for (const std::string& id : ids_of("AWS::ApplicationAutoScaling::ScalingPolicy")) {
      SectionWriter writer(sections_, source_, label(id));
      json policy = writer.as_is(resolved(id, {"PolicyName", "PolicyType", "ServiceNamespace", "ScalableDimension",
                                               "ResourceId", "TargetTrackingScalingPolicyConfiguration"}),
                                 "/scalingPolicies/" + std::to_string(sections_.scaling_policies.size()),
                                 resource_pointer(id) + "/Properties");
      if (!policy.contains("PolicyName")) policy["PolicyName"] = id;
      if (const std::optional<std::string> target = resolver_.referenced_resource(raw_property(id, "ScalingTargetId")))
        if (const auto it = targets.find(*target); it != targets.end())
          for (const char* key : {"ServiceNamespace", "ScalableDimension", "ResourceId"})
            if (it->second.contains(key)) policy[key] = it->second[key];
      if (policy.contains("TargetTrackingScalingPolicyConfiguration"))
        numbers_from_strings(policy["TargetTrackingScalingPolicyConfiguration"],
                             members_named({"TargetValue", "ScaleInCooldown", "ScaleOutCooldown"}));
      sections_.scaling_policies.push_back(std::move(policy));
    }
  }

  SourcePtr source_;
  const ReadOptions& options_;
  const json& resources_;
  ConfigSections sections_;
  IntrinsicResolver resolver_;
};

}  // namespace

bool looks_like_cloudformation(const json& root) {
  return root.is_object() && root.contains("Resources") && root["Resources"].is_object();
}

ConfigSections read_cloudformation(const SourcePtr& source, const ReadOptions& options) {
  if (!looks_like_cloudformation(source->root()))
    source->fail("", "", "a CloudFormation template (an object with a \"Resources\" object)", "none");
  return TemplateReader(source, options).read();
}

}  // namespace harness::readers
