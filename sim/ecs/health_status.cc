#include "sim/ecs/health_status.h"

namespace sim::ecs {

std::string_view to_string(HealthStatus s) {
  switch (s) {
    case HealthStatus::unknown: return "UNKNOWN";
    case HealthStatus::healthy: return "HEALTHY";
    case HealthStatus::unhealthy: return "UNHEALTHY";
  }
  return "?";
}

std::string_view to_string(TargetState s) {
  switch (s) {
    case TargetState::unused: return "unused";
    case TargetState::initial: return "initial";
    case TargetState::healthy: return "healthy";
    case TargetState::unhealthy: return "unhealthy";
    case TargetState::draining: return "draining";
  }
  return "?";
}

std::string_view elb_reason(ProbeFailure f) {
  switch (f) {
    case ProbeFailure::none: return "";
    case ProbeFailure::connection_refused: return "Target.FailedHealthChecks";
    case ProbeFailure::response_code: return "Target.ResponseCodeMismatch";
    case ProbeFailure::timeout: return "Target.Timeout";
    case ProbeFailure::binary_missing: return "Target.FailedHealthChecks";
  }
  return "";
}

}  // namespace sim::ecs
