#include "sim/ecs/target_tracking.h"

namespace sim::ecs {

std::string_view to_string(ScalingDirection d) {
  switch (d) {
    case ScalingDirection::none: return "none";
    case ScalingDirection::out: return "out";
    case ScalingDirection::in: return "in";
  }
  return "?";
}

int proportional_capacity(int running, std::int64_t metric_thousandths, std::int64_t target_thousandths) {
  if (running <= 0) return 1;  // "scales out by the minimum possible amount" from 0 (ecs-rules §13.3)
  if (target_thousandths <= 0) return running;
  const std::int64_t product = std::int64_t{running} * metric_thousandths;
  return static_cast<int>((product + target_thousandths - 1) / target_thousandths);
}

void TargetTrackingAlarms::add(std::optional<std::int64_t> value) {
  if (!value) {
    above_ = below_ = 0;
    return;
  }
  last_value_ = *value;
  const std::int64_t target = policy_->target_value_thousandths;
  above_ = *value > target ? above_ + 1 : 0;
  below_ = *value * 100 < target * kScaleInThresholdPercent ? below_ + 1 : 0;
}

TargetTrackingAlarms::Want TargetTrackingAlarms::want(int running) const {
  const std::int64_t target = policy_->target_value_thousandths;
  if (high_in_alarm()) return {ScalingDirection::out, proportional_capacity(running, last_value_, target)};
  if (low_in_alarm() && !policy_->disable_scale_in)
    return {ScalingDirection::in, proportional_capacity(running, last_value_, target)};
  return {};
}

}  // namespace sim::ecs
