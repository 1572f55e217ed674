// The load balancer's target health state machine (ELBv2 TargetHealth; ecs-rules §6). Pure.
//
// A registered target starts `initial`. It probes every `interval` from registration, on a fixed
// cadence (ELB does not wait for the previous probe; timeout must be below interval). A newly
// registered target needs one passing check to become `healthy`; HealthyThresholdCount
// consecutive passes apply when it recovers from `unhealthy`. UnhealthyThresholdCount
// consecutive failures make it `unhealthy` (target-group-health-checks.html).
#pragma once

#include "sim/ecs/health_status.h"
#include "sim/model/health_check.h"

namespace sim::ecs {

class TargetHealthMachine {
 public:
  TargetHealthMachine() = default;
  TargetHealthMachine(const model::TargetGroupHealthCheck& check, Millis registered_at);

  // ELB sends the first probe right after registration (our choice; the guide gives no delay).
  Millis first_probe_start() const { return registered_at_; }
  Millis next_probe_start(Millis start, Millis /*duration*/) const {
    return start + interval_;
  }
  Millis probe_duration(const ProbeOutcome& outcome) const;

  // Applies the result of one probe. True if the state changed.
  bool apply(Millis probe_start, bool pass, ProbeFailure failure);
  bool apply(Millis probe_start, const ProbeOutcome& o) { return apply(probe_start, o.pass, o.failure); }

  bool settled(bool pass) const;

  TargetState state() const { return state_; }
  ProbeFailure last_failure() const { return last_failure_; }

 private:
  // Only the numbers are kept (not names and paths): the machine is copied on every forecast.
  Millis interval_{seconds(30)};
  Millis timeout_{seconds(5)};
  int healthy_threshold_ = 5;
  int unhealthy_threshold_ = 2;
  Millis registered_at_{0};
  TargetState state_ = TargetState::initial;
  int passes_ = 0;
  int failures_ = 0;
  ProbeFailure last_failure_ = ProbeFailure::none;
};

}  // namespace sim::ecs
