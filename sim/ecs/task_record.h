// What the service controller knows of one task. Internal to the controller's files.
#pragma once

#include <vector>

#include "sim/ecs/service_controller.h"

namespace sim::ecs {

struct ServiceController::TaskRecord {
  DeploymentId deployment = 0;
  int task_definition = 0;
  TaskState state = TaskState::provisioning;
  bool live = true;             // not told to stop, not stopped by itself
  bool stop_requested = false;  // the scheduler asked for the stop
  bool reached_running = false;
  bool counted_healthy = false;  // counts toward minimumHealthyPercent now
  bool ever_healthy = false;
  bool lingering = false;  // unhealthy, kept until a replacement is healthy (reference §6)
  StopCause linger_cause = StopCause::elb_health_check_failed;
  bool own_replacement_starting = false;  // an older revision's replacement, not yet healthy
  bool old_enough = false;  // no checks at all: counts 40 s after RUNNING (reference §3.1)
  Millis launched_at{0};
  Millis running_at{0};
  std::vector<HealthStatus> container_health;
  TargetState target = TargetState::unused;
};

}  // namespace sim::ecs
