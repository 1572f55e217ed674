// Application Auto Scaling of the service's desiredCount, as plain data, in the shapes
// `aws application-autoscaling describe-scalable-targets` and `describe-scaling-policies` print
// (field names in comments). Only target tracking on the three predefined ECS metrics is
// modelled (ecs-rules §13); sim/ecs/service_autoscaler.h plays it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/time.h"

namespace sim::model {

// PredefinedMetricSpecification.PredefinedMetricType.
enum class ScalingMetric : std::uint8_t {
  ecs_cpu,           // ECSServiceAverageCPUUtilization: percent of the task definition's cpu
  ecs_memory,        // ECSServiceAverageMemoryUtilization: percent of its reserved memory
  alb_requests,      // ALBRequestCountPerTarget: requests per healthy target per minute
};

// The scalable target `service/<cluster>/<service>`, dimension ecs:service:DesiredCount.
struct ScalableTarget {
  int min_capacity = 0;  // MinCapacity, 0 or more (AWS recommends at least 1 so metrics flow)
  int max_capacity = 0;  // MaxCapacity, >= MinCapacity
  // SuspendedState: each false by default. Scheduled scaling is not modelled, so its flag is
  // read and kept only to be printed back.
  bool dynamic_scaling_in_suspended = false;
  bool dynamic_scaling_out_suspended = false;
  bool scheduled_scaling_suspended = false;
};

// One ScalingPolicies[] element with PolicyType "TargetTrackingScaling".
struct TargetTrackingPolicy {
  std::string name;  // PolicyName
  ScalingMetric metric = ScalingMetric::ecs_cpu;
  std::string resource_label;  // ResourceLabel: app/<lb>/<id>/targetgroup/<tg>/<id> (ALB only)
  // TargetValue x 1000 (fixed point: the simulation has no doubles). Percent for CPU and
  // memory, requests per target per minute for ALBRequestCountPerTarget.
  std::int64_t target_value_thousandths = 0;
  Millis scale_out_cooldown = seconds(300);  // ScaleOutCooldown, default 300 s for ECS
  Millis scale_in_cooldown = seconds(300);   // ScaleInCooldown, default 300 s for ECS
  bool disable_scale_in = false;             // DisableScaleIn, default false
  // The two CloudWatch alarms Application Auto Scaling made for it (Alarms[].AlarmName, the
  // ...-AlarmHigh-<uuid> and ...-AlarmLow-<uuid> pair); named after the policy when not given.
  std::string alarm_high;
  std::string alarm_low;
};

struct ServiceAutoScaling {
  ScalableTarget target;
  std::vector<TargetTrackingPolicy> policies;  // at least one
};

}  // namespace sim::model
