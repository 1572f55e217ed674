// ECS task lifecycle states and stop codes (task-lifecycle.html, API_Task; ecs-rules §7).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace sim::ecs {

using TaskId = std::uint32_t;
using DeploymentId = std::uint32_t;

enum class TaskState : std::uint8_t {
  provisioning,   // capacity and networking (ENI) being prepared
  pending,        // image pull, container creation, dependsOn waits
  activating,     // registration with the load balancer's target group
  running,
  deactivating,   // deregistration and connection draining
  stopping,       // SIGTERM sent; SIGKILL after stopTimeout
  deprovisioning, // networking torn down
  stopped,
};

// API_Task stopCode values we produce.
enum class StopCode : std::uint8_t {
  none,
  task_failed_to_start,        // TaskFailedToStart: never reached RUNNING
  essential_container_exited,  // EssentialContainerExited
  service_scheduler_initiated, // ServiceSchedulerInitiated: replaced, scaled in, or deployed over
  user_initiated,              // UserInitiated: a fault of the scenario's timeline
  infrastructure_health,       // InfrastructureHealth: its Availability Zone was lost (ecs-rules §12.6)
};

// Why the scheduler stopped a task it decided to stop: the breaker counts only health failures.
enum class StopCause : std::uint8_t {
  deployment_replaced,      // an old task stopped by the rolling update
  scale_in,                 // above desired count
  elb_health_check_failed,  // target unhealthy past the grace period
  container_health_failed,  // essential container UNHEALTHY past the grace period
  fault_injected,           // the scenario killed it
};

// What a stopped task reports (describe-tasks' stopCode, stoppedReason, containers[].exitCode).
struct TaskStopInfo {
  StopCode code = StopCode::none;
  std::string stopped_reason;   // "Essential container in task exited" ...
  std::string container_name;   // the container whose exit stopped it, if any
  int exit_code = -1;           // -1 when no container exited (never started)
  std::string container_reason; // "OutOfMemoryError: Container killed due to memory usage"
  bool oom_killed = false;
};

std::string_view to_string(TaskState s);
std::string_view to_string(StopCode c);
bool is_live(TaskState s);  // PROVISIONING..RUNNING: not yet told to stop

}  // namespace sim::ecs
