#include "harness/readers/terraform_autoscaling.h"

#include <string>
#include <utility>

namespace harness::readers {

using nlohmann::json;

void read_terraform_autoscaling(const std::vector<const TfResource*>& targets,
                                const std::vector<const TfResource*>& policies, ConfigSections& sections,
                                AttributeCopier& copier) {
  for (const TfResource* r : targets) {
    SectionWriter writer(sections, copier.source(), r->address);
    const std::string to = "/scalableTargets/" + std::to_string(sections.scalable_targets.size());
    json target = json::object();
    writer.origin(to, r->after_pointer);
    for (const auto& [from, field] : Fields{{"service_namespace", "/ServiceNamespace"},
                                      {"scalable_dimension", "/ScalableDimension"}, {"resource_id", "/ResourceId"},
                                      {"min_capacity", "/MinCapacity"}, {"max_capacity", "/MaxCapacity"}})
      copier.put(writer, target, to, *r, *r->after, r->after_pointer, from, field);
    if (const json* suspended = block(*r->after, "suspended_state")) {
      const std::string sp = r->after_pointer + "/suspended_state/0";
      for (const auto& [from, field] : Fields{{"dynamic_scaling_in_suspended", "/SuspendedState/DynamicScalingInSuspended"},
                                        {"dynamic_scaling_out_suspended", "/SuspendedState/DynamicScalingOutSuspended"},
                                        {"scheduled_scaling_suspended", "/SuspendedState/ScheduledScalingSuspended"}})
        copier.put(writer, target, to, *r, *suspended, sp, from, field);
    }
    sections.scalable_targets.push_back(std::move(target));
  }
  for (const TfResource* r : policies) {
    SectionWriter writer(sections, copier.source(), r->address);
    const std::string to = "/scalingPolicies/" + std::to_string(sections.scaling_policies.size());
    json policy = {{"PolicyName", r->after->value("name", r->address)}};
    writer.origin(to, r->after_pointer);
    for (const auto& [from, field] : Fields{{"name", "/PolicyName"}, {"policy_type", "/PolicyType"},
                                      {"service_namespace", "/ServiceNamespace"},
                                      {"scalable_dimension", "/ScalableDimension"}, {"resource_id", "/ResourceId"}})
      copier.put(writer, policy, to, *r, *r->after, r->after_pointer, from, field);
    // The provider's default policy_type is StepScaling.
    if (!policy.contains("PolicyType")) policy["PolicyType"] = "StepScaling";
    if (const json* tracking = block(*r->after, "target_tracking_scaling_policy_configuration")) {
      const std::string tp = r->after_pointer + "/target_tracking_scaling_policy_configuration/0";
      const std::string c = "/TargetTrackingScalingPolicyConfiguration";
      for (const auto& [from, field] : Fields{{"target_value", "/TargetValue"}, {"scale_in_cooldown", "/ScaleInCooldown"},
                                        {"scale_out_cooldown", "/ScaleOutCooldown"}, {"disable_scale_in", "/DisableScaleIn"}})
        copier.put(writer, policy, to, *r, *tracking, tp, from, c + field);
      if (const json* metric = block(*tracking, "predefined_metric_specification")) {
        const std::string mp = tp + "/predefined_metric_specification/0";
        copier.put(writer, policy, to, *r, *metric, mp, "predefined_metric_type",
            c + "/PredefinedMetricSpecification/PredefinedMetricType");
        if (metric->value("resource_label", "") != "")
          copier.put(writer, policy, to, *r, *metric, mp, "resource_label", c + "/PredefinedMetricSpecification/ResourceLabel");
      }
      if (block(*tracking, "customized_metric_specification"))
        policy[json::json_pointer(c + "/CustomizedMetricSpecification")] = json::object();
    }
    sections.scaling_policies.push_back(std::move(policy));
  }
}

}  // namespace harness::readers
