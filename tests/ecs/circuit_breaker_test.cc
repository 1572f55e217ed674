#include "sim/ecs/circuit_breaker.h"

#include <catch2/catch.hpp>

#include <algorithm>

namespace sim::ecs {
namespace {

const RuleSet& current() { return *find_rule_set("current"); }
const RuleSet& pre_2024() { return *find_rule_set("pre-2024"); }

model::CircuitBreakerConfig enabled_breaker() {
  model::CircuitBreakerConfig config;
  config.enable = true;
  config.rollback = true;
  return config;
}

TEST_CASE("the default threshold is half the desired count rounded up and clamped to 3..200") {
  // Given the default BOUNDED_PERCENT 50, when N takes each value of the reference table, then
  // the threshold matches the table's row.
  // Source: ecs-rules §1.1 threshold table (deployment-circuit-breaker.html).
  const model::CircuitBreakerConfig config = enabled_breaker();
  const int desired[] = {1, 2, 5, 6, 10, 20, 25, 100, 400, 1000};
  const int expected[] = {3, 3, 3, 3, 5, 10, 13, 50, 200, 200};
  for (int i = 0; i < 10; ++i) {
    INFO("N = " << desired[i]);
    CHECK(breaker_threshold(config, desired[i], current()) == expected[i]);
  }
}

TEST_CASE("the seed document's min-max typo gives 3 where the correct formula gives 5") {
  // Given N = 10, when the seed's min(3, max(200, ceil(N/2))) is evaluated, then it gives 3,
  // while the correct threshold is 5: the typo is only right for N <= 6.
  // Source: ecs-rules §1.1 "the seed typo" (deployment-circuit-breaker.html).
  const auto seed_typo = [](int n) { return std::min(3, std::max(200, (n + 1) / 2)); };
  CHECK(seed_typo(6) == breaker_threshold(enabled_breaker(), 6, current()));
  CHECK(seed_typo(10) == 3);
  CHECK(breaker_threshold(enabled_breaker(), 10, current()) == 5);
}

TEST_CASE("an UNBOUNDED_PERCENT threshold is not clamped to 200") {
  // Given UNBOUNDED_PERCENT 50 and N = 800, when the threshold is computed, then it is 400.
  // Source: ecs-rules §1.2 (API_ThresholdConfiguration.html).
  model::CircuitBreakerConfig config = enabled_breaker();
  config.threshold_type = model::ThresholdType::unbounded_percent;
  config.threshold_value = 50;
  CHECK(breaker_threshold(config, 800, current()) == 400);
}

TEST_CASE("a COUNT threshold is its value whatever the desired count") {
  // Given COUNT 7, when N varies from 1 to 1000, then the threshold stays 7.
  // Source: ecs-rules §1.2 (API_ThresholdConfiguration.html).
  model::CircuitBreakerConfig config = enabled_breaker();
  config.threshold_type = model::ThresholdType::count;
  config.threshold_value = 7;
  for (int n : {1, 3, 14, 100, 1000}) CHECK(breaker_threshold(config, n, current()) == 7);
}

TEST_CASE("the pre-2024 rule set uses a floor of 10 and ignores thresholdConfiguration") {
  // Given the pre-2024 rules, when N is 1, 25 and 400 (even with a COUNT 7 configured), then the
  // thresholds are 10, 13 and 200 as in the archived guide's table.
  // Source: ecs-rules §1.1 history (archived amazon-ecs-developer-guide
  // doc_source/deployment-circuit-breaker.md) and §1.2 (configurable only since July 2026).
  model::CircuitBreakerConfig config = enabled_breaker();
  CHECK(breaker_threshold(config, 1, pre_2024()) == 10);
  CHECK(breaker_threshold(config, 25, pre_2024()) == 13);
  CHECK(breaker_threshold(config, 400, pre_2024()) == 200);
  config.threshold_type = model::ThresholdType::count;
  config.threshold_value = 7;
  CHECK(breaker_threshold(config, 1, pre_2024()) == 10);
}

TEST_CASE("the breaker trips on exactly the threshold-th failed task") {
  // Given desiredCount 1 (threshold 3), when tasks fail one by one, then the first two failures
  // do not trip it, the third does, and later failures report no new trip.
  // Source: ecs-rules §1.3 trip condition "failure count == threshold"
  // (deployment-circuit-breaker.html).
  CircuitBreaker breaker(enabled_breaker(), current());
  CHECK_FALSE(breaker.on_task_failed(1));
  CHECK_FALSE(breaker.on_task_failed(1));
  CHECK_FALSE(breaker.tripped());
  CHECK(breaker.on_task_failed(1));
  CHECK(breaker.tripped());
  CHECK(breaker.failures() == 3);
  CHECK_FALSE(breaker.on_task_failed(1));
}

TEST_CASE("a healthy task resets the failure count in the consecutive model") {
  // Given two failures, when a task becomes healthy, then the count is 0 and three more failures
  // are needed to trip the breaker.
  // Source: ecs-rules §1.2 resetOnHealthyTask=true (API_DeploymentCircuitBreaker.html).
  CircuitBreaker breaker(enabled_breaker(), current());
  breaker.on_task_failed(1);
  breaker.on_task_failed(1);
  breaker.on_task_healthy();
  CHECK(breaker.failures() == 0);
  CHECK_FALSE(breaker.on_task_failed(1));
  CHECK_FALSE(breaker.on_task_failed(1));
  CHECK(breaker.on_task_failed(1));
}

TEST_CASE("a healthy task does not reset the count when resetOnHealthyTask is false") {
  // Given the cumulative model and two failures, when a task becomes healthy, then the count stays
  // 2 and the next failure trips the breaker.
  // Source: ecs-rules §1.2 resetOnHealthyTask=false (API_DeploymentCircuitBreaker.html).
  model::CircuitBreakerConfig config = enabled_breaker();
  config.reset_on_healthy_task = false;
  CircuitBreaker breaker(config, current());
  breaker.on_task_failed(1);
  breaker.on_task_failed(1);
  breaker.on_task_healthy();
  CHECK(breaker.failures() == 2);
  CHECK(breaker.on_task_failed(1));
}

TEST_CASE("a disabled breaker never trips") {
  // Given a breaker with enable=false, when 1000 tasks fail, then it never trips.
  // Source: ecs-rules §1.2 `enable` field (API_DeploymentCircuitBreaker.html).
  CircuitBreaker breaker(model::CircuitBreakerConfig{}, current());
  for (int i = 0; i < 1000; ++i) CHECK_FALSE(breaker.on_task_failed(1));
  CHECK_FALSE(breaker.tripped());
  CHECK_FALSE(breaker.enabled());
}

TEST_CASE("the breaker moves to the health-check stage once a task reaches RUNNING") {
  // Given a new breaker in stage 1, when a task reaches RUNNING, then it is in stage 2.
  // Source: ecs-rules §1.3 the two stages (deployment-circuit-breaker.html).
  CircuitBreaker breaker(enabled_breaker(), current());
  CHECK(breaker.stage() == BreakerStage::tasks_reaching_running);
  breaker.on_task_running();
  CHECK(breaker.stage() == BreakerStage::health_checks);
}

}  // namespace
}  // namespace sim::ecs
