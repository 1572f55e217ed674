// The Engine API ContainerConfig for one container of a task: the chaos image playing the
// container's app profile — or, for an app with runImage, the task definition's image as it is,
// with its entryPoint, command and check as written — with its environment and secrets, its
// limits (memory hard limit without swap, reservation, cpu shares, ulimits), its health check
// with every duration scaled, and the run's labels.
#pragma once

#include <nlohmann/json.hpp>
#include <map>
#include <string>

#include "harness/docker/own_image.h"
#include "harness/docker/port_bindings.h"
#include "sim/model/app_profile.h"
#include "sim/model/task_definition.h"

namespace harness::docker {

// The image `cmake --build build --target chaos_image` builds from docker/Dockerfile.
inline constexpr const char* kChaosImage = "deploysim-chaos:latest";
// Secrets are injected as environment variables (as ECS does), with the value the scenario gives
// (secretValues) or else this placeholder.
inline constexpr const char* kSecretPlaceholder = "deploysim-placeholder-secret";

struct ContainerLaunch {
  const sim::model::ContainerDefinition* definition = nullptr;
  const sim::model::AppProfile* profile = nullptr;
  std::string profile_json;     // the scenario's "apps" member for the image, as the app reads it
  int memory_limit_mib = 0;     // 0: no hard limit
  std::string run_id;
  std::uint32_t task = 0;
  double time_scale = 1.0;
  std::string dependencies;     // "name=ip:port,..." for DEPLOYSIM_DEPENDENCIES
  std::map<std::string, std::string> secret_values;  // the scenario's value of a secret, if any
  // The task definition's process for an app run as its own image (own_image.h); null: the chaos
  // app plays the profile.
  const ContainerProcess* own_image = nullptr;
  // "bridge", or "container:<id>" to join the task's network namespace (awsvpc).
  std::string network_mode = "bridge";
  // Under the task definition's networkMode "bridge": its portMappings, published on the host.
  std::vector<PublishedPort> published_ports = {};
};

nlohmann::json container_config(const ContainerLaunch& launch);

// The container that holds an awsvpc task's network namespace (the chaos image's `pause`, as
// ECS's pause container), labelled with the run and the task.
nlohmann::json network_holder_config(const std::string& run_id, std::uint32_t task);

// Docker's Healthcheck for a task definition's check. A command the image can run by the app
// profile (sim::world::image_can_run) becomes the chaos app's own `probe` of the same URL, since
// the scratch image has no wget or curl; any other command goes to Docker unchanged, and fails
// there for real (seed 004: CMD-SHELL needs /bin/sh, which the image does not have).
nlohmann::json health_check_config(const sim::model::ContainerHealthCheck& check,
                                   const sim::model::AppProfile& profile, double time_scale);

}  // namespace harness::docker
