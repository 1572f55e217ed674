#include "sim/ecs/alarm_watch.h"

#include <algorithm>
#include <numeric>

#include "sim/observe/request_latency.h"

namespace sim::ecs {

AlarmWatch::AlarmWatch(const std::vector<model::AlarmDefinition>& alarms)
    : alarms_(alarms.begin(), alarms.end()),
      totals_at_last_datapoint_(alarms.size()),
      revision_requests_at_last_datapoint_(alarms.size()) {
  std::int64_t gcd = 0;
  for (const model::AlarmDefinition& a : alarms) gcd = std::gcd(gcd, a.period.count());
  if (gcd > 0) common_period_ms_ = gcd;
}

std::vector<AlarmWatch::Change> AlarmWatch::on_traffic(Millis now, const TrafficReport& report) {
  std::vector<Change> changes;
  for (std::size_t i = 0; i < alarms_.size(); ++i) {
    CloudWatchAlarm& alarm = alarms_[i];
    if (now.count() % alarm.definition().period.count() != 0) continue;
    PeriodTraffic& last = totals_at_last_datapoint_[i];
    PeriodTraffic period{report.target_requests - last.requests, report.target_5xx - last.target_5xx,
                         report.elb_5xx - last.elb_5xx};
    last = {report.target_requests, report.target_5xx, report.elb_5xx};
    if (alarm.definition().metric == model::AlarmMetric::target_response_time)
      period.response_time_micros = response_time_micros(i, report);
    const AlarmState before = alarm.state();
    if (alarm.on_period(period) != before) {
      changes.push_back({i, alarm.state()});
      in_alarm_count_ += (alarm.state() == AlarmState::alarm) - (before == AlarmState::alarm);
    }
  }
  return changes;
}

// TargetResponseTime over the alarm's last period, in its statistic (Average or pNN): the
// requests each revision served since then, mixed with its app's latency.
std::int64_t AlarmWatch::response_time_micros(std::size_t alarm, const TrafficReport& report) {
  std::vector<std::int64_t>& before = revision_requests_at_last_datapoint_[alarm];
  std::vector<observe::LatencyShare> mix;
  for (const RevisionTraffic& r : report.revisions) {
    const std::int64_t earlier = r.deployment < before.size() ? before[r.deployment] : 0;
    mix.push_back({r.requests - earlier, r.latency});
  }
  before.clear();
  for (const RevisionTraffic& r : report.revisions) before.push_back(r.requests);
  const std::int64_t percentile = alarms_[alarm].definition().percentile_ppm;
  return percentile == 0 ? observe::mixed_mean_micros(mix) : observe::mixed_percentile_micros(mix, percentile);
}

bool AlarmWatch::any_period_ends(Millis now) const {
  return std::any_of(alarms_.begin(), alarms_.end(), [&](const CloudWatchAlarm& alarm) {
    return now.count() % alarm.definition().period.count() == 0;
  });
}

std::vector<std::string> AlarmWatch::in_alarm(const std::vector<std::string>& names) const {
  std::vector<std::string> found;
  for (const CloudWatchAlarm& alarm : alarms_)
    if (alarm.state() == AlarmState::alarm &&
        std::find(names.begin(), names.end(), alarm.definition().name) != names.end())
      found.push_back(alarm.definition().name);
  return found;
}

}  // namespace sim::ecs
