// The response shapes of a served service, its deployments and its tasks, as the ECS API
// reference (API_Service, API_Deployment, API_Task) and `aws ecs describe-*` print them, read from
// the service's simulation: the controller's deployments, the task ledger, and the trace index.
//
// What the simulation does not decide is derived here, and said where: a non-PRIMARY deployment is
// listed while it has tasks not yet STOPPED, with desiredCount 0 (drained, ecs-rules §12.2);
// rolloutStateReason uses ECS's sentences for IN_PROGRESS, rollback and COMPLETED.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "harness/serve/ecs_state.h"
#include "harness/serve/served_service.h"

namespace harness::serve {

// API_Service: counts, deploymentConfiguration, deployments (PRIMARY first), events (newest first,
// at most 100, "(task N)" named by its task id as in the task's ARN).
nlohmann::json service_json(const EcsState& state, const ServedService& service);

// API_Deployment for each listed deployment, PRIMARY first then newest first.
nlohmann::json deployments_json(const EcsState& state, const ServedService& service);

// The 32-hex-digit id of the simulation's task `task` (the last segment of its ARN).
std::string task_id_of(const ServedService& service, sim::ecs::TaskId task);

// API_Task with its containers: lastStatus, desiredStatus, healthStatus, stopCode, stoppedReason,
// containers[].exitCode and reason, startedBy (the deployment id), group "service:<name>".
nlohmann::json task_json(const EcsState& state, const ServedService& service, sim::ecs::TaskId task);

// "ACTIVE", "DRAINING" or "INACTIVE".
const char* to_string(ServiceStatus status);

}  // namespace harness::serve
