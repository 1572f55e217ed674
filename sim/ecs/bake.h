// Bake time under the ROLLING strategy: after the new revision runs desiredCount healthy tasks
// and the old one is scaled to 0, ECS keeps watching the deployment's alarms before it marks the
// deployment COMPLETED (deployment-alarm-failure.html; ecs-rules §2). Without alarm monitoring
// there is nothing to watch and no bake.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/service_config.h"
#include "sim/model/traffic.h"

namespace sim::ecs {

// ECS's own rolling bake "is computed from the alarm configuration" and "less than 5 minutes" by
// default; no formula is published (ecs-rules §2, open q. 6). Ours: the longest time one of the
// deployment's alarms needs to reach ALARM from its first bad datapoint (Period x
// EvaluationPeriods), capped at 5 minutes.
inline constexpr Millis kComputedRollingBakeCap = minutes(5);

inline Millis computed_rolling_bake(const model::DeploymentAlarmsConfig& watched,
                                    const std::vector<model::AlarmDefinition>& alarms) {
  Millis longest{0};
  for (const model::AlarmDefinition& a : alarms)
    if (std::find(watched.alarm_names.begin(), watched.alarm_names.end(), a.name) != watched.alarm_names.end())
      longest = std::max(longest, a.period * a.evaluation_periods);
  return std::min(longest, kComputedRollingBakeCap);
}

// How long a rolling deployment stays IN_PROGRESS after steady state: with the deployment's
// alarms enabled, bakeTimeInMinutes when given, else the computed window; otherwise 0.
inline Millis rolling_bake_window(const model::DeploymentConfiguration& config,
                                  const std::vector<model::AlarmDefinition>& alarms) {
  if (!config.alarms.enable) return Millis{0};
  return config.bake_time_given ? config.bake_time : computed_rolling_bake(config.alarms, alarms);
}

}  // namespace sim::ecs
