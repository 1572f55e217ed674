#include "harness/serve/ecs_api.h"

#include <map>
#include <nlohmann/json.hpp>

#include "harness/docker/docker_client.h"
#include "harness/serve/control_endpoint.h"
#include "harness/serve/ecs_error.h"
#include "harness/serve/ecs_operations.h"
#include "harness/serve/ecs_state.h"
#include "harness/serve/pacer.h"
#include "harness/serve/request_body.h"

namespace harness::serve {
namespace {

using Operation = nlohmann::json (*)(EcsState&, RequestBody&);

const std::map<std::string, Operation>& operations() {
  static const std::map<std::string, Operation> table = {
      {"RegisterTaskDefinition", register_task_definition},
      {"DescribeTaskDefinition", describe_task_definition},
      {"ListTaskDefinitions", list_task_definitions},
      {"DeregisterTaskDefinition", deregister_task_definition},
      {"CreateService", create_service},
      {"UpdateService", update_service},
      {"DescribeServices", describe_services},
      {"ListServices", list_services},
      {"DeleteService", delete_service},
      {"ListTasks", list_tasks},
      {"DescribeTasks", describe_tasks},
      {"ListServiceDeployments", list_service_deployments},
      {"DescribeServiceDeployments", describe_service_deployments},
      {"CreateCluster", create_cluster},
      {"DescribeClusters", describe_clusters},
      {"ListClusters", list_clusters},
  };
  return table;
}

HttpResponse error_response(const HttpRequest& request, const EcsError& e) {
  const nlohmann::json body = {{"__type", e.type}, {"message", e.what()}};
  return json_response(e.http_status, body.dump(), request.version(), request.keep_alive());
}

// The operation a request names, after checking what every ECS request must carry.
Operation find_operation(const HttpRequest& request) {
  if (request.method() != http::verb::post)
    throw EcsError("UnknownOperationException", "ECS requests are POST /; found " +
                                                    std::string(request.method_string()));
  const auto target = request.find("X-Amz-Target");
  if (target == request.end())
    throw EcsError("UnknownOperationException",
                   "expected an X-Amz-Target header \"" + std::string(kTargetPrefix) + "<Operation>\", found none");
  const std::string value(target->value());
  const std::string prefix = kTargetPrefix;
  if (value.rfind(prefix, 0) != 0)
    throw EcsError("UnknownOperationException",
                   "expected an X-Amz-Target header \"" + prefix + "<Operation>\", found \"" + value + "\"");
  const auto operation = operations().find(value.substr(prefix.size()));
  if (operation == operations().end())
    throw EcsError("UnknownOperationException", "deploysim serve does not serve " + value.substr(prefix.size()) +
                                                    " (docs/serve.md lists what it serves)");
  return operation->second;
}

}  // namespace

std::vector<std::string> served_operations() {
  std::vector<std::string> names;
  for (const auto& [name, operation] : operations()) names.push_back(name);
  return names;
}

HttpResponse EcsApi::handle(const HttpRequest& request) {
  try {
    pacer_.catch_up(state_);
    if (request.target().starts_with(kControlPrefix)) return handle_control(state_, pacer_, request, counters());
    const Operation operation = find_operation(request);
    RequestBody body(request.body());
    const nlohmann::json answer = operation(state_, body);
    return json_response(200, answer.dump(), request.version(), request.keep_alive());
  } catch (const EcsError& e) {
    return error_response(request, e);
  } catch (const scenario::ScenarioError& e) {
    return error_response(request, invalid_parameter(ecs_message(e)));
  } catch (const docker::DockerError& e) {
    // serve --real: the engine refused or did not answer (a service could not start its tasks).
    return error_response(request, EcsError("ServerException", e.what(), 500));
  }
}

const ServerCounters& EcsApi::counters() const {
  static const ServerCounters kNone{};
  return counters_ ? *counters_ : kNone;
}

}  // namespace harness::serve
