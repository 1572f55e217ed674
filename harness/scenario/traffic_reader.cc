// "traffic" (our own section: the requests the load balancer receives) and "alarms" (the
// CloudWatch metric alarms over them, as `aws cloudwatch describe-alarms` prints MetricAlarms).
#include "harness/scenario/section_readers.h"

namespace harness::scenario {
namespace {

using sim::model::AlarmComparison;
using sim::model::AlarmDefinition;
using sim::model::AlarmMetric;

// {"MetricAlarms": [...], "CompositeAlarms": []}: the whole describe-alarms answer.
std::vector<Node> unwrap_alarms(const Node& node) {
  if (!node.json().is_object()) return node.as_array();
  ObjectReader wrapper = node.as_object(UnknownKeys::ignore);
  const Node alarms = wrapper.required("MetricAlarms");
  wrapper.finish();
  return alarms.as_array();
}

// CloudWatch periods: 10, 20 or 30 s (high resolution) or a multiple of 60 s, at most a day
// (PutMetricAlarm Period); all are whole traffic buckets.
sim::Millis read_period(const Node& node) {
  const int seconds = node.as_int32({10, 86400});
  if (seconds != 10 && seconds != 20 && seconds != 30 && seconds % 60 != 0) {
    node.fail("10, 20, 30 or a multiple of 60 (CloudWatch alarm periods)");
  }
  return sim::seconds(seconds);
}

AlarmDefinition read_alarm(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  AlarmDefinition alarm;
  alarm.name = reader.required("AlarmName").as_name();
  alarm.metric = reader.required("MetricName")
                     .as_choice<AlarmMetric>({{"HTTPCode_Target_5XX_Count", AlarmMetric::target_5xx_count},
                                              {"HTTPCode_ELB_5XX_Count", AlarmMetric::elb_5xx_count},
                                              {"Target5XXPercent", AlarmMetric::target_5xx_percent}});
  // The counts are sums over the period; the percent is metric math over two sums.
  reader.choice_or<int>("Statistic", 0, {{"Sum", 0}});
  alarm.comparison = reader.required("ComparisonOperator")
                         .as_choice<AlarmComparison>(
                             {{"GreaterThanThreshold", AlarmComparison::greater_than_threshold},
                              {"GreaterThanOrEqualToThreshold",
                               AlarmComparison::greater_than_or_equal_to_threshold}});
  alarm.threshold_thousandths = reader.required("Threshold").as_scaled({0, 1e9}, 1000);
  alarm.period = read_period(reader.required("Period"));
  const int day_in_periods = static_cast<int>(sim::seconds(86400) / alarm.period);
  // PutMetricAlarm: EvaluationPeriods x Period may not exceed one day.
  alarm.evaluation_periods = reader.required("EvaluationPeriods").as_int32({1, day_in_periods});
  // DatapointsToAlarm defaults to EvaluationPeriods ("M out of N" with M = N).
  alarm.datapoints_to_alarm =
      reader.int_or("DatapointsToAlarm", alarm.evaluation_periods, {1, alarm.evaluation_periods});
  reader.finish();
  return alarm;
}

}  // namespace

sim::model::TrafficConfig read_traffic(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::reject);
  sim::model::TrafficConfig traffic;
  traffic.requests_per_second = reader.required("requestsPerSecond").as_int32({1, 100000});
  reader.finish();
  return traffic;
}

std::vector<AlarmDefinition> read_alarms(const Node& node) {
  std::vector<AlarmDefinition> alarms;
  for (const Node& element : unwrap_alarms(node)) {
    alarms.push_back(read_alarm(element));
    for (std::size_t i = 0; i + 1 < alarms.size(); ++i) {
      if (alarms[i].name == alarms.back().name) {
        element.child("AlarmName").fail("an AlarmName not used by another alarm");
      }
    }
  }
  return alarms;
}

}  // namespace harness::scenario
