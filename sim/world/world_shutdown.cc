// SimulatedWorld: from a stop request or a container's exit to STOPPED — deregistration and
// draining, SIGTERM then SIGKILL after stopTimeout, deprovisioning.
#include "sim/ecs/service_controller.h"
#include "sim/world/world_task.h"

namespace sim::world {

void SimulatedWorld::stop_task(ecs::TaskId id, ecs::StopCode code, const std::string& reason) {
  Task& t = task(id);
  if (t.stop_requested || !ecs::is_live(t.state)) return;
  t.stop_requested = true;
  t.stop.code = code;
  t.stop.stopped_reason = reason;
  if (t.state != TaskState::running) {
    queue_.cancel(t.state_timer);
    stop_target_check(t, true);
    begin_stopping(t);
    return;
  }
  // ECS deregisters the target and waits out the deregistration delay before it stops the task
  // (deployment-type-ecs.html; reference §5).
  set_state(t, TaskState::deactivating);
  Millis drain{0};
  if (t.registered) {
    drain = scenario_.service.load_balancer->deregistration_delay;
    stop_target_check(t, true);
  }
  t.state_timer = at(now_ + drain, drain_done, t.id);
}

void SimulatedWorld::fail_to_start(Task& t, const std::string& reason) {
  t.stop.code = ecs::StopCode::task_failed_to_start;
  t.stop.stopped_reason = reason;
  queue_.cancel(t.state_timer);
  stop_target_check(t, true);
  begin_stopping(t);
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
                                              c.plan.exit_reason, c.plan.exit_detail});
  const bool stopping_already = t.state >= TaskState::deactivating || t.stop.code != ecs::StopCode::none;
  if (c.def->essential && !stopping_already) {
    // An essential container's exit stops the task (API_ContainerDefinition `essential`).
    t.stop.code = ecs::StopCode::essential_container_exited;
    t.stop.stopped_reason = "Essential container in task exited";
    t.stop.container_name = c.def->name;
    t.stop.exit_code = c.exit_code;
    t.stop.container_reason = c.plan.exit_reason;
    t.stop.oom_killed = c.plan.oom;
    queue_.cancel(t.state_timer);
    stop_target_check(t, true);
    begin_stopping(t);
    return;
  }
  if (t.state == TaskState::pending) start_ready_containers(t);
  maybe_deprovision(t);
}

void SimulatedWorld::begin_stopping(Task& t) {
  if (t.state >= TaskState::stopping) return;
  set_state(t, TaskState::stopping);
  signal_containers(t);
  maybe_deprovision(t);
}

void SimulatedWorld::signal_containers(Task& t) {
  for (Container& c : t.containers) {
    if (!c.started || c.exited || c.sigterm_sent) continue;
    c.sigterm_sent = true;
    // SIGTERM; the app exits after its shutdown time, or SIGKILL (137) at stopTimeout.
    const model::AppProfile& p = *c.profile;
    const bool killed = p.ignores_sigterm || p.shutdown_time >= c.def->stop_timeout;
    const Millis exit_at = now_ + (killed ? c.def->stop_timeout : p.shutdown_time);
    if (exit_at >= c.plan.exit_at) continue;
    c.plan.exit_at = exit_at;
    c.plan.exit_code = killed ? 137 : 0;
    c.plan.exit_reason = "";
    c.plan.oom = false;
    c.plan.exit_detail = killed ? "SIGKILL after stopTimeout" : "exited after SIGTERM";
    c.plan.exit_cause = killed ? observe::ContainerExitCause::sigkill_after_stop_timeout
                               : observe::ContainerExitCause::sigterm;
    queue_.cancel(c.exit_timer);
    c.exit_timer = at(exit_at, container_exit, t.id, c.index);
    if (c.check_active && !per_probe_) forecast_container_check(t, c);
  }
}

void SimulatedWorld::maybe_deprovision(Task& t) {
  if (t.state != TaskState::stopping) return;
  for (const Container& c : t.containers)
    if (c.started && !c.exited) return;
  set_state(t, TaskState::deprovisioning);
  const auto& p = scenario_.platform;
  Rng rng = streams_.stream(kDeprovisioningStream, t.id);
  t.state_timer = at(now_ + rng.jitter(p.deprovisioning, p.jitter_low_permille, p.jitter_high_permille),
                     deprovisioned, t.id);
}

}  // namespace sim::world
