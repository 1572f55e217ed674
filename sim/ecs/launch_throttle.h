// The service scheduler's task-launch throttle (service-throttle-logic.html; ecs-rules §9).
//
// When tasks keep going from PENDING to STOPPED without reaching RUNNING (or cannot be placed),
// ECS spaces out further launch attempts, up to a cap (27 min; 15 min in older docs). Retries
// never stop. Tasks that reached RUNNING and then died do not feed it. A new task definition
// (a new deployment) resets it at once.
//
// The intermediate delays are not published (ecs-rules open question 8). We choose doubling from
// 10 s: 10, 20, 40, 80, 160, 320, 640, 1280 s, then the cap; say so where it shows.
#pragma once

#include "sim/engine/time.h"

namespace sim::ecs {

class LaunchThrottle {
 public:
  explicit LaunchThrottle(Millis cap) : cap_(cap) {}

  // A task failed to start (stopped before RUNNING, or could not be placed).
  void on_start_failure() { ++consecutive_failures_; }

  // A task reached RUNNING: start-ups are healthy again.
  void on_task_running() { consecutive_failures_ = 0; }

  // A new deployment was created: "updating the service resets the throttle".
  void reset() { consecutive_failures_ = 0; }

  // How long after the last failure the next launch may happen (0 when not throttled).
  Millis delay() const;

  int consecutive_failures() const { return consecutive_failures_; }
  bool throttled() const { return consecutive_failures_ > 0; }

 private:
  Millis cap_;
  int consecutive_failures_ = 0;
};

}  // namespace sim::ecs
