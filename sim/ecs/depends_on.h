// Container start order from a task definition's `dependsOn` (API_ContainerDependency;
// ecs-rules §7.3), computed with Boost.Graph.
//
// A container starts after every container it depends on, whatever the condition (START,
// COMPLETE, SUCCESS, HEALTHY): the condition only says how long to wait, the order is the same.
// A cycle, or a name that is no container of the task definition, makes the order undefined: it
// is bad input, reported with the containers involved so the scenario author can fix it.
#pragma once

#include <algorithm>
#include <string>
#include <variant>
#include <vector>

#include "sim/ecs/health_status.h"
#include "sim/engine/time.h"
#include "sim/model/task_definition.h"

namespace sim::ecs {

enum class DependsOnVerdict { met, wait, impossible };

// Whether the dependsOn conditions of `c` let it start now (API_ContainerDependency; reference
// §7.3): START once the dependency started, COMPLETE once it exited, SUCCESS once it exited 0,
// HEALTHY once its container check is healthy. `impossible`: a condition that can no longer be
// met (SUCCESS after a non-zero exit, HEALTHY after an exit). `Container` is a world's record
// (the simulated one, or real mode's) with def, started, exited, exit_code and health;
// `Containers` any range of them (a std::vector, or the simulated world's inline small vector).
template <class Containers, class Container>
DependsOnVerdict depends_on_verdict(const Containers& containers, const Container& c) {
  for (const model::ContainerDependency& d : c.def->depends_on) {
    const Container* dep = nullptr;
    for (const Container& other : containers)
      if (other.def->name == d.container_name) dep = &other;
    if (dep == nullptr) continue;  // the loader rejects unknown names
    switch (d.condition) {
      case model::DependencyCondition::start:
        if (!dep->started) return DependsOnVerdict::wait;
        break;
      case model::DependencyCondition::complete:
        if (!dep->exited) return DependsOnVerdict::wait;
        break;
      case model::DependencyCondition::success:
        if (!dep->exited) return DependsOnVerdict::wait;
        if (dep->exit_code != 0) return DependsOnVerdict::impossible;
        break;
      case model::DependencyCondition::healthy:
        if (dep->exited) return DependsOnVerdict::impossible;
        if (dep->health != HealthStatus::healthy) return DependsOnVerdict::wait;
        break;
    }
  }
  return DependsOnVerdict::met;
}

// When the ECS agent gives up on `c`'s dependencies (ecs-rules §7.3; amazon-ecs-agent
// agent/engine/dependencygraph/graph.go, hasDependencyTimedOut): the earliest
// `started_at(dep) + dep.startTimeout` over the dependencies `c` waits on for COMPLETE, SUCCESS or
// HEALTHY that have a startTimeout and have started. The timeout is the *dependency's*, counted
// from the dependency's start; START never times out, nor does a dependency not yet started;
// kNever when nothing can time out. (The agent notices within its 5 s poll; we at the instant.)
template <class Containers, class Container, class StartedAt>
Millis dependency_deadline(const Containers& containers, const Container& c, StartedAt started_at) {
  Millis deadline = kNever;
  for (const model::ContainerDependency& d : c.def->depends_on) {
    if (d.condition == model::DependencyCondition::start) continue;
    for (const Container& dep : containers) {
      if (dep.def->name != d.container_name || !dep.started || !dep.def->start_timeout) continue;
      deadline = std::min(deadline, started_at(dep) + *dep.def->start_timeout);
    }
  }
  return deadline;
}

// Whether the agent may stop `c` now: shutdown goes in reverse dependency order, so a container
// waits until every started container that lists it in dependsOn has exited (graph.go,
// verifyShutdownOrder; ecs-rules §7.3).
template <class Containers, class Container>
bool dependents_have_exited(const Containers& containers, const Container& c) {
  for (const Container& other : containers) {
    if (!other.started || other.exited) continue;
    for (const model::ContainerDependency& d : other.def->depends_on)
      if (d.container_name == c.def->name) return false;
  }
  return true;
}

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
