#include "sim/ecs/deployment.h"

namespace sim::ecs {

std::string_view to_string(DeploymentStatus s) {
  switch (s) {
    case DeploymentStatus::primary: return "PRIMARY";
    case DeploymentStatus::active: return "ACTIVE";
    case DeploymentStatus::inactive: return "INACTIVE";
  }
  return "?";
}

std::string_view to_string(RolloutState s) {
  switch (s) {
    case RolloutState::in_progress: return "IN_PROGRESS";
    case RolloutState::completed: return "COMPLETED";
    case RolloutState::failed: return "FAILED";
  }
  return "?";
}

}  // namespace sim::ecs
