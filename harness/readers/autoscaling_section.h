// The scenario's `autoscaling` section from the Application Auto Scaling the readers found: a
// plan's aws_appautoscaling_target and aws_appautoscaling_policy, a template's
// AWS::ApplicationAutoScaling::ScalableTarget and ScalingPolicy (CDK's autoScaleTaskCount too),
// a live export's describe-scalable-targets and describe-scaling-policies answers. Each reader
// writes them in the shapes the AWS CLI prints (ConfigSections::scalable_targets and
// scaling_policies); this keeps what deploysim can play (ecs-rules §13) and says why of the rest:
//   - only what scales the chosen service's desiredCount (ResourceId "service/<cluster>/<name>",
//     ScalableDimension ecs:service:DesiredCount; a ResourceId unknown until apply is taken as
//     the service's, said so);
//   - one scalable target (Application Auto Scaling keeps one per resource and dimension);
//   - target-tracking policies on ECSServiceAverageCPUUtilization,
//     ECSServiceAverageMemoryUtilization or ALBRequestCountPerTarget (with a known ResourceLabel);
//     step scaling and customized metrics are reported, not simulated;
//   - a target without a policy deploysim plays, or policies without a target, scale nothing:
//     left out, said so.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "harness/readers/config_sections.h"

namespace harness::readers {

// "service/<cluster>/<serviceName>" of a service section (cluster or clusterArn, a name or an
// ARN; ECS's "default" when absent).
std::string scalable_resource_id(const nlohmann::json& service);

// The `autoscaling` section for `found`'s service ({"ScalableTargets": [1], "ScalingPolicies":
// [...]}), or nullopt when nothing of it is played. Origins of what is kept move from
// "/scalableTargets/N" and "/scalingPolicies/N" to their place under "/autoscaling"; what is left
// out, and why, goes to `story`.
std::optional<nlohmann::json> autoscaling_section(const ConfigSections& found, OriginMap& origins,
                                                  std::vector<std::string>& story);

}  // namespace harness::readers
