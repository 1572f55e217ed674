#include "sim/ecs/launch_throttle.h"

#include <catch2/catch.hpp>

#include "sim/ecs/rule_set.h"

namespace sim::ecs {
namespace {

TEST_CASE("launch delays double from 10 s and stop at the 27 minute cap") {
  // Given the current cap, when tasks keep failing to start, then the delay is 10, 20, 40 ...
  // 1280 s and then 27 min, and stays there however many more fail.
  // Source: ecs-rules §9 throttle (service-throttle-logic.html): only the 27 min cap is
  // documented; the doubling from 10 s is our choice (ecs-rules open question 8).
  LaunchThrottle throttle(find_rule_set("current")->throttle_cap);
  CHECK(throttle.delay() == Millis{0});
  CHECK_FALSE(throttle.throttled());
  const int expected_s[] = {10, 20, 40, 80, 160, 320, 640, 1280, 1620, 1620};
  for (int expected : expected_s) {
    throttle.on_start_failure();
    CHECK(throttle.delay() == seconds(expected));
  }
  for (int i = 0; i < 1000; ++i) throttle.on_start_failure();
  CHECK(throttle.delay() == minutes(27));
}

TEST_CASE("the pre-2024 throttle stops at 15 minutes") {
  // Given the pre-2024 cap, when seven and then eight tasks in a row fail to start, then the
  // delay is 640 s and then 15 min instead of the 1280 s the doubling would give.
  // Source: ecs-rules §9 (older docs: 15 min cap; service-throttle-logic.html).
  LaunchThrottle throttle(find_rule_set("pre-2024")->throttle_cap);
  for (int i = 0; i < 7; ++i) throttle.on_start_failure();
  CHECK(throttle.delay() == seconds(640));
  throttle.on_start_failure();
  CHECK(throttle.delay() == minutes(15));
}

TEST_CASE("a new deployment resets the throttle at once") {
  // Given a throttled scheduler, when a new deployment is created, then launches are not delayed.
  // Source: ecs-rules §9 "updating the service to a new task definition resets"
  // (service-throttle-logic.html).
  LaunchThrottle throttle(minutes(27));
  for (int i = 0; i < 5; ++i) throttle.on_start_failure();
  REQUIRE(throttle.throttled());
  throttle.reset();
  CHECK_FALSE(throttle.throttled());
  CHECK(throttle.delay() == Millis{0});
}

TEST_CASE("a task reaching RUNNING resets the throttle") {
  // Given a throttled scheduler, when a task reaches RUNNING, then the next failure starts the
  // back-off again from 10 s.
  // Source: ecs-rules §9 (throttle is fed only by tasks that never reach RUNNING;
  // service-throttle-logic.html).
  LaunchThrottle throttle(minutes(27));
  for (int i = 0; i < 5; ++i) throttle.on_start_failure();
  throttle.on_task_running();
  CHECK(throttle.delay() == Millis{0});
  throttle.on_start_failure();
  CHECK(throttle.delay() == seconds(10));
}

}  // namespace
}  // namespace sim::ecs
