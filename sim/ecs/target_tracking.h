// One target-tracking scaling policy as Application Auto Scaling runs it: the two CloudWatch
// alarms it manages over the policy's metric (AlarmHigh above the target, AlarmLow below it) and
// the capacity it asks for while one of them is in ALARM (ecs-rules §13.3). Pure: it is fed one
// datapoint per minute and answers from counts; sim/ecs/service_autoscaler.h combines policies,
// cooldowns and the scalable target's bounds.
//
// The alarms' shape is not documented for ECS; users report 3 of 3 one-minute datapoints above
// the target for AlarmHigh and 15 of 15 below it for AlarmLow, whose threshold sits below the
// target (27 for a target of 30). We take exactly that, with the low threshold at 90 % of the
// target, and a minute without data breaks both streaks (no data, no scaling).
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "sim/model/autoscaling.h"

namespace sim::ecs {

inline constexpr int kScaleOutDatapoints = 3;   // AlarmHigh: 3 of 3 one-minute datapoints
inline constexpr int kScaleInDatapoints = 15;   // AlarmLow: 15 of 15
inline constexpr int kScaleInThresholdPercent = 90;  // AlarmLow's threshold, percent of the target

enum class ScalingDirection : std::uint8_t { none, out, in };
std::string_view to_string(ScalingDirection d);  // "none", "out", "in"

// The capacity target tracking asks for, starting from `running` tasks (ecs-rules §13.3): the
// number that brings the metric back to the target if load spreads evenly, running x metric /
// target, rounded up. Rounding up is the conservative way both ways: a scale-out adds at least
// one task, a scale-in removes no more than the metric justifies. With no task running, one.
int proportional_capacity(int running, std::int64_t metric_thousandths, std::int64_t target_thousandths);

class TargetTrackingAlarms {
 public:
  explicit TargetTrackingAlarms(const model::TargetTrackingPolicy& policy) : policy_(&policy) {}

  // One minute's datapoint of the policy's metric, or none (missing).
  void add(std::optional<std::int64_t> value_thousandths);

  // AlarmHigh in ALARM: the last 3 datapoints were above the target.
  bool high_in_alarm() const { return above_ >= kScaleOutDatapoints; }
  // AlarmLow in ALARM: the last 15 datapoints were below 90 % of the target.
  bool low_in_alarm() const { return below_ >= kScaleInDatapoints; }

  // What the policy wants now from `running` tasks: out while AlarmHigh is in ALARM, in while
  // AlarmLow is (unless DisableScaleIn), with the proportional capacity; none otherwise.
  struct Want {
    ScalingDirection direction = ScalingDirection::none;
    int capacity = 0;
  };
  Want want(int running) const;

  const model::TargetTrackingPolicy& policy() const { return *policy_; }
  std::int64_t last_value_thousandths() const { return last_value_; }

 private:
  const model::TargetTrackingPolicy* policy_;
  int above_ = 0;  // consecutive datapoints above the target, up to now
  int below_ = 0;  // consecutive datapoints below the low threshold
  std::int64_t last_value_ = 0;
};

}  // namespace sim::ecs
