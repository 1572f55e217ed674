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

// "p99", "p99.9": a percentile strictly between 0 and 100, as parts per million.
std::int64_t read_percentile(const Node& node) {
  const std::string text = node.as_string();
  const std::string expected = "a percentile \"pNN\" or \"pNN.NN\" between p0 and p100, such as \"p99\"";
  if (text.size() < 2 || text[0] != 'p') node.fail(expected);
  std::int64_t ppm = 0;
  int decimals = -1;
  for (std::size_t i = 1; i < text.size(); ++i) {
    if (text[i] == '.' && decimals < 0) {
      decimals = 0;
    } else if (text[i] >= '0' && text[i] <= '9' && decimals < 4 && ppm < 1'000'000) {
      ppm = ppm * 10 + (text[i] - '0');
      if (decimals >= 0) ++decimals;
    } else {
      node.fail(expected);
    }
  }
  for (int d = decimals < 0 ? 0 : decimals; d < 4; ++d) ppm *= 10;
  if (ppm <= 0 || ppm >= 1'000'000) node.fail(expected);
  return ppm;
}

// The 5xx metrics are Sums (the percent is metric math over two sums); TargetResponseTime is an
// Average or an ExtendedStatistic percentile (PutMetricAlarm takes one of the two).
void read_statistic(ObjectReader& reader, AlarmDefinition& alarm) {
  if (alarm.metric != AlarmMetric::target_response_time) {
    reader.choice_or<int>("Statistic", 0, {{"Sum", 0}});
    return;
  }
  if (const std::optional<Node> extended = reader.get("ExtendedStatistic")) {
    if (reader.has("Statistic")) extended->fail("no ExtendedStatistic beside a Statistic (an alarm has one)");
    alarm.percentile_ppm = read_percentile(*extended);
    return;
  }
  reader.required("Statistic").as_choice<int>({{"Average", 0}});
}

AlarmDefinition read_alarm(const Node& node) {
  ObjectReader reader = node.as_object(UnknownKeys::ignore);
  AlarmDefinition alarm;
  alarm.name = reader.required("AlarmName").as_name();
  alarm.metric = reader.required("MetricName")
                     .as_choice<AlarmMetric>({{"HTTPCode_Target_5XX_Count", AlarmMetric::target_5xx_count},
                                              {"HTTPCode_ELB_5XX_Count", AlarmMetric::elb_5xx_count},
                                              {"Target5XXPercent", AlarmMetric::target_5xx_percent},
                                              {"TargetResponseTime", AlarmMetric::target_response_time}});
  read_statistic(reader, alarm);
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
  // The path real mode's load generator requests from an image run as it is (own_image.h reads
  // it); the simulator's traffic has no path.
  if (const std::optional<Node> path = reader.get("path")) path->as_name();
  if (const std::optional<Node> changes = reader.get("changes")) {
    for (const Node& element : changes->as_array()) {
      ObjectReader change = element.as_object(UnknownKeys::reject);
      const Node at = change.required("atSeconds");
      const sim::Millis previous = traffic.changes.empty() ? sim::Millis{0} : traffic.changes.back().at;
      const sim::Millis when = at.as_seconds({0.001});
      if (when <= previous) at.fail("a time after the previous change's (changes are in time order)");
      traffic.changes.push_back({when, change.required("requestsPerSecond").as_int32({0, 100000})});
      change.finish();
    }
  }
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
