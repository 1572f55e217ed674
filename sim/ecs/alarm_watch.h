// The scenario's CloudWatch alarms, fed with the traffic a world reports (never traffic the
// control plane makes up): each alarm gets one datapoint per period, at period boundaries
// counted from time 0, computed from what the targets served since its last datapoint —
// RequestCount, HTTPCode_Target_5XX_Count, HTTPCode_ELB_5XX_Count, or TargetResponseTime in the
// alarm's statistic over every revision's requests (sim/observe/request_latency.h).
//
// Which alarms a deployment watches, and what it does when one is in ALARM, is the controller's
// (deploymentConfiguration.alarms; ecs-rules §2).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "sim/ecs/alarm.h"
#include "sim/ecs/runtime.h"
#include "sim/engine/time.h"

namespace sim::ecs {

class AlarmWatch {
 public:
  explicit AlarmWatch(const std::vector<model::AlarmDefinition>& alarms);

  struct Change {
    std::size_t alarm = 0;  // index in alarms()
    AlarmState state = AlarmState::insufficient_data;
  };

  // A traffic period ended at `now` with `report` served so far: every alarm whose period ends
  // now takes its datapoint. Returns the alarms whose state changed, in order.
  std::vector<Change> on_traffic(Millis now, const TrafficReport& report);

  // Whether an alarm takes its datapoint at `now` (one of their periods ends then). Asked every
  // traffic period, so it is a modulo for most of them.
  bool datapoint_due(Millis now) const {
    return !alarms_.empty() && now.count() % common_period_ms_ == 0 && any_period_ends(now);
  }
  // Whether any alarm is in ALARM.
  bool any_in_alarm() const { return in_alarm_count_ > 0; }

  // Those of `names` whose alarm is in ALARM, in the alarms' order.
  std::vector<std::string> in_alarm(const std::vector<std::string>& names) const;

  const std::vector<CloudWatchAlarm>& alarms() const { return alarms_; }

 private:
  std::int64_t response_time_micros(std::size_t alarm, const TrafficReport& report);
  bool any_period_ends(Millis now) const;

  std::int64_t common_period_ms_ = 1;  // the periods' greatest common divisor: every period end is a multiple
  int in_alarm_count_ = 0;             // alarms in ALARM (their states change only in on_traffic)

  std::vector<CloudWatchAlarm> alarms_;
  std::vector<PeriodTraffic> totals_at_last_datapoint_;
  std::vector<std::vector<std::int64_t>> revision_requests_at_last_datapoint_;  // latency alarms
};

}  // namespace sim::ecs
