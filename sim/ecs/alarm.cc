#include "sim/ecs/alarm.h"

namespace sim::ecs {

std::int64_t datapoint_thousandths(model::AlarmMetric metric, const PeriodTraffic& period) {
  switch (metric) {
    case model::AlarmMetric::target_5xx_count: return period.target_5xx * 1000;
    case model::AlarmMetric::elb_5xx_count: return period.elb_5xx * 1000;
    case model::AlarmMetric::target_5xx_percent:
      // 100 * errors / requests; a period without requests has no errors either: 0 %.
      return period.requests == 0 ? 0 : period.target_5xx * 100'000 / period.requests;
    case model::AlarmMetric::target_response_time: return period.response_time_micros / 1000;
  }
  return 0;
}

AlarmState CloudWatchAlarm::on_period(const PeriodTraffic& period) {
  last_value_ = datapoint_thousandths(definition_.metric, period);
  const bool breaching = definition_.comparison == model::AlarmComparison::greater_than_threshold
                             ? last_value_ > definition_.threshold_thousandths
                             : last_value_ >= definition_.threshold_thousandths;
  breaching_.push_back(breaching);
  if (breaching_.size() > static_cast<std::size_t>(definition_.evaluation_periods)) breaching_.pop_front();
  int count = 0;
  for (bool b : breaching_) count += b ? 1 : 0;
  // "M out of N": ALARM once M of the last N datapoints breach (CloudWatch user guide).
  state_ = count >= definition_.datapoints_to_alarm ? AlarmState::alarm : AlarmState::ok;
  return state_;
}

std::string_view to_string(AlarmState s) {
  switch (s) {
    case AlarmState::insufficient_data: return "INSUFFICIENT_DATA";
    case AlarmState::ok: return "OK";
    case AlarmState::alarm: return "ALARM";
  }
  return "?";
}

}  // namespace sim::ecs
