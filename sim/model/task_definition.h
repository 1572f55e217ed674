// A task definition and its containers, with ECS's field names and defaults (plain data).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "sim/engine/time.h"
#include "sim/model/health_check.h"

namespace sim::model {

// dependsOn conditions (API_ContainerDependency).
enum class DependencyCondition { start, complete, success, healthy };

struct ContainerDependency {
  std::string container_name;
  DependencyCondition condition = DependencyCondition::start;
};

struct PortMapping {
  int container_port = 0;
  int host_port = 0;
};

struct ContainerDefinition {
  std::string name;
  std::string image;             // "repo/app:1.165"; selects the app profile the world plays
  bool essential = true;         // default true; an essential container's exit stops the task
  std::optional<int> memory_mib;              // hard limit: exceeding it is an OOM kill
  std::optional<int> memory_reservation_mib;  // soft limit: placement only
  std::optional<ContainerHealthCheck> health_check;
  std::vector<ContainerDependency> depends_on;
  std::map<std::string, std::string> environment;
  std::vector<std::string> secrets;  // names of secrets injected
  std::map<std::string, std::string> secret_sources;  // secret name -> valueFrom (ARN or parameter)
  std::vector<PortMapping> port_mappings;
  // How long ECS waits for a dependency condition before giving up on this container
  // (startTimeout; Fargate default 3 min per an older API revision, ecs-rules open q. 10).
  std::optional<Millis> start_timeout;
  // Grace between SIGTERM and SIGKILL (stopTimeout, default 30 s, max 120 s on Fargate).
  Millis stop_timeout = seconds(30);
};

enum class LaunchType { fargate, ec2 };

struct TaskDefinition {
  std::string family;
  int revision = 1;
  std::optional<int> cpu_units;
  std::optional<int> memory_mib;  // task-level hard cap (required on Fargate)
  std::vector<ContainerDefinition> containers;

  std::string arn_name() const { return family + ":" + std::to_string(revision); }

  // Memory the scheduler reserves to place the task: task-level memory, else each container's
  // memoryReservation (or hard memory) summed (ecs-rules §8: placement subtracts those).
  std::int64_t placement_memory_mib() const {
    if (memory_mib) return *memory_mib;
    std::int64_t sum = 0;
    for (const auto& c : containers) sum += c.memory_reservation_mib.value_or(c.memory_mib.value_or(0));
    return sum;
  }

  // The hard limit the kernel enforces on container `c` alone (an OOM kill at it): its `memory`;
  // in a task of one container, the task's `memory` when that is lower or `memory` is unset;
  // 0: no limit of its own. A memoryReservation is no limit at all (ecs-rules §8). With several
  // containers, the task's `memory` is one cap they share (sim/world/task_memory.h).
  int container_memory_limit_mib(const ContainerDefinition& c) const {
    int limit = c.memory_mib.value_or(0);
    if (containers.size() == 1 && memory_mib && (limit == 0 || *memory_mib < limit)) limit = *memory_mib;
    return limit;
  }
  // The cap the containers share, when they are several and the task has `memory`; else 0.
  int shared_memory_cap_mib() const { return containers.size() > 1 ? memory_mib.value_or(0) : 0; }
};

}  // namespace sim::model
