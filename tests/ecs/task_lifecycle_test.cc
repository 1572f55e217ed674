// The ECS agent's task lifecycle, alone: what each report turns into, in order.
#include <catch2/catch.hpp>

#include "sim/ecs/task_lifecycle.h"

using sim::Millis;
using sim::ecs::AgentStep;
using sim::ecs::AgentSteps;
using sim::ecs::StopCode;
using sim::ecs::TaskLifecycle;
using sim::ecs::TaskState;

namespace {

std::vector<AgentStep::Kind> kinds(const AgentSteps& steps) {
  std::vector<AgentStep::Kind> k;
  for (const AgentStep& s : steps) k.push_back(s.kind);
  return k;
}

TaskLifecycle running_task() {
  TaskLifecycle t;
  t.started(TaskState::pending);
  t.started(TaskState::activating);
  t.started(TaskState::running);
  return t;
}

}  // namespace

TEST_CASE("a running registered task drains for the deregistration delay before it is signalled") {
  // Given a RUNNING task behind a load balancer, when the scheduler stops it, then it deregisters,
  // drains 30 s, and only then gets SIGTERM.
  TaskLifecycle t = running_task();
  const AgentSteps stop = t.stop_requested(StopCode::service_scheduler_initiated, "replaced", true, Millis{30'000}, true);
  REQUIRE(kinds(stop) == std::vector{AgentStep::enter_state, AgentStep::stop_target_checks, AgentStep::drain});
  CHECK(stop[0].state == TaskState::deactivating);
  CHECK(stop[2].wait == Millis{30'000});
  CHECK(t.stop().code == StopCode::service_scheduler_initiated);
  const AgentSteps drained = t.drained(true);
  REQUIRE(kinds(drained) == std::vector{AgentStep::enter_state, AgentStep::signal_containers});
  CHECK(drained[0].state == TaskState::stopping);
  const AgentSteps gone = t.container_gone(false);
  REQUIRE(kinds(gone) == std::vector{AgentStep::enter_state, AgentStep::deprovision});
  CHECK(gone[0].state == TaskState::deprovisioning);
  const AgentSteps stopped = t.deprovisioned();
  REQUIRE(kinds(stopped) == std::vector{AgentStep::enter_state});
  CHECK(t.state() == TaskState::stopped);
}

TEST_CASE("a second stop request is ignored and keeps the first stop code") {
  // Given a task asked to stop, when a fault asks again, then nothing happens.
  TaskLifecycle t = running_task();
  t.stop_requested(StopCode::service_scheduler_initiated, "scale in", false, Millis{0}, true);
  CHECK(t.stop_requested(StopCode::user_initiated, "fault", false, Millis{0}, true).empty());
  CHECK(t.stop().code == StopCode::service_scheduler_initiated);
  CHECK(t.stop().stopped_reason == "scale in");
}

TEST_CASE("a task still starting stops at once, without draining") {
  // Given a PENDING task, when it is stopped, then its start-up is cancelled and it goes to STOPPING.
  TaskLifecycle t;
  t.started(TaskState::pending);
  const AgentSteps steps = t.stop_requested(StopCode::service_scheduler_initiated, "r", true, Millis{30'000}, false);
  REQUIRE(kinds(steps) == std::vector{AgentStep::cancel_start, AgentStep::stop_target_checks, AgentStep::enter_state,
                                      AgentStep::signal_containers, AgentStep::enter_state, AgentStep::deprovision});
  CHECK(steps[2].state == TaskState::stopping);
  CHECK(steps[4].state == TaskState::deprovisioning);
}

TEST_CASE("an essential container's exit stops the task with EssentialContainerExited and its exit code") {
  // Given a running task, when its essential container is OOM-killed, then the stop info says so.
  TaskLifecycle t = running_task();
  const AgentSteps steps = t.container_exited(true, "app", 137, "OutOfMemoryError: Container killed due to memory usage",
                                              true, false);
  REQUIRE(kinds(steps) == std::vector{AgentStep::cancel_start, AgentStep::stop_target_checks, AgentStep::enter_state,
                                      AgentStep::signal_containers, AgentStep::enter_state, AgentStep::deprovision});
  CHECK(t.stop().code == StopCode::essential_container_exited);
  CHECK(t.stop().stopped_reason == "Essential container in task exited");
  CHECK(t.stop().container_name == "app");
  CHECK(t.stop().exit_code == 137);
  CHECK(t.stop().oom_killed);
}

TEST_CASE("a non-essential container's exit leaves the task running") {
  // Given a running task, when a non-essential sidecar exits, then nothing follows.
  TaskLifecycle t = running_task();
  CHECK(t.container_exited(false, "sidecar", 0, "", false, true).empty());
  CHECK(t.container_gone(true).empty());
  CHECK(t.state() == TaskState::running);
  CHECK(t.stop().code == StopCode::none);
}

TEST_CASE("an essential exit while the task is already stopping keeps the scheduler's stop code") {
  // Given a task draining after a stop request, when its essential container exits, then the stop
  // code stays ServiceSchedulerInitiated.
  TaskLifecycle t = running_task();
  t.stop_requested(StopCode::service_scheduler_initiated, "replaced", true, Millis{5'000}, true);
  CHECK(t.container_exited(true, "app", 0, "", false, false).empty());
  CHECK(t.stop().code == StopCode::service_scheduler_initiated);
}

TEST_CASE("a task that fails to start reports TaskFailedToStart") {
  // Given a PENDING task, when a container's start times out, then the task stops as failed to start.
  TaskLifecycle t;
  t.started(TaskState::pending);
  t.failed_to_start("container start timed out", true);
  CHECK(t.stop().code == StopCode::task_failed_to_start);
  CHECK(t.state() == TaskState::stopping);
  CHECK(t.stop_requested(StopCode::service_scheduler_initiated, "late", false, Millis{0}, true).empty());
}

TEST_CASE("a task lost with its Availability Zone stops at once with InfrastructureHealth, without draining") {
  // Given a RUNNING registered task, when its zone is lost (ecs-rules §12.6), then it deregisters
  // and goes straight to STOPPING and DEPROVISIONING: its containers are gone with the host.
  TaskLifecycle t = running_task();
  const AgentSteps lost = t.infrastructure_lost("Task stopped: Availability Zone us-east-1a became unavailable", false);
  REQUIRE(kinds(lost) == std::vector{AgentStep::cancel_start, AgentStep::stop_target_checks, AgentStep::enter_state,
                                     AgentStep::signal_containers, AgentStep::enter_state, AgentStep::deprovision});
  CHECK(lost[2].state == TaskState::stopping);
  CHECK(lost[4].state == TaskState::deprovisioning);
  CHECK(t.stop().code == StopCode::infrastructure_health);
  CHECK(t.stop().exit_code == -1);
  CHECK(to_string(t.stop().code) == "InfrastructureHealth");
}

TEST_CASE("a draining task lost with its zone keeps the stop code of the request that stopped it") {
  // Given a task the scheduler is draining, when its zone is lost, then it stops now, but its stop
  // code stays ServiceSchedulerInitiated (the stop code is set once).
  TaskLifecycle t = running_task();
  (void)t.stop_requested(StopCode::service_scheduler_initiated, "replaced", true, Millis{30'000}, true);
  const AgentSteps lost = t.infrastructure_lost("zone gone", false);
  CHECK(t.state() == TaskState::deprovisioning);
  CHECK(t.stop().code == StopCode::service_scheduler_initiated);
  CHECK(t.stop().stopped_reason == "replaced");
  CHECK_FALSE(lost.empty());
  CHECK(t.infrastructure_lost("again", false).empty());
}
