// SimulatedWorld: Docker's container health checks and the load balancer's target checks, either
// predicted (one event per state change) or simulated probe by probe (the reference mode).
#include "sim/world/world_task.h"

namespace sim::world {
namespace {

constexpr std::uint64_t probe_arg(int container, Millis start) {
  return static_cast<std::uint64_t>(container) | (static_cast<std::uint64_t>(start.count()) << 8);
}

}  // namespace

ContainerCheckSource SimulatedWorld::container_source(const Container& c) const {
  return ContainerCheckSource{AppEndpoint(*c.profile, c.plan, deps_), c.spec->check_probe,
                              c.spec->check_runnable, c.spec->check_has_url, c.plan};
}

TargetSource SimulatedWorld::target_source(const Task& t) const {
  const Container& c = t.containers.at(static_cast<std::size_t>(t.lb_container));
  return TargetSource{AppEndpoint(*c.profile, c.plan, deps_),
                      specs_->target_probe(t.task_definition)};
}

void SimulatedWorld::start_container_check(Task& t, Container& c, bool warm) {
  const model::ContainerHealthCheck& hc = *c.def->health_check;
  c.check = ecs::ContainerHealthMachine(hc, c.plan.started_at);
  c.check_next_start = c.check.first_probe_start();
  c.check_active = true;
  if (warm) {
    // Healthy for long before the run; probes continue at a phase drawn per container.
    c.check.apply(now_ - hc.interval, true);
    Rng rng = streams_.stream(kCheckPhaseStream, static_cast<std::uint64_t>(t.id) * 16 + c.index);
    c.check_next_start = now_ + Millis{rng.uniform_int(0, hc.interval.count() - 1)};
    report_container_health(t, c, HealthStatus::healthy);
  }
  if (per_probe_)
    c.check_timer = at(c.check_next_start, container_probe_start, t.id, c.index);
  else
    forecast_container_check(t, c);
}

void SimulatedWorld::forecast_container_check(Task& t, Container& c) {
  queue_.cancel(c.check_timer);
  c.check_timer = kNoTimer;
  forecast(c.check, c.check_next_start, container_source(c), scenario_.horizon + Millis{1}, c.check_forecast);
  if (c.check_forecast.transition)
    c.check_timer = at(c.check_forecast.at, container_check_transition, t.id, c.index);
}

void SimulatedWorld::on_container_check_transition(Task& t, Container& c) {
  metrics_.probes += c.check_forecast.probes_before(kNever);
  c.check = c.check_forecast.after;
  c.check_next_start = c.check_forecast.next_start;
  report_container_health(t, c, c.check.status());
  if (c.check_active) forecast_container_check(t, c);
}

void SimulatedWorld::per_probe_container(Task& t, Container& c, bool result_phase, Millis start) {
  const ecs::ProbeOutcome o = container_source(c).answer(start);
  const Millis duration = c.check.probe_duration(o);
  if (!result_phase) {
    ++metrics_.probes;
    c.check_timer = at(start + duration, container_probe_result, t.id, probe_arg(c.index, start));
    return;
  }
  const bool changed = c.check.apply(start, o);
  c.check_timer = at(c.check.next_probe_start(start, duration), container_probe_start, t.id, c.index);
  if (changed) report_container_health(t, c, c.check.status());
}

void SimulatedWorld::report_container_health(Task& t, Container& c, HealthStatus status) {
  c.health = status;
  if (trace_.enabled()) {
    // Why the last probe failed, in Docker's terms, for people reading the trace.
    std::string why;
    if (status == HealthStatus::unhealthy) {
      const ecs::ProbeOutcome o = container_source(c).answer(now_ - Millis{1});
      why = o.failure == ecs::ProbeFailure::binary_missing ? "the check command's binary is not in the image (exit 127)"
            : o.failure == ecs::ProbeFailure::connection_refused ? "connection refused"
            : o.failure == ecs::ProbeFailure::timeout            ? "timed out"
                                                                  : "HTTP " + std::to_string(o.http_code);
    }
    trace_.add(now_, observe::ContainerHealthChanged{t.id, t.deployment, c.index, c.def->name, status, why});
  }
  listener_->on_container_health(t.id, c.index, status);
  if (status == HealthStatus::healthy && t.state() == TaskState::pending) start_ready_containers(t);
}

void SimulatedWorld::stop_container_check(Task& t, Container& c) {
  (void)t;
  if (!c.check_active) return;
  if (!per_probe_) metrics_.probes += c.check_forecast.probes_before(now_);
  queue_.cancel(c.check_timer);
  c.check_timer = kNoTimer;
  c.check_active = false;
}

void SimulatedWorld::start_target_check(Task& t, bool warm) {
  const model::TargetGroupHealthCheck& tg = *scenario_.service.load_balancer;
  t.target_machine = ecs::TargetHealthMachine(tg, now_);
  t.target_next_start = t.target_machine.first_probe_start();
  t.target_active = true;
  if (warm) {
    for (int i = 0; i < tg.healthy_threshold; ++i) t.target_machine.apply(now_, true, ecs::ProbeFailure::none);
    Rng rng = streams_.stream(kTargetPhaseStream, t.id);
    t.target_next_start = now_ + Millis{rng.uniform_int(0, tg.interval.count() - 1)};
    report_target(t, TargetState::healthy, ecs::ProbeFailure::none);
  }
  if (per_probe_)
    t.target_timer = at(t.target_next_start, target_probe_start, t.id);
  else
    forecast_target_check(t);
}

void SimulatedWorld::forecast_target_check(Task& t) {
  queue_.cancel(t.target_timer);
  t.target_timer = kNoTimer;
  forecast(t.target_machine, t.target_next_start, target_source(t), scenario_.horizon + Millis{1}, t.target_forecast);
  if (t.target_forecast.transition) t.target_timer = at(t.target_forecast.at, target_transition, t.id);
}

void SimulatedWorld::on_target_transition(Task& t) {
  metrics_.probes += t.target_forecast.probes_before(kNever);
  t.target_machine = t.target_forecast.after;
  t.target_next_start = t.target_forecast.next_start;
  report_target(t, t.target_machine.state(), t.target_machine.last_failure());
  if (t.target_active) forecast_target_check(t);
}

void SimulatedWorld::per_probe_target(Task& t, bool result_phase, Millis start) {
  const ecs::ProbeOutcome o = target_source(t).answer(start);
  const Millis duration = t.target_machine.probe_duration(o);
  if (!result_phase) {
    ++metrics_.probes;
    // ELB probes on a fixed cadence: the next probe does not wait for this one's answer.
    t.target_timer = at(t.target_machine.next_probe_start(start, duration), target_probe_start, t.id);
    at(start + duration, target_probe_result, t.id, static_cast<std::uint64_t>(start.count()));
    return;
  }
  if (!t.target_active) return;
  if (t.target_machine.apply(start, o)) report_target(t, t.target_machine.state(), t.target_machine.last_failure());
}

void SimulatedWorld::report_target(Task& t, TargetState state, ecs::ProbeFailure failure) {
  t.target = state;
  if (trace_.enabled())
    trace_.add(now_, observe::TargetHealthChanged{t.id, t.deployment, state,
                                                  state == TargetState::unhealthy ? std::string(ecs::elb_reason(failure))
                                                                                  : std::string()});
  listener_->on_target_health(t.id, state, failure);
}

void SimulatedWorld::stop_target_check(Task& t, bool draining) {
  if (t.target_active) {
    if (!per_probe_) metrics_.probes += t.target_forecast.probes_before(now_);
    queue_.cancel(t.target_timer);
    t.target_timer = kNoTimer;
    t.target_active = false;
  }
  if (draining && t.registered) {
    t.registered = false;
    report_target(t, TargetState::draining, ecs::ProbeFailure::none);
  }
}

}  // namespace sim::world
