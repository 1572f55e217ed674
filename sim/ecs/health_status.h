// Health vocabulary shared by both worlds: ECS container/task health and ELB target states.
#pragma once

#include <cstdint>
#include <string_view>

#include "sim/engine/time.h"

namespace sim::ecs {

// ECS container and task healthStatus (Docker's "starting" shows as UNKNOWN in ECS).
enum class HealthStatus : std::uint8_t { unknown, healthy, unhealthy };

// ELB target health states (TargetHealth.State); `unused` before registration and after draining.
enum class TargetState : std::uint8_t { unused, initial, healthy, unhealthy, draining };

// Why a probe failed, in the words the target group or Docker uses.
enum class ProbeFailure : std::uint8_t {
  none,
  connection_refused,   // nothing listens there (yet), or bound to 127.0.0.1 for the ALB
  response_code,        // answered, but not with a matcher code (503, 404)
  timeout,              // no answer within the check's timeout
  binary_missing,       // the check command's binary is not in the image (exit 127)
};

// The result of one probe: pass or fail, and how long the probe took.
struct ProbeOutcome {
  bool pass = false;
  Millis duration{0};
  ProbeFailure failure = ProbeFailure::none;
  int http_code = 0;  // when the app answered
};

std::string_view to_string(HealthStatus s);
std::string_view to_string(TargetState s);
// ELB's reason code for a failed probe ("Target.ResponseCodeMismatch" ...).
std::string_view elb_reason(ProbeFailure f);

}  // namespace sim::ecs
