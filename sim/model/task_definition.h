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

  // The hard limit the kernel enforces on container `c` (an OOM kill at it): the container's
  // `memory`, else the task's memory as placed; 0 means no limit.
  int container_memory_limit_mib(const ContainerDefinition& c) const {
    return c.memory_mib.value_or(static_cast<int>(placement_memory_mib()));
  }
};

}  // namespace sim::model
