#include "harness/lint/rule_catalog.h"

#include <algorithm>

namespace harness::lint {

const std::vector<RuleInfo>& rule_catalog() {
  static const std::vector<RuleInfo> kCatalog = {
      {"memory-below-peak", Severity::error,
       "A container's memory limit is below the app's peak",
       "The container's hard memory limit (its memory, else the task's) is reached by the app's "
       "memory curve: the kernel OOM-kills the container (exit 137, OutOfMemoryError) and every "
       "new task dies the same way (seed 000). Raise memory above the peak, or lower the app's "
       "heap."},
      {"missing-env", Severity::error,
       "The app reads a variable that is neither in environment nor in secrets",
       "A variable or secret the app needs at start-up is missing from the container definition, "
       "so the app exits before it is ever healthy (seeds 000, 001). Add it to environment or "
       "secrets."},
      {"unreadable-secret", Severity::error, "The container references a secret ECS cannot fetch",
       "ECS fetches every secret before it starts the container; one it cannot read fails every "
       "task at start (ResourceInitializationError, seed 002). Fix the valueFrom ARN or the "
       "execution role's access."},
      {"url-without-scheme", Severity::error, "A URL variable has no scheme its client accepts",
       "A variable named as a URL (_URL, _URI, _DSN) or a dependency's urlVariable has no "
       "\"scheme://\", or one its client refuses, so the app cannot connect (seed 002's Redis URL "
       "without redis://). Write the full URL."},
      {"health-check-binary-missing", Severity::error,
       "The container health check runs a binary the image does not ship",
       "The health check command (or, for CMD-SHELL, the shell) is not in the image, so every "
       "check fails and ECS replaces every task, for ever when the breaker is off (seed 004's "
       "wget). Use a binary the image has, or add it to the image."},
      {"bind-localhost-with-lb", Severity::error,
       "The load balancer's container listens on 127.0.0.1 only",
       "The target group connects to the task's address, which a server bound to 127.0.0.1 never "
       "answers, so no target gets healthy (seed 003). Bind to 0.0.0.0."},
      {"exits-on-unavailable-dependency", Severity::error,
       "A start-up phase exits at once while a dependency is still down",
       "The app exits when a dependency is unavailable (onUnavailable \"exit\") and the scenario has "
       "that dependency down when the deploy's first task gets there, so tasks crash until it is up "
       "(seed 004's Kafka before ZooKeeper). Wait and retry instead, or order the start."},
      {"dependency-wait-too-short", Severity::warning,
       "A start-up phase waits for a dependency less long than it may take to be up",
       "An early task may give up waiting and fail; ECS retries and later tasks usually find the "
       "dependency up, at the cost of failed tasks the breaker counts (seed 003's 30 s wait). Wait "
       "at least as long as the dependency can take."},
      {"retry-gap-before-timeout", Severity::warning,
       "Exponential back-off makes the last retry early in the wait",
       "A dependency that gets ready in the rest of the wait is never asked again, and the task "
       "exits at the timeout (seed 003's retries with exponential back-off). Cap the interval "
       "(maxIntervalSeconds) or retry at the end of the wait."},
      {"grace-shorter-than-startup", Severity::warning,
       "The health check grace period does not cover the start-up",
       "A load balancer or container health check can condemn a task that is still starting, and "
       "ECS replaces it before it could be healthy. Raise healthCheckGracePeriodSeconds above the "
       "start-up time."},
      {"start-period-shorter-than-startup", Severity::warning,
       "The container check can report UNHEALTHY before the app has started",
       "startPeriod plus retries x interval is shorter than the start-up, so the container health "
       "check marks a starting task UNHEALTHY and ECS stops it. Lengthen startPeriod."},
      {"shallow-health-path", Severity::warning,
       "The health check asks an endpoint that answers 200 without checking the app",
       "A liveness endpoint answers before start-up is done (seed 001) and a \"degraded\" 200 hides "
       "a broken dependency (seed 002), so a broken revision passes its checks and the deployment "
       "completes. Check an endpoint that reports readiness."},
      {"deep-health-check-on-shared-dependency", Severity::warning,
       "The health check fails when a dependency every task shares blips",
       "A ready endpoint that checks a shared dependency fails every task at once when that "
       "dependency blips, and ECS replaces the whole fleet (seed 002's strict 503, incident 101). "
       "Keep shared dependencies out of the load balancer's check, or tolerate blips."},
      {"image-not-built", Severity::warning, "Every image of the deployed revision is already running",
       "The new task definition uses the same image as the running one: a stale tag, so the new "
       "build is not what gets deployed (seed 001). Deploy an immutable tag or a digest."},
      {"cluster-capacity", Severity::error, "The cluster cannot hold the deploy's first step",
       "On EC2, clusterMemoryMiB cannot place the running tasks plus the new ones maximumPercent "
       "allows, or desiredCount new tasks: ECS cannot place tasks and the breaker counts each "
       "(incident 102). Add capacity or lower maximumPercent."},
      {"breaker-disabled", Severity::warning, "The deployment circuit breaker is off",
       "Without the circuit breaker, a revision that never gets healthy is retried for ever: the "
       "deployment loops and never rolls back (seed 004). Enable deploymentCircuitBreaker with "
       "rollback."},
      {"single-task-zero-min", Severity::warning,
       "minimumHealthyPercent 0 lets ECS stop every running task first",
       "ECS may stop every running task before a replacement is healthy: downtime on every deploy "
       "(seeds 000, 001). Raise minimumHealthyPercent, or run more than one task."},
      {"deadlock-bounds", Severity::error,
       "minimumHealthyPercent and maximumPercent leave no room to start or stop a task",
       "With these bounds ECS can neither start a new task nor stop an old one, and reports "
       "\"unable to stop or start tasks\". Widen maximumPercent or lower minimumHealthyPercent."},
      {"alarms-not-enforced", Severity::warning,
       "CloudWatch alarms are defined but do not roll the deployment back",
       "An alarm in ALARM does nothing to the deployment unless deploymentConfiguration.alarms is "
       "enabled with rollback: a healthy-but-broken revision stays (seed 001; docs/ecs-rules.md §2). "
       "Enable alarms with rollback."},
      {"bake-zero-with-alarms", Severity::warning, "Alarms are enabled with a bake time of 0",
       "The deployment completes before an alarm can fire on the new revision's requests (seed "
       "001; docs/ecs-rules.md §2). Set bakeTimeInMinutes to cover the alarm's evaluation periods."},
      {"hook-timeout-continue", Severity::warning, "A lifecycle hook times out with CONTINUE",
       "A hook that hangs lets the deployment through unchecked (seed 001; docs/ecs-rules.md §3.3). Time "
       "out with ROLLBACK."},
  };
  return kCatalog;
}

const RuleInfo* find_rule(std::string_view id) {
  const std::vector<RuleInfo>& catalog = rule_catalog();
  const auto it = std::find_if(catalog.begin(), catalog.end(),
                               [&](const RuleInfo& rule) { return rule.id == id; });
  return it == catalog.end() ? nullptr : &*it;
}

}  // namespace harness::lint
