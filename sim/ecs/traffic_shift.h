// The production traffic shifts of the BLUE_GREEN, CANARY and LINEAR strategies, as a plan: the
// share of production traffic on the new revision after each shift, and how long to wait before
// the next one (the last wait is the bake time, after which the old revision is scaled to 0).
// Pure: a function of the deployment configuration (ecs-rules §3.2).
#pragma once

#include <vector>

#include "sim/engine/time.h"
#include "sim/model/service_config.h"

namespace sim::ecs {

struct ShiftStep {
  int green_basis_points = 0;  // share of production traffic on the new revision, x 100
  Millis wait_after{0};        // before the next shift, or, after the last, the bake time
};

// BLUE_GREEN: one shift to 100 %. CANARY: canaryPercent, canaryBakeTimeInMinutes, 100 %. LINEAR:
// stepPercent, 2 x stepPercent, ... 100 %, stepBakeTimeInMinutes between shifts. Every plan ends
// at 100 % followed by bakeTimeInMinutes. Empty for ROLLING.
std::vector<ShiftStep> production_shift_steps(const model::DeploymentConfiguration& config);

}  // namespace sim::ecs
