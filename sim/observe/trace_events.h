// The payload of each trace event kind: what happened, with named and typed fields. States are
// the control plane's enums (TaskState, StopCode, RolloutState ...), never an int whose meaning
// lives in a comment, and a flag a consumer needs (a rollback, a task kept until its replacement
// is healthy, an OOM kill) is a field of its own, never a word to find in a string. Strings are
// what people read: ECS service-event messages, reasons and our explanations.
//
// One struct per TraceKind, declared in TraceKind's order: TracePayload's alternative index is the
// kind (trace.h asserts it), so the JSONL log keeps naming each kind by to_string(TraceKind).
// Payloads are plain values: copied with their event, compared field by field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "sim/ecs/alarm.h"
#include "sim/ecs/deployment.h"
#include "sim/ecs/health_status.h"
#include "sim/ecs/lifecycle_hooks.h"
#include "sim/ecs/service_autoscaler.h"
#include "sim/ecs/task_state.h"
#include "sim/engine/time.h"
#include "sim/model/lifecycle_hook.h"

namespace sim::observe {

// An ECS service event, as the console shows it ("service web has reached a steady state.").
struct ServiceEvent {
  std::string message;
  bool steady_state = false;  // it reports a steady state (the rollout's goal was reached)
  friend bool operator==(const ServiceEvent&, const ServiceEvent&) = default;
};

// A deployment's rolloutState changed (API_Deployment).
struct DeploymentStateChanged {
  ecs::DeploymentId deployment = 0;
  ecs::RolloutState state = ecs::RolloutState::in_progress;
  bool rollback = false;      // IN_PROGRESS again: the breaker or an alarm rolls back to it
  int breaker_threshold = 0;  // IN_PROGRESS of a new deployment: failed tasks that trip the breaker
  int failed_tasks = 0;       // FAILED: the failures the breaker counted
  std::string reason;         // FAILED: why ("tasks failed to start")
  friend bool operator==(const DeploymentStateChanged&, const DeploymentStateChanged&) = default;
};

// The scheduler launched a task (it starts PROVISIONING).
struct TaskLaunched {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  int task_definition = 0;  // index into Scenario::task_definitions
  int availability_zone = -1;  // index into ServiceConfig::availability_zones; -1: none modelled
  friend bool operator==(const TaskLaunched&, const TaskLaunched&) = default;
};

// A task could not be placed on any container instance.
struct PlacementFailed {
  ecs::DeploymentId deployment = 0;
  std::string reason;  // as the service event says it
  friend bool operator==(const PlacementFailed&, const PlacementFailed&) = default;
};

// A task's lastStatus changed; PROVISIONING is TaskLaunched and STOPPED is TaskStopped.
struct TaskStateChanged {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  ecs::TaskState state = ecs::TaskState::provisioning;
  friend bool operator==(const TaskStateChanged&, const TaskStateChanged&) = default;
};

// A task reached STOPPED (describe-tasks' stopCode, stoppedReason, containers[].exitCode).
struct TaskStopped {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  ecs::StopCode code = ecs::StopCode::none;
  std::optional<int> exit_code;  // of the container whose exit stopped it; none if none exited
  std::string stopped_reason;    // "Essential container in task exited"
  std::string container_reason;  // "OutOfMemoryError: Container killed due to memory usage"
  friend bool operator==(const TaskStopped&, const TaskStopped&) = default;
};

struct ContainerStarted {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  int container_index = 0;  // in its task definition
  std::string container;    // its name
  friend bool operator==(const ContainerStarted&, const ContainerStarted&) = default;
};

// Why a container's process ended.
enum class ContainerExitCause : std::uint8_t {
  by_itself,                   // a crash, a missing variable, a one-shot finishing
  oom_killed,                  // the kernel, at its memory hard limit (exit 137)
  sigterm,                     // it exited after the task's stop sent SIGTERM
  sigkill_after_stop_timeout,  // still running at stopTimeout after SIGTERM (exit 137)
  fault_injected,              // killed by the scenario's fault timeline
  removed_externally,          // the real world only: the container was removed behind our back
};

struct ContainerExited {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  int container_index = 0;
  std::string container;  // its name
  int exit_code = 0;
  ContainerExitCause cause = ContainerExitCause::by_itself;
  std::string reason;  // ECS's container reason, "OutOfMemoryError: ..."; empty for most exits
  std::string detail;  // our explanation: "OPENAI_API_KEY is not set", the app's last log line
  friend bool operator==(const ContainerExited&, const ContainerExited&) = default;
};

// Docker's health check of a container changed its verdict.
struct ContainerHealthChanged {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  int container_index = 0;
  std::string container;  // its name
  ecs::HealthStatus status = ecs::HealthStatus::unknown;
  std::string reason;  // why the last check failed ("connection refused"); empty when healthy
  friend bool operator==(const ContainerHealthChanged&, const ContainerHealthChanged&) = default;
};

// A task starts or stops counting toward minimumHealthyPercent.
struct TaskCountedHealthy {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  bool healthy = false;
  friend bool operator==(const TaskCountedHealthy&, const TaskCountedHealthy&) = default;
};

// The load balancer's view of a task's target changed (TargetHealth.State).
struct TargetHealthChanged {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  ecs::TargetState state = ecs::TargetState::unused;
  std::string reason;  // TargetHealth.Reason: "Elb.RegistrationInProgress", "Target.Timeout" ...
  friend bool operator==(const TargetHealthChanged&, const TargetHealthChanged&) = default;
};

// The circuit breaker counted a failed task of a deployment.
struct BreakerCounted {
  ecs::DeploymentId deployment = 0;
  int failed_tasks = 0;
  int threshold = 0;
  std::string why;  // "task failed to start", "failed ELB health checks" ...
  friend bool operator==(const BreakerCounted&, const BreakerCounted&) = default;
};

// Tasks keep failing to start: the scheduler waits before the next launch.
struct LaunchThrottled {
  ecs::TaskId task = 0;  // the task whose failure to start set the delay
  ecs::DeploymentId deployment = 0;
  Millis delay{0};
  int consecutive_start_failures = 0;
  friend bool operator==(const LaunchThrottled&, const LaunchThrottled&) = default;
};

// The scheduler decided to stop a task.
struct StopRequested {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  ecs::StopCause cause = ecs::StopCause::deployment_replaced;
  bool kept_until_replaced = false;  // unhealthy, but kept until its replacement is healthy
  std::string reason;                // the stoppedReason it will report
  friend bool operator==(const StopRequested&, const StopRequested&) = default;
};

// A container's app entered a start-up phase of its profile.
struct AppPhaseEntered {
  ecs::TaskId task = 0;
  ecs::DeploymentId deployment = 0;
  int container_index = 0;
  std::string phase;
  bool stalls_here = false;  // the start-up never finishes this phase
  std::string stall_reason;  // why, when it stalls
  friend bool operator==(const AppPhaseEntered&, const AppPhaseEntered&) = default;
};

// A dependency of the apps (a database, an API) went up or down.
struct DependencyChanged {
  std::string dependency;
  bool up = false;
  friend bool operator==(const DependencyChanged&, const DependencyChanged&) = default;
};

// An Availability Zone was lost (an az_lost fault, ecs-rules §12.6): every task in it stopped.
struct AvailabilityZoneLost {
  int availability_zone = 0;    // index into ServiceConfig::availability_zones
  std::vector<ecs::TaskId> tasks;  // the service's tasks that were in it, lowest id first
  Millis unavailable_until{0};  // no task is placed there before this
  friend bool operator==(const AvailabilityZoneLost&, const AvailabilityZoneLost&) = default;
};

// A CloudWatch alarm watched by the deployment changed state.
struct AlarmStateChanged {
  std::string alarm;
  ecs::AlarmState state = ecs::AlarmState::insufficient_data;
  std::int64_t datapoint_thousandths = 0;  // the datapoint that moved it, x 1000
  friend bool operator==(const AlarmStateChanged&, const AlarmStateChanged&) = default;
};

// A blue/green, linear or canary deployment entered a lifecycle stage.
struct LifecycleStageEntered {
  ecs::DeploymentId deployment = 0;
  model::LifecycleStage stage = model::LifecycleStage::reconcile_service;
  std::size_t shift_step = 0;  // LINEAR/CANARY: which traffic shift, from 0
  friend bool operator==(const LifecycleStageEntered&, const LifecycleStageEntered&) = default;
};

// A lifecycle hook's answer (or its timeout) at a stage.
struct LifecycleHookAnswered {
  ecs::DeploymentId deployment = 0;
  model::LifecycleStage stage = model::LifecycleStage::reconcile_service;
  ecs::HookVerdictStatus status = ecs::HookVerdictStatus::succeeded;
  std::string hook_target_arn;
  Millis after{0};  // after the stage started
  friend bool operator==(const LifecycleHookAnswered&, const LifecycleHookAnswered&) = default;
};

// An UpdateService call of the timeline was applied (ecs-rules §12): what it changed, and the
// deployment it started, if any.
struct ServiceUpdated {
  std::string origin;                     // "timeline[2]", "deploy", "UpdateService"
  std::optional<int> desired_count;       // the new desiredCount
  std::optional<int> task_definition;     // the task definition it deploys
  bool force_new_deployment = false;
  bool configuration_changed = false;     // deploymentConfiguration or grace period
  std::optional<ecs::DeploymentId> started;  // the deployment it started
  friend bool operator==(const ServiceUpdated&, const ServiceUpdated&) = default;
};

// Application Auto Scaling set the service's desiredCount: one describe-scaling-activities entry
// ("Setting desired count to 6.", caused by "monitor alarm A in state ALARM triggered policy P").
struct ScalingActivityStarted {
  ecs::ScalingDirection direction = ecs::ScalingDirection::out;
  int from = 0;  // desiredCount before
  int to = 0;    // and after
  std::string policy;
  std::string alarm;
  model::ScalingMetric metric = model::ScalingMetric::ecs_cpu;
  std::int64_t metric_thousandths = 0;  // the datapoint behind it, x 1000
  friend bool operator==(const ScalingActivityStarted&, const ScalingActivityStarted&) = default;
};

// A policy wanted to scale and did not, and why (traced when the reason first appears).
struct ScalingHeldBack {
  ecs::ScalingDirection direction = ecs::ScalingDirection::in;
  ecs::ScalingHeld reason = ecs::ScalingHeld::scale_in_during_deployment;
  friend bool operator==(const ScalingHeldBack&, const ScalingHeldBack&) = default;
};

}  // namespace sim::observe
