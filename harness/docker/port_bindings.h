// ECS bridge network mode on the local engine. A task definition with networkMode "bridge"
// publishes each container's portMappings on the host, as the ECS agent asks Docker to
// (HostConfig.PortBindings): containerPort/protocol to hostPort, where hostPort 0 (or none) lets
// the engine pick a free port — ECS's dynamic host port mapping. Unlike on an EC2 instance, the
// ports are bound to 127.0.0.1 only, so nothing of a run is reachable from another machine. An
// ALB registers a bridge-mode task as the target instance:hostPort; the driver's target probes and
// load generator reach the task the same way, at 127.0.0.1:hostPort, read back from the
// container's inspect once it runs (docker_world*.cc).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace harness::docker {

// One portMappings entry (API_PortMapping).
struct PublishedPort {
  int container_port = 0;
  int host_port = 0;            // 0: the engine picks one (dynamic)
  std::string protocol = "tcp";  // "tcp" or "udp"
};

// The address at which the host reaches published ports.
inline constexpr const char* kPublishedHostIp = "127.0.0.1";

// Adds the ports to a container's Engine API config: ExposedPorts, and HostConfig.PortBindings
// bound to kPublishedHostIp. Nothing when `ports` is empty.
void publish_ports(const std::vector<PublishedPort>& ports, nlohmann::json& config);

// The host port the engine bound `container_port`/tcp to, from the container's inspect
// (NetworkSettings.Ports); 0 when it is not published.
int published_host_port(const nlohmann::json& inspect, int container_port);

}  // namespace harness::docker
