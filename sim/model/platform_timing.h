// How long ECS and the container runtime take for the steps no app controls: capacity
// provisioning, image pull, target registration, deprovisioning. Durations get jitter from the
// run's seeded streams so that tasks launched together do not move in lock-step.
#pragma once

#include "sim/engine/time.h"

namespace sim::model {

struct PlatformTiming {
  Millis provisioning = seconds(2);    // PROVISIONING: ENI attach / capacity (Fargate)
  Millis pull = seconds(5);            // PENDING: image pull and container create
  Millis activating = Millis{0};        // ACTIVATING: target registration
  Millis deprovisioning = seconds(1);  // DEPROVISIONING: ENI detach
  int jitter_low_permille = 800;   // each duration x U[low, high] / 1000
  int jitter_high_permille = 1200;
};

}  // namespace sim::model
