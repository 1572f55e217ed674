#include "sim/world/simulated_world.h"

#include <algorithm>
#include <cassert>
#include <stdexcept>
#include <string>

#include "sim/world/world_task.h"

namespace sim::world {
namespace {

const ExitWords kFaultKillWords{"", "killed by the scenario's fault timeline"};

}  // namespace

SimulatedWorld::SimulatedWorld(const model::Scenario& scenario, EventQueue& queue,
                               const Millis& now, const RngStreams& streams,
                               observe::Trace& trace, observe::Metrics& metrics,
                               const TaskDefinitionSpecs* prepared)
    : scenario_(scenario),
      queue_(queue),
      now_(now),
      streams_(streams),
      trace_(trace),
      metrics_(metrics),
      deps_(scenario.dependencies, scenario.faults, streams),
      traffic_(scenario),
      specs_(prepared),
      per_probe_(scenario.probe_mode == model::ProbeMode::per_probe) {
  if (specs_ == nullptr) specs_ = &own_specs_.emplace(scenario);
  if (!specs_->prepared_for(scenario))
    throw std::invalid_argument("task definition specs prepared for another scenario than " + scenario.name);
  if (scenario.autoscaling) utilization_.emplace(scenario);
  for (std::size_t i = 0; i < scenario.faults.size(); ++i)
    if (scenario.faults[i].kind == model::FaultKind::stop_task)
      at(scenario.faults[i].at, fault_kill, 0, i);
    else if (scenario.faults[i].kind == model::FaultKind::az_lost)
      at(scenario.faults[i].at, zone_lost, 0, i);
  if (trace_.enabled()) {
    const auto edges = deps_.edges();
    for (std::size_t i = 0; i < edges.size(); ++i) at(edges[i].at, trace_dependency, 0, i);
  }
}

SimulatedWorld::~SimulatedWorld() = default;

void SimulatedWorld::task_definition_added() {
  if (!own_specs_) throw std::logic_error("task definition added to a world that shares prepared specs");
  own_specs_->prepare_added();
  traffic_.task_definitions_added(scenario_);
  if (utilization_) utilization_->task_definitions_added(scenario_);
}

SimulatedWorld::Task& SimulatedWorld::task(ecs::TaskId id) {
  if (id >= tasks_.size()) throw std::out_of_range("no task " + std::to_string(id) + " in the world");
  return tasks_[id];
}

TimerId SimulatedWorld::at(Millis t, Kind kind, ecs::TaskId task, std::uint64_t arg) {
  return queue_.schedule(std::max(t, now_), EventOwner::world, kind, task, arg);
}

void SimulatedWorld::schedule_traffic_period() {
  queue_.schedule_beside(now_ + model::kTrafficBucket, EventOwner::world, traffic_period, 0, 0);
}

void SimulatedWorld::start_up_to(Task& t, TaskState s) {
  t.agent.started(s);
  report_state(t, s);
}

void SimulatedWorld::report_state(Task& t, TaskState s) {
  // The controller traces the launch (PROVISIONING) and STOPPED, with what it knows about them.
  if (trace_.enabled() && s != TaskState::stopped && s != TaskState::provisioning)
    trace_.add(now_, observe::TaskStateChanged{t.id, t.deployment, s});
  listener_->on_task_state(t.id, s, s >= TaskState::deactivating ? &t.agent.stop() : nullptr);
}

void SimulatedWorld::start_traffic() {
  if (traffic_.enabled() || utilization_) schedule_traffic_period();
}

void SimulatedWorld::route_traffic(const std::vector<ecs::TrafficRoute>& routes) { traffic_.route(now_, routes); }

const ecs::TrafficReport& SimulatedWorld::traffic_served() { return traffic_.advance(now_); }

}  // namespace sim::world

