// ECS's rules change over time. A RuleSet names one era's numbers and choices so that an old
// incident can be replayed under the rules of its day (`"rules": "pre-2024"` in a scenario).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "sim/engine/time.h"

namespace sim::ecs {

struct RuleSet {
  std::string name;
  // Lower clamp of the BOUNDED_PERCENT breaker threshold: 3 since January 2024, 10 before
  // (ecs-rules §1.1, archived guide table: N=1 -> 10).
  int breaker_min_threshold = 3;
  int breaker_max_threshold = 200;
  // thresholdConfiguration and resetOnHealthyTask exist since July 2026 (ecs-rules §1.2); an
  // older rule set ignores them (percent 50, bounded, consecutive counting).
  bool threshold_configuration_supported = true;
  // Whether a task that reached RUNNING and then exited before it ever counted as healthy (seed
  // 000's OOM at ~35 s, no health checks) is a breaker failure (ecs-rules §1.5). A documented
  // choice, not an era: every era counts it by default (seed 000 saw the breaker trip on such
  // tasks); the variant named "<era>+exit-before-healthy-not-counted" follows the letter of
  // Deployment.failedTasks, which does not list the case (users report loops with failedTasks 0).
  bool count_exit_before_healthy = true;
  // Without a load balancer or container health check a task counts toward healthy this long
  // after it reaches RUNNING (ecs-rules §3.1).
  Millis healthy_without_checks_after = seconds(40);
  // Task-launch throttle (service-throttle-logic): the delay before another launch after k
  // consecutive tasks failed to start grows to this cap (27 min now, 15 min in older docs).
  Millis throttle_cap = minutes(27);
  // The older API text: healthCheckGracePeriodSeconds "is only valid if your service is configured
  // to use a load balancer"; today it also covers container health checks without one (ecs-rules §4).
  bool grace_period_needs_load_balancer = false;
  // Unhealthy-task replacement uses the failing task's own revision (Nov 2025, ecs-rules §3.1).
  bool replace_with_own_revision = true;
};

// Suffix of the variant of each era that does not count a task exiting before it was healthy.
inline constexpr std::string_view kExitBeforeHealthyNotCounted = "+exit-before-healthy-not-counted";

// The rule set named `name` ("current", "pre-2025-11", "pre-2024", each also with
// kExitBeforeHealthyNotCounted); nullptr when there is none by that name.
const RuleSet* find_rule_set(std::string_view name);

// Every known rule-set name, for error messages.
std::vector<std::string> rule_set_names();

}  // namespace sim::ecs
