#include "sim/ecs/task_lifecycle.h"

namespace sim::ecs {

void TaskLifecycle::enter(AgentSteps& steps, TaskState state) {
  state_ = state;
  steps.add(AgentStep::enter_state, state);
}

TaskStopInfo& TaskLifecycle::stop_info() {
  if (!stop_) stop_ = std::make_unique<TaskStopInfo>();
  return *stop_;
}

void TaskLifecycle::started(TaskState state) {
  if (state_ <= state && state <= TaskState::running) state_ = state;
}

AgentSteps TaskLifecycle::stop_requested(StopCode code, const std::string& reason, bool registered,
                                         Millis deregistration_delay, bool containers_running) {
  AgentSteps steps;
  if (stop_requested_ || !is_live(state_)) return steps;
  stop_requested_ = true;
  TaskStopInfo& info = stop_info();
  info.code = code;
  info.stopped_reason = reason;
  if (state_ != TaskState::running) {
    // Not serving yet: nothing to drain (task-lifecycle.html: a task stopped while PENDING goes
    // straight to STOPPING).
    end_at_once(steps, containers_running);
    return steps;
  }
  // ECS deregisters the target and waits out the deregistration delay before it stops the task
  // (deployment-type-ecs.html; ecs-rules §6).
  enter(steps, TaskState::deactivating);
  if (registered) steps.add(AgentStep::stop_target_checks);
  steps.add(AgentStep::drain, TaskState::deactivating, registered ? deregistration_delay : Millis{0});
  return steps;
}

AgentSteps TaskLifecycle::failed_to_start(const std::string& reason, bool containers_running) {
  AgentSteps steps;
  TaskStopInfo& info = stop_info();
  info.code = StopCode::task_failed_to_start;
  info.stopped_reason = reason;
  end_at_once(steps, containers_running);
  return steps;
}

AgentSteps TaskLifecycle::infrastructure_lost(const std::string& reason, bool containers_running) {
  AgentSteps steps;
  if (state_ >= TaskState::stopping) return steps;
  stop_requested_ = true;
  // A task already draining keeps the stop code of the request that stopped it (set once).
  if (stop().code == StopCode::none) {
    TaskStopInfo& info = stop_info();
    info.code = StopCode::infrastructure_health;
    info.stopped_reason = reason;
  }
  end_at_once(steps, containers_running);
  return steps;
}

AgentSteps TaskLifecycle::container_exited(bool essential, const std::string& container, int exit_code,
                                           const std::string& container_reason, bool oom_killed,
                                           bool containers_running) {
  AgentSteps steps;
  const bool stopping_already = state_ >= TaskState::deactivating || stop().code != StopCode::none;
  if (!essential || stopping_already) return steps;
  // An essential container's exit stops the task (API_ContainerDefinition `essential`; §7.2).
  TaskStopInfo& info = stop_info();
  info.code = StopCode::essential_container_exited;
  info.stopped_reason = "Essential container in task exited";
  info.container_name = container;
  info.exit_code = exit_code;
  info.container_reason = container_reason;
  info.oom_killed = oom_killed;
  end_at_once(steps, containers_running);
  return steps;
}

AgentSteps TaskLifecycle::container_gone(bool containers_running) {
  AgentSteps steps;
  deprovision_if_done(steps, containers_running);
  return steps;
}

AgentSteps TaskLifecycle::drained(bool containers_running) {
  AgentSteps steps;
  stop_now(steps, containers_running);
  return steps;
}

AgentSteps TaskLifecycle::deprovisioned() {
  AgentSteps steps;
  if (state_ == TaskState::deprovisioning) enter(steps, TaskState::stopped);
  return steps;
}

// A task that ends without draining: its start-up (if any) is dropped, its target deregistered,
// and it goes STOPPING now.
void TaskLifecycle::end_at_once(AgentSteps& steps, bool containers_running) {
  steps.add(AgentStep::cancel_start);
  steps.add(AgentStep::stop_target_checks);
  stop_now(steps, containers_running);
}

// STOPPING: SIGTERM to every running container, SIGKILL after its stopTimeout (§7.3); once none
// runs, DEPROVISIONING.
void TaskLifecycle::stop_now(AgentSteps& steps, bool containers_running) {
  if (state_ >= TaskState::stopping) return;
  enter(steps, TaskState::stopping);
  steps.add(AgentStep::signal_containers);
  deprovision_if_done(steps, containers_running);
}

void TaskLifecycle::deprovision_if_done(AgentSteps& steps, bool containers_running) {
  if (state_ != TaskState::stopping || containers_running) return;
  enter(steps, TaskState::deprovisioning);
  steps.add(AgentStep::deprovision);
}

}  // namespace sim::ecs
