// A simulated CloudWatch metric alarm: one datapoint per period, ALARM when at least
// DatapointsToAlarm (M) of the last EvaluationPeriods (N) datapoints breach the threshold, OK
// otherwise, INSUFFICIENT_DATA before the first datapoint (AlarmsThatUseMultipleDatapoints in the
// CloudWatch user guide: "M out of N"). Periods with no request give a 0 datapoint, which is
// what treatMissingData=notBreaching would do; CloudWatch's default ("missing") keeps the last
// state, which for a 5xx alarm differs only after traffic stops entirely.
#pragma once

#include <cstdint>
#include <deque>
#include <string_view>

#include "sim/model/traffic.h"

namespace sim::ecs {

enum class AlarmState : std::uint8_t { insufficient_data, ok, alarm };

// What the alarm's metric saw over one period, summed over every target of the target group.
struct PeriodTraffic {
  std::int64_t requests = 0;    // RequestCount answered by targets
  std::int64_t target_5xx = 0;  // HTTPCode_Target_5XX_Count
  std::int64_t elb_5xx = 0;     // HTTPCode_ELB_5XX_Count
  std::int64_t response_time_micros = 0;  // TargetResponseTime in the alarm's statistic
};

class CloudWatchAlarm {
 public:
  explicit CloudWatchAlarm(const model::AlarmDefinition& definition) : definition_(definition) {}

  // Adds the datapoint of one period and returns the state after it.
  AlarmState on_period(const PeriodTraffic& period);

  AlarmState state() const { return state_; }
  const model::AlarmDefinition& definition() const { return definition_; }
  // The last datapoint, x 1000 (a count, or a percent for target_5xx_percent).
  std::int64_t last_value_thousandths() const { return last_value_; }

 private:
  model::AlarmDefinition definition_;
  std::deque<bool> breaching_;  // the last N datapoints, oldest first
  AlarmState state_ = AlarmState::insufficient_data;
  std::int64_t last_value_ = 0;
};

// The metric value of a period, x 1000 (TargetResponseTime: seconds x 1000, i.e. milliseconds).
std::int64_t datapoint_thousandths(model::AlarmMetric metric, const PeriodTraffic& period);

std::string_view to_string(AlarmState s);

}  // namespace sim::ecs
