#include "sim/observe/trace.h"

namespace sim::observe {

const char* to_string(TraceKind k) {
  switch (k) {
    case TraceKind::service_event: return "service_event";
    case TraceKind::deployment_state: return "deployment_state";
    case TraceKind::task_launched: return "task_launched";
    case TraceKind::placement_failed: return "placement_failed";
    case TraceKind::task_state: return "task_state";
    case TraceKind::task_stopped: return "task_stopped";
    case TraceKind::container_started: return "container_started";
    case TraceKind::container_exited: return "container_exited";
    case TraceKind::container_health: return "container_health";
    case TraceKind::task_counted_healthy: return "task_counted_healthy";
    case TraceKind::target_health: return "target_health";
    case TraceKind::breaker_count: return "breaker_count";
    case TraceKind::throttle: return "throttle";
    case TraceKind::stop_requested: return "stop_requested";
    case TraceKind::app_phase: return "app_phase";
    case TraceKind::dependency_state: return "dependency_state";
    case TraceKind::alarm_state: return "alarm_state";
    case TraceKind::lifecycle_stage: return "lifecycle_stage";
    case TraceKind::lifecycle_hook: return "lifecycle_hook";
    case TraceKind::service_updated: return "service_updated";
    case TraceKind::scaling_activity: return "scaling_activity";
    case TraceKind::scaling_held: return "scaling_held";
    case TraceKind::availability_zone_lost: return "availability_zone_lost";
  }
  return "?";
}

namespace {

// Payload types with a `task` (a `deployment`) field: the events about one task (deployment).
template <class P>
concept AboutATask = requires(const P& p) { p.task; };
template <class P>
concept AboutADeployment = requires(const P& p) { p.deployment; };

}  // namespace

std::optional<ecs::TaskId> TraceEvent::task() const {
  return std::visit(
      [](const auto& p) -> std::optional<ecs::TaskId> {
        if constexpr (AboutATask<std::decay_t<decltype(p)>>)
          return p.task;
        else
          return std::nullopt;
      },
      payload);
}

std::optional<ecs::DeploymentId> TraceEvent::deployment() const {
  return std::visit(
      [](const auto& p) -> std::optional<ecs::DeploymentId> {
        if constexpr (AboutADeployment<std::decay_t<decltype(p)>>)
          return p.deployment;
        else
          return std::nullopt;
      },
      payload);
}

}  // namespace sim::observe
