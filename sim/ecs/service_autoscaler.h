// Application Auto Scaling for one ECS service: its target-tracking policies, the scalable
// target's MinCapacity/MaxCapacity and SuspendedState, and the cooldowns, deciding once a minute
// (when the metrics' datapoints arrive) whether to set a new desiredCount (ecs-rules §13). It
// never acts: the caller applies the activity through the service controller, like the
// UpdateService call Application Auto Scaling makes. Pure: fed datapoints and counts.
//
// An activity's new desiredCount is within [MinCapacity, MaxCapacity]; a count already outside
// them is only ever moved toward them (tests/ecs/service_autoscaler_test.cc).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "sim/ecs/scaling_metrics.h"
#include "sim/ecs/target_tracking.h"
#include "sim/engine/time.h"
#include "sim/model/autoscaling.h"

namespace sim::ecs {

// What the service looks like when a scaling decision is made.
struct ServiceCapacity {
  int running = 0;   // tasks RUNNING: the starting point of the calculation (§13.3)
  int desired = 0;   // the service's desiredCount now
  bool deployment_in_progress = false;  // scale-in is turned off while one is (§13.4)
};

// One scaling activity (describe-scaling-activities): "Setting desired count to N.", caused by
// "monitor alarm A in state ALARM triggered policy P".
struct ScalingActivity {
  ScalingDirection direction = ScalingDirection::out;
  int from = 0;  // desiredCount before
  int to = 0;    // desiredCount after
  std::string policy;  // PolicyName
  std::string alarm;   // the alarm in ALARM that triggered it
  model::ScalingMetric metric = model::ScalingMetric::ecs_cpu;  // the policy's
  std::int64_t metric_thousandths = 0;  // the datapoint behind it
};

// Why a policy that wanted to scale did not (reported once per stretch, for the trace).
enum class ScalingHeld : std::uint8_t {
  none,
  scale_in_during_deployment,  // §13.4: scale-in off while a deployment is IN_PROGRESS
  suspended,                   // SuspendedState
  cooldown,
  at_bound,                    // already at MinCapacity / MaxCapacity
};
// Why, in words: "a deployment is in progress", "suspended", "in cooldown", "at the capacity bound".
std::string_view to_string(ScalingHeld h);

class ServiceAutoscaler {
 public:
  explicit ServiceAutoscaler(const model::ServiceAutoScaling& config);

  // One minute's datapoints at `now`: feeds every policy's alarms, then decides. Returns the
  // activity to apply, if any; held() then says why a wanted scaling did not happen.
  std::optional<ScalingActivity> on_minute(Millis now, const ScalingDatapoints& datapoints,
                                           const ServiceCapacity& service);

  ScalingHeld held() const { return held_; }
  // Which way the policies wanted to scale at the last minute (none: neither).
  ScalingDirection wanted() const { return wanted_; }
  const model::ServiceAutoScaling& config() const { return config_; }

 private:
  struct Wanted {
    ScalingDirection direction = ScalingDirection::none;
    int capacity = 0;
    const TargetTrackingAlarms* by = nullptr;  // the policy that sets the capacity
  };
  Wanted combine(int running) const;
  std::optional<ScalingActivity> scale_out(Millis now, const Wanted& w, const ServiceCapacity& s);
  std::optional<ScalingActivity> scale_in(Millis now, const Wanted& w, const ServiceCapacity& s);
  ScalingActivity activity(const Wanted& w, int from, int to) const;

  const model::ServiceAutoScaling& config_;
  std::vector<TargetTrackingAlarms> policies_;
  Millis scale_out_cooldown_until_{0};
  int last_scale_out_to_ = 0;  // the capacity the last scale-out set
  Millis scale_in_cooldown_until_{0};
  ScalingHeld held_ = ScalingHeld::none;
  ScalingDirection wanted_ = ScalingDirection::none;
};

}  // namespace sim::ecs
