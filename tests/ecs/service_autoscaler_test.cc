#include "sim/ecs/service_autoscaler.h"

#include <catch2/catch.hpp>

namespace sim::ecs {
namespace {

model::TargetTrackingPolicy policy(const std::string& name, model::ScalingMetric metric, int target) {
  model::TargetTrackingPolicy p;
  p.name = name;
  p.metric = metric;
  p.target_value_thousandths = target * 1000;
  p.alarm_high = name + "-AlarmHigh";
  p.alarm_low = name + "-AlarmLow";
  return p;
}

model::ServiceAutoScaling cpu_scaling(int min, int max) {
  model::ServiceAutoScaling config;
  config.target.min_capacity = min;
  config.target.max_capacity = max;
  config.policies = {policy("cpu50", model::ScalingMetric::ecs_cpu, 50)};
  return config;
}

ScalingDatapoints cpu(std::int64_t percent, std::optional<std::int64_t> memory = std::nullopt) {
  ScalingDatapoints d;
  d.cpu_thousandths = percent * 1000;
  d.memory_thousandths = memory ? std::optional<std::int64_t>{*memory * 1000} : std::nullopt;
  return d;
}

// Feeds `count` one-minute datapoints from `start` on, applying each activity; returns the last.
std::optional<ScalingActivity> feed(ServiceAutoscaler& a, Millis start, int count, const ScalingDatapoints& d,
                                    ServiceCapacity& s) {
  std::optional<ScalingActivity> last;
  for (int i = 0; i < count; ++i) {
    if (std::optional<ScalingActivity> act = a.on_minute(start + minutes(i), d, s)) {
      s.desired = act->to;
      last = act;
    }
  }
  return last;
}

TEST_CASE("a CPU breach of three minutes scales out from the running count, named as AWS names it") {
  // Given 4 running tasks at 80 % for a 50 % target, when the third minute ends, then the
  // desired count goes 4 -> 7, triggered by the policy's AlarmHigh.
  const model::ServiceAutoScaling config = cpu_scaling(1, 10);
  ServiceAutoscaler a(config);
  ServiceCapacity s{4, 4, false};
  CHECK_FALSE(a.on_minute(minutes(1), cpu(80), s));
  CHECK_FALSE(a.on_minute(minutes(2), cpu(80), s));
  const std::optional<ScalingActivity> act = a.on_minute(minutes(3), cpu(80), s);
  REQUIRE(act);
  CHECK(act->direction == ScalingDirection::out);
  CHECK(act->from == 4);
  CHECK(act->to == 7);
  CHECK(act->policy == "cpu50");
  CHECK(act->alarm == "cpu50-AlarmHigh");
}

TEST_CASE("the running count is the starting point: tasks that cannot start do not compound") {
  // Given desired 7 but only 4 running still at 80 %, then the policy asks for 7 again and
  // nothing changes, minute after minute (no runaway while tasks cannot be placed).
  const model::ServiceAutoScaling config = cpu_scaling(1, 20);
  ServiceAutoscaler a(config);
  ServiceCapacity s{4, 7, false};
  CHECK_FALSE(feed(a, minutes(1), 20, cpu(80), s));
  CHECK(s.desired == 7);
}

TEST_CASE("MaxCapacity caps a scale-out and MinCapacity floors a scale-in") {
  // Given max 6, when 4 tasks run at 100 % (asking for 8), then desired goes to 6; given min 3,
  // when 6 tasks idle at 5 % for 15 minutes (asking for 1), then desired goes to 3.
  const model::ServiceAutoScaling config = cpu_scaling(3, 6);
  ServiceAutoscaler out(config);
  ServiceCapacity s{4, 4, false};
  REQUIRE(feed(out, minutes(1), 3, cpu(100), s));
  CHECK(s.desired == 6);
  ServiceAutoscaler in(config);
  ServiceCapacity idle{6, 6, false};
  REQUIRE(feed(in, minutes(1), 15, cpu(5), idle));
  CHECK(idle.desired == 3);
}

TEST_CASE("above MaxCapacity a scale-in first lowers to the maximum; a scale-out does nothing") {
  // Given desired 12 (set by hand) over max 10, when the metric breaches high, then nothing;
  // when it is low for 15 minutes with 12 running at 40 % (asking for 10), then 12 -> 10.
  const model::ServiceAutoScaling config = cpu_scaling(1, 10);
  ServiceAutoscaler a(config);
  ServiceCapacity s{12, 12, false};
  CHECK_FALSE(feed(a, minutes(1), 3, cpu(90), s));
  CHECK(a.held() == ScalingHeld::at_bound);
  ServiceAutoscaler b(config);
  REQUIRE(feed(b, minutes(1), 15, cpu(40), s));
  CHECK(s.desired == 10);
}

TEST_CASE("scale-in is held while a deployment is in progress, and resumes after it") {
  // Given 15 low minutes during a deployment, then no scale-in and held() says why; when the
  // deployment completes, the next low minute scales in.
  const model::ServiceAutoScaling config = cpu_scaling(1, 10);
  ServiceAutoscaler a(config);
  ServiceCapacity s{8, 8, true};
  CHECK_FALSE(feed(a, minutes(1), 15, cpu(10), s));
  CHECK(a.held() == ScalingHeld::scale_in_during_deployment);
  s.deployment_in_progress = false;
  const std::optional<ScalingActivity> act = a.on_minute(minutes(16), cpu(10), s);
  REQUIRE(act);
  CHECK(act->to == 2);  // ceil(8 x 10 / 50)
  CHECK(act->alarm == "cpu50-AlarmLow");
}

TEST_CASE("scale-out is not held by a deployment in progress") {
  // Given a deployment in progress, when CPU breaches for three minutes, then it scales out.
  const model::ServiceAutoScaling config = cpu_scaling(1, 10);
  ServiceAutoscaler a(config);
  ServiceCapacity s{4, 4, true};
  REQUIRE(feed(a, minutes(1), 3, cpu(75), s));
  CHECK(s.desired == 6);
}

TEST_CASE("the scale-in cooldown spaces scale-ins 300 s apart, and a scale-out ends it") {
  // Given 15 low minutes then a scale-in at minute 15, then the next scale-in waits for the
  // 300 s cooldown (minute 20); a scale-out in between cancels it, so a scale-in may follow.
  const model::ServiceAutoScaling config = cpu_scaling(1, 20);
  ServiceAutoscaler a(config);
  ServiceCapacity s{10, 10, false};
  REQUIRE(feed(a, minutes(1), 15, cpu(40), s));
  CHECK(s.desired == 8);  // ceil(10 x 40 / 50)
  s.running = 8;
  CHECK_FALSE(a.on_minute(minutes(16), cpu(40), s));
  CHECK(a.held() == ScalingHeld::cooldown);
  CHECK_FALSE(feed(a, minutes(17), 3, cpu(40), s));
  const std::optional<ScalingActivity> after = a.on_minute(minutes(20), cpu(40), s);
  REQUIRE(after);
  CHECK(after->to == 7);  // ceil(8 x 40 / 50)
}

TEST_CASE("in the scale-out cooldown only a larger scale-out proceeds") {
  // Given a scale-out to 6 at minute 3, when the metric stays at 75 % on 4 running (asking for
  // 6 again), then nothing; when it rises to 100 % (asking for 8) inside the cooldown, then 8.
  const model::ServiceAutoScaling config = cpu_scaling(1, 20);
  ServiceAutoscaler a(config);
  ServiceCapacity s{4, 4, false};
  REQUIRE(feed(a, minutes(1), 3, cpu(75), s));
  CHECK(s.desired == 6);
  s.desired = 4;  // as if someone set it back by hand: the cooldown still remembers 6
  CHECK_FALSE(a.on_minute(minutes(4), cpu(75), s));
  CHECK(a.held() == ScalingHeld::cooldown);
  const std::optional<ScalingActivity> larger = a.on_minute(minutes(5), cpu(100), s);
  REQUIRE(larger);
  CHECK(larger->to == 8);
}

TEST_CASE("two policies: out if any wants out, in only if both want in") {
  // Given CPU and memory policies, when CPU is high and memory low, then it scales out; when
  // CPU is low for 15 minutes but memory on target, then no scale-in.
  model::ServiceAutoScaling config = cpu_scaling(1, 20);
  config.policies.push_back(policy("mem60", model::ScalingMetric::ecs_memory, 60));
  ServiceAutoscaler a(config);
  ServiceCapacity s{4, 4, false};
  const std::optional<ScalingActivity> out = feed(a, minutes(1), 3, cpu(80, 10), s);
  REQUIRE(out);
  CHECK(out->policy == "cpu50");
  ServiceAutoscaler b(config);
  ServiceCapacity t{6, 6, false};
  CHECK_FALSE(feed(b, minutes(1), 20, cpu(10, 60), t));
  CHECK(t.desired == 6);
  const std::optional<ScalingActivity> both = b.on_minute(minutes(21), cpu(10, 10), t);
  CHECK_FALSE(both);  // memory's low streak has only one minute yet
}

TEST_CASE("a suspended scale-out does nothing however high the metric") {
  // Given DynamicScalingOutSuspended, when CPU stays at 100 %, then no activity and held() says so.
  model::ServiceAutoScaling config = cpu_scaling(1, 20);
  config.target.dynamic_scaling_out_suspended = true;
  ServiceAutoscaler a(config);
  ServiceCapacity s{4, 4, false};
  CHECK_FALSE(feed(a, minutes(1), 10, cpu(100), s));
  CHECK(a.held() == ScalingHeld::suspended);
}

}  // namespace
}  // namespace sim::ecs
