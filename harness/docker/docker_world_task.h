// DockerWorld's record of a task and its containers (internal to docker_world*.cc).
#pragma once

#include "harness/docker/docker_world.h"

namespace harness::docker {

struct DockerWorld::Container {
  int index = 0;
  const sim::model::ContainerDefinition* def = nullptr;
  const sim::model::AppProfile* profile = nullptr;
  std::string id;  // Docker's container id, once created
  std::string ip;  // on the default bridge, once started
  int target_host_port = 0;  // bridge mode: the host port its target port is published on, once started
  bool starting = false;  // our start call is in flight
  bool started = false;
  bool exited = false;
  bool sigterm_sent = false;
  bool sigkill_sent = false;  // still running at stopTimeout after SIGTERM
  bool fault_killed = false;  // by a stop_task fault of the scenario's timeline
  int exit_code = -1;
  std::optional<int> early_exit_code;  // Docker's die event came before our start completed
  sim::ecs::HealthStatus health = sim::ecs::HealthStatus::unknown;
};

struct DockerWorld::Task {
  sim::ecs::TaskId id = 0;
  sim::ecs::DeploymentId deployment = 0;
  int task_definition = 0;
  sim::ecs::TaskLifecycle agent;  // its lifecycle state and stop code, by the ECS agent's rules
  std::vector<Container> containers;
  std::vector<int> start_order;
  bool created = false;           // its containers exist
  bool pulled = false;            // the pull step's time is up
  std::size_t started_count = 0;  // of start_order
  int lb_container = 0;
  // awsvpc: the container holding the task's network namespace, and the task's one address.
  std::string network_holder;
  std::string network_ip;
  bool registered = false;  // with the target group
  bool probing = false;
  std::optional<sim::ecs::TargetHealthMachine> target_machine;
  sim::TimerId state_timer = sim::kNoTimer;
  sim::TimerId target_timer = sim::kNoTimer;
  sim::TimerId kill_timer = sim::kNoTimer;

  sim::ecs::TaskState state() const { return agent.state(); }
};

}  // namespace harness::docker
