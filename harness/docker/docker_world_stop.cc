// DockerWorld: from a stop request or a container's real exit to STOPPED — deregistration and
// draining, SIGTERM then SIGKILL after stopTimeout, deprovisioning, and removing the containers.
#include "harness/docker/docker_world_task.h"
#include "sim/ecs/service_controller.h"

namespace harness::docker {

using sim::ecs::TaskState;

void DockerWorld::stop_task(sim::ecs::TaskId id, sim::ecs::StopCode code, const std::string& reason) {
  Task& t = task(id);
  if (t.stop_requested || !sim::ecs::is_live(t.state)) return;
  t.stop_requested = true;
  t.stop.code = code;
  t.stop.stopped_reason = reason;
  if (t.state != TaskState::running) {
    clock_.cancel(t.state_timer);
    stop_target_checks(t);
    begin_stopping(t);
    return;
  }
  // ECS deregisters the target and waits out the deregistration delay before it stops the task
  // (deployment-type-ecs.html; reference §5).
  set_state(t, TaskState::deactivating);
  const bool registered = t.registered;
  stop_target_checks(t);
  after(registered ? scenario_.service.load_balancer->deregistration_delay : sim::Millis{0}, t, &DockerWorld::drained);
}

void DockerWorld::drained(Task& t) { begin_stopping(t); }

void DockerWorld::fail_to_start(Task& t, const std::string& reason) {
  t.stop.code = sim::ecs::StopCode::task_failed_to_start;
  t.stop.stopped_reason = reason;
  clock_.cancel(t.state_timer);
  stop_target_checks(t);
  begin_stopping(t);
}

void DockerWorld::on_container_exit(Task& t, Container& c, int exit_code) {
  if (c.exited) return;
  c.exited = true;
  c.exit_code = exit_code;
  // The kernel's verdict, as Docker recorded it (State.OOMKilled), and the app's last words.
  bool oom = false;
  bool removed = false;
  std::string detail;
  try {
    const nlohmann::json state = docker_.inspect_container(c.id)["State"];
    oom = state.value("OOMKilled", false);
    detail = docker_.last_log_line(c.id);
    // `docker rm -f` marks the container for removal before it kills it (State.Status "removing").
    if (state.value("Status", "") == "removing") {
      removed = true;
      detail = "removed behind the driver's back (docker rm -f)";
    }
  } catch (const NoSuchContainer&) {
    // `docker rm -f` kills (die, 137) and then destroys: by now it may be gone altogether.
    removed = true;
    detail = "removed behind the driver's back (the engine has no such container any more)";
  } catch (const EngineUnreachable&) {
    throw;
  } catch (const DockerError& e) {
    detail = std::string("(not inspectable: ") + e.what() + ")";
  }
  std::string reason;
  if (oom) {
    ++metrics_.oom_kills;
    reason = "OutOfMemoryError: Container killed due to memory usage";
    detail = "the kernel killed it at its memory limit (State.OOMKilled true, exit " + std::to_string(exit_code) + ")";
  }
  using Cause = sim::observe::ContainerExitCause;
  const Cause cause = oom              ? Cause::oom_killed
                      : removed        ? Cause::removed_externally
                      : c.fault_killed ? Cause::fault_injected
                      : c.sigkill_sent ? Cause::sigkill_after_stop_timeout
                      : c.sigterm_sent ? Cause::sigterm
                                       : Cause::by_itself;
  trace_.add(clock_.now(),
             sim::observe::ContainerExited{t.id, t.deployment, c.index, c.def->name, exit_code, cause, reason, detail});
  const bool stopping_already = t.state >= TaskState::deactivating || t.stop.code != sim::ecs::StopCode::none;
  if (c.def->essential && !stopping_already) {
    // An essential container's exit stops the task (API_ContainerDefinition `essential`).
    t.stop.code = sim::ecs::StopCode::essential_container_exited;
    t.stop.stopped_reason = "Essential container in task exited";
    t.stop.container_name = c.def->name;
    t.stop.exit_code = exit_code;
    t.stop.container_reason = reason;
    t.stop.oom_killed = oom;
    clock_.cancel(t.state_timer);
    stop_target_checks(t);
    begin_stopping(t);
    return;
  }
  start_next_container(t);  // a dependsOn COMPLETE or SUCCESS may now hold, or can no longer
  maybe_deprovision(t);
}

void DockerWorld::begin_stopping(Task& t) {
  if (t.state >= TaskState::stopping) return;
  set_state(t, TaskState::stopping);
  kill_containers(t);
  maybe_deprovision(t);
}

void DockerWorld::kill_containers(Task& t) {
  for (Container& c : t.containers) {
    if (!c.started || c.exited || c.sigterm_sent) continue;
    c.sigterm_sent = true;
    // SIGTERM now; SIGKILL at stopTimeout if it is still running (API_ContainerDefinition).
    signal(c, "SIGTERM");
    const sim::ecs::TaskId id = t.id;
    const int index = c.index;
    clock_.at(clock_.now() + c.def->stop_timeout, [this, id, index] {
      Container& late = task(id).containers.at(static_cast<std::size_t>(index));
      if (late.exited) return;
      late.sigkill_sent = true;
      signal(late, "SIGKILL");
    });
  }
}

void DockerWorld::signal(const Container& c, const std::string& signal) {
  in_background([this, id = c.id, signal] { docker_.signal_container(id, signal); }, [](const std::string&) {});
}

void DockerWorld::maybe_deprovision(Task& t) {
  if (t.state != TaskState::stopping) return;
  for (const Container& c : t.containers)
    if (c.started && !c.exited) return;
  set_state(t, TaskState::deprovisioning);
  after(scenario_.platform.deprovisioning, t, &DockerWorld::deprovisioned);
}

void DockerWorld::deprovisioned(Task& t) {
  set_state(t, TaskState::stopped);
  for (const Container& c : t.containers)
    if (!c.id.empty()) remove_in_background(t, c);
}

void DockerWorld::remove_in_background(const Task& t, const Container& c) {
  in_background([this, id = c.id] { docker_.remove_container(id); },
                [this, name = container_name(t, c)](const std::string& error) {
                  if (error.empty()) created_names_[name] = true;
                });
}

}  // namespace harness::docker
