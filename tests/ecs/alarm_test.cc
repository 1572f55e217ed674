#include "sim/ecs/alarm.h"

#include <catch2/catch.hpp>


namespace sim::ecs {
namespace {

model::AlarmDefinition count_alarm(int threshold, int n, int m) {
  model::AlarmDefinition a;
  a.name = "5xx";
  a.metric = model::AlarmMetric::target_5xx_count;
  a.comparison = model::AlarmComparison::greater_than_threshold;
  a.threshold_thousandths = threshold * 1000;
  a.evaluation_periods = n;
  a.datapoints_to_alarm = m;
  return a;
}

TEST_CASE("an alarm goes to ALARM when M of the last N datapoints breach") {
  // Given 2 of 3 above 100, when datapoints are 150, 50, 150, then the states are OK, OK, ALARM;
  // one more 50 leaves only one breach in the window: OK. Source: CloudWatch "M out of N" alarms.
  CloudWatchAlarm alarm(count_alarm(100, 3, 2));
  CHECK(alarm.state() == AlarmState::insufficient_data);
  CHECK(alarm.on_period({1000, 150, 0}) == AlarmState::ok);
  CHECK(alarm.on_period({1000, 50, 0}) == AlarmState::ok);
  CHECK(alarm.on_period({1000, 150, 0}) == AlarmState::alarm);
  CHECK(alarm.on_period({1000, 50, 0}) == AlarmState::ok);
}

TEST_CASE("GreaterThanThreshold does not breach at the threshold, GreaterThanOrEqualToThreshold does") {
  // Given threshold 100, when the datapoint is exactly 100, then only >= breaches.
  // Source: PutMetricAlarm ComparisonOperator.
  model::AlarmDefinition strict = count_alarm(100, 1, 1);
  model::AlarmDefinition or_equal = strict;
  or_equal.comparison = model::AlarmComparison::greater_than_or_equal_to_threshold;
  CHECK(CloudWatchAlarm(strict).on_period({1000, 100, 0}) == AlarmState::ok);
  CHECK(CloudWatchAlarm(or_equal).on_period({1000, 100, 0}) == AlarmState::alarm);
}

TEST_CASE("the 5xx percent datapoint is 100 x target 5xx / requests, 0 without requests") {
  // Given 1200 5xx of 6000 requests, then the datapoint is 20 %; a period with no request is 0.
  CHECK(datapoint_thousandths(model::AlarmMetric::target_5xx_percent, {6000, 1200, 0}) == 20'000);
  CHECK(datapoint_thousandths(model::AlarmMetric::target_5xx_percent, {0, 0, 0}) == 0);
  CHECK(datapoint_thousandths(model::AlarmMetric::elb_5xx_count, {0, 0, 42}) == 42'000);
}

}  // namespace
}  // namespace sim::ecs
