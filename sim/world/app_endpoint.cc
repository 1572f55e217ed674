#include "sim/world/app_endpoint.h"

#include <algorithm>

namespace sim::world {
namespace {

std::string basename(const std::string& path) {
  const auto slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

bool has_binary(const model::AppProfile& p, const std::string& name) {
  return std::any_of(p.binaries.begin(), p.binaries.end(),
                     [&](const std::string& b) { return b == name || basename(b) == basename(name); });
}

}  // namespace

bool image_can_run(const model::AppProfile& profile, const std::vector<std::string>& command) {
  const model::ProbeCommand cmd = model::parse_probe_command(command);
  if (model::needs_shell(command) && !has_binary(profile, "sh")) return false;
  return cmd.binary.empty() || has_binary(profile, cmd.binary);
}

HttpProbe resolved(HttpProbe probe, const model::AppProfile& profile) {
  const auto it = profile.endpoints.find(probe.path);
  probe.endpoint = it == profile.endpoints.end() ? nullptr : &it->second;
  const bool port_ok = probe.port == 0 || probe.port == profile.port;
  const bool bound_for_it = probe.origin == ProbeOrigin::container || profile.bind_address != "127.0.0.1";
  probe.reaches_listener = port_ok && bound_for_it;
  return probe;
}

int AppEndpoint::status_code(const model::Endpoint* endpoint, Millis t) const {
  // A dependency the container's URL settings cannot reach is down for it (container_plan.h).
  return endpoint_status_code(endpoint, t >= plan_.listening_at, [&](const std::string& dep) {
    return deps_.up(dep, t) && !(plan_.unusable != nullptr && plan_.unusable->count(dep));
  });
}

ecs::ProbeOutcome AppEndpoint::answer(const HttpProbe& probe, Millis t) const {
  ecs::ProbeOutcome out;
  const bool process_up = t >= plan_.started_at && t < plan_.exit_at;
  if (!process_up || !probe.reaches_listener || t < plan_.health_server_at) {
    out.failure = ecs::ProbeFailure::connection_refused;
    return out;
  }
  out.http_code = status_code(probe.endpoint, t);
  out.duration = profile_.response_time;
  out.pass = std::find(probe.healthy_codes.begin(), probe.healthy_codes.end(), out.http_code) !=
             probe.healthy_codes.end();
  if (!out.pass) out.failure = ecs::ProbeFailure::response_code;
  return out;
}

Millis AppEndpoint::next_change(const HttpProbe& probe, Millis t) const {
  Millis next = kNever;
  auto consider = [&](Millis at) {
    if (at > t && at < next) next = at;
  };
  consider(plan_.started_at);
  consider(plan_.health_server_at);
  consider(plan_.listening_at);
  consider(plan_.exit_at);
  if (probe.endpoint != nullptr && probe.endpoint->kind == model::EndpointKind::ready)
    for (const std::string& dep : probe.endpoint->checks) consider(deps_.next_change(dep, t));
  return next;
}

}  // namespace sim::world
