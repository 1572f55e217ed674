// DockerWorld: task networking. Under awsvpc (and on Fargate) the containers of one task share
// one network namespace: they reach each other on localhost, and the task has one address (ECS
// developer guide, "Amazon ECS task networking options": "containers that belong to the same
// task can communicate over the localhost interface"). As the ECS agent does with its pause
// container, a small holder container — the chaos image's `pause` — owns the namespace, and every
// container of the task joins it (Docker's NetworkMode "container:<id>"); it is created before
// them and removed after them, and carries the run's label like any container of ours.
#include "harness/docker/container_config.h"
#include "harness/docker/docker_world_task.h"

namespace harness::docker {

bool DockerWorld::shares_network(const Task& t) const {
  return own_images_.awsvpc_task_definitions.count(static_cast<std::size_t>(t.task_definition)) != 0;
}

std::string DockerWorld::network_holder_name(sim::ecs::TaskId task) const {
  return "deploysim-" + setup_.run_id + "-t" + std::to_string(task) + "-network";
}

std::pair<std::string, std::string> DockerWorld::start_network_holder(sim::ecs::TaskId task) {
  // It may run on the pool: its name is recorded (created_names_) by the caller, on the run's thread.
  const std::string id = docker_.create_container(network_holder_name(task), network_holder_config(setup_.run_id, task));
  docker_.start_container(id);
  return {id, docker_.inspect_container(id)["NetworkSettings"]["IPAddress"].get<std::string>()};
}

void DockerWorld::remove_network_holder(Task& t) {
  if (t.network_holder.empty()) return;
  in_background([this, id = t.network_holder] { docker_.remove_container(id); },
                [this, name = network_holder_name(t.id)](const std::string& error) {
                  if (error.empty()) created_names_[name] = true;
                });
  t.network_holder.clear();
}

}  // namespace harness::docker
