#include "harness/serve/served_service.h"

#include <algorithm>

namespace harness::serve {

namespace {

// A served service runs for as long as the server does: no horizon, no stop at the outcome. The
// trace is kept (it is what DescribeServices and DescribeTasks read), within its usual cap.
sim::model::Scenario open_ended(sim::model::Scenario scenario) {
  scenario.stop_at_outcome = false;
  scenario.horizon = sim::kNever;
  return scenario;
}

}  // namespace

ServedService::ServedService(sim::model::Scenario scenario, sim::Millis created_at)
    : scenario_(std::make_unique<sim::model::Scenario>(open_ended(std::move(scenario)))),
      simulation_(std::make_unique<sim::Simulation>(*scenario_)),
      created_at_(created_at),
      config_(scenario_->service),
      described_(*scenario_) {
  for (std::size_t i = 0; i < described_.task_definitions.size(); ++i)
    task_definition_index_[described_.task_definitions[i].arn_name()] = static_cast<int>(i);
  simulation_->start();
  index_.catch_up(simulation_->trace());
}

void ServedService::advance_to(sim::Millis now) {
  if (now <= created_at_) return;
  simulation_->advance_to(now - created_at_);
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
    if (known == task_definition_index_.end()) {
      // Adding to the map leaves the profiles the simulation already refers to where they are.
      for (const auto& [image, profile] : change.apps) scenario_->apps.emplace(image, profile);
      const int index = simulation_->add_task_definition(*change.task_definition);
      known = task_definition_index_.emplace(name, index).first;
      auto& definitions = described_.task_definitions;
      definitions.resize(std::max<std::size_t>(definitions.size(), static_cast<std::size_t>(index) + 1));
      definitions[static_cast<std::size_t>(index)] = *change.task_definition;
    }
    update.task_definition = known->second;
  }
  update.desired_count = change.desired_count;
  update.deployment_configuration = change.deployment_configuration;
  update.force_new_deployment = change.force_new_deployment;
  if (change.desired_count) config_.desired_count = *change.desired_count;
  if (change.deployment_configuration) config_.deployment = *change.deployment_configuration;
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
  return described_.task_definitions.at(static_cast<std::size_t>(index));
}

}  // namespace harness::serve
