#include "harness/train/replay.h"

#include <set>

#include "harness/report/event_view.h"
#include "sim/ecs/deployment_bounds.h"
#include "sim/ecs/health_status.h"
#include "sim/ecs/task_state.h"

namespace harness::train {
namespace {

using sim::observe::TraceEvent;
using sim::observe::TraceKind;
namespace ecs = sim::ecs;

std::string secs(sim::Millis m) { return sim::format_seconds(m); }

// Which tasks count as healthy for the rolling update (reference §3.1).
std::string counting_rule(const sim::model::Scenario& s) {
  bool container_check = false;
  for (const auto& c : s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition)).containers)
    container_check = container_check || (c.essential && c.health_check.has_value());
  const std::string lead = "Counting healthy: a task counts toward minimumHealthyPercent once ";
  if (s.service.load_balancer && container_check) return lead + "its target is healthy and its container check is HEALTHY.";
  if (s.service.load_balancer)
    return lead + "its target passes the target group's check (a new target needs one pass; a recovering one " +
           std::to_string(s.service.load_balancer->healthy_threshold) + ").";
  if (container_check) return lead + "its container health check reports HEALTHY.";
  return lead + "it has been RUNNING for 40 s (no load balancer, no container check).";
}

// The rule an event shows, as (name, sentence); name "" when it shows none.
std::pair<std::string, std::string> rule_of(const TraceEvent& e, const sim::model::Scenario& s, int threshold) {
  const auto& svc = s.service;
  const auto& dc = svc.deployment;
  const std::string grace = std::to_string(svc.health_check_grace_period.count() / 1000);
  switch (e.kind) {
    case TraceKind::task_launched: {
      if (e.a != s.deploy.to_task_definition) return {};
      const auto b = ecs::task_bounds(svc.desired_count, dc.minimum_healthy_percent, dc.maximum_percent);
      return {"rolling", "Rolling update: ECS runs at most maximumPercent (" + std::to_string(b.max_tasks) +
                             " tasks) at once and stops old tasks only while minimumHealthyPercent keeps " +
                             std::to_string(b.min_healthy_tasks) + " healthy."};
    }
    case TraceKind::task_counted_healthy:
      return e.a ? std::pair<std::string, std::string>{"counting", counting_rule(s)} : std::pair<std::string, std::string>{};
    case TraceKind::container_exited:
      if (e.b == 137 && e.text.rfind("OutOfMemoryError", 0) == 0)
        return {"oom", "OOM kill: the kernel kills a container whose memory reaches its hard limit; ECS reports exit "
                       "137 and \"OutOfMemoryError\", and an essential container's exit stops its task."};
      if (e.detail.find("SIGTERM") != std::string::npos) return {};
      return {"exit", "Essential container: when it exits, ECS stops the whole task (EssentialContainerExited)."};
    case TraceKind::container_health:
      if (static_cast<ecs::HealthStatus>(e.b) != ecs::HealthStatus::unhealthy) return {};
      return {"container-check", "Container health check: Docker marks the container UNHEALTHY after `retries` "
                                 "failures in a row; failures within startPeriod do not count."};
    case TraceKind::target_health:
      if (static_cast<ecs::TargetState>(e.a) != ecs::TargetState::unhealthy || !svc.load_balancer) return {};
      return {"target-check", "Target check: the load balancer probes " + svc.load_balancer->path + " every " +
                                  secs(svc.load_balancer->interval) + " and marks the target unhealthy after " +
                                  std::to_string(svc.load_balancer->unhealthy_threshold) + " failures in a row."};
    case TraceKind::stop_requested:
      if (e.text.find("health") == std::string::npos) return {};
      return {"grace", "Grace period: ECS ignores failing health checks for healthCheckGracePeriodSeconds (" + grace +
                           " s) after a task reaches RUNNING, then replaces the task."};
    case TraceKind::breaker_count:
      return {"breaker", "Circuit breaker: it counts new tasks that fail to start or are replaced for failed health "
                         "checks; at " + std::to_string(threshold) +
                         " (max(3, min(200, ceil(0.5 x desiredCount))) unless thresholdConfiguration says otherwise) "
                         "the deployment fails" + (dc.circuit_breaker.rollback ? " and ECS rolls back." : ".")};
    case TraceKind::throttle:
      return {"throttle", "Launch throttle: after tasks keep failing to start, ECS waits longer between attempts, "
                          "doubling up to its cap."};
    case TraceKind::placement_failed:
      return {"placement", "Placement: a task needs room (memory) on a container instance; when none has it, the "
                           "task is not started and the breaker counts it as a failure to start."};
    case TraceKind::app_phase:
      return e.b ? std::pair<std::string, std::string>{"stall", "A stalled start-up: the process lives but never "
                                                                "finishes starting, so it never listens."}
                 : std::pair<std::string, std::string>{};
    case TraceKind::service_event:
      if (e.text.find("steady state") != std::string::npos)
        return {"steady", "Steady state: ECS reports it once the deployment runs desiredCount healthy tasks; the "
                          "deployment is then COMPLETED."};
      return {};
    default:
      return {};
  }
}

// The events that tell the story; lifecycle steps, probes passing and draining are left out.
bool tells_the_story(const TraceEvent& e) {
  switch (e.kind) {
    case TraceKind::task_state:
    case TraceKind::container_started:
      return false;
    case TraceKind::target_health: {
      const auto st = static_cast<ecs::TargetState>(e.a);
      return st == ecs::TargetState::healthy || st == ecs::TargetState::unhealthy;
    }
    case TraceKind::container_health:
      return static_cast<ecs::HealthStatus>(e.b) != ecs::HealthStatus::unknown;
    case TraceKind::app_phase:
      return e.b != 0;
    default:
      return true;
  }
}

}  // namespace

std::vector<ReplayStep> replay_steps(const sim::model::Scenario& s, const sim::observe::Trace& trace, int threshold) {
  std::vector<ReplayStep> steps;
  std::set<std::string> shown;
  for (const TraceEvent& e : trace.events()) {
    if (!tells_the_story(e)) continue;
    ReplayStep step{e.at, report::describe(e, s).text, ""};
    auto [name, sentence] = rule_of(e, s, threshold);
    if (!name.empty() && shown.insert(name).second) step.rule = sentence;
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace harness::train
