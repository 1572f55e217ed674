// What one reader found in the user's configuration, already in the ECS-native shapes the
// scenario loader reads (scenarios/README.md): `service` as describe-services prints one,
// `targetGroup` as describe-target-groups (plus DeregistrationDelaySeconds), task definitions as
// describe-task-definition, `alarms` as describe-alarms' MetricAlarms. Every value carries its
// origin in the user's file (origin_map.h); what could not be read — a value unknown until apply,
// an intrinsic left unresolved, a resource read but not simulated — is a note, never a guess.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/readers/origin_map.h"

namespace harness::readers {

struct ConfigSections {
  std::string format;          // "Terraform plan", "CloudFormation template", "ecspresso", ...
  std::string file;            // the file (or directory) as the user named it
  nlohmann::json service;      // the service, ECS-native
  std::optional<nlohmann::json> target_group;
  // What runs before the change (a plan's `before`, the live service's revision), when the
  // source knows; and what the configuration deploys.
  std::optional<nlohmann::json> running_task_definition;
  nlohmann::json deployed_task_definition;
  nlohmann::json alarms = nlohmann::json::array();
  // Application Auto Scaling of any service, as describe-scalable-targets and
  // describe-scaling-policies print them, with origins at "/scalableTargets/N/..." and
  // "/scalingPolicies/N/..."; autoscaling_section.h keeps what scales the chosen service.
  nlohmann::json scalable_targets = nlohmann::json::array();
  nlohmann::json scaling_policies = nlohmann::json::array();
  std::vector<std::string> notes;
  // Keys are pointers of the generated scenario: "/service/...", "/targetGroup/...",
  // "/alarms/N/...", for task definitions "/running/..." and "/deployed/..." (the scenario
  // builder moves them to "/taskDefinitions/N"), "/scalableTargets/N/...", "/scalingPolicies/N/...".
  OriginMap origins;
};

// Writes values into a ConfigSections section and records where each came from.
class SectionWriter {
 public:
  SectionWriter(ConfigSections& sections, SourcePtr source, std::string resource)
      : sections_(sections), source_(std::move(source)), resource_(std::move(resource)) {}

  // Records `source_pointer` as the origin of the generated `scenario_pointer` (no value written).
  void origin(const std::string& scenario_pointer, const std::string& source_pointer);

  // `value` copied with each object key's first letter lowercased (CloudFormation's
  // "ContainerDefinitions" is the API's "containerDefinitions"); every node's origin recorded.
  // Keys inside maps of user data (DockerLabels, log Options) change too: the loader ignores them.
  nlohmann::json camel_case(const nlohmann::json& value, const std::string& scenario_pointer,
                            const std::string& source_pointer);

  // The same copy with keys unchanged (ECS-native JSON, Terraform's container_definitions).
  nlohmann::json as_is(const nlohmann::json& value, const std::string& scenario_pointer,
                       const std::string& source_pointer);

  const SourcePtr& source() const { return source_; }
  const std::string& resource() const { return resource_; }

 private:
  nlohmann::json copy(const nlohmann::json& value, const std::string& scenario_pointer,
                      const std::string& source_pointer, bool camel);
  ConfigSections& sections_;
  SourcePtr source_;
  std::string resource_;
};

}  // namespace harness::readers
