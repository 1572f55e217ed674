// DockerWorld: Docker's events (container health from its HEALTHCHECK, exits), and the target
// group's health checks, probed over HTTP and played through the shared TargetHealthMachine.
#include "harness/docker/docker_world_task.h"
#include "harness/docker/port_bindings.h"
#include "harness/docker/real_timeout.h"
#include "harness/docker/target_prober.h"

namespace harness::docker {

using sim::ecs::HealthStatus;
using sim::ecs::TargetState;

void DockerWorld::on_event(const ContainerEvent& e) {
  if (finished_) return;
  const auto it = by_container_.find(e.container);
  if (it == by_container_.end()) return;
  Task& t = task(it->second.first);
  Container& c = t.containers.at(static_cast<std::size_t>(it->second.second));
  if (e.action == "die") {
    if (!c.started) c.early_exit_code = e.exit_code;  // our start call has not come back yet
    else on_container_exit(t, c, e.exit_code);
  }
  if (e.action == "health_status: healthy") on_container_health(t, c, HealthStatus::healthy);
  if (e.action == "health_status: unhealthy") on_container_health(t, c, HealthStatus::unhealthy);
}

void DockerWorld::reconcile() {
  // By index: a stopped task's replacement may be launched meanwhile, growing tasks_.
  for (std::size_t i = 0; i < tasks_.size(); ++i) {
    if (!tasks_[i]) continue;
    Task& t = *tasks_[i];
    for (Container& c : t.containers) {
      if (!c.started || c.exited || finished_) continue;
      nlohmann::json state;
      try {
        state = docker_.inspect_container(c.id)["State"];
      } catch (const NoSuchContainer&) {
        on_container_exit(t, c, -1);  // removed, its die event lost with the gap
        continue;
      }
      if (!state.value("Running", false)) {
        on_container_exit(t, c, state.value("ExitCode", -1));
        continue;
      }
      const std::string health = state.value("Health", nlohmann::json::object()).value("Status", "");
      if (health == "healthy") on_container_health(t, c, HealthStatus::healthy);
      if (health == "unhealthy") on_container_health(t, c, HealthStatus::unhealthy);
    }
  }
}

void DockerWorld::on_container_health(Task& t, Container& c, HealthStatus status) {
  if (c.exited || c.health == status) return;
  c.health = status;
  std::string why;
  if (status == HealthStatus::unhealthy) {
    // Docker keeps the last probes' output: say what the check printed (or why it could not run).
    nlohmann::json log = nlohmann::json::array();
    try {
      log = docker_.inspect_container(c.id)["State"]["Health"].value("Log", log);
    } catch (const NoSuchContainer&) {
      // Removed meanwhile: its exit is on its way (die), the verdict stands without the why.
    }
    if (!log.empty()) why = "exit " + std::to_string(log.back().value("ExitCode", -1)) + ": " + log.back().value("Output", "");
    while (!why.empty() && (why.back() == '\n' || why.back() == ' ')) why.pop_back();
  }
  trace_.add(clock_.now(), sim::observe::ContainerHealthChanged{t.id, t.deployment, c.index, c.def->name, status, why});
  listener_->on_container_health(t.id, c.index, status);
  start_next_container(t);  // a dependsOn HEALTHY may now hold
}

int DockerWorld::target_port() const {
  if (!scenario_.service.load_balancer) return 0;
  const auto& tg = *scenario_.service.load_balancer;
  return tg.port != 0 ? tg.port : scenario_.service.container_port_for_lb;
}

ProbeTarget DockerWorld::target_of(const Task& t) const {
  const auto& tg = *scenario_.service.load_balancer;
  const Container& c = t.containers.at(static_cast<std::size_t>(t.lb_container));
  // Bridge mode: as an ALB's target instance:hostPort, the host port the target port is
  // published on (port_bindings.h).
  if (c.target_host_port != 0) return {kPublishedHostIp, c.target_host_port, tg.path, tg.matcher};
  return {c.ip, target_port(), tg.path, tg.matcher};
}

void DockerWorld::register_target(Task& t, bool warm) {
  const auto& tg = *scenario_.service.load_balancer;
  const ProbeTarget at = target_of(t);
  target_addresses_[t.id] = at.ip + ":" + std::to_string(at.port);
  t.registered = true;
  t.target_machine = sim::ecs::TargetHealthMachine(tg, clock_.now());
  if (warm) {
    // Healthy since long before the run, as in the simulated world.
    for (int i = 0; i < tg.healthy_threshold; ++i) t.target_machine->apply(clock_.now(), true, sim::ecs::ProbeFailure::none);
    report_target(t, TargetState::healthy, sim::ecs::ProbeFailure::none);
  } else {
    report_target(t, TargetState::initial, sim::ecs::ProbeFailure::none);
  }
  t.probing = true;
  probe_target(t);
}

void DockerWorld::probe_target(Task& t) {
  if (!t.probing || finished_) return;
  const auto& tg = *scenario_.service.load_balancer;
  const sim::Millis started = clock_.now();
  const ProbeTarget target = target_of(t);
  const sim::ecs::TaskId id = t.id;
  ++metrics_.probes;
  harness::docker::probe_target(io_, target, real_timeout(tg.timeout, clock_.time_scale()),
                                [this, id, started](const sim::ecs::ProbeOutcome& o) { on_probe(id, started, o); });
  // The ALB probes on a fixed cadence, not waiting for the previous probe (target_health.h).
  t.target_timer = clock_.at(started + tg.interval, [this, id] { probe_target(task(id)); });
}

void DockerWorld::on_probe(sim::ecs::TaskId id, sim::Millis started, const sim::ecs::ProbeOutcome& o) {
  Task& t = task(id);
  if (!t.probing || finished_) return;
  if (t.target_machine->apply(started, o)) report_target(t, t.target_machine->state(), t.target_machine->last_failure());
}

void DockerWorld::report_target(Task& t, TargetState state, sim::ecs::ProbeFailure failure) {
  trace_.add(clock_.now(), sim::observe::TargetHealthChanged{t.id, t.deployment, state,
                                                             state == TargetState::unhealthy
                                                                 ? std::string(sim::ecs::elb_reason(failure))
                                                             : state == TargetState::initial
                                                                 ? std::string("Elb.RegistrationInProgress")
                                                                 : std::string()});
  listener_->on_target_health(t.id, state, failure);
}

void DockerWorld::stop_target_checks(Task& t) {
  t.probing = false;
  clock_.cancel(t.target_timer);
  t.target_timer = sim::kNoTimer;
  if (t.registered) {
    t.registered = false;
    report_target(t, TargetState::draining, sim::ecs::ProbeFailure::none);
  }
}

}  // namespace harness::docker
