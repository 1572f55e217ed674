#include "harness/serve/trace_index.h"

namespace harness::serve {

namespace obs = sim::observe;
using sim::ecs::TaskState;

TaskFacts& TraceIndex::facts(sim::ecs::TaskId id) {
  if (id >= tasks_.size()) tasks_.resize(id + 1);
  return tasks_[id];
}

ContainerFacts& TraceIndex::container(sim::ecs::TaskId id, int index) {
  std::vector<ContainerFacts>& containers = facts(id).containers;
  if (static_cast<std::size_t>(index) >= containers.size()) containers.resize(static_cast<std::size_t>(index) + 1);
  return containers[static_cast<std::size_t>(index)];
}

const TaskFacts& TraceIndex::task(sim::ecs::TaskId id) const {
  static const TaskFacts kNothingYet{};
  return id < tasks_.size() ? tasks_[id] : kNothingYet;
}

std::optional<sim::Millis> TraceIndex::deployment_updated_at(sim::ecs::DeploymentId id) const {
  return id < deployment_updates_.size() ? deployment_updates_[id] : std::nullopt;
}

void TraceIndex::catch_up(const obs::Trace& trace) {
  const std::vector<obs::TraceEvent>& events = trace.events();
  for (; read_ < events.size(); ++read_) {
    const obs::TraceEvent& e = events[read_];
    if (const auto* event = e.as<obs::ServiceEvent>()) {
      events_.push_back({events_.size(), e.at, event->message});
    } else if (const auto* rollout = e.as<obs::DeploymentStateChanged>()) {
      if (rollout->deployment >= deployment_updates_.size()) deployment_updates_.resize(rollout->deployment + 1);
      deployment_updates_[rollout->deployment] = e.at;
    } else if (const auto* state = e.as<obs::TaskStateChanged>()) {
      TaskFacts& task = facts(state->task);
      if (state->state == TaskState::running && !task.started_at) task.started_at = e.at;
      if (state->state > TaskState::running && !task.stopping_at) task.stopping_at = e.at;
    } else if (const auto* stopped = e.as<obs::TaskStopped>()) {
      TaskFacts& task = facts(stopped->task);
      task.stopped_at = e.at;
      if (!task.stopping_at) task.stopping_at = e.at;
      task.stop_code = stopped->code;
      task.stopped_reason = stopped->stopped_reason;
      for (ContainerFacts& c : task.containers) c.last_status = "STOPPED";
    } else if (const auto* target = e.as<obs::TargetHealthChanged>()) {
      facts(target->task).target_reason = target->reason;
    } else if (const auto* started = e.as<obs::ContainerStarted>()) {
      container(started->task, started->container_index).last_status = "RUNNING";
    } else if (const auto* exited = e.as<obs::ContainerExited>()) {
      ContainerFacts& c = container(exited->task, exited->container_index);
      c.last_status = "STOPPED";
      c.exit_code = exited->exit_code;
      c.reason = exited->reason;
    }
  }
}

}  // namespace harness::serve
