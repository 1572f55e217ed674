#include "sim/ecs/target_tracking.h"

#include <catch2/catch.hpp>

namespace sim::ecs {
namespace {

model::TargetTrackingPolicy cpu_policy(int target_percent) {
  model::TargetTrackingPolicy p;
  p.name = "cpu50";
  p.target_value_thousandths = target_percent * 1000;
  p.alarm_high = "cpu50-AlarmHigh";
  p.alarm_low = "cpu50-AlarmLow";
  return p;
}

TEST_CASE("the proportional capacity rounds up both ways") {
  // Given 4 running tasks at 80 % CPU for a 50 % target, then 4 x 80 / 50 = 6.4 asks for 7;
  // at 20 %, 1.6 asks for 2 (a scale-in keeps the fraction); exactly on target keeps 4.
  CHECK(proportional_capacity(4, 80'000, 50'000) == 7);
  CHECK(proportional_capacity(4, 20'000, 50'000) == 2);
  CHECK(proportional_capacity(4, 50'000, 50'000) == 4);
  CHECK(proportional_capacity(1, 50'001, 50'000) == 2);  // any breach adds a task
  CHECK(proportional_capacity(0, 90'000, 50'000) == 1);  // from 0: the minimum possible amount
}

TEST_CASE("AlarmHigh fires on the third datapoint above the target, not the second") {
  // Given a 50 % target, when 2 then 3 minutes read 60 %, then only after the third does the
  // policy want a scale-out, to ceil(4 x 60 / 50) = 5.
  const model::TargetTrackingPolicy p = cpu_policy(50);
  TargetTrackingAlarms alarms(p);
  alarms.add(60'000);
  alarms.add(60'000);
  CHECK_FALSE(alarms.high_in_alarm());
  CHECK(alarms.want(4).direction == ScalingDirection::none);
  alarms.add(60'000);
  CHECK(alarms.high_in_alarm());
  CHECK(alarms.want(4).direction == ScalingDirection::out);
  CHECK(alarms.want(4).capacity == 5);
}

TEST_CASE("a minute at or under the target, or without data, restarts the scale-out streak") {
  // Given two minutes above target, when the third equals the target or is missing, then two
  // more breaching minutes are not enough: the streak counts from zero.
  const model::TargetTrackingPolicy p = cpu_policy(50);
  for (std::optional<std::int64_t> gap : {std::optional<std::int64_t>{50'000}, std::optional<std::int64_t>{}}) {
    TargetTrackingAlarms alarms(p);
    alarms.add(70'000);
    alarms.add(70'000);
    alarms.add(gap);
    alarms.add(70'000);
    alarms.add(70'000);
    CHECK_FALSE(alarms.high_in_alarm());
  }
}

TEST_CASE("AlarmLow needs 15 minutes below 90 % of the target") {
  // Given a 50 % target (low threshold 45 %), when 14 minutes read 30 % the policy waits; the
  // 15th asks for ceil(6 x 30 / 50) = 4. A run of 44.999 % also counts, 45 % does not.
  const model::TargetTrackingPolicy p = cpu_policy(50);
  TargetTrackingAlarms alarms(p);
  for (int i = 0; i < 14; ++i) alarms.add(30'000);
  CHECK(alarms.want(6).direction == ScalingDirection::none);
  alarms.add(30'000);
  CHECK(alarms.low_in_alarm());
  CHECK(alarms.want(6).direction == ScalingDirection::in);
  CHECK(alarms.want(6).capacity == 4);

  TargetTrackingAlarms at_threshold(p);
  for (int i = 0; i < 15; ++i) at_threshold.add(45'000);
  CHECK_FALSE(at_threshold.low_in_alarm());
}

TEST_CASE("DisableScaleIn keeps a low metric from asking for fewer tasks") {
  // Given DisableScaleIn, when AlarmLow is in ALARM, then the policy wants nothing.
  model::TargetTrackingPolicy p = cpu_policy(50);
  p.disable_scale_in = true;
  TargetTrackingAlarms alarms(p);
  for (int i = 0; i < 15; ++i) alarms.add(10'000);
  CHECK(alarms.low_in_alarm());
  CHECK(alarms.want(6).direction == ScalingDirection::none);
}

}  // namespace
}  // namespace sim::ecs
