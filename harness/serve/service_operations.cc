// CreateService, UpdateService, DescribeServices, ListServices, DeleteService.
#include "harness/scenario/section_readers.h"
#include "harness/serve/arns.h"
#include "harness/serve/ecs_operations.h"
#include "harness/serve/service_shapes.h"

namespace harness::serve {
namespace {

std::vector<std::string> alarm_names(const sim::model::Scenario& world) {
  std::vector<std::string> names;
  for (const auto& alarm : world.alarms) names.push_back(alarm.name);
  return names;
}

std::vector<std::string> hook_arns(const sim::model::Scenario& world) {
  std::vector<std::string> arns;
  for (const auto& [arn, result] : world.hook_results) arns.push_back(arn);
  return arns;
}

}  // namespace

nlohmann::json create_service(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  const std::string reference = reader.required("taskDefinition").as_name();
  const RegisteredTaskDefinition& definition = state.task_definitions().find_active(reference);
  sim::model::ServiceConfig config = scenario::read_service(request.root(), {&definition.definition},
                                                            alarm_names(state.world()), hook_arns(state.world()));
  config.cluster = cluster;
  if (const ServedService* existing = state.find_service(cluster, config.name)) {
    if (existing->status() == ServiceStatus::draining)
      throw invalid_parameter("Unable to Start a service that is still Draining.");
    if (existing->status() == ServiceStatus::active) throw invalid_parameter("Creation of service was not idempotent.");
  }
  return {{"service", service_json(state, state.create_service(config, definition.definition))}};
}

nlohmann::json update_service(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  ServedService& service = state.active_service(cluster, reader.required("service").as_name());
  ServiceChange change;
  if (const std::optional<scenario::Node> reference = reader.get("taskDefinition")) {
    const RegisteredTaskDefinition& entry = state.task_definitions().find_active(reference->as_name());
    change.task_definition = entry.definition;
    change.registered = entry.registered;
    for (const sim::model::ContainerDefinition& container : change.task_definition->containers)
      change.apps[container.image] = state.task_definitions().apps().at(container.image);
  }
  if (const std::optional<scenario::Node> desired = reader.get("desiredCount"))
    change.desired_count = desired->as_int32({0, 5000});
  // Members of deploymentConfiguration left out keep their value, as in the API.
  if (const std::optional<scenario::Node> configuration = reader.get("deploymentConfiguration"))
    change.deployment_configuration = scenario::read_deployment_configuration(
        *configuration, alarm_names(state.world()), hook_arns(state.world()), service.config().deployment);
  if (const std::optional<scenario::Node> grace = reader.get("healthCheckGracePeriodSeconds"))
    change.health_check_grace_period = grace->as_seconds({0, 2147483647});
  change.force_new_deployment = reader.bool_or("forceNewDeployment", false);
  if (service.status() != ServiceStatus::active) throw EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
  service.apply(change);
  return {{"service", service_json(state, service)}};
}

nlohmann::json describe_services(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  const scenario::Node names = reader.required("services");
  const std::vector<std::string> wanted = names.as_names();
  if (wanted.empty() || wanted.size() > 10) names.fail("an array of 1-10 service names or ARNs");
  nlohmann::json services = nlohmann::json::array();
  nlohmann::json failures = nlohmann::json::array();
  for (const std::string& name : wanted) {
    if (const ServedService* service = state.find_service(cluster, name)) {
      services.push_back(service_json(state, *service));
    } else {
      failures.push_back({{"arn", service_arn(cluster, name_from_arn(name, "service"))}, {"reason", "MISSING"}});
    }
  }
  return {{"services", services}, {"failures", failures}};
}

nlohmann::json list_services(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  reader.int_or("maxResults", 10, {1, 100});  // one page holds every service
  nlohmann::json arns = nlohmann::json::array();
  for (const ServedService* service : state.services(cluster))
    if (service->status() != ServiceStatus::inactive) arns.push_back(service_arn(cluster, service->name()));
  return {{"serviceArns", arns}};
}

nlohmann::json delete_service(EcsState& state, RequestBody& request) {
  scenario::ObjectReader reader = request.object();
  const std::string cluster = state.cluster(reader.string_or("cluster", ""));
  ServedService& service = state.active_service(cluster, reader.required("service").as_name());
  const bool force = reader.bool_or("force", false);
  if (service.config().desired_count > 0 && !force)
    throw invalid_parameter("The service cannot be stopped while it is scaled above 0.");
  if (service.status() == ServiceStatus::active) service.remove();
  return {{"service", service_json(state, service)}};
}

}  // namespace harness::serve
