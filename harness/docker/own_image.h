// Apps real mode runs as their own image: an app profile with "runImage": true. The simulator
// plays every profile; in real mode such an app's containers run the task definition's image
// itself (present in the local engine, never pulled) with what the task definition says of the
// process — entryPoint, command, ulimits, cpu — rather than the chaos app playing the profile.
//
// These fields are real mode's alone, so they are read here from the scenario file (the way
// app_profile_json hands the chaos app its profile) and sim/model stays as the simulator needs it.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "harness/docker/port_bindings.h"

namespace harness::docker {

// A resource limit (API_Ulimit: name as Docker spells it, e.g. "nofile"; soft <= hard).
struct Ulimit {
  std::string name;
  std::int64_t soft = 0;
  std::int64_t hard = 0;
};

// What Docker runs for one container definition. Empty: the image's own ENTRYPOINT / CMD.
struct ContainerProcess {
  std::vector<std::string> entry_point;
  std::vector<std::string> command;
  std::vector<Ulimit> ulimits;
  std::optional<int> cpu_units;  // container cpu (1024 = one vCPU), given to Docker as CpuShares
};

struct OwnImages {
  std::set<std::string> images;  // apps with runImage
  // By (task definition index, container index) in the file's "taskDefinitions".
  std::map<std::pair<std::size_t, std::size_t>, ContainerProcess> processes;

  // What the load generator GETs from an own image's target: the scenario's traffic "path".
  std::string traffic_path = "/";

  // Task definitions (by index) whose networkMode is "awsvpc" or "host": the containers of one
  // task share one network namespace, localhost between them, as on ECS with awsvpc and on
  // Fargate. "host" is played the same way — a private namespace, never the machine's own
  // network. Any other mode (bridge, the default here) gives each container its own address.
  std::set<std::size_t> awsvpc_task_definitions;

  // The portMappings (with protocol) of every container of a task definition whose networkMode
  // is "bridge", by (task definition, container): published on the host (port_bindings.h).
  std::map<std::pair<std::size_t, std::size_t>, std::vector<PublishedPort>> bridge_ports;

  bool runs_own_image(const std::string& image) const { return images.count(image) != 0; }
  const ContainerProcess* process(std::size_t task_definition, std::size_t container) const;
};

// Reads runImage of every app, the process fields of every container definition and, under
// bridge, its portMappings, in the scenario file at `path`. Bad values throw scenario::ScenarioError at file:line:column.
OwnImages read_own_images(const std::string& path);

}  // namespace harness::docker
