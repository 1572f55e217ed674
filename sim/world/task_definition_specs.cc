#include "sim/world/task_definition_specs.h"

#include <stdexcept>
#include <variant>

#include "sim/ecs/depends_on.h"
#include "sim/model/health_check.h"

namespace sim::world {

TaskDefinitionSpecs::TaskDefinitionSpecs(const model::Scenario& scenario) : scenario_(&scenario) { prepare_added(); }

void TaskDefinitionSpecs::prepare_added() {
  // wget --spider and curl -f succeed on 2xx and 3xx answers.
  static const std::vector<int> shell_client_ok = {200, 201, 202, 203, 204, 301, 302, 303, 304, 307, 308};
  const model::Scenario& scenario = *scenario_;
  for (std::size_t i = start_orders_.size(); i < scenario.task_definitions.size(); ++i) {
    const model::TaskDefinition& td = scenario.task_definitions[i];
    auto order = ecs::container_start_order(td);
    if (const auto* error = std::get_if<ecs::DependsOnError>(&order))
      throw std::invalid_argument(td.arn_name() + ": " + error->message);
    start_orders_.push_back(std::get<std::vector<int>>(std::move(order)));
    std::vector<ContainerSpec>& specs = containers_.emplace_back();
    for (const model::ContainerDefinition& def : td.containers) {
      ContainerSpec spec;
      spec.def = &def;
      spec.profile = &scenario.apps.at(def.image);
      for (const auto& [name, value] : def.environment) spec.available.insert(name);
      for (const auto& secret : def.secrets) spec.available.insert(secret);
      spec.unusable = unusable_dependencies(scenario, def);
      if (def.health_check) {
        const model::ProbeCommand cmd = model::parse_probe_command(def.health_check->command);
        spec.check_runnable = image_can_run(*spec.profile, def.health_check->command);
        spec.check_has_url = !cmd.host.empty();
        spec.check_probe = resolved({ProbeOrigin::container, cmd.port, cmd.path, shell_client_ok, nullptr}, *spec.profile);
      }
      specs.push_back(std::move(spec));
    }
    // The load balancer probes the container named by loadBalancers[].containerName.
    const model::AppProfile* lb_profile = specs.empty() ? nullptr : specs.front().profile;
    for (const ContainerSpec& spec : specs)
      if (spec.def->name == scenario.service.container_name_for_lb) lb_profile = spec.profile;
    if (const auto& tg = scenario.service.load_balancer; tg && lb_profile) {
      const int port = tg->port != 0 ? tg->port : scenario.service.container_port_for_lb;
      target_probes_.push_back(resolved({ProbeOrigin::load_balancer, port, tg->path, tg->matcher, nullptr}, *lb_profile));
    } else {
      target_probes_.emplace_back();
    }
  }
}

}  // namespace sim::world
