// One UpdateService call as data: what a user, a pipeline or Application Auto Scaling asks of the
// service at a moment of the timeline (ecs-rules §12). Absent members are left as they are, as
// in the API; only a new task definition or forceNewDeployment starts a deployment (§12.1).
#pragma once

#include <optional>
#include <string>

#include "sim/engine/time.h"
#include "sim/model/service_config.h"

namespace sim::model {

struct ServiceUpdate {
  Millis at{0};
  std::optional<int> task_definition;  // index into Scenario::task_definitions
  std::optional<int> desired_count;
  std::optional<DeploymentConfiguration> deployment_configuration;
  std::optional<Millis> health_check_grace_period;
  bool force_new_deployment = false;
  std::string origin;  // where it came from, for messages: "timeline[1]", "deploy", "UpdateService"

  // UpdateService starts a deployment for a changed task definition or forceNewDeployment; a
  // desiredCount, deploymentConfiguration or grace period change alone does not (§12.1).
  bool starts_deployment() const { return task_definition.has_value() || force_new_deployment; }
};

}  // namespace sim::model
