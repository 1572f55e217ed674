// SimulatedWorld: from PENDING to RUNNING — image pull, secrets, containers in dependsOn order,
// target registration.
#include "sim/ecs/depends_on.h"
#include "sim/world/world_task.h"

namespace sim::world {

void SimulatedWorld::begin_pulling(Task& t) {
  const auto& p = scenario_.platform;
  Rng rng = streams_.stream(kPullStream, t.id);
  t.state_timer = at(now_ + rng.jitter(p.pull, p.jitter_low_permille, p.jitter_high_permille), pulled, t.id);
}

void SimulatedWorld::start_ready_containers(Task& t) {
  if (t.state() != TaskState::pending) return;
  // Secrets are fetched before any container starts; one that cannot be read fails the task
  // (ResourceInitializationError, ecs-rules §8; seed 002's unreadable secret).
  for (const Container& c : t.containers)
    for (const std::string& s : c.def->secrets)
      if (std::find(scenario_.unreadable_secrets.begin(), scenario_.unreadable_secrets.end(), s) !=
          scenario_.unreadable_secrets.end()) {
        fail_to_start(t, "ResourceInitializationError: unable to pull secrets or registry auth: "
                         "unable to retrieve secret " + s + " from the secret store");
        return;
      }
  // Start every container whose dependsOn conditions hold, until nothing more can start. ECS
  // starts those at once; of the ones starting together, a container that connects to another
  // is planned after it, so it sees when that one will listen (a connectsTo cycle: in order).
  for (bool progress = true, defer = true; t.state() == TaskState::pending;) {
    if (!progress) {
      if (!defer) break;
      defer = false;
    }
    progress = false;
    for (const int index : specs_->start_order(t.task_definition)) {
      Container& c = t.containers[static_cast<std::size_t>(index)];
      if (c.started) continue;
      const ecs::DependsOnVerdict verdict = ecs::depends_on_verdict(t.containers, c);
      if (verdict == ecs::DependsOnVerdict::met) {
        if (defer && awaits_sibling_plan(t, c)) continue;
        defer = true;
        start_container(t, c);
        progress = true;
      } else if (verdict == ecs::DependsOnVerdict::impossible) {
        fail_to_start(t, "CannotStartContainerError: dependsOn condition of container " + c.def->name +
                             " can no longer be met");
        return;
      } else {
        arm_start_timeout(t, c);
      }
    }
  }
  maybe_activate(t);
}

// The agent waits for a dependency up to the dependency's startTimeout, counted from the
// dependency's start, for COMPLETE, SUCCESS and HEALTHY only (ecs-rules §7.3). A dependency that
// starts later may bring the deadline forward.
void SimulatedWorld::arm_start_timeout(const Task& t, Container& c) {
  const Millis deadline =
      ecs::dependency_deadline(t.containers, c, [](const Container& dep) { return dep.plan.started_at; });
  if (deadline >= c.start_deadline) return;
  c.start_deadline = deadline;
  queue_.cancel(c.start_timeout_timer);
  c.start_timeout_timer = at(std::max(deadline, now_), start_timeout, t.id, c.index);
}

// True while a container it connects to in its own task could start now but has not: planning
// it first tells this one when that container listens.
bool SimulatedWorld::awaits_sibling_plan(const Task& t, const Container& c) const {
  return connects_to_sibling(t, c, [&](const Container& other) {
    return !other.started && ecs::depends_on_verdict(t.containers, other) == ecs::DependsOnVerdict::met;
  });
}

ContainerPlan SimulatedWorld::plan(const Task& t, const Container& c, Millis started_at) {
  const int limit =
      scenario_.task_definitions.at(static_cast<std::size_t>(t.task_definition)).container_memory_limit_mib(*c.def);
  SiblingWindows siblings;
  for (const Container& other : t.containers) {
    if (&other == &c) continue;
    siblings[other.def->name] = other.started ? model::TimeWindow{other.plan.listening_at, other.plan.exit_at}
                                              : model::TimeWindow{kNever, kNever};
  }
  Rng rng = streams_.stream(kStartupStream, static_cast<std::uint64_t>(t.id) * 16 + c.index);
  phase_starts_.clear();
  const PlanInputs in{c.profile, &c.spec->available, limit, started_at,
                      t.containers.size() > 1 ? &siblings : nullptr,
                      c.spec->unusable.empty() ? nullptr : &c.spec->unusable,
                      trace_.enabled() ? &phase_starts_ : nullptr};
  return plan_container(in, deps_, rng, exit_words_);
}

void SimulatedWorld::start_container(Task& t, Container& c) {
  c.started = true;
  queue_.cancel(c.start_timeout_timer);
  c.plan = plan(t, c, now_);
  if (trace_.enabled()) {
    trace_.add(now_, observe::ContainerStarted{t.id, t.deployment, c.index, c.def->name});
    for (std::size_t i = 0; i < phase_starts_.size(); ++i)
      if (phase_starts_[i] < c.plan.exit_at)
        at(phase_starts_[i], trace_phase, t.id, static_cast<std::uint64_t>(c.index) | (i << 8));
  }
  if (c.plan.exit_at != kNever) c.exit_timer = at(c.plan.exit_at, container_exit, t.id, c.index);
  if (c.def->health_check) start_container_check(t, c, false);
  watch_task_memory(t);
}

void SimulatedWorld::maybe_activate(Task& t) {
  if (t.state() != TaskState::pending) return;
  for (const Container& c : t.containers)
    if (!c.started) return;
  // task-lifecycle.html: ACTIVATING registers the task with its target group, then RUNNING.
  start_up_to(t, TaskState::activating);
  if (t.state() != TaskState::activating) return;
  if (scenario_.service.load_balancer) register_target(t);
  const auto& p = scenario_.platform;
  Rng rng = streams_.stream(kActivatingStream, t.id);
  t.state_timer = at(now_ + rng.jitter(p.activating, p.jitter_low_permille, p.jitter_high_permille), activated, t.id);
}

void SimulatedWorld::register_target(Task& t) {
  t.registered = true;
  t.target = TargetState::initial;
  if (trace_.enabled())
    trace_.add(now_, observe::TargetHealthChanged{t.id, t.deployment, TargetState::initial, "Elb.RegistrationInProgress"});
  listener_->on_target_health(t.id, TargetState::initial, ecs::ProbeFailure::none);
  start_target_check(t, false);
}

void SimulatedWorld::become_running(Task& t) {
  if (t.state() != TaskState::activating) return;
  start_up_to(t, TaskState::running);
}

}  // namespace sim::world
