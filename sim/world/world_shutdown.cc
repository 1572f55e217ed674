// SimulatedWorld: from a stop request or a container's exit to STOPPED. What each of those turns
// into is the ECS agent's rule, written once in sim/ecs/task_lifecycle.h for both worlds; this
// file carries its steps out in simulated time: draining, SIGTERM then SIGKILL after
// stopTimeout as the app profile plays it, deprovisioning.
#include "sim/ecs/depends_on.h"
#include "sim/world/world_task.h"

namespace sim::world {
namespace {

const ExitWords kSigkillWords{"", "SIGKILL after stopTimeout"};
const ExitWords kSigtermWords{"", "exited after SIGTERM"};

}  // namespace

void SimulatedWorld::stop_task(ecs::TaskId id, ecs::StopCode code, const std::string& reason) {
  Task& t = task(id);
  const Millis delay = scenario_.service.load_balancer ? scenario_.service.load_balancer->deregistration_delay : Millis{0};
  perform(t, t.agent.stop_requested(code, reason, t.registered, delay, containers_running(t)));
}

void SimulatedWorld::fail_to_start(Task& t, const std::string& reason) {
  perform(t, t.agent.failed_to_start(reason, containers_running(t)));
}

void SimulatedWorld::on_container_exit(Task& t, Container& c) {
  if (c.exited) return;
  c.exited = true;
  c.exit_code = c.plan.exit_code;
  queue_.cancel(c.exit_timer);
  stop_container_check(t, c);
  if (c.plan.oom) ++metrics_.oom_kills;
  if (trace_.enabled())
    trace_.add(now_, observe::ContainerExited{t.id, t.deployment, c.index, c.def->name, c.exit_code, c.plan.exit_cause,
                                              c.plan.exit_words->reason, c.plan.exit_words->detail});
  if (t.containers_signalled) signal_containers(t);  // its dependencies may stop now
  watch_task_memory(t);  // the others have its memory to share now
  const ecs::AgentSteps steps = t.agent.container_exited(c.def->essential, c.def->name, c.exit_code,
                                                         c.plan.exit_words->reason, c.plan.oom, containers_running(t));
  if (!steps.empty()) {
    perform(t, steps);
    return;
  }
  if (t.state() == TaskState::pending) start_ready_containers(t);
  perform(t, t.agent.container_gone(containers_running(t)));
}

bool SimulatedWorld::containers_running(const Task& t) {
  for (const Container& c : t.containers)
    if (c.started && !c.exited) return true;
  return false;
}

void SimulatedWorld::perform(Task& t, const ecs::AgentSteps& steps) {
  for (const ecs::AgentStep& step : steps) {
    switch (step.kind) {
      case ecs::AgentStep::cancel_start:
        queue_.cancel(t.state_timer);
        break;
      case ecs::AgentStep::stop_target_checks:
        stop_target_check(t, true);
        break;
      case ecs::AgentStep::enter_state:
        report_state(t, step.state);
        break;
      case ecs::AgentStep::drain:
        t.state_timer = at(now_ + step.wait, drain_done, t.id);
        break;
      case ecs::AgentStep::signal_containers:
        signal_containers(t);
        break;
      case ecs::AgentStep::deprovision: {
        const auto& p = scenario_.platform;
        Rng rng = streams_.stream(kDeprovisioningStream, t.id);
        t.state_timer = at(now_ + rng.jitter(p.deprovisioning, p.jitter_low_permille, p.jitter_high_permille),
                           deprovisioned, t.id);
        break;
      }
    }
  }
}

// SIGTERM to every running container whose dependents have exited: shutdown goes in reverse
// dependency order (ecs-rules §7.3, the agent's verifyShutdownOrder); each exit calls again.
void SimulatedWorld::signal_containers(Task& t) {
  t.containers_signalled = true;
  for (Container& c : t.containers) {
    if (!c.started || c.exited || c.sigterm_sent) continue;
    if (!ecs::dependents_have_exited(t.containers, c)) continue;
    c.sigterm_sent = true;
    // SIGTERM; the app exits after its shutdown time, or SIGKILL (137) at stopTimeout.
    const model::AppProfile& p = *c.profile;
    const bool killed = p.ignores_sigterm || p.shutdown_time >= c.def->stop_timeout;
    const Millis exit_at = now_ + (killed ? c.def->stop_timeout : p.shutdown_time);
    if (exit_at >= c.plan.exit_at) continue;
    c.plan.exit_at = exit_at;
    c.plan.exit_code = killed ? 137 : 0;
    c.plan.oom = false;
    c.plan.exit_words = killed ? &kSigkillWords : &kSigtermWords;
    c.plan.exit_cause = killed ? observe::ContainerExitCause::sigkill_after_stop_timeout
                               : observe::ContainerExitCause::sigterm;
    queue_.cancel(c.exit_timer);
    c.exit_timer = at(exit_at, container_exit, t.id, c.index);
    if (c.check_active && !per_probe_) forecast_container_check(t, c);
  }
}

}  // namespace sim::world
