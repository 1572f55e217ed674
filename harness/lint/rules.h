// The lint rules, one function each; lint.cc runs them in the order of a deploy's life. Every rule
// checks the task definition being deployed (scenario.deploy) and the service, adds what it finds
// and names the incident of shared/seeds it prevents (beyond the seeds, the library incident of
// scenarios/incidents that shows it). They only read the scenario, never run it.
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

// url-without-scheme (error): a variable named as a URL (..._URL, _URI, _DSN) or a dependency's
// urlVariable has no "scheme://" or one its client refuses (seed 002); secret values as far as
// "secretValues" gives them.
void check_url_without_scheme(const LintContext& context, Findings& out);

// health-check-binary-missing (error): the container check runs a binary (or, for CMD-SHELL,
// a shell) the image does not ship (seed 004).
void check_health_check_binary(const LintContext& context, Findings& out);

// exits-on-unavailable-dependency (error): a start-up phase exits at once when a dependency is
// down (onUnavailable "exit"), and the scenario has that dependency down when the deploy's first
// task can get there: the tasks crash until it is up (seed 004's Kafka before ZooKeeper).
void check_exit_on_unavailable(const LintContext& context, Findings& out);

// dependency-wait-too-short (warning): a start-up phase waits for a dependency (onUnavailable
// "wait") less long than the dependency may take to be up (readyAfterSeconds at its maximum,
// outages): an early task may give up and fail (seed 003's 30 s wait). A warning, not an error:
// whether a task loses the race depends on the draw (37 % of seeds for 003-deps-wait-30s), ECS
// retries and later tasks find the dependency up, so the deploy usually completes at the cost of
// a failed task; and the bound assumes the fastest task, so it may warn where none would fail.
void check_dependency_wait(const LintContext& context, Findings& out);

// retry-gap-before-timeout (warning): a waiting phase's retries (exponential backoff without a
// low enough maxIntervalSeconds) make their last attempt early in the wait: a dependency ready in
// the rest of it is never asked again and the task exits at the timeout (seed 003's "retry
// logic ... with exponential backoff"; scenarios/incidents/003-deps-wait-60s-backoff-*.json).
void check_retry_gap(const LintContext& context, Findings& out);

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

// deep-health-check-on-shared-dependency (warning): the target group or an essential container's
// check asks a ready endpoint that checks a dependency every task shares, so one blip of it
// fails every task at once and ECS replaces the fleet (seed 002's strict 503, incident 101). A
// warning: the same depth is what catches a revision that cannot reach its dependency.
void check_deep_health_path(const LintContext& context, Findings& out);

// bind-localhost-with-lb (error): the load balancer's container listens on 127.0.0.1 only, so
// the target group can never reach it (seed 003).
void check_bind_localhost_with_lb(const LintContext& context, Findings& out);

// cluster-capacity (error): on EC2, clusterMemoryMiB cannot hold the deploy's first step (the
// running tasks plus the new ones maximumPercent allows) or its desiredCount new tasks: ECS
// cannot place tasks and the breaker counts each (incident 102, no seed).
void check_cluster_capacity(const LintContext& context, Findings& out);

// image-not-built (warning): every image of the deployed revision is the one already running: a
// stale tag, the new build is not what gets deployed (seed 001).
void check_image_not_built(const LintContext& context, Findings& out);

// alarms-not-enforced (warning): CloudWatch alarms are defined or named but
// deploymentConfiguration.alarms is not enabled, or has rollback false: an alarm in ALARM does
// not take the broken revision away (seed 001's healthy-but-broken class; ecs-rules §2).
void check_alarms_not_enforced(const LintContext& context, Findings& out);

// bake-zero-with-alarms (warning): alarms are enabled with bakeTimeInMinutes 0, so the deployment
// completes before an alarm can fire on the new revision's requests (seed 001; ecs-rules §2).
void check_bake_zero_with_alarms(const LintContext& context, Findings& out);

// hook-timeout-continue (warning): a lifecycle hook times out with action CONTINUE, so a hook
// that hangs lets the deployment through unchecked (seed 001; ecs-rules §3.3).
void check_hook_timeout_continue(const LintContext& context, Findings& out);

}  // namespace harness::lint
