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
  index_task_definitions();
  simulation_->start();
  index_.catch_up(simulation_->trace());
}

ServedService::ServedService(sim::model::Scenario scenario, sim::Millis created_at, const RealServing& real,
                             const std::map<std::string, nlohmann::json>& registered)
    : created_at_(created_at), config_(scenario.service) {
  std::unique_ptr<sim::model::Scenario> owned = open_ended(std::move(scenario));
  real_file_ = std::make_unique<RealScenarioFile>(config_.cluster, config_.name, real.own_images);
  for (const auto& [arn_name, definition] : registered) real_file_->remember(arn_name, definition);
  real_file_->write(*owned);
  real_ = std::make_unique<docker::RealService>(std::move(owned), real_file_->path(), real.options);
  index_task_definitions();
  real_->start();
  created_at_ = created_at + real_->warm_up();
  index_.catch_up(real_->trace());
}

void ServedService::index_task_definitions() {
  const auto& definitions = scenario().task_definitions;
  for (std::size_t i = 0; i < definitions.size(); ++i)
    task_definition_index_[definitions[i].arn_name()] = static_cast<int>(i);
}

void ServedService::advance_to(sim::Millis now) {
  if (!simulating_) return;
  if (real_) {
    run_real([this] { real_->poll(); });
  } else {
    if (now <= created_at_) return;
    simulating_ = simulation_->advance_to(now - created_at_);
  }
  index_.catch_up(trace());
  refresh_status();
}

// The engine failed the real run: the service stands still from now on, its containers removed
// (or named, with the command that removes them), and the server keeps serving.
template <class Step>
void ServedService::run_real(Step&& step) {
  try {
    step();
  } catch (const docker::DockerError& e) {
    simulating_ = false;
    stopped_reason_ = real_->abandon(e.what());
  }
}

int ServedService::add_task_definition(const ServiceChange& change) {
  if (!real_) return simulation_->add_task_definition(*change.task_definition, change.apps);
  // The real run reads a new image's profile from its scenario file: that file first.
  sim::model::Scenario described = real_->scenario();
  for (const auto& [image, profile] : change.apps) described.apps.emplace(image, profile);
  described.task_definitions.push_back(*change.task_definition);
  real_file_->remember(change.task_definition->arn_name(), change.registered);
  real_file_->write(described);
  return real_->add_task_definition(*change.task_definition, change.apps);
}

void ServedService::apply(const ServiceChange& change) {
  sim::model::ServiceUpdate update;
  update.at = real_ ? real_->now() : simulation_->now();
  update.origin = "UpdateService";
  if (change.task_definition) {
    const std::string name = change.task_definition->arn_name();
    auto known = task_definition_index_.find(name);
    if (known == task_definition_index_.end())
      known = task_definition_index_.emplace(name, add_task_definition(change)).first;
    update.task_definition = known->second;
  }
  update.desired_count = change.desired_count;
  update.deployment_configuration = change.deployment_configuration;
  update.health_check_grace_period = change.health_check_grace_period;
  update.force_new_deployment = change.force_new_deployment;
  if (change.desired_count) config_.desired_count = *change.desired_count;
  if (change.deployment_configuration) config_.deployment = *change.deployment_configuration;
  if (change.health_check_grace_period) config_.health_check_grace_period = *change.health_check_grace_period;
  if (real_) {
    run_real([&] { real_->apply(update); });
  } else {
    simulation_->apply(update);
  }
  index_.catch_up(trace());
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
  const auto& tasks = controller().tasks().records();
  const bool all_stopped = std::all_of(tasks.begin(), tasks.end(), [](const sim::ecs::TaskRecord& task) {
    return task.state == sim::ecs::TaskState::stopped;
  });
  if (!all_stopped) return;
  status_ = ServiceStatus::inactive;
  // Deleted and drained: a real service's containers (stopped tasks, dependency stand-ins) go.
  if (real_) run_real([this] { real_->clean_up(); });
}

const sim::model::TaskDefinition& ServedService::task_definition(int index) const {
  return scenario().task_definitions.at(static_cast<std::size_t>(index));
}

const sim::ecs::ServiceController& ServedService::controller() const {
  return real_ ? real_->controller() : simulation_->controller();
}

const sim::observe::Trace& ServedService::trace() const { return real_ ? real_->trace() : simulation_->trace(); }

const sim::model::Scenario& ServedService::scenario() const {
  return real_ ? real_->scenario() : simulation_->scenario();
}

}  // namespace harness::serve
