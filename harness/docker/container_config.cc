#include "harness/docker/container_config.h"

#include "docker/chaos_app/chaos_config.h"
#include "harness/docker/docker_client.h"
#include "harness/docker/real_timeout.h"
#include "sim/world/app_endpoint.h"

namespace harness::docker {
namespace {

std::int64_t nanoseconds(sim::Millis t, double scale) {
  return static_cast<std::int64_t>(static_cast<double>(t.count()) * 1e6 * scale);
}

// The task definition's check as Docker runs it, every duration scaled (the timeout floored).
nlohmann::json scaled_health_check(const sim::model::ContainerHealthCheck& check, nlohmann::json test, double time_scale) {
  // Docker's minimum interval is 1 ms; the timeout has a floor of real time (real_timeout.h).
  const std::int64_t ms = 1'000'000;
  const std::int64_t timeout_ns = std::chrono::nanoseconds(real_timeout(check.timeout, time_scale)).count();
  return {{"Test", std::move(test)},
          {"Interval", std::max(ms, nanoseconds(check.interval, time_scale))},
          {"Timeout", timeout_ns},
          {"StartPeriod", nanoseconds(check.start_period, time_scale)},
          {"Retries", check.retries}};
}

// The task definition's environment and its secrets, as ECS injects them: NAME=value.
nlohmann::json task_environment(const ContainerLaunch& l) {
  nlohmann::json env = nlohmann::json::array();
  for (const auto& [name, value] : l.definition->environment) env.push_back(name + "=" + value);
  for (const std::string& secret : l.definition->secrets) {
    const auto value = l.secret_values.find(secret);
    env.push_back(secret + "=" + (value == l.secret_values.end() ? kSecretPlaceholder : value->second));
  }
  return env;
}

// Limits and network: the memory hard limit without swap, the soft one, cpu shares, ulimits.
nlohmann::json host_config(const ContainerLaunch& l) {
  const sim::model::ContainerDefinition& def = *l.definition;
  nlohmann::json host = {{"NetworkMode", l.network_mode}};
  if (l.memory_limit_mib > 0) {
    const std::int64_t bytes = static_cast<std::int64_t>(l.memory_limit_mib) << 20;
    host["Memory"] = bytes;
    host["MemorySwap"] = bytes;  // no swap: crossing the limit is an OOM kill, as on ECS
  }
  if (def.memory_reservation_mib) host["MemoryReservation"] = static_cast<std::int64_t>(*def.memory_reservation_mib) << 20;
  if (l.own_image == nullptr) return host;
  // ECS passes a container's cpu units to Docker as CpuShares (Docker's minimum is 2).
  if (l.own_image->cpu_units) host["CpuShares"] = std::max(2, *l.own_image->cpu_units);
  nlohmann::json ulimits = nlohmann::json::array();
  for (const Ulimit& u : l.own_image->ulimits) ulimits.push_back({{"Name", u.name}, {"Soft", u.soft}, {"Hard", u.hard}});
  if (!ulimits.empty()) host["Ulimits"] = ulimits;
  return host;
}

nlohmann::json labels(const ContainerLaunch& l) {
  return {{kRunLabel, l.run_id},
          {"deploysim.task", std::to_string(l.task)},
          {"deploysim.container", l.definition->name},
          {"deploysim.image", l.definition->image}};
}

// The image as it is (own_image.h): its own entry point and command unless the task definition
// gives them, the task definition's environment only, its check as written.
nlohmann::json own_image_config(const ContainerLaunch& l) {
  const sim::model::ContainerDefinition& def = *l.definition;
  const ContainerProcess& process = *l.own_image;
  nlohmann::json config = {{"Image", def.image}, {"Env", task_environment(l)}, {"Labels", labels(l)},
                           {"HostConfig", host_config(l)}};
  if (!process.entry_point.empty()) config["Entrypoint"] = process.entry_point;
  if (!process.command.empty()) config["Cmd"] = process.command;
  if (def.health_check) config["Healthcheck"] = scaled_health_check(*def.health_check, def.health_check->command, l.time_scale);
  publish_ports(l.published_ports, config);
  return config;
}

}  // namespace

nlohmann::json health_check_config(const sim::model::ContainerHealthCheck& check,
                                   const sim::model::AppProfile& profile, double time_scale) {
  if (!sim::world::image_can_run(profile, check.command)) return scaled_health_check(check, check.command, time_scale);
  const sim::model::ProbeCommand probe = sim::model::parse_probe_command(check.command);
  const int port = probe.port != 0 ? probe.port : profile.port;
  return scaled_health_check(
      check, {"CMD", "/chaos", "probe", "http://127.0.0.1:" + std::to_string(port) + (probe.path.empty() ? "/" : probe.path)},
      time_scale);
}

nlohmann::json container_config(const ContainerLaunch& l) {
  if (l.own_image != nullptr) return own_image_config(l);
  const sim::model::ContainerDefinition& def = *l.definition;
  nlohmann::json env = task_environment(l);
  env.push_back(std::string(chaos::kProfileVar) + "=" + l.profile_json);
  env.push_back(std::string(chaos::kImageVar) + "=" + def.image);
  env.push_back(std::string(chaos::kTimeScaleVar) + "=" + std::to_string(l.time_scale));
  env.push_back(std::string(chaos::kDependenciesVar) + "=" + l.dependencies);
  nlohmann::json config = {{"Image", kChaosImage}, {"Cmd", {"serve"}}, {"Env", env}, {"Labels", labels(l)},
                           {"HostConfig", host_config(l)}};
  if (def.health_check) config["Healthcheck"] = health_check_config(*def.health_check, *l.profile, l.time_scale);
  publish_ports(l.published_ports, config);
  return config;
}

nlohmann::json network_holder_config(const std::string& run_id, std::uint32_t task) {
  return {{"Image", kChaosImage},
          {"Cmd", {"pause"}},
          {"Labels", {{kRunLabel, run_id}, {"deploysim.task", std::to_string(task)}, {"deploysim.container", "~network"}}},
          {"HostConfig", {{"NetworkMode", "bridge"}}}};
}

}  // namespace harness::docker
