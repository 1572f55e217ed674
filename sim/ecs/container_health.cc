#include "sim/ecs/container_health.h"

namespace sim::ecs {

ContainerHealthMachine::ContainerHealthMachine(const model::ContainerHealthCheck& check,
                                               Millis container_started_at)
    : check_(check), started_at_(container_started_at) {}

Millis ContainerHealthMachine::probe_duration(const ProbeOutcome& outcome) const {
  return outcome.duration < check_.timeout ? outcome.duration : check_.timeout;
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
  if (starting && probe_start - started_at_ < check_.start_period) return false;
  ++failing_streak_;
  if (failing_streak_ >= check_.retries) status_ = HealthStatus::unhealthy;
  return before != status_;
}

bool ContainerHealthMachine::settled(bool pass) const {
  return pass ? status_ == HealthStatus::healthy : status_ == HealthStatus::unhealthy;
}

}  // namespace sim::ecs
