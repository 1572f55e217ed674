#include "harness/train/replay.h"

#include <set>
#include <variant>

#include "harness/report/event_view.h"
#include "sim/ecs/deployment_bounds.h"
#include "sim/ecs/health_status.h"
#include "sim/ecs/task_state.h"

namespace harness::train {
namespace {

using sim::observe::TraceEvent;
namespace observe = sim::observe;
namespace ecs = sim::ecs;

std::string secs(sim::Millis m) { return sim::format_seconds(m); }

// Which tasks count as healthy for the rolling update (ecs-rules §3.1).
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

using Rule = std::pair<std::string, std::string>;  // (name, sentence); name "" when none

// The rule an event shows: one overload per kind that shows one.
class RuleOf {
 public:
  RuleOf(const sim::model::Scenario& s, int threshold) : s_(s), threshold_(threshold) {}

  Rule operator()(const observe::TaskLaunched& e) const {
    if (s_.deploy.none)
      return {"replace", "Replacement: outside any deployment the scheduler launches a task for each one that "
                         "stopped, from the same revision, until desiredCount tasks run."};
    if (e.task_definition != s_.deploy.to_task_definition) return {};
    const auto& svc = s_.service;
    const auto b = ecs::task_bounds(svc.desired_count, svc.deployment.minimum_healthy_percent,
                                    svc.deployment.maximum_percent);
    return {"rolling", "Rolling update: ECS runs at most maximumPercent (" + std::to_string(b.max_tasks) +
                           " tasks) at once and stops old tasks only while minimumHealthyPercent keeps " +
                           std::to_string(b.min_healthy_tasks) + " healthy."};
  }
  Rule operator()(const observe::TaskCountedHealthy& e) const {
    return e.healthy ? Rule{"counting", counting_rule(s_)} : Rule{};
  }
  Rule operator()(const observe::ContainerExited& e) const {
    using Cause = observe::ContainerExitCause;
    if (e.cause == Cause::oom_killed)
      return {"oom", "OOM kill: the kernel kills a container whose memory reaches its hard limit; ECS reports exit "
                     "137 and \"OutOfMemoryError\", and an essential container's exit stops its task."};
    if (e.cause == Cause::sigterm) return {};
    return {"exit", "Essential container: when it exits, ECS stops the whole task (EssentialContainerExited)."};
  }
  Rule operator()(const observe::ContainerHealthChanged& e) const {
    if (e.status != ecs::HealthStatus::unhealthy) return {};
    return {"container-check", "Container health check: Docker marks the container UNHEALTHY after `retries` "
                               "failures in a row; failures within startPeriod do not count."};
  }
  Rule operator()(const observe::TargetHealthChanged& e) const {
    const auto& lb = s_.service.load_balancer;
    if (e.state != ecs::TargetState::unhealthy || !lb) return {};
    return {"target-check", "Target check: the load balancer probes " + lb->path + " every " + secs(lb->interval) +
                                " and marks the target unhealthy after " + std::to_string(lb->unhealthy_threshold) +
                                " failures in a row."};
  }
  Rule operator()(const observe::StopRequested& e) const {
    if (e.cause != ecs::StopCause::elb_health_check_failed && e.cause != ecs::StopCause::container_health_failed)
      return {};
    const std::string grace = std::to_string(s_.service.health_check_grace_period.count() / 1000);
    return {"grace", "Grace period: ECS ignores failing health checks for healthCheckGracePeriodSeconds (" + grace +
                         " s) after a task reaches RUNNING, then replaces the task."};
  }
  Rule operator()(const observe::BreakerCounted&) const {
    return {"breaker", "Circuit breaker: it counts new tasks that fail to start or are replaced for failed health "
                       "checks; at " + std::to_string(threshold_) +
                       " (max(3, min(200, ceil(0.5 x desiredCount))) unless thresholdConfiguration says otherwise) "
                       "the deployment fails" +
                       (s_.service.deployment.circuit_breaker.rollback ? " and ECS rolls back." : ".")};
  }
  Rule operator()(const observe::LaunchThrottled&) const {
    return {"throttle", "Launch throttle: after tasks keep failing to start, ECS waits longer between attempts, "
                        "doubling up to its cap."};
  }
  Rule operator()(const observe::PlacementFailed&) const {
    return {"placement", "Placement: a task needs room (memory) on a container instance; when none has it, the "
                         "task is not started and the breaker counts it as a failure to start."};
  }
  Rule operator()(const observe::AvailabilityZoneLost&) const {
    return {"zone", "Availability Zones: ECS spreads a service's tasks across its subnets' zones; when a zone is "
                    "lost, its tasks stop and the scheduler replaces them in the zones still up, the fewest-task "
                    "zone first."};
  }
  Rule operator()(const observe::AppPhaseEntered& e) const {
    return e.stalls_here ? Rule{"stall", "A stalled start-up: the process lives but never finishes starting, so it "
                                         "never listens."}
                         : Rule{};
  }
  Rule operator()(const observe::ServiceEvent& e) const {
    if (!e.steady_state) return {};
    return {"steady", "Steady state: ECS reports it once the deployment runs desiredCount healthy tasks; the "
                      "deployment is then COMPLETED."};
  }
  template <class Other>
  Rule operator()(const Other&) const {
    return {};
  }

 private:
  const sim::model::Scenario& s_;
  int threshold_;
};

// The events that tell the story; lifecycle steps, probes passing and draining are left out.
bool tells_the_story(const TraceEvent& e) {
  if (e.as<observe::TaskStateChanged>() || e.as<observe::ContainerStarted>()) return false;
  if (const auto* t = e.as<observe::TargetHealthChanged>())
    return t->state == ecs::TargetState::healthy || t->state == ecs::TargetState::unhealthy;
  if (const auto* h = e.as<observe::ContainerHealthChanged>()) return h->status != ecs::HealthStatus::unknown;
  if (const auto* p = e.as<observe::AppPhaseEntered>()) return p->stalls_here;
  return true;
}

}  // namespace

std::vector<ReplayStep> replay_steps(const sim::model::Scenario& s, const sim::observe::Trace& trace, int threshold) {
  std::vector<ReplayStep> steps;
  std::set<std::string> shown;
  for (const TraceEvent& e : trace.events()) {
    if (!tells_the_story(e)) continue;
    ReplayStep step{e.at, report::describe(e, s).text, ""};
    auto [name, sentence] = std::visit(RuleOf(s, threshold), e.payload);
    if (!name.empty() && shown.insert(name).second) step.rule = sentence;
    steps.push_back(std::move(step));
  }
  return steps;
}

}  // namespace harness::train
