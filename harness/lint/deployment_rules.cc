// breaker-disabled, single-task-zero-min and deadlock-bounds: the service's deployment
// configuration, whatever the revision. The deadlock is decided by the scheduler's own pure
// rolling step (sim/ecs/deployment_bounds.h), not re-derived here.
#include "harness/lint/rules.h"
#include "sim/ecs/deployment_bounds.h"

namespace harness::lint {
namespace {

constexpr const char* kBreakerWhy =
    "seed 004: with the breaker off, a revision whose tasks never get healthy loops forever "
    "(deployment perpetually IN_PROGRESS, failed tasks growing); \"circuit breaker (if enabled) "
    "would have helped\"";
constexpr const char* kZeroMinWhy =
    "seeds 000 and 001: with one task and minimumHealthyPercent 0, ECS stopped the only "
    "running task before its replacement was healthy, an outage on every deploy";
constexpr const char* kDeadlockWhy =
    "ECS's \"unable to stop or start tasks\" deadlock: the deployment never moves, perpetually "
    "IN_PROGRESS like seed 004's loop";

}  // namespace

void check_breaker_disabled(const LintContext& context, Findings& out) {
  if (context.scenario.service.deployment.circuit_breaker.enable) return;
  out.add(Severity::warning, "breaker-disabled",
          context.source.service("/deploymentConfiguration/deploymentCircuitBreaker/enable"),
          "the deployment circuit breaker is disabled: a revision that never gets healthy is "
          "retried forever instead of failing (and rolling back)",
          kBreakerWhy);
}

void check_single_task_zero_min(const LintContext& context, Findings& out) {
  const sim::model::ServiceConfig& service = context.scenario.service;
  if (service.desired_count < 1 || service.deployment.minimum_healthy_percent != 0) return;
  const std::string tasks = service.desired_count == 1
                                ? "the only running task"
                                : "all " + std::to_string(service.desired_count) + " running tasks";
  out.add(Severity::warning, "single-task-zero-min",
          context.source.service("/deploymentConfiguration/minimumHealthyPercent"),
          "minimumHealthyPercent 0 with desiredCount " + std::to_string(service.desired_count) +
              " lets ECS stop " + tasks +
              " before a replacement is healthy: downtime on every deploy",
          kZeroMinWhy);
}

void check_deadlock_bounds(const LintContext& context, Findings& out) {
  const sim::model::ServiceConfig& service = context.scenario.service;
  const int n = service.desired_count;
  if (n < 1) return;
  const sim::model::DeploymentConfiguration& deployment = service.deployment;
  const sim::ecs::TaskBounds bounds =
      sim::ecs::task_bounds(n, deployment.minimum_healthy_percent, deployment.maximum_percent);
  // The first step of every deploy: N healthy old tasks, no new one yet.
  const sim::ecs::RollingCounts start_of_deploy{.desired = n, .old_live = n, .healthy = n};
  if (!sim::ecs::plan_rolling_step(start_of_deploy, bounds).blocked) return;
  out.add(Severity::error, "deadlock-bounds",
          context.source.service("/deploymentConfiguration/maximumPercent"),
          "minimumHealthyPercent " + std::to_string(deployment.minimum_healthy_percent) +
              " and maximumPercent " + std::to_string(deployment.maximum_percent) +
              " with desiredCount " + std::to_string(n) + " keep at least " +
              std::to_string(bounds.min_healthy_tasks) + " healthy and at most " +
              std::to_string(bounds.max_tasks) +
              " running: ECS can neither start a new task nor stop an old one",
          kDeadlockWhy);
}

}  // namespace harness::lint
