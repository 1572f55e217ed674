#include "sim/ecs/rule_set.h"

#include <catch2/catch.hpp>
#include <string>

namespace sim::ecs {
namespace {

TEST_CASE("the current rule set has a breaker floor of 3 and a 27 minute throttle cap") {
  // Given the name "current", when it is looked up, then it has today's numbers.
  // Source: ecs-rules §1.1 (floor 3 since Jan 2024) and §9 (27 min cap).
  const RuleSet* rules = find_rule_set("current");
  REQUIRE(rules != nullptr);
  CHECK(rules->name == "current");
  CHECK(rules->breaker_min_threshold == 3);
  CHECK(rules->breaker_max_threshold == 200);
  CHECK(rules->threshold_configuration_supported);
  CHECK(rules->throttle_cap == minutes(27));
  CHECK(rules->replace_with_own_revision);
}

TEST_CASE("the pre-2025-11 rule set replaces an old revision's lost tasks with the new revision") {
  // Given the name "pre-2025-11", when it is looked up, then it has today's breaker numbers but not
  // the Nov 2025 own-revision replacement, nor the July 2026 thresholdConfiguration.
  // Source: ecs-rules §3.1 (whats-new 2025/11 rolling deployments), §1.2.
  const RuleSet* rules = find_rule_set("pre-2025-11");
  REQUIRE(rules != nullptr);
  CHECK(rules->breaker_min_threshold == 3);
  CHECK_FALSE(rules->threshold_configuration_supported);
  CHECK_FALSE(rules->replace_with_own_revision);
}

TEST_CASE("every era counts a task exiting before it was healthy, and has a variant that does not") {
  // Given each era's name, with and without "+exit-before-healthy-not-counted", when looked up,
  // then only the variant drops the count and it keeps the era's other numbers.
  // Source: ecs-rules §1.5 (API_Deployment failedTasks; aws/copilot-cli#1879; seed 000).
  for (const char* era : {"current", "pre-2025-11", "pre-2024"}) {
    const RuleSet* base = find_rule_set(era);
    const RuleSet* variant = find_rule_set(std::string(era) + std::string(kExitBeforeHealthyNotCounted));
    REQUIRE(base != nullptr);
    REQUIRE(variant != nullptr);
    CHECK(base->count_exit_before_healthy);
    CHECK_FALSE(variant->count_exit_before_healthy);
    CHECK(variant->breaker_min_threshold == base->breaker_min_threshold);
    CHECK(variant->throttle_cap == base->throttle_cap);
    CHECK(variant->replace_with_own_revision == base->replace_with_own_revision);
  }
  CHECK(rule_set_names().size() == 6);
}

TEST_CASE("the pre-2024 rule set has a breaker floor of 10 and a 15 minute throttle cap") {
  // Given the name "pre-2024", when it is looked up, then it has the numbers of the older guide.
  // Source: ecs-rules §1.1 history (archived guide: N=1 -> 10) and §9 (older docs: 15 min).
  const RuleSet* rules = find_rule_set("pre-2024");
  REQUIRE(rules != nullptr);
  CHECK(rules->name == "pre-2024");
  CHECK(rules->breaker_min_threshold == 10);
  CHECK_FALSE(rules->threshold_configuration_supported);
  CHECK(rules->throttle_cap == minutes(15));
  // Source: ecs-rules §4 (older API text: the grace period "is only valid if your service is
  // configured to use a load balancer").
  CHECK(rules->grace_period_needs_load_balancer);
  CHECK_FALSE(find_rule_set("current")->grace_period_needs_load_balancer);
  CHECK_FALSE(rules->replace_with_own_revision);
}

TEST_CASE("an unknown rule-set name finds nothing") {
  // Given names that are not rule sets, when they are looked up, then the result is nullptr, and
  // the list of known names offers the six that exist.
  CHECK(find_rule_set("2019") == nullptr);
  CHECK(find_rule_set("") == nullptr);
  CHECK(find_rule_set("Current") == nullptr);
  CHECK(rule_set_names() == std::vector<std::string>{"current", "pre-2025-11", "pre-2024",
                                                     "current+exit-before-healthy-not-counted",
                                                     "pre-2025-11+exit-before-healthy-not-counted",
                                                     "pre-2024+exit-before-healthy-not-counted"});
}

}  // namespace
}  // namespace sim::ecs
