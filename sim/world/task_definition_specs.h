// What the simulated world derives from each task definition before a task of it runs: each
// container's spec (its app profile, the names it is given, the dependencies its settings cannot
// reach, its health check parsed and resolved), the dependsOn start order, and the load balancer's
// probe. Deriving them (the start order with Boost.Graph, parsing every health-check command)
// costs more than the tasks of a short run do, so a sweep prepares them once per scenario and
// hands them to each Simulation of it (RunOptions::task_specs); a Simulation without them
// prepares its own.
//
// Invariant: the specs point into the scenario they were prepared from; that scenario must
// outlive them, and may change between runs only in what no spec reads (the seed, the faults,
// the app profiles' start-up phases: what a sweep's deploy changes).
#pragma once

#include <set>
#include <string>
#include <vector>

#include "sim/model/scenario.h"
#include "sim/world/app_endpoint.h"
#include "sim/world/container_plan.h"

namespace sim::world {

// What never changes for a container of one task definition: parsing a health-check command or
// collecting names per container start would dominate large runs.
struct ContainerSpec {
  const model::ContainerDefinition* def = nullptr;
  const model::AppProfile* profile = nullptr;
  std::set<std::string> available;  // environment variable and secret names it is given
  UnusableDependencies unusable;    // dependencies its URL settings cannot reach
  HttpProbe check_probe;            // Docker's check, when it has one
  bool check_runnable = true;       // the image has the check's binary (and sh for CMD-SHELL)
  bool check_has_url = true;        // the check names a URL (else it passes while the process lives)
};

class TaskDefinitionSpecs {
 public:
  // Prepares every task definition of `scenario`. Throws std::invalid_argument for a dependsOn
  // cycle, naming the task definition.
  explicit TaskDefinitionSpecs(const model::Scenario& scenario);

  // Prepares the task definitions appended to the scenario since (RegisterTaskDefinition).
  void prepare_added();

  // Whether these are the specs of `scenario` (the very object) and of all its task definitions.
  bool prepared_for(const model::Scenario& scenario) const {
    return &scenario == scenario_ && start_orders_.size() == scenario.task_definitions.size();
  }

  const std::vector<ContainerSpec>& containers(int task_definition) const {
    return containers_[static_cast<std::size_t>(task_definition)];
  }
  // The containers' indexes in dependsOn order.
  const std::vector<int>& start_order(int task_definition) const {
    return start_orders_[static_cast<std::size_t>(task_definition)];
  }
  // The load balancer's health check of a task's target (no endpoint without a load balancer).
  const HttpProbe& target_probe(int task_definition) const {
    return target_probes_[static_cast<std::size_t>(task_definition)];
  }

 private:
  const model::Scenario* scenario_;
  std::vector<std::vector<ContainerSpec>> containers_;  // [task definition][container]
  std::vector<std::vector<int>> start_orders_;          // [task definition]
  std::vector<HttpProbe> target_probes_;                // [task definition]
};

}  // namespace sim::world
