// DockerWorld: from a stop request or a container's real exit to STOPPED. What each of those
// turns into is the ECS agent's rule, written once in sim/ecs/task_lifecycle.h for both worlds;
// this file carries its steps out on the engine: draining, SIGTERM then SIGKILL after
// stopTimeout, deprovisioning, and removing the containers.
#include "harness/docker/docker_world_task.h"
#include "harness/docker/real_timeout.h"

namespace harness::docker {

using sim::ecs::TaskState;

void DockerWorld::stop_task(sim::ecs::TaskId id, sim::ecs::StopCode code, const std::string& reason) {
  Task& t = task(id);
  const sim::Millis delay =
      scenario_.service.load_balancer ? scenario_.service.load_balancer->deregistration_delay : sim::Millis{0};
  perform(t, t.agent.stop_requested(code, reason, t.registered, delay, containers_running(t)));
}

void DockerWorld::fail_to_start(Task& t, const std::string& reason) {
  perform(t, t.agent.failed_to_start(reason, containers_running(t)));
}

bool DockerWorld::containers_running(const Task& t) {
  for (const Container& c : t.containers)
    if (c.started && !c.exited) return true;
  return false;
}

void DockerWorld::perform(Task& t, const sim::ecs::AgentSteps& steps) {
  for (const sim::ecs::AgentStep& step : steps) {
    switch (step.kind) {
      case sim::ecs::AgentStep::cancel_start:
        clock_.cancel(t.state_timer);
        break;
      case sim::ecs::AgentStep::stop_target_checks:
        stop_target_checks(t);
        break;
      case sim::ecs::AgentStep::enter_state:
        report_state(t, step.state);
        break;
      case sim::ecs::AgentStep::drain:
        after(step.wait, t, &DockerWorld::drained);
        break;
      case sim::ecs::AgentStep::signal_containers:
        kill_containers(t);
        break;
      case sim::ecs::AgentStep::deprovision:
        after(scenario_.platform.deprovisioning, t, &DockerWorld::deprovisioned);
        break;
    }
  }
}

void DockerWorld::drained(Task& t) { perform(t, t.agent.drained(containers_running(t))); }

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
  const sim::ecs::AgentSteps steps =
      t.agent.container_exited(c.def->essential, c.def->name, exit_code, reason, oom, containers_running(t));
  if (!steps.empty()) {
    perform(t, steps);
    return;
  }
  start_next_container(t);  // a dependsOn COMPLETE or SUCCESS may now hold, or can no longer
  perform(t, t.agent.container_gone(containers_running(t)));
}

void DockerWorld::kill_containers(Task& t) {
  for (Container& c : t.containers) {
    if (!c.started || c.exited || c.sigterm_sent) continue;
    c.sigterm_sent = true;
    // SIGTERM now; SIGKILL at stopTimeout if it is still running (API_ContainerDefinition).
    signal(c, "SIGTERM");
    const sim::ecs::TaskId id = t.id;
    const int index = c.index;
    // The chaos app plays its shutdown in scaled time; an own image stops in real time, so its
    // grace gets the floor of real time every scaled timeout has (real_timeout.h).
    const sim::Millis grace = own_images_.runs_own_image(c.def->image)
                                  ? floored_run_timeout(c.def->stop_timeout, clock_.time_scale())
                                  : c.def->stop_timeout;
    clock_.at(clock_.now() + grace, [this, id, index] {
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

void DockerWorld::deprovisioned(Task& t) {
  perform(t, t.agent.deprovisioned());
  for (const Container& c : t.containers)
    if (!c.id.empty()) remove_in_background(t, c);
  remove_network_holder(t);
}

void DockerWorld::remove_in_background(const Task& t, const Container& c) {
  in_background([this, id = c.id] { docker_.remove_container(id); },
                [this, name = container_name(t, c)](const std::string& error) {
                  if (error.empty()) created_names_[name] = true;
                });
}

}  // namespace harness::docker
