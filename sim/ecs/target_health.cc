#include "sim/ecs/target_health.h"

namespace sim::ecs {

TargetHealthMachine::TargetHealthMachine(const model::TargetGroupHealthCheck& check,
                                         Millis registered_at)
    : interval_(check.interval),
      timeout_(check.timeout),
      healthy_threshold_(check.healthy_threshold),
      unhealthy_threshold_(check.unhealthy_threshold),
      registered_at_(registered_at) {}

Millis TargetHealthMachine::probe_duration(const ProbeOutcome& outcome) const {
  return outcome.duration < timeout_ ? outcome.duration : timeout_;
}

bool TargetHealthMachine::apply(Millis /*probe_start*/, bool pass, ProbeFailure failure) {
  const TargetState before = state_;
  if (pass) {
    failures_ = 0;
    ++passes_;
    // A newly registered target needs one passing check; HealthyThresholdCount applies when an
    // unhealthy target recovers (ALB target-group-health-checks.html; ecs-rules §6).
    const int needed = state_ == TargetState::initial ? 1 : healthy_threshold_;
    if (passes_ >= needed) state_ = TargetState::healthy;
  } else {
    passes_ = 0;
    ++failures_;
    last_failure_ = failure;
    if (failures_ >= unhealthy_threshold_) state_ = TargetState::unhealthy;
  }
  return before != state_;
}

bool TargetHealthMachine::settled(bool pass) const {
  return pass ? state_ == TargetState::healthy : state_ == TargetState::unhealthy;
}

}  // namespace sim::ecs
