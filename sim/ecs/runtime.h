// The runtime seam: how the service controller acts on the world. The simulated world
// (sim/world) and real mode (harness/docker) implement it; tests use small fakes.
//
// The world reports back by calling the controller's on_task_state, on_container_health and
// on_target_health (sim/ecs/service_controller.h).
#pragma once

#include <string>

#include "sim/ecs/task_state.h"

namespace sim::ecs {

struct LaunchRequest {
  TaskId task = 0;
  DeploymentId deployment = 0;
  int task_definition = 0;  // index into the scenario's task definitions
};

struct Placement {
  bool placed = true;
  std::string reason;  // when not placed: "has insufficient memory available" ...
};

class Runtime {
 public:
  virtual ~Runtime() = default;

  // Places and starts a task (it goes PROVISIONING at once). If it cannot be placed no task
  // exists and the reason says why, in the words of ECS's service event.
  virtual Placement launch_task(const LaunchRequest& request) = 0;

  // Stops a task: deregister its target and drain (DEACTIVATING), SIGTERM then SIGKILL after
  // stopTimeout (STOPPING), then DEPROVISIONING and STOPPED. Idempotent.
  virtual void stop_task(TaskId task, StopCode code, const std::string& reason) = 0;
};

}  // namespace sim::ecs
