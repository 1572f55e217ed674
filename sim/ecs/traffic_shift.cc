#include "sim/ecs/traffic_shift.h"

namespace sim::ecs {

std::vector<ShiftStep> production_shift_steps(const model::DeploymentConfiguration& config) {
  using model::DeploymentStrategy;
  std::vector<ShiftStep> steps;
  switch (config.strategy) {
    case DeploymentStrategy::rolling: return steps;
    case DeploymentStrategy::blue_green: break;
    case DeploymentStrategy::canary:
      // Two shifts: canaryPercent, wait canaryBakeTimeInMinutes, then 100 % (canary-deployment.html).
      if (config.canary_percent_tenths < 1000)
        steps.push_back({config.canary_percent_tenths * 10, config.canary_bake_time});
      break;
    case DeploymentStrategy::linear:
      // stepPercent at a time, the wait between steps and not after 100 % (deployment-type-linear.html).
      for (int tenths = config.linear_step_percent_tenths; tenths < 1000; tenths += config.linear_step_percent_tenths)
        steps.push_back({tenths * 10, config.linear_step_bake_time});
      break;
  }
  // All production traffic on the new revision, then bakeTimeInMinutes (ecs-rules §3.2).
  steps.push_back({10'000, config.bake_time});
  return steps;
}

}  // namespace sim::ecs
