// How long a deployment may take to reach its outcome, derived from the config alone. The
// liveness properties (tests/properties) hold every run to these bounds; `deploysim check` prints
// them for the scenario it checks, as a guide for its intents' times. All are worst cases over the run's jitter, for one essential container per task.
//
// Terms (every duration at the high end of its jitter):
//   L  launch to RUNNING: provisioning + pull + activating
//   S  the app's longest start-up (harness/lint/startup_bounds.h), injected slow starts included
//   D  RUNNING to the slowest configured check reporting UNHEALTHY when every probe fails:
//      target group  earliest_unhealthy + UnhealthyThresholdCount x timeout + interval
//      container     earliest_unhealthy + (retries + 1) x timeout + interval
//   G  healthCheckGracePeriodSeconds;  C  a crash loop's time after listening
//   H  listening to counted healthy: target group (HealthyThreshold + 1) x interval + timeout,
//      container 2 x interval + timeout, neither 40 s (ecs-rules §3.1); the slowest applies
//   X  drain: deregistration delay (with a target group) + stopTimeout + deprovisioning
//   T  the breaker threshold in force;  W(k) the launch throttle's delay after k consecutive
//      start failures (sim/ecs/launch_throttle.h: 10 s doubling, capped)
//   R  rounds of the rolling update: ceil(desiredCount / (maxTasks - minHealthyTasks))
//
// Every new task failing, breaker on:
//   F  = L + S + C + max(G, D)              launch to counted failed, for any way of failing
//   ROLLED_BACK or FAILED within  T x F + sum_{k=1}^{T-1} W(k) + R x (L + S + H) + X
// (each of T failures takes at most F after the launch that replaced the previous one, which
// waits at most W(k); the rollback then brings the old revision back in at most R rounds and
// drains the failed tasks.)
// A healthy app whose grace period covers start-up (grace_needed()):
//   COMPLETED within  R x (L + S + H) + X
#pragma once

#include "sim/engine/time.h"
#include "sim/model/scenario.h"

namespace harness::check {

struct LivenessTerms {
  sim::Millis launch_to_running{0};  // L
  sim::Millis startup{0};            // S
  sim::Millis unhealthy_detection{0};  // D
  sim::Millis grace{0};              // G
  sim::Millis crash_after{0};        // C
  sim::Millis healthy_detection{0};  // H
  sim::Millis drain{0};              // X
  int threshold = 0;                 // T
  sim::Millis throttle_waits{0};     // sum of W(1) .. W(T-1)
  int rounds = 0;                    // R
};

// The terms for `scenario`'s deployed revision (S, C, D of the new app; H of the old for the
// rollback, which is the same app in generated scenarios: the larger of the two is used).
LivenessTerms liveness_terms(const sim::model::Scenario& scenario);

// T x F + sum W + R x (L + S + H) + X: every new task failing, breaker on.
sim::Millis failure_outcome_bound(const LivenessTerms& t);

// R x (L + S + H) + X: a healthy app whose grace covers start-up.
sim::Millis completion_bound(const LivenessTerms& t);

// The grace period from which a healthy app is never replaced while it starts: 0 when no check
// can report unhealthy before start-up ends, else S + H.
sim::Millis grace_needed(const sim::model::Scenario& scenario);

}  // namespace harness::check
