#include "harness/check/liveness_bounds.h"

#include <algorithm>

#include "harness/lint/startup_bounds.h"
#include "sim/ecs/circuit_breaker.h"
#include "sim/ecs/deployment_bounds.h"
#include "sim/ecs/launch_throttle.h"
#include "sim/ecs/rule_set.h"

namespace harness::check {
namespace {

using sim::Millis;
using sim::model::Scenario;

Millis high(Millis base, int permille) { return Millis{base.count() * permille / 1000}; }

const sim::model::ContainerDefinition& essential_container(const sim::model::TaskDefinition& td) {
  for (const auto& c : td.containers)
    if (c.essential) return c;
  return td.containers.front();
}

// The two revisions a deployment moves between.
std::vector<const sim::model::TaskDefinition*> revisions(const Scenario& s) {
  return {&s.task_definitions.at(static_cast<std::size_t>(s.initial_task_definition)),
          &s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition))};
}

Millis longest_startup_of(const Scenario& s) {
  Millis longest{0};
  for (const auto* td : revisions(s))
    longest = std::max(longest, lint::longest_startup(s.apps.at(essential_container(*td).image)));
  return longest;
}

Millis unhealthy_detection(const Scenario& s) {
  Millis d{0};
  if (const auto& tg = s.service.load_balancer)
    d = lint::earliest_unhealthy(*tg) + tg->unhealthy_threshold * tg->timeout + tg->interval;
  for (const auto* td : revisions(s))
    if (const auto& check = essential_container(*td).health_check)
      d = std::max(d, lint::earliest_unhealthy(*check) + (check->retries + 1) * check->timeout + check->interval);
  return d;
}

Millis healthy_detection(const Scenario& s) {
  Millis h{0};
  bool any_check = false;
  if (const auto& tg = s.service.load_balancer) {
    h = (tg->healthy_threshold + 1) * tg->interval + tg->timeout;
    any_check = true;
  }
  for (const auto* td : revisions(s))
    if (const auto& check = essential_container(*td).health_check) {
      h = std::max(h, 2 * check->interval + check->timeout);
      any_check = true;
    }
  // Without any check a task counts healthy 40 s after RUNNING (ecs-rules §3.1).
  return any_check ? h : sim::ecs::find_rule_set(s.rule_set)->healthy_without_checks_after;
}

Millis drain(const Scenario& s) {
  Millis stop_timeout{0};
  for (const auto* td : revisions(s)) stop_timeout = std::max(stop_timeout, essential_container(*td).stop_timeout);
  const Millis deregistration = s.service.load_balancer ? s.service.load_balancer->deregistration_delay : Millis{0};
  return deregistration + stop_timeout + high(s.platform.deprovisioning, s.platform.jitter_high_permille);
}

Millis throttle_waits(int threshold, const sim::ecs::RuleSet& rules) {
  sim::ecs::LaunchThrottle throttle(rules.throttle_cap);
  Millis sum{0};
  for (int k = 1; k < threshold; ++k) {
    throttle.on_start_failure();
    sum += throttle.delay();
  }
  return sum;
}

}  // namespace

LivenessTerms liveness_terms(const Scenario& s) {
  const sim::ecs::RuleSet& rules = *sim::ecs::find_rule_set(s.rule_set);
  const auto& deployed = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  const int permille = s.platform.jitter_high_permille;
  LivenessTerms t;
  t.launch_to_running =
      high(s.platform.provisioning, permille) + high(s.platform.pull, permille) + high(s.platform.activating, permille);
  t.startup = longest_startup_of(s);
  t.unhealthy_detection = unhealthy_detection(s);
  t.grace = s.service.health_check_grace_period;
  t.crash_after = s.apps.at(essential_container(deployed).image).crash_after_listening.value_or(Millis{0});
  t.healthy_detection = healthy_detection(s);
  t.drain = drain(s);
  t.threshold = sim::ecs::breaker_threshold(s.service.deployment.circuit_breaker, s.service.desired_count, rules);
  t.throttle_waits = throttle_waits(t.threshold, rules);
  const sim::ecs::TaskBounds b = sim::ecs::task_bounds(
      s.service.desired_count, s.service.deployment.minimum_healthy_percent, s.service.deployment.maximum_percent);
  const int step = std::max(1, b.max_tasks - b.min_healthy_tasks);
  t.rounds = (s.service.desired_count + step - 1) / step;
  return t;
}

Millis failure_outcome_bound(const LivenessTerms& t) {
  const Millis per_failure = t.launch_to_running + t.startup + t.crash_after + std::max(t.grace, t.unhealthy_detection);
  return t.threshold * per_failure + t.throttle_waits + completion_bound(t);
}

Millis completion_bound(const LivenessTerms& t) {
  return t.rounds * (t.launch_to_running + t.startup + t.healthy_detection) + t.drain;
}

Millis grace_needed(const Scenario& s) {
  const Millis startup = longest_startup_of(s);
  bool can_fail_while_starting = false;
  if (const auto& tg = s.service.load_balancer) can_fail_while_starting = startup >= lint::earliest_unhealthy(*tg);
  for (const auto* td : revisions(s))
    if (const auto& check = essential_container(*td).health_check)
      can_fail_while_starting = can_fail_while_starting || startup >= lint::earliest_unhealthy(*check);
  return can_fail_while_starting ? startup + healthy_detection(s) : Millis{0};
}

}  // namespace harness::check
