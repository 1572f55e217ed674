#include "harness/serve/ecs_state.h"

#include <algorithm>

#include "harness/scenario/scenario_writer.h"
#include "harness/serve/arns.h"
#include "harness/serve/ecs_error.h"
#include "harness/serve/real_mode_members.h"

namespace harness::serve {

EcsState::EcsState(const sim::model::Scenario& world, double epoch_start, bool create_scenario_service,
                   std::optional<RealServing> real)
    : world_(world), real_(std::move(real)), epoch_start_(epoch_start), registry_(world.apps) {
  // The registry echoes a definition as registered; the scenario writer gives the model's JSON,
  // and under --real the file's own members real mode runs by (entryPoint, networkMode ...).
  for (std::size_t i = 0; i < world.task_definitions.size(); ++i) {
    nlohmann::ordered_json registered = scenario::task_definition_to_json(world.task_definitions[i]);
    if (real_ && i < real_->file_task_definitions.size())
      copy_real_mode_members(nlohmann::ordered_json::parse(real_->file_task_definitions[i].dump()), registered);
    registry_.preload(world.task_definitions[i], nlohmann::json::parse(registered.dump()), epoch_start);
  }
  clusters_ = {"default", world.service.cluster};
  if (create_scenario_service) add_service(world);
}

ServedService& EcsState::add_service(sim::model::Scenario scenario) {
  const std::string cluster = scenario.service.cluster;
  const std::string name = scenario.service.name;
  std::unique_ptr<ServedService> service;
  if (real_) {
    std::map<std::string, nlohmann::json> registered;
    for (const sim::model::TaskDefinition& definition : scenario.task_definitions)
      registered[definition.arn_name()] = registry_.find(definition.arn_name()).registered;
    service = std::make_unique<ServedService>(std::move(scenario), now_, *real_, registered);
  } else {
    service = std::make_unique<ServedService>(std::move(scenario), now_);
  }
  auto& slot = services_[cluster][name];
  slot = std::move(service);
  return *slot;
}

void EcsState::advance_to(sim::Millis t) {
  if (t <= now_ && !real_) return;
  now_ = std::max(now_, t);
  for (auto& [cluster, services] : services_)
    for (auto& [name, service] : services) service->advance_to(now_);
}

std::string EcsState::cluster(const std::string& name_or_arn) const {
  const std::string name = name_or_arn.empty() ? "default" : name_from_arn(name_or_arn, "cluster");
  if (!has_cluster(name)) throw cluster_not_found();
  return name;
}

ServedService* EcsState::find_service(const std::string& cluster, const std::string& name) {
  const auto in_cluster = services_.find(cluster);
  if (in_cluster == services_.end()) return nullptr;
  const auto service = in_cluster->second.find(name_from_arn(name, "service"));
  return service == in_cluster->second.end() ? nullptr : service->second.get();
}

ServedService& EcsState::active_service(const std::string& cluster, const std::string& name) {
  ServedService* service = find_service(cluster, name);
  if (!service) throw service_not_found();
  if (service->status() == ServiceStatus::inactive)
    throw EcsError("ServiceNotActiveException", "Service was not ACTIVE.");
  return *service;
}

ServedService& EcsState::create_service(const sim::model::ServiceConfig& config,
                                        const sim::model::TaskDefinition& definition) {
  sim::model::Scenario scenario = world_;
  scenario.service = config;
  // The target group's health check is the scenario's (ECS's API does not carry it); a service
  // given a load balancer in a world without one gets ELBv2's defaults.
  scenario.service.load_balancer.reset();
  if (!config.container_name_for_lb.empty())
    scenario.service.load_balancer = world_.service.load_balancer.value_or(sim::model::TargetGroupHealthCheck{});
  scenario.task_definitions = {definition};
  scenario.apps = registry_.apps();  // the scenario's, and the defaults of images registered since
  scenario.initial_task_definition = 0;
  scenario.faults.clear();  // the scenario's faults are about its own service's tasks
  return add_service(std::move(scenario));
}

std::vector<const ServedService*> EcsState::services(const std::string& cluster) const {
  std::vector<const ServedService*> out;
  const auto in_cluster = services_.find(cluster);
  if (in_cluster == services_.end()) return out;
  for (const auto& [name, service] : in_cluster->second) out.push_back(service.get());
  return out;
}

}  // namespace harness::serve
