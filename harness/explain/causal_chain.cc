#include "harness/explain/causal_chain.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "sim/ecs/health_status.h"
#include "sim/ecs/task_state.h"
#include "sim/world/container_plan.h"

namespace harness::explain {
namespace {

using sim::format_seconds;
using sim::observe::TraceEvent;
namespace observe = sim::observe;

// Whether the event is about one of `tasks`.
bool about(const TraceEvent& e, const std::set<std::uint32_t>& tasks) {
  const auto task = e.task();
  return task && tasks.count(*task);
}

// Tasks launched into the deployment under test, by deployment rather than revision: with a
// timeline an earlier deployment, or a rollback, may run the same task definition.
std::set<std::uint32_t> deployed_tasks(const sim::observe::Trace& trace) {
  std::set<std::uint32_t> tasks;
  const auto deployment = deployment_under_test(trace);
  for (const TraceEvent& e : trace.events())
    if (const auto* l = e.as<observe::TaskLaunched>(); l && deployment && l->deployment == *deployment)
      tasks.insert(l->task);
  return tasks;
}

// Every task of the run, the warm ones included: what a steady-state run is about.
std::set<std::uint32_t> every_task(const sim::observe::Trace& trace) {
  std::set<std::uint32_t> tasks;
  for (const TraceEvent& e : trace.events())
    if (const auto task = e.task()) tasks.insert(*task);
  return tasks;
}

// How each deployment of the timeline ended: its last rollout state and why.
std::map<sim::ecs::DeploymentId, std::string> deployment_ends(const sim::observe::Trace& trace) {
  std::map<sim::ecs::DeploymentId, std::string> ends;
  for (const TraceEvent& e : trace.events())
    if (const auto* d = e.as<observe::DeploymentStateChanged>())
      ends[d->deployment] = std::string(sim::ecs::to_string(d->state)) + (d->rollback ? " (as the rollback target)" : "") +
                            (d->reason.empty() ? "" : " (" + d->reason + ")") + " at " + format_seconds(e.at);
  return ends;
}

// The timeline's UpdateService calls, each with the deployment it started and how that ended.
void timeline_lines(const sim::model::Scenario& s, const sim::observe::Trace& trace, Chapter& c) {
  const auto ends = deployment_ends(trace);
  const auto tested = deployment_under_test(trace);
  for (const TraceEvent& e : trace.events()) {
    const auto* u = e.as<observe::ServiceUpdated>();
    if (u == nullptr) continue;
    std::string line = u->origin + " at " + format_seconds(e.at) + ": UpdateService";
    if (u->task_definition)
      line += " taskDefinition " + s.task_definitions.at(static_cast<std::size_t>(*u->task_definition)).arn_name();
    if (u->force_new_deployment) line += " forceNewDeployment";
    if (u->desired_count) line += " desiredCount " + std::to_string(*u->desired_count);
    if (u->configuration_changed) line += " (new deploymentConfiguration)";
    if (u->started) {
      const std::string name = "ecs-svc/" + std::to_string(*u->started);
      const auto end = ends.find(*u->started);
      line += " -> started " + name + (tested && *tested == *u->started ? ", the deployment under test" : "") +
              (end != ends.end() ? "; last " + end->second : "");
    }
    c.lines.push_back(line + ".");
  }
}

std::string counted(const std::map<std::string, int>& causes) {
  std::string out;
  for (const auto& [cause, n] : causes) out += (out.empty() ? "" : "; ") + std::to_string(n) + " x " + cause;
  return out;
}

std::string endpoint_kind_words(const sim::model::AppProfile& app, const std::string& path) {
  const auto it = app.endpoints.find(path);
  if (it == app.endpoints.end()) return "not an endpoint of the app (it answers 404)";
  switch (it->second.kind) {
    case sim::model::EndpointKind::live:
      return "a shallow liveness endpoint: it answers 200 as soon as the process serves HTTP, whether or not "
             "start-up finished";
    case sim::model::EndpointKind::degraded:
      return "a \"degraded\" endpoint: it answers 200 even while the dependencies are down, and a 200 is "
             "healthy to a target group";
    case sim::model::EndpointKind::ready:
      return "a readiness endpoint: 200 only once started and while its dependencies are up";
  }
  return "";
}

Chapter what_was_deployed(const sim::model::Scenario& s, const sim::observe::Trace& trace, int threshold) {
  const auto& from = s.task_definitions.at(static_cast<std::size_t>(s.initial_task_definition));
  const auto& to = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  const auto& dc = s.service.deployment;
  const std::string settings = " on service " + s.service.name + " (desiredCount " +
                               std::to_string(s.service.desired_count) + ", minimumHealthyPercent " +
                               std::to_string(dc.minimum_healthy_percent) + ", maximumPercent " +
                               std::to_string(dc.maximum_percent) + ")";
  Chapter c{s.deploy.none ? "What ran" : "What was deployed", {}};
  if (s.deploy.none)
    c.lines.push_back(from.arn_name() + settings + ": no deployment, a steady-state run judged by its figures.");
  else
    c.lines.push_back(from.arn_name() + " -> " + to.arn_name() + settings + ".");
  // With a timeline, which call started which deployment, and how each ended (ecs-rules §12);
  // Application Auto Scaling's own desiredCount changes (§13) start no deployment.
  if (!s.timeline.empty()) timeline_lines(s, trace, c);
  for (const TraceEvent& e : trace.events())
    if (const auto* a = e.as<observe::ScalingActivityStarted>())
      c.lines.push_back("Application Auto Scaling at " + format_seconds(e.at) + ": desiredCount " +
                        std::to_string(a->from) + " -> " + std::to_string(a->to) + " (policy " + a->policy + ", alarm " +
                        a->alarm + "); no new deployment.");
  for (const auto& f : s.faults)
    if (f.kind == sim::model::FaultKind::az_lost)
      c.lines.push_back("Fault: Availability Zone " + f.target + " lost at " + format_seconds(f.at) +
                        (f.duration.count() > 0 ? ", taking no task for " + format_seconds(f.duration) : "") + ".");
  c.lines.push_back(dc.circuit_breaker.enable
                        ? "Circuit breaker on (rollback " + std::string(dc.circuit_breaker.rollback ? "on" : "off") +
                              "), threshold " + std::to_string(threshold) + " failed tasks."
                        : "Circuit breaker off: nothing stops a deployment whose tasks keep failing.");
  return c;
}

Chapter what_went_wrong(const sim::model::Scenario& s, const sim::observe::Trace& trace,
                        const std::set<std::uint32_t>& tasks) {
  std::map<std::string, int> causes;
  using Cause = observe::ContainerExitCause;
  for (const TraceEvent& e : trace.events()) {
    if (!about(e, tasks)) continue;
    if (const auto* p = e.as<observe::AppPhaseEntered>(); p && p->stalls_here)
      causes["start-up never finishes: " + p->stall_reason]++;
    // A container the task's own stop ended (SIGTERM, or SIGKILL at stopTimeout) is no cause.
    if (const auto* x = e.as<observe::ContainerExited>();
        x && x->cause != Cause::sigterm && x->cause != Cause::sigkill_after_stop_timeout)
      causes["the process exited " + std::to_string(x->exit_code) + (x->reason.empty() ? "" : " (" + x->reason + ")") +
             ", " + x->container + ": " + x->detail]++;
    if (const auto* t = e.as<observe::TaskStopped>(); t && t->code == sim::ecs::StopCode::task_failed_to_start)
      causes["failed to start: " + t->stopped_reason]++;
  }
  Chapter c{s.deploy.none ? "What went wrong in the service's tasks" : "What went wrong in the new tasks", {}};
  if (causes.empty())
    c.lines.push_back(s.deploy.none ? "Nothing: no task stalled, exited or failed to start."
                                    : "Nothing: no new task stalled, exited or failed to start.");
  for (const auto& [cause, n] : causes) c.lines.push_back(std::to_string(n) + " x " + cause);
  for (const TraceEvent& e : trace.events())
    if (const auto* d = e.as<observe::DependencyChanged>(); d && !d->up)
      c.lines.push_back("Dependency " + d->dependency + " was down from " + format_seconds(e.at) + ".");
  for (const TraceEvent& e : trace.events())
    if (const auto* z = e.as<observe::AvailabilityZoneLost>())
      c.lines.push_back("Availability Zone " + s.service.availability_zones.at(static_cast<std::size_t>(z->availability_zone)) +
                        " was lost at " + format_seconds(e.at) + " with " + std::to_string(z->tasks.size()) +
                        " task(s) in it.");
  for (const auto& d : s.dependencies)
    if (!d.reachable) c.lines.push_back("Dependency " + d.name + " was never reachable.");
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  for (const auto& container : td.containers)
    for (const auto& [dependency, why] : sim::world::unusable_dependencies(s, container))
      c.lines.push_back("Container " + container.name + " could not use " + dependency + ": " + why + ".");
  return c;
}

Chapter which_check_saw_it(const sim::model::Scenario& s, const sim::observe::Trace& trace,
                           const std::set<std::uint32_t>& tasks) {
  std::map<std::string, int> seen;
  for (const TraceEvent& e : trace.events()) {
    if (!about(e, tasks)) continue;
    if (const auto* t = e.as<observe::TargetHealthChanged>(); t && t->state == sim::ecs::TargetState::unhealthy)
      seen["target unhealthy in " + s.service.load_balancer->name + " (" + t->reason + ")"]++;
    if (const auto* h = e.as<observe::ContainerHealthChanged>(); h && h->status == sim::ecs::HealthStatus::unhealthy)
      seen["container " + h->container + " UNHEALTHY (" + h->reason + ")"]++;
  }
  Chapter c{"Which check saw it", {}};
  if (!seen.empty()) c.lines.push_back(counted(seen) + ".");
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  if (const auto& tg = s.service.load_balancer) {
    for (const auto& container : td.containers)
      if (container.name == s.service.container_name_for_lb)
        c.lines.push_back("The target group checks " + tg->path + ", " +
                          endpoint_kind_words(s.apps.at(container.image), tg->path) + ".");
    if (s.service.health_check_grace_period.count() > 0)
      c.lines.push_back("Unhealthy checks were ignored for the first " +
                        format_seconds(s.service.health_check_grace_period) +
                        " after RUNNING (healthCheckGracePeriodSeconds).");
  } else {
    c.lines.push_back("There is no load balancer: no target health check.");
  }
  bool any_check = false;
  for (const auto& container : td.containers) any_check = any_check || container.health_check.has_value();
  // ecs-rules §3.1: with neither check ECS counts a task healthy 40 s after RUNNING; with a
  // load balancer alone, the target's health decides.
  if (!any_check && s.service.load_balancer)
    c.lines.push_back("No container defines a health check: the target group's check alone decides.");
  else if (!any_check)
    c.lines.push_back("No container defines a health check: ECS counts a task healthy 40 s after RUNNING.");
  if (seen.empty())
    c.lines.insert(c.lines.begin(), s.deploy.none ? "No health check failed." : "No health check failed for the new tasks.");
  return c;
}

Chapter how_the_breaker_counted(const sim::model::Scenario& s, const sim::observe::Trace& trace) {
  Chapter c{"How the circuit breaker counted", {}};
  // With a timeline several deployments may count: each line names its own.
  const bool several = !s.timeline.empty();
  for (const TraceEvent& e : trace.events())
    if (const auto* b = e.as<observe::BreakerCounted>())
      c.lines.push_back(format_seconds(e.at) + ": " + (several ? "ecs-svc/" + std::to_string(b->deployment) + " " : "") +
                        std::to_string(b->failed_tasks) + " of " + std::to_string(b->threshold) + " (" + b->why + ")");
  if (c.lines.empty()) c.lines.push_back("It counted no failure.");
  return c;
}

// A stuck run ended at its horizon, ran out of things to happen, or hit a resource cap: the last
// must not read as "by the horizon", or the user would trust a verdict the run never reached.
std::string why_no_terminal_state(const sim::observe::RunResult& r) {
  using sim::observe::RunEnd;
  switch (r.end) {
    case RunEnd::horizon:
    case RunEnd::outcome_reached: return "no terminal state by the horizon";
    case RunEnd::queue_empty: return "no terminal state, and nothing was left to happen";
    case RunEnd::event_cap:
    case RunEnd::trace_cap:
    case RunEnd::task_cap: break;
  }
  return "no terminal state when the run stopped at " + format_seconds(r.ended_at) + ", " +
         std::string(sim::observe::to_string(r.end)) +
         " (a resource cap, see \"Limits\" in scenarios/README.md; the horizon was not reached)";
}

// The call that started the deployment under test, when deployments of the timeline came before
// it: the run's figures are the episode's, from the first deployment on (DeployMetrics), so the
// explanation must say from when it counts.
const TraceEvent* later_call_under_test(const sim::observe::Trace& trace) {
  const auto tested = deployment_under_test(trace);
  const TraceEvent* first = nullptr;
  for (const TraceEvent& e : trace.events())
    if (const auto* u = e.as<observe::ServiceUpdated>(); u && u->started) {
      if (first == nullptr) first = &e;
      if (tested && *u->started == *tested) return &e == first ? nullptr : &e;
    }
  return nullptr;
}

Chapter how_it_ended(const sim::observe::RunResult& r, const sim::observe::Trace& trace) {
  Chapter c{"How it ended", {}};
  const TraceEvent* call = later_call_under_test(trace);
  std::string line = std::string(sim::observe::to_string(r.outcome));
  if (r.metrics.time_to_outcome && call) {
    const auto ended_at = r.metrics.deploy_started_at + *r.metrics.time_to_outcome;
    const std::string& origin = call->as<observe::ServiceUpdated>()->origin;
    line += " at " + format_seconds(ended_at) + ", " + format_seconds(ended_at - call->at) + " after " +
            (origin == "deploy" ? "the deploy" : origin) + " at " + format_seconds(call->at) + " started it";
  } else if (r.metrics.time_to_outcome) {
    line += " " + format_seconds(*r.metrics.time_to_outcome) + " after the deploy";
  }
  if (r.outcome == sim::observe::Outcome::stuck) line += ": " + why_no_terminal_state(r);
  c.lines.push_back(line + ".");
  c.lines.push_back(std::string(call ? "Over the whole episode, from the first deployment at " +
                                           format_seconds(r.metrics.deploy_started_at) + ": "
                                     : "") +
                    std::to_string(r.metrics.failed_tasks) + " failed tasks, " +
                    format_seconds(r.metrics.below_desired_healthy) + " below desired healthy capacity, " +
                    format_seconds(r.metrics.zero_healthy) + " with no healthy task.");
  // What else can fail a deployment the breaker never saw: alarms and lifecycle hooks (§2, §3.3).
  for (const std::string& alarm : r.metrics.alarms_triggered)
    c.lines.push_back("Alarm " + alarm + " went into ALARM and failed the deployment.");
  for (const auto& hook : r.metrics.hooks)
    if (hook.status != "SUCCEEDED")
      c.lines.push_back("Lifecycle hook " + hook.hook_target_arn + " ended " + hook.status + " at " + hook.stage +
                        ", " + format_seconds(hook.after_deploy) + " after the deploy.");
  return c;
}

}  // namespace

std::optional<sim::ecs::DeploymentId> deployment_under_test(const sim::observe::Trace& trace) {
  std::optional<sim::ecs::DeploymentId> id;
  for (const TraceEvent& e : trace.events())
    if (const auto* u = e.as<observe::ServiceUpdated>(); u && u->started) id = u->started;
  return id;
}

bool deployed_revision_was_broken(const sim::model::Scenario& s, const sim::observe::Trace& trace) {
  // Healthy to every check yet not working: a start-up that never finishes, or a dependency the
  // app connects to that is never reachable. Tasks that died and were replaced do not count: the
  // deployment got past them.
  const auto tasks = deployed_tasks(trace);
  for (const TraceEvent& e : trace.events())
    if (const auto* p = e.as<observe::AppPhaseEntered>(); p && p->stalls_here && tasks.count(p->task)) return true;
  const auto& td = s.task_definitions.at(static_cast<std::size_t>(s.deploy.to_task_definition));
  for (const auto& c : td.containers) {
    const sim::world::UnusableDependencies unusable = sim::world::unusable_dependencies(s, c);
    for (const auto& d : s.dependencies) {
      if (d.reachable && !unusable.count(d.name)) continue;
      for (const auto& phase : s.apps.at(c.image).phases)
        if (std::find(phase.connects_to.begin(), phase.connects_to.end(), d.name) != phase.connects_to.end())
          return true;
    }
  }
  return false;
}

std::vector<Chapter> causal_chain(const sim::model::Scenario& s, const sim::observe::RunResult& r,
                                  const sim::observe::Trace& trace, int threshold) {
  const auto tasks = s.deploy.none ? every_task(trace) : deployed_tasks(trace);
  return {what_was_deployed(s, trace, threshold), what_went_wrong(s, trace, tasks), which_check_saw_it(s, trace, tasks),
          how_the_breaker_counted(s, trace), how_it_ended(r, trace)};
}

}  // namespace harness::explain
