// The alarm watch alone: datapoints from the traffic a world reports, at period boundaries.
#include <catch2/catch.hpp>

#include "sim/ecs/alarm_watch.h"

using sim::Millis;
using sim::seconds;
using sim::ecs::AlarmState;
using sim::ecs::AlarmWatch;
using sim::ecs::TrafficReport;

namespace {

sim::model::AlarmDefinition five_xx_alarm(const std::string& name, std::int64_t threshold) {
  sim::model::AlarmDefinition a;
  a.name = name;
  a.metric = sim::model::AlarmMetric::target_5xx_count;
  a.threshold_thousandths = threshold * 1000;
  a.period = seconds(60);
  return a;
}

TrafficReport served(std::int64_t requests, std::int64_t errors) {
  TrafficReport r;
  r.revisions = {{0, requests, errors, {}}};
  r.target_requests = requests;
  r.target_5xx = errors;
  return r;
}

}  // namespace

TEST_CASE("an alarm takes a datapoint only at the end of its period, from the 5xx served since the last one") {
  // Given a >= 10 5xx-per-minute alarm, when 12 errors are reported by 0:50 and none more by 1:00,
  // then the datapoint at 1:00 counts 12 and the alarm is in ALARM; the next minute's 0 clears it.
  AlarmWatch watch({five_xx_alarm("web-5xx", 10)});
  CHECK(watch.on_traffic(seconds(50), served(500, 12)).empty());
  const auto changes = watch.on_traffic(seconds(60), served(600, 12));
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].state == AlarmState::alarm);
  CHECK(watch.alarms()[0].last_value_thousandths() == 12'000);
  const auto cleared = watch.on_traffic(seconds(120), served(1200, 12));
  REQUIRE(cleared.size() == 1);
  CHECK(cleared[0].state == AlarmState::ok);
}

TEST_CASE("in_alarm names only the alarms asked for, in the alarms' order") {
  // Given two alarms both in ALARM, when the deployment names one, then only that one is returned.
  AlarmWatch watch({five_xx_alarm("a", 1), five_xx_alarm("b", 1)});
  watch.on_traffic(seconds(60), served(100, 5));
  CHECK(watch.in_alarm({"b"}) == std::vector<std::string>{"b"});
  CHECK(watch.in_alarm({"b", "a"}) == std::vector<std::string>{"a", "b"});
  CHECK(watch.in_alarm({"c"}).empty());
}

TEST_CASE("a datapoint is due only where a period ends, and an alarm is in ALARM only from one") {
  // Given a 1-minute and a 30-s alarm, when asked at 0:30, 0:50 and 1:00, then datapoints are due
  // at 0:30 and 1:00 only; no alarm is in ALARM until a datapoint crosses a threshold.
  sim::model::AlarmDefinition half_minute = five_xx_alarm("b", 1000);
  half_minute.period = seconds(30);
  AlarmWatch watch({five_xx_alarm("a", 1), half_minute});
  CHECK(watch.datapoint_due(seconds(30)));
  CHECK_FALSE(watch.datapoint_due(seconds(50)));
  CHECK(watch.datapoint_due(seconds(60)));
  CHECK_FALSE(watch.any_in_alarm());
  watch.on_traffic(seconds(60), served(100, 5));
  CHECK(watch.any_in_alarm());
}

TEST_CASE("a p99 latency alarm mixes the revisions by the requests each served in the period") {
  // Given a p99 > 0.5 s alarm, when a slow revision (p99 2 s) served 10 % of the minute's requests,
  // then the period's p99 is above 0.5 s and the alarm fires; a fast-only minute does not.
  sim::model::AlarmDefinition a;
  a.name = "latency";
  a.metric = sim::model::AlarmMetric::target_response_time;
  a.percentile_ppm = 990'000;
  a.threshold_thousandths = 500;  // seconds x 1000
  a.comparison = sim::model::AlarmComparison::greater_than_threshold;
  AlarmWatch watch({a});
  TrafficReport r;
  r.revisions = {{0, 900, 0, {20, 80}}, {1, 100, 0, {200, 2000}}};
  r.target_requests = 1000;
  const auto changes = watch.on_traffic(seconds(60), r);
  REQUIRE(changes.size() == 1);
  CHECK(changes[0].state == AlarmState::alarm);
  r.revisions[0].requests += 1000;
  r.target_requests += 1000;
  const auto fast_minute = watch.on_traffic(seconds(120), r);
  REQUIRE(fast_minute.size() == 1);
  CHECK(fast_minute[0].state == AlarmState::ok);
}
