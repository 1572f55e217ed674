// The ECS operations served, one function each, with the request and response shapes of the ECS
// API reference (botocore's service-2.json). Each reads its request with the scenario reader's
// typed getters, checks everything before it changes anything, and answers the response object;
// a bad request throws EcsError (or ScenarioError, which ecs_api.cc words as
// InvalidParameterException).
#pragma once

#include <nlohmann/json.hpp>

#include "harness/serve/ecs_state.h"
#include "harness/serve/request_body.h"

namespace harness::serve {

// task_definition_operations.cc
nlohmann::json register_task_definition(EcsState& state, RequestBody& request);
nlohmann::json describe_task_definition(EcsState& state, RequestBody& request);
nlohmann::json list_task_definitions(EcsState& state, RequestBody& request);
nlohmann::json deregister_task_definition(EcsState& state, RequestBody& request);

// service_operations.cc
nlohmann::json create_service(EcsState& state, RequestBody& request);
nlohmann::json update_service(EcsState& state, RequestBody& request);
nlohmann::json describe_services(EcsState& state, RequestBody& request);
nlohmann::json list_services(EcsState& state, RequestBody& request);
nlohmann::json delete_service(EcsState& state, RequestBody& request);

// cluster_operations.cc
nlohmann::json create_cluster(EcsState& state, RequestBody& request);
nlohmann::json describe_clusters(EcsState& state, RequestBody& request);
nlohmann::json list_clusters(EcsState& state, RequestBody& request);

// task_operations.cc
nlohmann::json list_tasks(EcsState& state, RequestBody& request);
nlohmann::json describe_tasks(EcsState& state, RequestBody& request);

// deployment_operations.cc (ServiceDeployment reads, Oct 2024; older clients lack them)
nlohmann::json list_service_deployments(EcsState& state, RequestBody& request);
nlohmann::json describe_service_deployments(EcsState& state, RequestBody& request);

}  // namespace harness::serve
