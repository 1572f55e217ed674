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

}  // namespace

nlohmann::json health_check_config(const sim::model::ContainerHealthCheck& check,
                                   const sim::model::AppProfile& profile, double time_scale) {
  nlohmann::json test = nlohmann::json::array();
  if (sim::world::image_can_run(profile, check.command)) {
    const sim::model::ProbeCommand probe = sim::model::parse_probe_command(check.command);
    const int port = probe.port != 0 ? probe.port : profile.port;
    test = {"CMD", "/chaos", "probe", "http://127.0.0.1:" + std::to_string(port) + (probe.path.empty() ? "/" : probe.path)};
  } else {
    test = check.command;
  }
  // Docker's minimum interval is 1 ms; the timeout has a floor of real time (real_timeout.h).
  const std::int64_t ms = 1'000'000;
  const std::int64_t timeout_ns = std::chrono::nanoseconds(real_timeout(check.timeout, time_scale)).count();
  return {{"Test", test},
          {"Interval", std::max(ms, nanoseconds(check.interval, time_scale))},
          {"Timeout", timeout_ns},
          {"StartPeriod", nanoseconds(check.start_period, time_scale)},
          {"Retries", check.retries}};
}

nlohmann::json container_config(const ContainerLaunch& l) {
  const sim::model::ContainerDefinition& def = *l.definition;
  nlohmann::json env = nlohmann::json::array();
  for (const auto& [name, value] : def.environment) env.push_back(name + "=" + value);
  for (const std::string& secret : def.secrets) {
    const auto value = l.secret_values.find(secret);
    env.push_back(secret + "=" + (value == l.secret_values.end() ? kSecretPlaceholder : value->second));
  }
  env.push_back(std::string(chaos::kProfileVar) + "=" + l.profile_json);
  env.push_back(std::string(chaos::kImageVar) + "=" + def.image);
  env.push_back(std::string(chaos::kTimeScaleVar) + "=" + std::to_string(l.time_scale));
  env.push_back(std::string(chaos::kDependenciesVar) + "=" + l.dependencies);
  nlohmann::json host = {{"NetworkMode", "bridge"}};
  if (l.memory_limit_mib > 0) {
    const std::int64_t bytes = static_cast<std::int64_t>(l.memory_limit_mib) << 20;
    host["Memory"] = bytes;
    host["MemorySwap"] = bytes;  // no swap: crossing the limit is an OOM kill, as on ECS
  }
  nlohmann::json config = {{"Image", kChaosImage},
                           {"Cmd", {"serve"}},
                           {"Env", env},
                           {"Labels", {{kRunLabel, l.run_id},
                                       {"deploysim.task", std::to_string(l.task)},
                                       {"deploysim.container", def.name},
                                       {"deploysim.image", def.image}}},
                           {"HostConfig", host}};
  if (def.health_check) config["Healthcheck"] = health_check_config(*def.health_check, *l.profile, l.time_scale);
  return config;
}

}  // namespace harness::docker
