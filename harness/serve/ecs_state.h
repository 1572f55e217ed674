// Everything the served ECS API knows: the registered task definitions, the clusters and their
// services (each a running simulation), and the server's simulated clock, which every service's
// simulation follows.
//
// The world a new service plays — app profiles, dependencies, platform timing, target group,
// alarms, seed and rule set — is the scenario the server was started with (or the built-in
// default); CreateService brings only what ECS's API carries. Invariants: the clock never goes
// back; every service's simulation stands at the clock after advance_to; an operation that throws
// has changed nothing.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "harness/serve/served_service.h"
#include "harness/serve/task_definition_registry.h"
#include "sim/model/scenario.h"

namespace harness::serve {

class EcsState {
 public:
  // `world`: the scenario the server was started with. Its task definitions are registered, its
  // cluster exists, and with `create_scenario_service` its service runs from time 0 on its
  // initial task definition, ready for an UpdateService. `epoch_start`: the wall-clock epoch
  // seconds that simulated time 0 stands for (the timestamps clients see).
  // With `real`, every service is played for real (ServedService's second form).
  EcsState(const sim::model::Scenario& world, double epoch_start, bool create_scenario_service,
           std::optional<RealServing> real = std::nullopt);

  sim::Millis now() const { return now_; }
  // Whether the services are real runs (deploysim serve --real): then time cannot jump.
  bool real() const { return real_.has_value(); }
  double epoch(sim::Millis t) const { return epoch_start_ + static_cast<double>(t.count()) / 1000.0; }
  // Runs every service's simulation to `t` (nothing when `t` is not later than now()); a real
  // service handles what is due on its own clock, whatever `t`.
  void advance_to(sim::Millis t);

  TaskDefinitionRegistry& task_definitions() { return registry_; }
  const TaskDefinitionRegistry& task_definitions() const { return registry_; }

  // Clusters: "default", the scenario's, and those CreateCluster added.
  bool has_cluster(const std::string& name) const { return clusters_.count(name) > 0; }
  void add_cluster(const std::string& name) { clusters_.insert(name); }
  const std::set<std::string>& clusters() const { return clusters_; }
  // The cluster a request names ("" is "default"). Throws ClusterNotFoundException.
  std::string cluster(const std::string& name_or_arn) const;

  // The service, ACTIVE, DRAINING or INACTIVE (a deleted one is kept, as ECS shows it for a while);
  // null if there never was one of that name in that cluster.
  ServedService* find_service(const std::string& cluster, const std::string& name);
  // The service an UpdateService, ListTasks … names: ACTIVE or DRAINING. Throws
  // ServiceNotFoundException (or ServiceNotActiveException for an INACTIVE one).
  ServedService& active_service(const std::string& cluster, const std::string& name);
  // CreateService: `config` with `definition` as its first task definition, running warm now.
  ServedService& create_service(const sim::model::ServiceConfig& config, const sim::model::TaskDefinition& definition);
  // The services of `cluster`, in name order, of every status.
  std::vector<const ServedService*> services(const std::string& cluster) const;

  const sim::model::Scenario& world() const { return world_; }

 private:
  ServedService& add_service(sim::model::Scenario scenario);

  sim::model::Scenario world_;
  std::optional<RealServing> real_;
  double epoch_start_;
  sim::Millis now_{0};
  TaskDefinitionRegistry registry_;
  std::set<std::string> clusters_;
  std::map<std::string, std::map<std::string, std::unique_ptr<ServedService>>> services_;  // cluster, name
};

}  // namespace harness::serve
