// The ECS agent's task lifecycle, written once for both worlds: what a stop request, a failure
// to start, an essential container's exit, the end of draining and the end of deprovisioning
// turn into — the next lifecycle states, the stop code and reason the task will report, and the
// steps the world must carry out, in order (task-lifecycle.html, API_Task stopCode,
// API_ContainerDefinition `essential`; ecs-rules §6, §7.1, §7.2).
//
// Pure: no clock, no queue, no I/O. The simulated world (sim/world) and real mode
// (harness/docker) each keep one TaskLifecycle per task, feed it what happened and perform the
// AgentSteps it returns; how a world pulls images, starts containers or delivers a signal is the
// world's own business. The start-up states (PROVISIONING .. RUNNING) are the world's to set with
// started(); every state after RUNNING is decided here.
//
// Invariants: states only move forward; a task is asked to stop at most once (later requests
// are ignored, as the agent ignores a second StopTask); the stop code is set once, by whatever
// ended the task first.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>

#include "sim/ecs/task_state.h"
#include "sim/engine/time.h"

namespace sim::ecs {

// One thing the world must do, in the order given.
struct AgentStep {
  enum Kind : std::uint8_t {
    cancel_start,        // drop the pending start-up step (provisioning, pull, activation ...)
    stop_target_checks,  // deregister the target: its checks end and it reports DRAINING
    enter_state,         // the task is now in `state`: trace it and tell the controller
    drain,               // wait `wait` (the deregistration delay), then call drained()
    signal_containers,   // SIGTERM each running container; SIGKILL after its stopTimeout
    deprovision,         // every container has exited: tear down, then call deprovisioned()
  };
  Kind kind;
  TaskState state;  // enter_state
  Millis wait;      // drain
};

// The steps of one transition, in order: at most six, kept inline (a task's stop allocates
// nothing, as a 10,000-task deployment stops thousands of tasks).
class AgentSteps {
 public:
  void add(AgentStep::Kind kind, TaskState state = TaskState::stopped, Millis wait = Millis{0}) {
    if (size_ == steps_.size()) throw std::logic_error("more than six agent steps in one transition");
    steps_[size_++] = AgentStep{kind, state, wait};
  }
  bool empty() const { return size_ == 0; }
  std::size_t size() const { return size_; }
  const AgentStep& operator[](std::size_t i) const { return steps_[i]; }
  const AgentStep* begin() const { return steps_.data(); }
  const AgentStep* end() const { return steps_.data() + size_; }

 private:
  std::array<AgentStep, 6> steps_;  // the first size_ are set
  std::size_t size_ = 0;
};

class TaskLifecycle {
 public:
  TaskState state() const { return state_; }
  // What the task reports once stopped; code none (and no words) while nothing has stopped it.
  const TaskStopInfo& stop() const { return stop_ ? *stop_ : kNotStopped; }
  bool stop_requested() const { return stop_requested_; }

  // A start-up state the world reached (PENDING, ACTIVATING, RUNNING), before any stop.
  void started(TaskState state);

  // StopTask from the scheduler (or a fault). A running task first deregisters and drains for
  // the target group's deregistration delay; one still starting stops at once. Ignored when the
  // task was already asked to stop or has ended by itself.
  AgentSteps stop_requested(StopCode code, const std::string& reason, bool registered, Millis deregistration_delay,
                            bool containers_running);

  // The task could not start (a container start-up timed out, a dependency condition can never
  // hold): TaskFailedToStart.
  AgentSteps failed_to_start(const std::string& reason, bool containers_running);

  // The task's host went away with its Availability Zone (ecs-rules §12.6): InfrastructureHealth.
  // Its containers are gone with the host, so the world marks them exited first: nothing drains
  // and no signal is sent. Ignored once the task was stopping or has ended; a task draining
  // already keeps its stop code.
  AgentSteps infrastructure_lost(const std::string& reason, bool containers_running);

  // A container exited by itself. An essential one ends the task (EssentialContainerExited, with
  // its exit code and reason) unless the task was stopping already; otherwise nothing follows
  // here, and the world calls container_gone() once it has started whatever may start now.
  AgentSteps container_exited(bool essential, const std::string& container, int exit_code,
                              const std::string& container_reason, bool oom_killed, bool containers_running);

  // A container exited while the task is being stopped, or any container exited and the world
  // has done its part: deprovision once none runs.
  AgentSteps container_gone(bool containers_running);

  // Draining is over: the containers get SIGTERM.
  AgentSteps drained(bool containers_running);

  // Deprovisioning is over: STOPPED.
  AgentSteps deprovisioned();

 private:
  void end_at_once(AgentSteps& steps, bool containers_running);
  void stop_now(AgentSteps& steps, bool containers_running);
  void deprovision_if_done(AgentSteps& steps, bool containers_running);
  void enter(AgentSteps& steps, TaskState state);
  // The stop info to write, allocated on first use.
  TaskStopInfo& stop_info();

  static inline const TaskStopInfo kNotStopped{};

  TaskState state_ = TaskState::provisioning;
  bool stop_requested_ = false;
  // Allocated when something stops the task: its strings are read once, at STOPPED, and most of
  // a large run's tasks are never stopped while it runs, so they stay out of every task's record
  // (sim/world keeps one TaskLifecycle per task; docs/scaling.md).
  std::unique_ptr<TaskStopInfo> stop_;
};

}  // namespace sim::ecs
