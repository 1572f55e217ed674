#include "harness/serve/served_service.h"

#include <algorithm>

namespace harness::serve {

namespace {

// A served service runs for as long as the server does: no horizon, no stop at the outcome. The
// trace is kept (it is what DescribeServices and DescribeTasks read), within its usual cap.
std::unique_ptr<sim::model::Scenario> open_ended(sim::model::Scenario scenario) {
  scenario.stop_at_outcome = false;
  scenario.horizon = sim::kNever;
  return std::make_unique<sim::model::Scenario>(std::move(scenario));
}

}  // namespace

ServedService::ServedService(sim::model::Scenario scenario, sim::Millis created_at)
    : created_at_(created_at), config_(scenario.service) {
  simulation_ = std::make_unique<sim::Simulation>(open_ended(std::move(scenario)));
  const auto& definitions = simulation_->scenario().task_definitions;
  for (std::size_t i = 0; i < definitions.size(); ++i)
    task_definition_index_[definitions[i].arn_name()] = static_cast<int>(i);
  simulation_->start();
  index_.catch_up(simulation_->trace());
}

void ServedService::advance_to(sim::Millis now) {
  if (now <= created_at_ || !simulating_) return;
  simulating_ = simulation_->advance_to(now - created_at_);
  index_.catch_up(simulation_->trace());
  refresh_status();
}

void ServedService::apply(const ServiceChange& change) {
  sim::model::ServiceUpdate update;
  update.at = simulation_->now();
  update.origin = "UpdateService";
  if (change.task_definition) {
    const std::string name = change.task_definition->arn_name();
    auto known = task_definition_index_.find(name);
    if (known == task_definition_index_.end())
      known = task_definition_index_.emplace(name, simulation_->add_task_definition(*change.task_definition, change.apps))
                  .first;
    update.task_definition = known->second;
  }
  update.desired_count = change.desired_count;
  update.deployment_configuration = change.deployment_configuration;
  update.health_check_grace_period = change.health_check_grace_period;
  update.force_new_deployment = change.force_new_deployment;
  if (change.desired_count) config_.desired_count = *change.desired_count;
  if (change.deployment_configuration) config_.deployment = *change.deployment_configuration;
  if (change.health_check_grace_period) config_.health_check_grace_period = *change.health_check_grace_period;
  simulation_->apply(update);
  index_.catch_up(simulation_->trace());
}

void ServedService::remove() {
  ServiceChange scale_to_zero;
  scale_to_zero.desired_count = 0;
  apply(scale_to_zero);
  status_ = ServiceStatus::draining;
  refresh_status();
}

void ServedService::refresh_status() {
  if (status_ != ServiceStatus::draining) return;
  const auto& tasks = simulation_->controller().tasks().records();
  const bool all_stopped = std::all_of(tasks.begin(), tasks.end(), [](const sim::ecs::TaskRecord& task) {
    return task.state == sim::ecs::TaskState::stopped;
  });
  if (all_stopped) status_ = ServiceStatus::inactive;
}

const sim::model::TaskDefinition& ServedService::task_definition(int index) const {
  return simulation_->scenario().task_definitions.at(static_cast<std::size_t>(index));
}

}  // namespace harness::serve
