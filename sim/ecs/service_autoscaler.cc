#include "sim/ecs/service_autoscaler.h"

#include <algorithm>

namespace sim::ecs {

std::string_view to_string(ScalingHeld h) {
  switch (h) {
    case ScalingHeld::none: return "none";
    case ScalingHeld::scale_in_during_deployment: return "a deployment is in progress";
    case ScalingHeld::suspended: return "suspended";
    case ScalingHeld::cooldown: return "in cooldown";
    case ScalingHeld::at_bound: return "at the capacity bound";
  }
  return "?";
}

ServiceAutoscaler::ServiceAutoscaler(const model::ServiceAutoScaling& config) : config_(config) {
  for (const model::TargetTrackingPolicy& p : config_.policies) policies_.emplace_back(p);
}

std::optional<ScalingActivity> ServiceAutoscaler::on_minute(Millis now, const ScalingDatapoints& datapoints,
                                                            const ServiceCapacity& service) {
  for (TargetTrackingAlarms& p : policies_) p.add(datapoints.value(p.policy().metric));
  held_ = ScalingHeld::none;
  const Wanted w = combine(service.running);
  wanted_ = w.direction;
  if (w.direction == ScalingDirection::out) return scale_out(now, w, service);
  if (w.direction == ScalingDirection::in) return scale_in(now, w, service);
  return std::nullopt;
}

// Several policies: scale out if any wants to (to the largest capacity asked), scale in only if
// every policy with scale-in enabled wants to (to the largest, the least removal). ecs-rules §13.3.
ServiceAutoscaler::Wanted ServiceAutoscaler::combine(int running) const {
  Wanted out;
  Wanted in;
  bool every_in = true;
  bool any_in_enabled = false;
  for (const TargetTrackingAlarms& p : policies_) {
    const TargetTrackingAlarms::Want want = p.want(running);
    if (want.direction == ScalingDirection::out && want.capacity > out.capacity)
      out = {ScalingDirection::out, want.capacity, &p};
    if (p.policy().disable_scale_in) continue;
    any_in_enabled = true;
    if (want.direction != ScalingDirection::in) every_in = false;
    else if (want.capacity > in.capacity) in = {ScalingDirection::in, want.capacity, &p};
  }
  if (out.by) return out;
  if (any_in_enabled && every_in) return in;
  return {};
}

std::optional<ScalingActivity> ServiceAutoscaler::scale_out(Millis now, const Wanted& w, const ServiceCapacity& s) {
  const model::ScalableTarget& t = config_.target;
  if (t.dynamic_scaling_out_suspended) {
    held_ = ScalingHeld::suspended;
    return std::nullopt;
  }
  // Above MaxCapacity a scale-out does nothing; below MinCapacity it starts from the minimum.
  const int to = std::min(std::max(w.capacity, t.min_capacity), t.max_capacity);
  if (to <= s.desired) {  // the tasks asked for are already desired (some may be pending)
    held_ = s.desired >= t.max_capacity ? ScalingHeld::at_bound : ScalingHeld::none;
    return std::nullopt;
  }
  // In the scale-out cooldown only a larger scale-out than the last one proceeds: the capacity
  // it added counts toward the next calculation (§13.3).
  if (now < scale_out_cooldown_until_ && to <= last_scale_out_to_) {
    held_ = ScalingHeld::cooldown;
    return std::nullopt;
  }
  scale_out_cooldown_until_ = now + w.by->policy().scale_out_cooldown;
  last_scale_out_to_ = to;
  scale_in_cooldown_until_ = Millis{0};  // a scale-out ends the scale-in cooldown (§13.3)
  return activity(w, s.desired, to);
}

std::optional<ScalingActivity> ServiceAutoscaler::scale_in(Millis now, const Wanted& w, const ServiceCapacity& s) {
  const model::ScalableTarget& t = config_.target;
  if (s.deployment_in_progress) {
    held_ = ScalingHeld::scale_in_during_deployment;
    return std::nullopt;
  }
  if (t.dynamic_scaling_in_suspended) {
    held_ = ScalingHeld::suspended;
    return std::nullopt;
  }
  if (now < scale_in_cooldown_until_) {
    held_ = ScalingHeld::cooldown;
    return std::nullopt;
  }
  // Below MinCapacity a scale-in does nothing; above MaxCapacity it starts from the maximum.
  const int to = std::max(std::min(w.capacity, t.max_capacity), t.min_capacity);
  if (to >= s.desired) {
    held_ = s.desired <= t.min_capacity ? ScalingHeld::at_bound : ScalingHeld::none;
    return std::nullopt;
  }
  scale_in_cooldown_until_ = now + w.by->policy().scale_in_cooldown;
  return activity(w, s.desired, to);
}

ScalingActivity ServiceAutoscaler::activity(const Wanted& w, int from, int to) const {
  const model::TargetTrackingPolicy& p = w.by->policy();
  return {w.direction, from, to, p.name, w.direction == ScalingDirection::out ? p.alarm_high : p.alarm_low,
          p.metric, w.by->last_value_thousandths()};
}

}  // namespace sim::ecs