namespace sim::world {

ecs::Placement SimulatedWorld::launch_task(const ecs::LaunchRequest& req) {
  const model::TaskDefinition& td = scenario_.task_definitions.at(static_cast<std::size_t>(req.task_definition));
  const std::int64_t memory = td.placement_memory_mib();
  if (scenario_.service.launch_type == model::LaunchType::ec2 && scenario_.service.cluster_memory_mib &&
      placed_memory_mib_ + memory > *scenario_.service.cluster_memory_mib) {
    // service-event-messages-list.html: the placement failure event, no task is created.
    return {false, "was unable to place a task because no container instance met all of its "
                   "requirements. The closest matching container-instance has insufficient memory "
                   "available."};
  }
  const int zone = place_in_zone();
  if (zone < 0 && !scenario_.service.availability_zones.empty()) {
    // Our wording: every zone of the service's subnets is lost for now (ecs-rules §12.6).
    return {false, "was unable to place a task because no Availability Zone of its subnets can take tasks."};
  }
  Task& task_ref = create_task(req, memory);
  task_ref.zone = zone;
  placed_memory_mib_ += memory;
  start_up_to(task_ref, TaskState::provisioning);
  const auto& p = scenario_.platform;
  Rng rng = streams_.stream(kProvisioningStream, req.task);
  task_ref.state_timer = at(now_ + rng.jitter(p.provisioning, p.jitter_low_permille, p.jitter_high_permille),
                            provisioned, req.task);
  return {true, "", zone};
}

SimulatedWorld::Task& SimulatedWorld::create_task(const ecs::LaunchRequest& req, std::int64_t memory) {
  const model::TaskDefinition& td = scenario_.task_definitions.at(static_cast<std::size_t>(req.task_definition));
  // Ids come in launch order; a task the runtime could not place took none. Should one be
  // skipped, its slot stays a never-started task, which no loop over the tasks acts on.
  while (tasks_.size() < req.task) tasks_.emplace_back();
  Task& t = req.task < tasks_.size() ? (tasks_[req.task] = Task{}) : tasks_.emplace_back();
  t.id = req.task;
  t.deployment = req.deployment;
  t.task_definition = req.task_definition;
  t.memory_mib = memory;
  for (std::size_t i = 0; i < td.containers.size(); ++i) {
    Container c;
    c.index = static_cast<int>(i);
    c.spec = &specs_->containers(req.task_definition)[i];
    c.def = c.spec->def;
    c.profile = c.spec->profile;
    t.containers.push_back(std::move(c));
    if (td.containers[i].name == scenario_.service.container_name_for_lb) t.lb_container = static_cast<int>(i);
  }
  return t;
}

void SimulatedWorld::start_warm_task(const ecs::LaunchRequest& req) {
  const model::TaskDefinition& td = scenario_.task_definitions.at(static_cast<std::size_t>(req.task_definition));
  const std::int64_t memory = td.placement_memory_mib();
  placed_memory_mib_ += memory;
  Task& t = create_task(req, memory);
  t.zone = place_in_zone();
  // A warm task has run for a while before the run starts: its start-up is long over.
  // All its containers started together: plan first those that connect to no container of the
  // task, so the others see when those listen.
  const auto any = [](const Container&) { return true; };
  for (const bool second_pass : {false, true}) {
    for (const int index : specs_->start_order(t.task_definition)) {
      Container& c = t.containers[static_cast<std::size_t>(index)];
      if (c.started || connects_to_sibling(t, c, any) != second_pass) continue;
      c.plan = plan(t, c, now_ - kWarmTaskAge);
      c.started = true;
      if (c.plan.exit_at != kNever) c.exit_timer = at(c.plan.exit_at, container_exit, t.id, c.index);
    }
  }
  watch_task_memory(t);
  t.agent.started(TaskState::running);
  listener_->on_task_state(t.id, TaskState::running, nullptr);
  for (Container& c : t.containers)
    if (c.def->health_check) start_container_check(t, c, true);
  if (scenario_.service.load_balancer) {
    t.registered = true;
    start_target_check(t, true);
  }
}

void SimulatedWorld::on_event(const Event& e) {
  if (e.kind == fault_kill) {
    // A scenario fault kills the lowest-numbered running tasks of the named revision ("old"/"new").
    const model::Fault& f = scenario_.faults.at(e.arg);
    const int td = f.target == "old" ? scenario_.initial_task_definition : scenario_.deploy.to_task_definition;
    int left = f.count;
    for (std::size_t i = 0, n = tasks_.size(); i < n && left > 0; ++i) {
      Task& t = tasks_[i];
      if (t.task_definition == td && t.state() == TaskState::running) {
        Container& c = t.containers.front();
        c.plan.exit_at = now_;
        c.plan.exit_code = 137;
        c.plan.exit_words = &kFaultKillWords;
        c.plan.exit_cause = observe::ContainerExitCause::fault_injected;
        on_container_exit(t, c);
        --left;
      }
    }
    return;
  }
  if (e.kind == zone_lost) {
    on_zone_lost(scenario_.faults.at(e.arg));
    return;
  }
  if (e.kind == traffic_period) {
    if (utilization_ && now_ % kUtilizationSample == Millis{0}) sample_utilization();
    if (listener_->acts_on_traffic_period(now_))
      listener_->on_traffic_period(traffic_.advance(now_));
    else
      traffic_.count_up_to(now_);
    schedule_traffic_period();  // traffic flows until the run ends
    return;
  }
  if (e.kind == trace_dependency) {
    const auto edge = deps_.edges().at(e.arg);
    trace_.add(now_, observe::DependencyChanged{edge.name, edge.up});
    return;
  }
  Task& t = task(e.subject);
  Container* c = nullptr;
  if (e.kind == container_exit || e.kind == container_check_transition || e.kind == container_probe_start ||
      e.kind == container_probe_result || e.kind == start_timeout || e.kind == trace_phase)
    c = &t.containers.at(e.arg & 0xff);
  switch (static_cast<Kind>(e.kind)) {
    case provisioned:
      start_up_to(t, TaskState::pending);
      begin_pulling(t);
      break;
    case pulled:
      start_ready_containers(t);
      break;
    case activated:
      become_running(t);
      break;
    case container_exit:
      on_container_exit(t, *c);
      break;
    case container_check_transition:
      on_container_check_transition(t, *c);
      break;
    case target_transition:
      on_target_transition(t);
      break;
    case container_probe_start:
      per_probe_container(t, *c, false, now_);
      break;
    case container_probe_result:
      per_probe_container(t, *c, true, Millis{static_cast<std::int64_t>(e.arg >> 8)});
      break;
    case target_probe_start:
      per_probe_target(t, false, now_);
      break;
    case target_probe_result:
      per_probe_target(t, true, Millis{static_cast<std::int64_t>(e.arg)});
      break;
    case drain_done:
      t.target = TargetState::unused;
      perform(t, t.agent.drained(containers_running(t)));
      break;
    case deprovisioned:
      placed_memory_mib_ -= t.memory_mib;
      if (t.zone >= 0) --zone_tasks_[static_cast<std::size_t>(t.zone)];
      t.zone = -1;
      perform(t, t.agent.deprovisioned());
      break;
    case task_memory_exceeded:
      on_task_memory_exceeded(t);
      break;
    case start_timeout:
      if (!c->started && t.state() == TaskState::pending)
        fail_to_start(t, "CannotStartContainerError: dependency graph: container ordering dependency for "
                         "container " + c->def->name + " has timed out (startTimeout)");
      break;
    case trace_phase: {
      const auto phase = static_cast<std::size_t>(e.arg >> 8);
      const bool stalls_here = c->plan.stalled && c->plan.stalled_in_phase == static_cast<int>(phase);
      trace_.add(now_, observe::AppPhaseEntered{t.id, t.deployment, c->index, c->profile->phases.at(phase).name,
                                                stalls_here, stalls_here ? c->plan.exit_words->detail : std::string()});
      break;
    }
    case fault_kill:
    case zone_lost:
    case trace_dependency:
    case traffic_period:
      break;
  }
}

void SimulatedWorld::finish(Millis end) {
  tasks_.for_each([&](const Task& t) {
    for (const Container& c : t.containers)
      if (c.check_active && !per_probe_) metrics_.probes += c.check_forecast.probes_before(end);
    if (t.target_active && !per_probe_) metrics_.probes += t.target_forecast.probes_before(end);
  });
}

}  // namespace sim::world
