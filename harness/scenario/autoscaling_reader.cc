// "autoscaling": the service's Application Auto Scaling as the AWS CLI prints it, so a user can
// paste it: {"ScalableTargets": [...]} from `aws application-autoscaling describe-scalable-targets`
// and {"ScalingPolicies": [...]} from `describe-scaling-policies`, merged into one object. Both
// are AWS output, so keys we do not model (ARNs, CreationTime) are listed as ignored.
#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::ScalingMetric;

// ServiceNamespace, ScalableDimension and ResourceId, where given, must be this service's.
void check_resource(ObjectReader& reader, const sim::model::ServiceConfig& service) {
  reader.value_or("ServiceNamespace", 0, [](const Node& n) { return n.as_choice<int>({{"ecs", 0}}); });
  reader.value_or("ScalableDimension", 0,
                  [](const Node& n) { return n.as_choice<int>({{"ecs:service:DesiredCount", 0}}); });
  if (const std::optional<Node> id = reader.get("ResourceId")) {
    const std::string expected = "service/" + service.cluster + "/" + service.name;
    if (id->as_string() != expected) id->fail("\"" + expected + "\" (the scenario's service)");
  }
}

sim::model::ScalableTarget read_scalable_target(const Node& node, const sim::model::ServiceConfig& service) {
  const std::vector<Node> targets = node.as_array();
  if (targets.size() != 1) node.fail("exactly one scalable target (the service's desiredCount)");
  ObjectReader reader = targets[0].as_object(UnknownKeys::ignore);
  check_resource(reader, service);
  sim::model::ScalableTarget target;
  target.min_capacity = reader.required("MinCapacity").as_int32({0, 100000});
  target.max_capacity = reader.required("MaxCapacity").as_int32({target.min_capacity, 100000});
  if (const std::optional<Node> suspended = reader.get("SuspendedState")) {
    ObjectReader flags = suspended->as_object(UnknownKeys::reject);
    target.dynamic_scaling_in_suspended = flags.bool_or("DynamicScalingInSuspended", false);
    target.dynamic_scaling_out_suspended = flags.bool_or("DynamicScalingOutSuspended", false);
    target.scheduled_scaling_suspended = flags.bool_or("ScheduledScalingSuspended", false);
    flags.finish();
  }
  reader.finish();
  return target;
}

// PredefinedMetricSpecification: the metric, and the target group's ResourceLabel for
// ALBRequestCountPerTarget (required there, refused elsewhere, as PutScalingPolicy does).
void read_metric(const Node& node, sim::model::TargetTrackingPolicy& policy) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  policy.metric = reader.required("PredefinedMetricType")
                      .as_choice<ScalingMetric>({{"ECSServiceAverageCPUUtilization", ScalingMetric::ecs_cpu},
                                                 {"ECSServiceAverageMemoryUtilization", ScalingMetric::ecs_memory},
                                                 {"ALBRequestCountPerTarget", ScalingMetric::alb_requests}});
  const std::optional<Node> label = reader.get("ResourceLabel");
  if (policy.metric == ScalingMetric::alb_requests) {
    const Node required = reader.required("ResourceLabel");
    const std::string text = required.as_name();
    if (text.rfind("app/", 0) != 0 || text.find("/targetgroup/") == std::string::npos) {
      required.fail("app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>");
    }
    policy.resource_label = text;
  } else if (label) {
    label->fail_key("no ResourceLabel (only ALBRequestCountPerTarget takes one)");
  }
  reader.finish();
}

// Alarms[]: the ...-AlarmHigh-... and ...-AlarmLow-... pair Application Auto Scaling made.
void read_alarm_names(const Node& node, sim::model::TargetTrackingPolicy& policy) {
  for (const Node& element : node.as_array()) {
    ObjectReader reader = element.as_object(UnknownKeys::ignore);
    const std::string name = reader.required("AlarmName").as_name();
    if (name.find("-AlarmHigh") != std::string::npos) policy.alarm_high = name;
    else if (name.find("-AlarmLow") != std::string::npos) policy.alarm_low = name;
    reader.finish();
  }
}

void read_configuration(const Node& node, sim::model::TargetTrackingPolicy& policy) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  policy.target_value_thousandths = reader.required("TargetValue").as_scaled({0.001, 1e9}, 1000);
  if (const std::optional<Node> custom = reader.get("CustomizedMetricSpecification")) {
    custom->fail_key("PredefinedMetricSpecification (customized metrics are not simulated)");
  }
  read_metric(reader.required("PredefinedMetricSpecification"), policy);
  // PutScalingPolicy: cooldowns 0-86400 s; 300 s when not given for ECS (ecs-rules §13.3).
  policy.scale_out_cooldown = sim::seconds(reader.int_or("ScaleOutCooldown", 300, {0, 86400}));
  policy.scale_in_cooldown = sim::seconds(reader.int_or("ScaleInCooldown", 300, {0, 86400}));
  policy.disable_scale_in = reader.bool_or("DisableScaleIn", false);
  reader.finish();
}

sim::model::TargetTrackingPolicy read_policy(const Node& node, const sim::model::ServiceConfig& service) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  check_resource(reader, service);
  sim::model::TargetTrackingPolicy policy;
  policy.name = reader.required("PolicyName").as_name();
  reader.required("PolicyType").as_choice<int>({{"TargetTrackingScaling", 0}});
  read_configuration(reader.required("TargetTrackingScalingPolicyConfiguration"), policy);
  // Named as Application Auto Scaling names them, without the generated suffix.
  const std::string prefix = "TargetTracking-service/" + service.cluster + "/" + service.name;
  policy.alarm_high = prefix + "-AlarmHigh";
  policy.alarm_low = prefix + "-AlarmLow";
  if (const std::optional<Node> alarms = reader.get("Alarms")) read_alarm_names(*alarms, policy);
  reader.finish();
  return policy;
}

}  // namespace

sim::model::ServiceAutoScaling read_autoscaling(const Node& node, const sim::model::ServiceConfig& service) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::ServiceAutoScaling scaling;
  scaling.target = read_scalable_target(reader.required("ScalableTargets"), service);
  const Node policies = reader.required("ScalingPolicies");
  for (const Node& element : policies.as_array()) {
    scaling.policies.push_back(read_policy(element, service));
    for (std::size_t i = 0; i + 1 < scaling.policies.size(); ++i) {
      if (scaling.policies[i].name == scaling.policies.back().name) {
        element.child("PolicyName").fail("a PolicyName not used by another policy");
      }
    }
  }
  if (scaling.policies.empty()) policies.fail("at least one target-tracking scaling policy");
  reader.finish();
  return scaling;
}

}  // namespace harness::scenario
