// Request traffic and the CloudWatch alarms that watch it, as plain data. The world turns
// `TrafficConfig` into per-revision request and 5xx counts (sim/world/traffic_meter.h); each
// `AlarmDefinition` is one `describe-alarms` MetricAlarm evaluated over those counts
// (sim/ecs/alarm.h). A scenario without a "traffic" section has no traffic and no timer for it.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "sim/engine/time.h"

namespace sim::model {

// From `at` on, the load balancer receives `requests_per_second` (a rise or fall of demand).
struct TrafficChange {
  Millis at{0};
  int requests_per_second = 0;  // 0-100000
};

struct TrafficConfig {
  // Requests per second the load balancer receives, spread evenly over the targets that are
  // healthy and registered; with none healthy, over every registered target (fail-open, ecs-rules
  // §6); with none registered, the load balancer answers 503 itself (HTTPCode_ELB_5XX).
  int requests_per_second = 0;  // 1-100000, from time 0
  std::vector<TrafficChange> changes = {};  // strictly increasing `at`, each > 0

  // The rate in force at `t`.
  int rate_at(Millis t) const {
    int rate = requests_per_second;
    for (const TrafficChange& c : changes)
      if (c.at <= t) rate = c.requests_per_second;
    return rate;
  }
};

// The load balancer's traffic is counted in buckets of this length; alarm periods are multiples.
inline constexpr Millis kTrafficBucket = seconds(10);

// The metric an alarm watches, over the whole target group (every revision's targets at once).
enum class AlarmMetric : std::uint8_t {
  target_5xx_count,    // HTTPCode_Target_5XX_Count, Sum over the period
  elb_5xx_count,       // HTTPCode_ELB_5XX_Count, Sum: requests no target answered (503, 502, 504)
  target_5xx_percent,  // metric math 100 * HTTPCode_Target_5XX_Count / RequestCount
  target_response_time,  // TargetResponseTime in seconds: Average or a percentile (pNN)
};

enum class AlarmComparison : std::uint8_t { greater_than_threshold, greater_than_or_equal_to_threshold };

// One CloudWatch metric alarm (PutMetricAlarm / DescribeAlarms field names in comments).
struct AlarmDefinition {
  std::string name;                                 // AlarmName
  AlarmMetric metric = AlarmMetric::target_5xx_count;
  AlarmComparison comparison = AlarmComparison::greater_than_or_equal_to_threshold;
  std::int64_t threshold_thousandths = 0;           // Threshold x 1000 (fixed point: no doubles)
  // TargetResponseTime: ExtendedStatistic pNN as parts per million (p99: 990000), or 0 for
  // Statistic Average. The 5xx metrics are Sums.
  std::int64_t percentile_ppm = 0;
  Millis period = seconds(60);                      // Period: 10, 30 or a multiple of 60 s
  int evaluation_periods = 1;                       // EvaluationPeriods (N), >= 1
  int datapoints_to_alarm = 1;                      // DatapointsToAlarm (M), 1-N
};

}  // namespace sim::model
