#include "sim/ecs/task_state.h"

namespace sim::ecs {

std::string_view to_string(TaskState s) {
  switch (s) {
    case TaskState::provisioning: return "PROVISIONING";
    case TaskState::pending: return "PENDING";
    case TaskState::activating: return "ACTIVATING";
    case TaskState::running: return "RUNNING";
    case TaskState::deactivating: return "DEACTIVATING";
    case TaskState::stopping: return "STOPPING";
    case TaskState::deprovisioning: return "DEPROVISIONING";
    case TaskState::stopped: return "STOPPED";
  }
  return "?";
}

std::string_view to_string(StopCode c) {
  switch (c) {
    case StopCode::none: return "";
    case StopCode::task_failed_to_start: return "TaskFailedToStart";
    case StopCode::essential_container_exited: return "EssentialContainerExited";
    case StopCode::service_scheduler_initiated: return "ServiceSchedulerInitiated";
    case StopCode::user_initiated: return "UserInitiated";
    case StopCode::infrastructure_health: return "InfrastructureHealth";
  }
  return "?";
}

bool is_live(TaskState s) { return s <= TaskState::running; }

}  // namespace sim::ecs
