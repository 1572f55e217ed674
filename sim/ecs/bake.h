// Bake time under the ROLLING strategy: after the new revision runs desiredCount healthy tasks
// and the old one is scaled to 0, ECS keeps watching the deployment's alarms for
// bakeTimeInMinutes before it marks the deployment COMPLETED (deployment-alarm-failure.html;
// ecs-rules §2). Without alarm monitoring there is nothing to watch and no bake.
#pragma once

#include "sim/engine/time.h"
#include "sim/model/service_config.h"

namespace sim::ecs {

// How long a rolling deployment stays IN_PROGRESS after steady state: bakeTimeInMinutes when the
// deployment's alarms are enabled, otherwise 0.
inline Millis rolling_bake_window(const model::DeploymentConfiguration& config) {
  // Bake applies to rolling deployments that use alarms (ecs-rules §2).
  return config.alarms.enable ? config.bake_time : Millis{0};
}

}  // namespace sim::ecs
