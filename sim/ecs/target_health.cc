#include "sim/ecs/target_health.h"

namespace sim::ecs {

TargetHealthMachine::TargetHealthMachine(const model::TargetGroupHealthCheck& check,
                                         Millis registered_at)
    : check_(check), registered_at_(registered_at) {}

Millis TargetHealthMachine::probe_duration(const ProbeOutcome& outcome) const {
  return outcome.duration < check_.timeout ? outcome.duration : check_.timeout;
}

bool TargetHealthMachine::apply(Millis /*probe_start*/, bool pass, ProbeFailure failure) {
  const TargetState before = state_;
  if (pass) {
    failures_ = 0;
    ++passes_;
    if (passes_ >= check_.healthy_threshold) state_ = TargetState::healthy;
  } else {
    passes_ = 0;
    ++failures_;
    last_failure_ = failure;
    if (failures_ >= check_.unhealthy_threshold) state_ = TargetState::unhealthy;
  }
  return before != state_;
}

bool TargetHealthMachine::settled(bool pass) const {
  return pass ? state_ == TargetState::healthy : state_ == TargetState::unhealthy;
}

}  // namespace sim::ecs
