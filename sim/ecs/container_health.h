// Docker's container health-check state machine, which ECS reports as the container's
// healthStatus (API_HealthCheck; moby daemon/health.go). Pure: it is fed probe results.
//
// Rules (ecs-rules §5): the first probe runs `interval` after the container starts, and each
// next one `interval` after the previous probe completes. A passing probe makes the container
// HEALTHY and clears the failing streak. A failing probe adds to the streak, except while the
// container is still starting (never passed yet) and the probe began inside `startPeriod`;
// at `retries` consecutive counted failures the container is UNHEALTHY. A probe that runs past
// `timeout` fails.
#pragma once

#include "sim/ecs/health_status.h"
#include "sim/model/health_check.h"

namespace sim::ecs {

class ContainerHealthMachine {
 public:
  ContainerHealthMachine() = default;
  ContainerHealthMachine(const model::ContainerHealthCheck& check, Millis container_started_at);

  // When the first probe starts.
  Millis first_probe_start() const { return started_at_ + interval_; }

  // When the probe after one that started at `start` and took `duration` starts.
  Millis next_probe_start(Millis start, Millis duration) const {
    return start + duration + interval_;
  }

  // The time a probe of `outcome` takes: a probe that would run past `timeout` is cut there.
  Millis probe_duration(const ProbeOutcome& outcome) const;

  // Applies the result of the probe that started at `probe_start`. True if the status changed.
  bool apply(Millis probe_start, bool pass);
  bool apply(Millis probe_start, const ProbeOutcome& o) { return apply(probe_start, o.pass); }

  // True when more probes of this kind can never change the state that matters: passing while
  // HEALTHY, or failing while UNHEALTHY.
  bool settled(bool pass) const;

  HealthStatus status() const { return status_; }
  int failing_streak() const { return failing_streak_; }

 private:
  // Only the numbers are kept (not the command): the machine is copied on every forecast.
  Millis interval_{seconds(30)};
  Millis timeout_{seconds(5)};
  Millis start_period_{0};
  int retries_ = 3;
  Millis started_at_{0};
  HealthStatus status_ = HealthStatus::unknown;
  int failing_streak_ = 0;
};

}  // namespace sim::ecs
