// The lint rules, one function each; lint.cc runs them in the order of a deploy's life. Every rule
// checks the task definition being deployed (scenario.deploy) and the service, adds what it finds
// and names the incident of shared/seeds it prevents. They only read the scenario, never run it.
#pragma once

#include "harness/lint/finding.h"
#include "harness/lint/lint_context.h"

namespace harness::lint {

// memory-below-peak (error): a container's hard limit (its memory, else the task's) is reached
// by the app's memory curve within the horizon: the kernel OOM-kills it (seed 000).
void check_memory_below_peak(const LintContext& context, Findings& out);

// missing-env (error): a variable or secret the app reads at start-up is in neither environment
// nor secrets (seeds 000, 001).
void check_missing_env(const LintContext& context, Findings& out);

// unreadable-secret (error): the container references a secret ECS cannot fetch, so every task
// fails to start (seed 002).
void check_unreadable_secrets(const LintContext& context, Findings& out);

// health-check-binary-missing (error): the container check runs a binary (or, for CMD-SHELL,
// a shell) the image does not ship (seed 004).
void check_health_check_binary(const LintContext& context, Findings& out);

// grace-shorter-than-startup (warning): a health check can condemn a task that is still starting
// and the grace period does not cover the start-up.
void check_grace_period(const LintContext& context, Findings& out);

// start-period-shorter-than-startup (warning): the container check can report UNHEALTHY before
// the app has finished starting (startPeriod plus retries x interval is too short).
void check_start_period(const LintContext& context, Findings& out);

// breaker-disabled (warning): no circuit breaker, so a revision that never gets healthy loops
// forever (seed 004).
void check_breaker_disabled(const LintContext& context, Findings& out);

// single-task-zero-min (warning): minimumHealthyPercent 0 lets ECS stop every running task
// before a replacement is healthy: downtime on every deploy (seeds 000, 001).
void check_single_task_zero_min(const LintContext& context, Findings& out);

// deadlock-bounds (error): minimumHealthyPercent and maximumPercent leave no room to start or
// stop a task, ECS's "unable to stop or start tasks" deadlock.
void check_deadlock_bounds(const LintContext& context, Findings& out);

// shallow-health-path (warning): the target group or container check asks an endpoint that
// answers 200 without checking start-up (live, seed 001) or dependencies (degraded, seed 002).
void check_shallow_health_path(const LintContext& context, Findings& out);

// bind-localhost-with-lb (error): the load balancer's container listens on 127.0.0.1 only, so
// the target group can never reach it (seed 003).
void check_bind_localhost_with_lb(const LintContext& context, Findings& out);

// image-not-built (warning): every image of the deployed revision is the one already running: a
// stale tag, the new build is not what gets deployed (seed 001).
void check_image_not_built(const LintContext& context, Findings& out);

}  // namespace harness::lint
