#include "sim/ecs/container_health.h"

namespace sim::ecs {

ContainerHealthMachine::ContainerHealthMachine(const model::ContainerHealthCheck& check,
                                               Millis container_started_at)
    : interval_(check.interval),
      timeout_(check.timeout),
      start_period_(check.start_period),
      retries_(check.retries),
      started_at_(container_started_at) {}

Millis ContainerHealthMachine::probe_duration(const ProbeOutcome& outcome) const {
  return outcome.duration < timeout_ ? outcome.duration : timeout_;
}

bool ContainerHealthMachine::apply(Millis probe_start, bool pass) {
  const HealthStatus before = status_;
  if (pass) {
    failing_streak_ = 0;
    status_ = HealthStatus::healthy;
    return before != status_;
  }
  // moby handleProbeResult: while "starting", failures inside the start period do not count.
  const bool starting = status_ == HealthStatus::unknown;
  if (starting && probe_start - started_at_ < start_period_) return false;
  ++failing_streak_;
  if (failing_streak_ >= retries_) status_ = HealthStatus::unhealthy;
  return before != status_;
}

bool ContainerHealthMachine::settled(bool pass) const {
  return pass ? status_ == HealthStatus::healthy : status_ == HealthStatus::unhealthy;
}

}  // namespace sim::ecs
