// One ECS service behind the API: its own stepwise sim::Simulation, started when the service was
// created and advanced to the server's simulated time, into which each UpdateService is applied
// as an action on its timeline (sim/model/service_update.h). Under `serve --real` it is a
// stepwise real run instead (harness/docker/real_service.h): the same controller on real Docker
// containers, whose clock is the wall clock times the time scale; advancing it runs the Docker
// events, timers and probes that are due, and cannot move its time.
//
// The service's run time starts at 0 when the service is created (for real, once its initial
// tasks serve); `created_at` places that on the server's clock. The service keeps what ECS reports but the simulation does not decide: its
// status (ACTIVE, DRAINING after DeleteService, INACTIVE once drained), and which registered task
// definition each of the simulation's task definition indexes is.
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

#include "harness/docker/real_service.h"
#include "harness/serve/real_scenario_file.h"
#include "harness/serve/trace_index.h"
#include "sim/ecs/service_controller.h"
#include "sim/model/scenario.h"
#include "sim/model/service_update.h"
#include "sim/simulation.h"

namespace harness::serve {

enum class ServiceStatus { active, draining, inactive };

// One UpdateService (or DeleteService) as the service applies it; the task definition resolved.
struct ServiceChange {
  std::optional<sim::model::TaskDefinition> task_definition;
  // The profiles of its images, which the service's world may lack (registered since it started).
  std::map<std::string, sim::model::AppProfile> apps;
  std::optional<int> desired_count;
  std::optional<sim::model::DeploymentConfiguration> deployment_configuration;
  std::optional<sim::Millis> health_check_grace_period;
  bool force_new_deployment = false;
  // task_definition as registered: serve --real runs by its real-mode members (real_mode_members.h).
  nlohmann::json registered;
};

// How services are played for real (deploysim serve --real).
struct RealServing {
  docker::RealRunOptions options;   // time_scale: real seconds per run second
  std::set<std::string> own_images;  // images run as they are (runImage in the server's scenario)
  // The server's scenario file's taskDefinitions as written, in the scenario's order: what its
  // task definitions are registered with beyond the model (real_mode_members.h). Empty for a
  // configuration the readers read.
  std::vector<nlohmann::json> file_task_definitions;
};

class ServedService {
 public:
  // `scenario`: the world the service plays (apps, dependencies, platform …) with its service
  // config and its first task definition at scenario.initial_task_definition, which runs warm and
  // COMPLETED from the start. Its own deploy and timeline are not played: the API is the timeline.
  ServedService(sim::model::Scenario scenario, sim::Millis created_at);
  // The same service played for real: starts its initial tasks as containers and waits (real
  // time) until they serve; `created_at` is the server's time when it was asked for, and the
  // run's time 0 is that plus the warm-up. Throws DockerError (no engine, no image) or
  // ScenarioError (an own image the engine lacks), having left nothing behind.
  // `registered`: the scenario's task definitions as registered, by "family:revision".
  ServedService(sim::model::Scenario scenario, sim::Millis created_at, const RealServing& real,
                const std::map<std::string, nlohmann::json>& registered);

  const std::string& name() const { return config_.name; }
  const std::string& cluster() const { return config_.cluster; }
  sim::Millis created_at() const { return created_at_; }
  ServiceStatus status() const { return status_; }
  // The service as the latest UpdateService left it (desiredCount, deploymentConfiguration …).
  const sim::model::ServiceConfig& config() const { return config_; }
  // False once the simulation stopped at one of its caps (events, trace, tasks launched), or the
  // Docker engine failed the real run: the service then stands still, and the control
  // endpoint's state says so (stopped_reason()).
  bool simulating() const { return simulating_; }
  const std::string& stopped_reason() const { return stopped_reason_; }
  bool real() const { return real_ != nullptr; }
  // The real run's id (the label deploysim.run of its containers); "" when simulated.
  std::string run_id() const { return real_ ? real_->run_id() : ""; }

  // Runs the simulation up to the server's time `now` (no earlier than created_at); a real run
  // handles what is due by now on its own clock, without waiting.
  void advance_to(sim::Millis now);
  // UpdateService at the present.
  void apply(const ServiceChange& change);
  // DeleteService: scales to 0 and drains; the service turns INACTIVE once every task stopped.
  void remove();

  // The server's time of a simulation time.
  sim::Millis server_time(sim::Millis local) const { return created_at_ + local; }
  const sim::ecs::ServiceController& controller() const;
  const sim::observe::Trace& trace() const;
  const sim::model::Scenario& scenario() const;
  const TraceIndex& facts() const { return index_; }
  // The simulation's task definition `index` (TaskRecord::task_definition), as registered.
  const sim::model::TaskDefinition& task_definition(int index) const;
  std::string task_definition_name(int index) const { return task_definition(index).arn_name(); }

 private:
  void refresh_status();

  void index_task_definitions();
  int add_task_definition(const ServiceChange& change);
  template <class Step>
  void run_real(Step&& step);

  // One of the two is set. Each owns its scenario, which grows by registrations.
  std::unique_ptr<sim::Simulation> simulation_;
  std::unique_ptr<RealScenarioFile> real_file_;  // what the real run reads its apps from
  std::unique_ptr<docker::RealService> real_;
  sim::Millis created_at_;
  sim::model::ServiceConfig config_;
  ServiceStatus status_ = ServiceStatus::active;
  bool simulating_ = true;
  std::string stopped_reason_;
  std::map<std::string, int> task_definition_index_;  // "family:revision" -> simulation index
  TraceIndex index_;
};

}  // namespace harness::serve
