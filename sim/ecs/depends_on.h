// Container start order from a task definition's `dependsOn` (API_ContainerDependency;
// reference §7.3), computed with Boost.Graph.
//
// A container starts after every container it depends on, whatever the condition (START,
// COMPLETE, SUCCESS, HEALTHY): the condition only says how long to wait, the order is the same.
// A cycle, or a name that is no container of the task definition, makes the order undefined: it
// is bad input, reported with the containers involved so the scenario author can fix it.
#pragma once

#include <string>
#include <variant>
#include <vector>

#include "sim/model/task_definition.h"

namespace sim::ecs {

// Bad dependsOn input, e.g. `dependsOn cycle: app -> sidecar -> app` (the cycle in dependsOn
// direction, starting at its first container in definition order) or
// `container "app" dependsOn unknown container "db"`.
struct DependsOnError {
  std::string message;
};

// Indices into td.containers in a valid start order: dependencies first. The order is
// deterministic and stays close to the definition: containers are taken in definition order, and
// each comes right after those of its dependencies (again in definition order) not yet placed.
// Containers without dependencies therefore keep their definition order.
std::variant<std::vector<int>, DependsOnError> container_start_order(
    const model::TaskDefinition& td);

}  // namespace sim::ecs
